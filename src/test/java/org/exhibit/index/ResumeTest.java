package org.exhibit.index;

import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Kills an ingest (a separate JVM running the CLI) with SIGKILL at random points, several times, then lets it
 * finish: the corpus must equal one made by a single uninterrupted ingest, row for row and index entry for entry.
 */
class ResumeTest {
    static final int FILES = 120;
    @TempDir Path tmp;

    @Test void anIngestKilledAtRandomPointsResumesToTheSameCorpus() throws Exception {
        Path in = corpus(tmp.resolve("in"));
        Path killed = tmp.resolve("killed"), clean = tmp.resolve("clean");
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        int target = 0;
        List<String> notes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            target += 5 + rnd.nextInt(30);
            Process p = ingest(killed, in, tmp.resolve("killed-" + round + ".log"), "--pause-ms", "10", "--commit-every", "15");
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (p.isAlive() && documents(killed) < target && System.currentTimeMillis() < deadline) Thread.sleep(5);
                Thread.sleep(rnd.nextInt(25)); // land anywhere in a file's cycle: transaction, index batch, pause
                assertTrue(p.isAlive(), "the ingest ended before it could be killed (seed " + seed + ")");
            } finally {
                p.destroyForcibly();
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long docs = documents(killed);
            assertTrue(docs < FILES - 1, "killed part-way, at " + docs + " documents");
            notes.add("killed at " + docs + " stored, index checkpoint " + indexCheckpoint(killed));
        }
        assertEquals(1, finish(ingest(killed, in, tmp.resolve("killed-final.log"))), "one bad file in the corpus");
        assertEquals(1, finish(ingest(clean, in, tmp.resolve("clean.log"))));

        String why = "seed " + seed + ": " + notes;
        assertEquals(FILES - 1, documents(clean));
        sameList(CorpusFixture.rows(clean), CorpusFixture.rows(killed), "store rows, " + why);
        List<String> ids = CorpusFixture.indexIds(killed.resolve("index"));
        sameList(CorpusFixture.indexIds(clean.resolve("index")), ids, "index entries, " + why);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no document indexed twice");

        // stderr is not a terminal here: plain progress lines, the bad file on its own line, no carriage returns.
        String log = Files.readString(tmp.resolve("clean.log"));
        assertFalse(log.contains("\r"));
        assertTrue(log.lines().anyMatch(l -> l.startsWith("exhibit: ") && l.contains("m060-empty.txt")), log);
        assertTrue(log.contains("ingested " + (FILES - 1) + " new, 0 replaced, 0 unchanged, 1 failed"), log);
    }

    /** Equal lists, or a short message saying what is missing and what is extra. */
    static void sameList(List<String> expected, List<String> actual, String what) {
        if (expected.equals(actual)) return;
        List<String> missing = new ArrayList<>(expected), extra = new ArrayList<>(actual);
        actual.forEach(missing::remove);
        expected.forEach(extra::remove);
        fail(what + ": " + expected.size() + " expected, " + actual.size() + " found; missing " + cut(missing) + "; extra " + cut(extra));
    }

    private static String cut(List<String> l) {
        String s = l.subList(0, Math.min(3, l.size())).toString();
        return (s.length() > 300 ? s.substring(0, 300) + "..." : s) + (l.size() > 3 ? " and " + (l.size() - 3) + " more" : "");
    }

    /** Variants of the test threads, each with a post of its own, and one empty file in the middle. */
    static Path corpus(Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Path> base;
        try (Stream<Path> s = Files.list(HandReadings.corpus())) { base = s.sorted().toList(); }
        for (int i = 0; i < FILES; i++) {
            Path src = base.get(i % base.size());
            String name = String.format("m%03d-%s", i, i == 60 ? "empty.txt" : src.getFileName());
            String text = i == 60 ? "" : Files.readString(src) + String.format(
                    "%nReader%d%n2012-01-%02d 10:%02d%nA late reply, number %d, to a thread read again years later.%n", i, 1 + i % 28, i % 60, i);
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        }
        return dir;
    }

    static Process ingest(Path db, Path in, Path log, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.exhibit.cli.Exhibit",
                "ingest", "--db", db.toString()));
        cmd.addAll(List.of(extra));
        cmd.add(in.toString());
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    static int finish(Process p) throws InterruptedException {
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ingest did not finish");
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    static long documents(Path db) {
        return query(db, "SELECT COUNT(*) FROM documents");
    }

    static long indexCheckpoint(Path db) {
        return query(db, "SELECT MAX(seq) FROM checkpoints WHERE name LIKE 'index %'");
    }

    private static long query(Path db, String sql) {
        Path file = db.resolve(StoreTarget.SQLITE_FILE);
        if (!Files.exists(file)) return 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (Exception e) {
            return 0; // not created yet, or busy: ask again
        }
    }
}
