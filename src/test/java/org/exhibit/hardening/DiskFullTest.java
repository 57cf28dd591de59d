package org.exhibit.hardening;

import org.exhibit.index.Corpus;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A full disk: the output or the store that cannot grow is named on one line, and nothing stored before is lost. */
class DiskFullTest {
    @TempDir Path tmp;

    static Document doc(String name, String text) throws Exception {
        return Readers.read(name, text.getBytes(StandardCharsets.UTF_8), "auto");
    }

    /** System.out keeps write errors to itself: a run whose output went nowhere must not end with 0. */
    @Test void analyzeToAFullDeviceSaysSoAndFails() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "no /dev/full on this system");
        Path in = tmp.resolve("thread.txt");
        Files.writeString(in, FailureIsolationTest.GOOD, StandardCharsets.UTF_8);
        for (List<String> args : List.of(List.of("analyze", "--json"), List.of("export", "--to", "tei"))) {
            List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.exhibit.cli.Exhibit"));
            cmd.addAll(args);
            cmd.add(in.toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(new File("/dev/full")).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, p.waitFor(), args + ": " + err);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.contains("cannot be written") && err.contains("standard output") && err.contains("thread.txt"), err);
        }
    }

    /** SQLite ends the transaction itself when the database cannot grow; its reason must not be lost in a failed rollback. */
    @Test void aFullStoreSaysWhyAndKeepsWhatItHad() throws Exception {
        Path db = tmp.resolve("db");
        StoreTarget target = StoreTarget.parse(db.toString());
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 3000; i++) big.append("Poster").append(i).append("\n1st May 2005, 10:00\nShe said \"the court was fair to ").append(i).append("\" and left.\n\n");
        try (Corpus c = Corpus.open(target, db.resolve("index"))) {
            c.put(doc("kept.txt", FailureIsolationTest.GOOD), 80);
            c.commit();
            long pages;
            try (Statement s = c.store().connection().createStatement(); var rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            try (Statement s = c.store().connection().createStatement()) {
                s.execute("PRAGMA max_page_count = " + (pages + 2)); // the disk is full a few pages on
            }
            Document large = doc("large.txt", big.toString());
            SQLException e = assertThrows(SQLException.class, () -> c.put(large, big.length()));
            assertTrue(e.getMessage().contains("SQLITE_FULL"), "the reason is kept: " + e.getMessage());
        } catch (SQLException closing) {
            // closing after the failure may report it again; what matters is what the store holds
        }
        try (Corpus c = Corpus.open(target, db.resolve("index"))) {
            assertNotNull(c.store().sha256("kept.txt"), "what was stored before is still there");
            assertNull(c.store().sha256("large.txt"), "nothing half-stored");
        }
    }
}
