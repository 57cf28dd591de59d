package org.exhibit.hardening;

import org.exhibit.cli.AtomicOutput;
import org.exhibit.cli.Exhibit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.*;

/** --out never loses a previous edition and never writes outside its directory. */
class AtomicOutputTest {
    @Test void failedWriteLeavesThePreviousEditionIntact(@TempDir Path out) throws Exception {
        Path target = out.resolve("thread.txt.exhibit.json");
        Files.writeString(target, "{\"previous\": true}");
        IOException e = assertThrows(IOException.class, () -> AtomicOutput.write(target, w -> {
            w.write("{\"half\": ");
            w.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("{\"previous\": true}", Files.readString(target));
        assertNoTemporaryFiles(out);
        // A writer that dies with an unchecked exception leaves it intact too.
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, w -> { w.write("x"); throw new IllegalStateException("bug"); }));
        assertEquals("{\"previous\": true}", Files.readString(target));
        assertNoTemporaryFiles(out);
    }

    @Test void successfulWriteReplacesTheEditionWhole(@TempDir Path out) throws Exception {
        Path target = out.resolve("thread.txt.exhibit.json");
        Files.writeString(target, "old");
        AtomicOutput.write(target, w -> w.write("new"));
        assertEquals("new", Files.readString(target));
        assertNoTemporaryFiles(out);
    }

    @Test void symlinkAtTheTargetIsReplacedNotFollowed(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Path link = Files.createSymbolicLink(out.resolve("thread.txt.exhibit.json"), victim);
        AtomicOutput.write(link, w -> w.write("edition"));
        assertEquals("keep me", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(out.resolve("thread.txt.exhibit.json")));
    }

    @Test void outputNamesCannotEscapeTheOutDirectory(@TempDir Path out) throws Exception {
        for (String input : new String[]{"../../etc/passwd", "/etc/passwd", "a/../../b.txt", "..", ".", "threads/../../x.txt", "-"}) {
            Path t = AtomicOutput.target(out, Path.of(input), ".exhibit.json");
            assertEquals(out.normalize(), t.normalize().getParent(), input + " -> " + t);
        }
    }

    @Test void analyzeWithOutWritesInsideTheDirectoryForDotDotInputs(@TempDir Path dir) throws Exception {
        Path threads = Files.createDirectories(dir.resolve("a/b"));
        Path thread = Files.writeString(threads.resolve("thread.txt"), post("Anna Petrova", "He said \"the court was fair\"."));
        Path out = dir.resolve("out");
        String dotted = threads.resolve("../b/./thread.txt").toString();
        int rc = run("analyze", "--out", out.toString(), dotted);
        assertEquals(0, rc);
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(1, all.filter(p -> p.toString().endsWith(".exhibit.json")).count());
        }
        assertTrue(Files.exists(out.resolve("thread.txt.exhibit.json")));
        // A second run over a previous edition replaces it atomically and leaves no temporary files.
        assertEquals(0, run("export", "--to", "tei", "--out", out.toString(), thread.toString()));
        assertEquals(0, run("analyze", "--out", out.toString(), thread.toString()));
        assertNoTemporaryFiles(out);
    }

    @Test void maxInputOptionRefusesLargerFilesOnOneLine(@TempDir Path dir) throws Exception {
        Path big = Files.writeString(dir.resolve("big.txt"), post("Anna Petrova", "word ".repeat(300_000)));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = run("analyze", "--max-input-mb", "1", big.toString());
        } finally {
            System.setErr(old);
            System.clearProperty("exhibit.max-input-mb");
        }
        assertEquals(1, rc);
        String msg = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(msg.startsWith("exhibit: " + big + ": is larger than the input limit of 1 MB"), msg);
        assertEquals(1, msg.lines().count(), msg);
    }

    static int run(String... args) {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Exhibit.commandLine().execute(args);
        } finally {
            System.setOut(old);
        }
    }

    static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            assertEquals(0, l.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "temporary files left in " + dir);
        }
    }
}
