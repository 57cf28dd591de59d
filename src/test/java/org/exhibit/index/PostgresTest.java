package org.exhibit.index;

import org.exhibit.cli.Exhibit;
import org.exhibit.store.Stats;
import org.exhibit.store.Store;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The same corpus in PostgreSQL as in SQLite. Runs against the server named by EXHIBIT_PG_URL or started by
 * scripts/setup-postgres.sh (target/postgres/jdbc-url), each run in a schema of its own; skips without one.
 */
class PostgresTest {
    @TempDir static Path tmp;
    static String admin;   // the server's URL as given
    static String url;     // the same, confined to this run's schema
    static String schema;
    static String skip;     // why these tests cannot run here, or null

    @BeforeAll static void connect() throws Exception {
        admin = System.getenv("EXHIBIT_PG_URL");
        Path file = Path.of("target/postgres/jdbc-url");
        if ((admin == null || admin.isBlank()) && Files.isRegularFile(file)) admin = Files.readString(file).strip();
        if (admin == null || admin.isBlank()) {
            skipBecause("no PostgreSQL server (set EXHIBIT_PG_URL or run scripts/setup-postgres.sh): skipping the PostgreSQL store tests");
            return;
        }
        StoreTarget t = StoreTarget.parse(admin);
        String name = "exhibit_test_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.properties()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
            schema = name;
        } catch (java.sql.SQLException e) {
            skipBecause("PostgreSQL at " + t.display() + " is not reachable (" + e.getMessage().lines().findFirst().orElse("") + "): skipping the PostgreSQL store tests");
            return;
        }
        String jdbc = t.jdbcUrl();
        url = jdbc + (jdbc.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        if (!t.properties().isEmpty()) {
            // Carry user and password of a postgresql:// URL into the JDBC URL the commands get.
            for (String k : t.properties().stringPropertyNames()) url += "&" + k + "=" + java.net.URLEncoder.encode(t.properties().getProperty(k), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void skipBecause(String why) {
        skip = why;
        System.err.println("PostgresTest: " + why);
    }

    @BeforeEach void needsServer() { Assumptions.assumeTrue(skip == null, skip); }

    @AfterAll static void drop() throws Exception {
        if (schema == null) return;
        StoreTarget t = StoreTarget.parse(admin);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.properties()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test void theSameCorpusAsSqliteRowForRowAndSearchable() throws Exception {
        Path index = tmp.resolve("pg-index");
        Ingest.Summary first;
        try (Corpus c = Corpus.open(StoreTarget.parse(url), index)) {
            first = new Ingest(c).pipeline(HandReadings.pipeline()).run(Ingest.expand(List.of(HandReadings.corpus())), new Ingest.Listener() {});
        }
        assertEquals(5, first.stored());
        Path sqlite = tmp.resolve("sqlite");
        CorpusFixture.ingest(sqlite, List.of(HandReadings.corpus()));

        try (Store pg = Store.open(StoreTarget.parse(url), false)) {
            List<String> pgRows = CorpusFixture.rows(pg.connection());
            pg.connection().commit();
            assertEquals(CorpusFixture.rows(sqlite), pgRows);
            Stats s = pg.stats(5);
            assertEquals(5, s.documents());
            assertEquals(HandReadings.READINGS.size(), s.quotes());
            assertEquals(1L, s.quotesByKind().get("scare"));
        }
        assertEquals(CorpusFixture.indexIds(sqlite.resolve("index")), CorpusFixture.indexIds(index));

        // Again through the command line: unchanged files are skipped, and search reads the same index.
        assertEquals(0, Exhibit.commandLine().execute("ingest", "-q", "--jdbc", url, "--index", index.toString(), HandReadings.corpus().toString()));
        try (Store pg = Store.open(StoreTarget.parse(url), false)) {
            assertEquals(CorpusFixture.rows(sqlite), CorpusFixture.rows(pg.connection()));
        }
        try (Search search = Search.open(index)) {
            Search.Result r = search.search("Katyn", new Search.Filters(null, null, null, "quote", null, null, null), 10, false);
            assertEquals(3, r.total(), "the TASS statement, Goebbels' diary and Shelepin's note name Katyn");
        }
    }

    @Test void twoIngestsOfTheSameFilesAtOnceLeaveOneCopy() throws Exception {
        // Two team members ingest the same folder into the shared store at the same moment, each with an index.
        String shared = url.replace("currentSchema=" + schema, "currentSchema=" + schema + "_twin");
        StoreTarget admin = StoreTarget.parse(PostgresTest.admin);
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.properties()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema + "_twin");
        }
        try {
            Path a = tmp.resolve("twin-a"), b = tmp.resolve("twin-b");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<Ingest.Summary>> runs = new java.util.ArrayList<>();
            for (Path index : List.of(a, b)) {
                runs.add(pool.submit(() -> {
                    try (Corpus c = Corpus.open(StoreTarget.parse(shared), index)) {
                        return new Ingest(c).pipeline(HandReadings.pipeline()).run(Ingest.expand(List.of(HandReadings.corpus(), tmp.resolve("absent.txt"))), new Ingest.Listener() {});
                    }
                }));
            }
            for (var r : runs) assertEquals(1, r.get().failed(), "the absent file, once per run");
            pool.shutdown();
            long entries;
            try (Store pg = Store.open(StoreTarget.parse(shared), false)) {
                Stats s = pg.stats(3);
                entries = s.posts() + s.quotes();
                assertEquals(5, s.documents());
                assertEquals(1, s.failures());
                assertEquals(HandReadings.READINGS.size(), s.quotes());
            }
            // Reopened, each index catches up with what the other stored: both hold the same, once.
            for (Path index : List.of(a, b)) try (Corpus c = Corpus.open(StoreTarget.parse(shared), index)) { c.commit(); }
            List<String> ids = CorpusFixture.indexIds(a);
            assertEquals(ids, CorpusFixture.indexIds(b));
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size());
            assertEquals(entries, ids.size());
        } finally {
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.properties()); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + "_twin CASCADE");
            }
        }
    }

    @Test void aSecondIndexCatchesUpFromTheSharedStore() throws Exception {
        // Another machine's index over the same server store: opening it indexes everything stored so far.
        Path mine = tmp.resolve("a"), theirs = tmp.resolve("b");
        try (Corpus c = Corpus.open(StoreTarget.parse(url), mine)) {
            new Ingest(c).pipeline(HandReadings.pipeline()).run(Ingest.expand(List.of(HandReadings.corpus())), new Ingest.Listener() {});
        }
        try (Corpus c = Corpus.open(StoreTarget.parse(url), theirs)) {
            assertTrue(c.index().committedSeq() > 0);
        }
        assertEquals(CorpusFixture.indexIds(mine), CorpusFixture.indexIds(theirs));
        assertFalse(CorpusFixture.indexIds(theirs).isEmpty());
    }
}
