package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ReuseCommandTest {
    static final String PASSAGE = "I reported my findings to the Russian members of the commission with considerable self-satisfaction. "
            + "To my astonishment the Russians were not at all pleased. They even brought considerable pressure upon me to "
            + "approve the deal, telling me I had misunderstood what was wanted.";

    static CliRun run(String... args) { return CliRun.of(args); }

    @Test void jsonPairsAndClustersAcrossADirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("board/2004"));
        Files.writeString(dir.resolve("board/2004/a.txt"), "Marten\n12th April 2004, 10:15\nHe wrote:\n" + PASSAGE + "\nSo it was graft.\n");
        Files.writeString(dir.resolve("board/b.txt"), "Iris\n2nd May 2006, 22:40\nThe usual passage again: \"" + PASSAGE + "\" Nothing new.\n");
        CliRun r = run("reuse", "--json", dir.resolve("board").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = JsonWriter.mapper().readTree(r.out());
        assertEquals(1, root.path("pairs").size());
        JsonNode pair = root.path("pairs").get(0);
        assertEquals("verbatim", pair.path("kind").asText());
        assertTrue(pair.path("parts").get(0).path("text").asText().startsWith("I reported my findings"));
        assertEquals(1, root.path("clusters").size());
        assertEquals("2004-04-12T10:15", root.path("clusters").get(0).path("earliest").path("published").asText());
        assertTrue(r.err().contains("2 files"), r.err());

        CliRun strict = run("reuse", "--json", "--min-words", "80", dir.resolve("board").toString());
        assertEquals(0, JsonWriter.mapper().readTree(strict.out()).path("pairs").size());
    }

    @Test void missingInputIsOneLineAndExitOne(@TempDir Path dir) {
        CliRun r = run("reuse", dir.resolve("nope").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("exhibit: " + dir.resolve("nope") + ": no such file or directory"), r.err());
    }

    @Test void verifyFindsAPastedPassageInTheLibrary(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("littlepage.txt"), "Title: In Search of Soviet Gold\nAuthor: John D. Littlepage\n\n"
                + "This seemed to be nothing other than a trick. " + PASSAGE + " I wasn't able to understand their attitude.");
        Path thread = Files.writeString(dir.resolve("t.txt"), "Vasko\n3rd May 2005, 18:20\nHe says: "
                + PASSAGE.replace("considerable pressure", "great pressure") + "\n");
        CliRun r = run("verify", "--json", "--library", lib.toString(), thread.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode res = JsonWriter.mapper().readTree(r.out());
        assertEquals(1, res.size(), r.out());
        assertEquals("In Search of Soviet Gold", res.get(0).path("work").asText());
        assertEquals("altered", res.get(0).path("verdict").asText());
        assertTrue(res.get(0).path("differences").toString().contains("great"), r.out());

        CliRun missing = run("verify", "--library", dir.resolve("nolib").toString(), thread.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("exhibit: " + dir.resolve("nolib")), missing.err());
    }

    @Test void reuseOverAnIngestedCorpusIsStoredAndShownBySearch(@TempDir Path dir) throws Exception {
        Path threads = Files.createDirectories(dir.resolve("threads"));
        Files.writeString(threads.resolve("a.txt"), "Marten\n12th April 2004, 10:15\nHe wrote:\n" + PASSAGE + "\nSo it was graft.\n");
        Files.writeString(threads.resolve("b.txt"), "Iris\n2nd May 2006, 22:40\nThe usual passage again: \"" + PASSAGE + "\" Nothing new.\n");
        Files.writeString(threads.resolve("c.txt"), "Vasko\n3rd May 2005, 18:20\nThe commission bought mine-hoists abroad; nobody checked the bases.\n");
        String db = dir.resolve("corpus").toString();
        CliRun ingest = run("ingest", "-q", "--db", db, threads.toString());
        assertEquals(0, ingest.code(), ingest.err());

        CliRun reuse = run("reuse", "--json", "--db", db);
        assertEquals(0, reuse.code(), reuse.err());
        JsonNode root = JsonWriter.mapper().readTree(reuse.out());
        assertEquals(1, root.path("clusters").size(), reuse.out());
        JsonNode cluster = root.path("clusters").get(0);
        assertEquals(threads.resolve("a.txt").toAbsolutePath().toString(), cluster.path("earliest").path("document").asText());
        assertTrue(reuse.err().contains("1 clusters stored"), reuse.err());

        // search marks the quote and the post that hold the shared passage, and not the third thread
        CliRun search = run("search", "--db", db, "--json", "mine-hoists OR astonishment");
        assertEquals(0, search.code(), search.err());
        JsonNode hits = JsonWriter.mapper().readTree(search.out()).path("hits");
        int marked = 0;
        for (JsonNode h : hits) {
            boolean inC = h.path("path").asText().endsWith("c.txt");
            if (h.path("reuse").size() > 0) {
                marked++;
                assertFalse(inC, h.toString());
                assertEquals(2, h.path("reuse").get(0).path("witnesses").asInt());
                assertEquals("2004-04-12T10:15", h.path("reuse").get(0).path("earliest").path("published").asText());
            }
        }
        assertTrue(marked >= 2, search.out());
        CliRun text = run("search", "--db", db, "astonishment");
        assertTrue(text.out().contains("reused: cluster 1, 2 witnesses, earliest "), text.out());

        // the file-based command still works, and both at once is refused
        assertEquals(0, run("reuse", threads.toString()).code());
        CliRun both = run("reuse", "--db", db, threads.toString());
        assertEquals(2, both.code());
    }
}
