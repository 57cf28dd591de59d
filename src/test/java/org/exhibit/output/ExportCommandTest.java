package org.exhibit.output;

import org.exhibit.cli.CliRun;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ExportCommandTest {
    static CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void writesEveryFormatIntoOutDir(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("thread.txt");
        Files.writeString(f, Fixtures.THREAD);
        Path out = dir.resolve("out");
        for (String to : new String[]{"tei", "csl", "annotations", "json", "graph", "graph-json"}) {
            CliRun r = run("export", "--to", to, "--out", out.toString(), f.toString());
            assertEquals(0, r.code(), r.err());
        }
        assertTrue(Files.readString(out.resolve("thread.txt.tei.xml")).contains("<post xml:id=\"post-p2\""));
        assertTrue(Files.readString(out.resolve("thread.txt.csl.json")).trim().startsWith("["));
        assertTrue(Files.readString(out.resolve("thread.txt.annotations.jsonld")).contains("\"TextQuoteSelector\""));
        assertTrue(Files.readString(out.resolve("thread.txt.exhibit.json")).contains("\"exhibit_schema\""));
        assertTrue(Files.readString(out.resolve("thread.txt.graphml")).contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
        assertTrue(Files.readString(out.resolve("thread.txt.graph.json")).contains("\"edges\""));
        try (var l = Files.list(out)) { assertEquals(6, l.count(), "no temporary files left behind"); }
    }

    @Test
    void badInputsAreReportedOneLineEachAndOthersStillExported(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, Fixtures.THREAD);
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        CliRun r = run("export", "--to", "tei", dir.resolve("missing.txt").toString(), empty.toString(), good.toString(), dir.toString());
        assertEquals(1, r.code());
        String[] lines = r.err().strip().split("\n");
        assertEquals(3, lines.length, r.err());
        assertTrue(lines[0].contains("missing.txt") && lines[0].contains("no such file"), lines[0]);
        assertTrue(lines[1].contains("empty.txt") && lines[1].contains("empty"), lines[1]);
        assertTrue(lines[2].contains("directory"), lines[2]);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertTrue(r.out().contains("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">"));
        assertEquals(1, r.out().split("<TEI ", -1).length - 1);
    }

    @Test
    void analyzeToIsTheSameAsExport(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("thread.txt");
        Files.writeString(f, Fixtures.THREAD);
        for (String to : new String[]{"tei", "csl", "annotations", "json", "graph", "graph-json"})
            assertEquals(run("export", "--to", to, f.toString()).out(), run("analyze", "--to", to, f.toString()).out(), to);
        assertEquals(run("analyze", "--json", f.toString()).out(), run("analyze", "--to", "json", f.toString()).out());
        CliRun r = run("analyze", "--to", "annotations", "--out", dir.resolve("o").toString(), f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(dir.resolve("o/thread.txt.annotations.jsonld")));
    }

    @Test
    void unknownTargetIsAUsageError() {
        CliRun r = run("export", "--to", "docx", "x.txt");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--to"), r.err());
    }
}
