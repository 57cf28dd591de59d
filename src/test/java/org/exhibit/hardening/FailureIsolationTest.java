package org.exhibit.hardening;

import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;
import org.exhibit.cli.CliRun;
import org.exhibit.index.Corpus;
import org.exhibit.index.Ingest;
import org.exhibit.model.Document;
import org.exhibit.read.Failures;
import org.exhibit.read.InputException;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whatever one document's work throws, an Error included, is that document's one-line error: the other inputs
 * of the run are read, analysed and stored, and the exit code is the documented one.
 */
class FailureIsolationTest {
    @TempDir Path tmp;

    static final String GOOD = "Anna Petrova\n1st May 2005, 10:00\nShe said \"the court was fair\" and left.\n";

    /** A stage that fails as the JVM does when a document is too deep or too big for it. */
    static Pipeline failingOn(String marker, Throwable t) {
        List<Stage> stages = new ArrayList<>(Pipeline.standard().stages());
        stages.add(0, new Stage() {
            @Override public String name() { return "failing"; }
            @Override public void apply(Document doc) {
                if (!doc.text().contains(marker)) return;
                if (t instanceof Error e) throw e;
                throw (RuntimeException) t;
            }
        });
        return new Pipeline(stages);
    }

    @Test void anyThrowableBecomesOneLineNamingTheFile() {
        for (Throwable t : new Throwable[]{new StackOverflowError(), new OutOfMemoryError("Java heap space"), new IllegalStateException("broken\nsecond line")}) {
            InputException e = assertThrows(InputException.class, () -> Failures.isolate("thread.html", () -> {
                if (t instanceof Error err) throw err;
                throw (Exception) t;
            }));
            assertTrue(e.getMessage().startsWith("thread.html: could not be analysed: "), e.getMessage());
            assertTrue(e.getMessage().contains(t.getClass().getSimpleName()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        // A real overflow, from real recursion, is caught the same way.
        InputException deep = assertThrows(InputException.class, () -> Failures.isolate("deep.txt", () -> recurse(0)));
        assertTrue(deep.getMessage().contains("nested too deep"), deep.getMessage());
    }

    static int recurse(int n) { return recurse(n + 1) + 1; }

    @Test void ingestStoresTheOtherFilesWhenOneThrowsAnError() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("a.txt"), GOOD, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b.txt"), GOOD.replace("fair", "BOOM"), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("c.txt"), GOOD.replace("Anna", "Olga"), StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        Ingest.Summary s;
        try (Corpus c = Corpus.open(StoreTarget.parse(tmp.resolve("db").toString()), tmp.resolve("db").resolve("index"))) {
            s = new Ingest(c).pipeline(failingOn("BOOM", new StackOverflowError())).run(Ingest.expand(List.of(in)), new Ingest.Listener() {
                @Override public void file(Path file, Ingest.Outcome outcome, String message, long bytes, int posts, int quotes) {
                    if (outcome == Ingest.Outcome.FAILED) failures.add(message);
                }
            });
        }
        assertEquals(2, s.stored(), "the files after the failing one are stored too");
        assertEquals(1, s.failed());
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("b.txt") && failures.get(0).contains("StackOverflowError"), failures.get(0));
    }

    @Test void analyzeGoesOnPastHtmlNestedThousandsDeep() throws Exception {
        Path deep = tmp.resolve("deep.html"), good = tmp.resolve("good.txt");
        Files.writeString(deep, "<html><body><div class=\"post\">" + "<span><b>".repeat(5_000) + "<blockquote>".repeat(3_000) + "x", StandardCharsets.UTF_8);
        Files.writeString(good, GOOD, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("analyze", deep.toString(), good.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("deep.html") && r.out().contains("good.txt"), r.out());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test void searchWithThousandsOfNestedParenthesesIsOneLine() throws Exception {
        Path db = tmp.resolve("db2"), in = Files.createDirectories(tmp.resolve("in2"));
        Files.writeString(in.resolve("a.txt"), GOOD, StandardCharsets.UTF_8);
        assertEquals(0, CliRun.of("ingest", "-q", "--db", db.toString(), in.toString()).code());
        CliRun r = CliRun.of("search", "--db", db.toString(), "(".repeat(5_000) + "court" + ")".repeat(5_000));
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("nests parentheses"), r.err());
        assertEquals(0, CliRun.of("search", "--db", db.toString(), "((court OR fair) AND (she))").code(), "ordinary nesting still works");
        // Lucene's builders refuse a malformed /regular expression/ with a runtime exception (found by SearchQueryFuzzTest)
        for (String bad : List.of("/[z-a]/", "/a{2,1/", "/[a/", "/\\p{x}/")) {
            CliRun m = CliRun.of("search", "--db", db.toString(), bad);
            assertEquals(2, m.code(), bad + ": " + m.err());
            assertEquals(1, m.err().strip().lines().count(), m.err());
            assertTrue(m.err().contains("malformed"), m.err());
        }
        assertEquals(0, CliRun.of("search", "--db", db.toString(), "/cou.t/").code(), "a well-formed regular expression still runs");
    }

    /** A stage that takes {@code millis} on documents containing {@code marker}. */
    static Pipeline slowOn(String marker, long millis) {
        List<Stage> stages = new ArrayList<>(Pipeline.standard().stages());
        stages.add(1, new Stage() {
            @Override public String name() { return "slow"; }
            @Override public void apply(Document doc) {
                if (!doc.text().contains(marker)) return;
                try { Thread.sleep(millis); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }
        });
        return new Pipeline(stages);
    }

    @Test void overTheTimeBudgetAFileStopsOnOneLineNamingIt() throws Exception {
        System.setProperty("exhibit.max-analysis-seconds", "1");
        try {
            Pipeline p = slowOn("SLOW", 1300);
            InputException e = assertThrows(InputException.class,
                    () -> p.analyse("slow.txt", () -> org.exhibit.read.Readers.read("slow.txt", (GOOD + "SLOW\n").getBytes(StandardCharsets.UTF_8), "auto")));
            assertTrue(e.getMessage().startsWith("slow.txt: analysis stopped after 1 s, before the "), e.getMessage());
            assertTrue(e.getMessage().contains("time budget of 1 s per file") && e.getMessage().contains("EXHIBIT_MAX_ANALYSIS_SECONDS"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            Document ok = p.analyse("good.txt", () -> org.exhibit.read.Readers.read("good.txt", GOOD.getBytes(StandardCharsets.UTF_8), "auto"));
            assertFalse(ok.quotes().isEmpty(), "a file within the budget is analysed whole");
        } finally {
            System.clearProperty("exhibit.max-analysis-seconds");
        }
    }

    @Test void analyzeOnTheCommandLineKeepsToItsTimeBudget() throws Exception {
        // Several megabytes of ordinary posts take longer than a second to analyse on any machine.
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 6_000_000; i++)
            big.append("Poster").append(i % 97).append("\n").append(1 + i % 28).append("th May 2005, 10:").append(10 + i % 50).append("\n")
               .append("As Smith wrote in his memoir, \"the court was fair to all of them\" (p. ").append(i % 300).append("), and I said so.\n\n");
        Path slow = tmp.resolve("big.txt"), good = tmp.resolve("good.txt");
        Files.writeString(slow, big, StandardCharsets.UTF_8);
        Files.writeString(good, GOOD, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        CliRun r = CliRun.of("analyze", "--max-analysis-seconds", "1", slow.toString(), good.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("exhibit: " + slow + ": analysis stopped after "), r.err());
        assertTrue(r.out().contains("good.txt"), "the next file is analysed: " + r.out());
        assertFalse(r.err().contains("\tat "), r.err());
        System.clearProperty("exhibit.max-analysis-seconds");
        assertTrue((System.nanoTime() - t0) / 1e9 < 120, "the run went on well past the budget");
    }
}
