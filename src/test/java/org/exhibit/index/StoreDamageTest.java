package org.exhibit.index;

import org.exhibit.cli.CliRun;
import org.exhibit.store.Store;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A corpus whose files were damaged after it was written: the store's pages (SQLite quick_check at every open,
 * integrity_check in 'exhibit check'), and a truncated index segment (found at open and rebuilt from the store).
 */
class StoreDamageTest {
    @TempDir Path tmp;

    Path corpus() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (int i = 0; i < 40; i++)
            Files.writeString(in.resolve("t" + i + ".txt"), "Anna Petrova\n1st May 2005, 10:00\nShe wrote \"the trial of number " + i
                    + " was staged\" and more.\n".repeat(30), StandardCharsets.UTF_8);
        Path db = tmp.resolve("db");
        assertEquals(0, CliRun.of("ingest", "-q", "--db", db.toString(), in.toString()).code());
        return db;
    }

    @Test void flippedBytesInTheStoreAreFoundAtOpenAndByCheck() throws Exception {
        Path db = corpus();
        assertEquals(0, CliRun.of("check", "--db", db.toString()).code(), "a fresh corpus is sound");
        Path file = db.resolve(StoreTarget.SQLITE_FILE);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            Random r = new Random(7);
            for (int i = 0; i < 200; i++) { // past the header page, as a bad sector would
                long at = 4096 + (long) (r.nextDouble() * (f.length() - 4096));
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ 0xff);
            }
        }
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreTarget.parse(db.toString()), false));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        for (String cmd : new String[]{"stats", "search", "ingest"}) {
            CliRun run = cmd.equals("ingest") ? CliRun.of("ingest", "-q", "--db", db.toString(), tmp.resolve("in").toString())
                    : cmd.equals("search") ? CliRun.of("search", "--db", db.toString(), "trial") : CliRun.of("stats", "--db", db.toString());
            assertEquals(2, run.code(), cmd + ": " + run.err());
            assertTrue(run.err().contains("the store is damaged"), cmd + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), cmd + " says it on one line: " + run.err());
        }
        CliRun check = CliRun.of("check", "--db", db.toString());
        assertEquals(1, check.code());
        assertTrue(check.out().contains("store") && check.out().contains("DAMAGED"), check.out());
    }

    @Test void aTruncatedIndexSegmentIsRebuiltFromTheStore() throws Exception {
        Path db = corpus();
        String before = CliRun.of("search", "--db", db.toString(), "staged").out();
        assertTrue(before.contains("hits"), before);
        Path seg;
        try (Stream<Path> s = Files.list(db.resolve("index"))) {
            seg = s.filter(p -> p.toString().endsWith(".cfs") || p.toString().endsWith(".fdt"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        try (RandomAccessFile f = new RandomAccessFile(seg.toFile(), "rw")) { f.setLength(f.length() / 2); }

        CliRun search = CliRun.of("search", "--db", db.toString(), "staged");
        assertEquals(2, search.code());
        assertTrue(search.err().contains("damaged") && search.err().contains("--repair"), search.err());
        CliRun check = CliRun.of("check", "--db", db.toString());
        assertEquals(1, check.code(), check.out());
        assertTrue(check.out().contains("index") && check.out().contains("DAMAGED"), check.out());

        CliRun repair = CliRun.of("check", "--repair", "--db", db.toString());
        assertEquals(0, repair.code(), repair.out() + repair.err());
        assertTrue(repair.out().contains("rebuilt"), repair.out());
        assertEquals(before, CliRun.of("search", "--db", db.toString(), "staged").out(), "the rebuilt index answers as before");

        // And an ingest that finds the damage rebuilds it by itself, saying so.
        try (RandomAccessFile f = new RandomAccessFile(largest(db.resolve("index")).toFile(), "rw")) { f.setLength(f.length() - 64); }
        CliRun ingest = CliRun.of("ingest", "-q", "--db", db.toString(), tmp.resolve("in").toString());
        assertEquals(0, ingest.code(), ingest.err());
        assertTrue(ingest.err().contains("damaged") && ingest.err().contains("rebuilt it from the store (40 documents)"), ingest.err());
        assertEquals(before, CliRun.of("search", "--db", db.toString(), "staged").out());
    }

    @Test void searchSaysWhenTheIndexIsBehindTheStore() throws Exception {
        Path db = corpus();
        assertFalse(CliRun.of("search", "--db", db.toString(), "staged").err().contains("lacks"), "in step after an ingest");
        // What a kill between the store's commit and the index's leaves: a stored document the index has not seen.
        try (Store store = Store.open(StoreTarget.parse(db.toString()), false)) {
            var doc = org.exhibit.read.Readers.read("late.txt", "Olga\n2nd May 2005, 10:00\nShe said \"staged again\".\n".getBytes(StandardCharsets.UTF_8), "auto");
            store.put(doc, 40);
            store.connection().commit();
        }
        CliRun r = CliRun.of("search", "--db", db.toString(), "staged");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("the index lacks 1 change"), r.err());
    }

    static Path largest(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = s.filter(p -> !p.getFileName().toString().equals("write.lock")).toList();
            return l.stream().max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
    }
}
