package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.cli.Exhibit;
import org.exhibit.index.Corpus;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A corpus in PostgreSQL served by the web view over loopback answers as the same corpus in SQLite does: search,
 * people, works, reuse, the document list and the thread pages; many clients at once; an upload added to it. Runs
 * against the server named by EXHIBIT_PG_URL or started by scripts/setup-postgres.sh, in a schema of its own; skips
 * without one.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PostgresServeTest {
    @TempDir static Path tmp;
    static String admin, url, schema, skip;
    static WebServer pgServer, sqliteServer;
    static CorpusView pg, sqlite;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll static void start() throws Exception {
        admin = System.getenv("EXHIBIT_PG_URL");
        Path file = Path.of("target/postgres/jdbc-url");
        if ((admin == null || admin.isBlank()) && Files.isRegularFile(file)) admin = Files.readString(file).strip();
        if (admin == null || admin.isBlank()) {
            skipBecause("no PostgreSQL server (set EXHIBIT_PG_URL or run scripts/setup-postgres.sh): skipping the served PostgreSQL corpus tests");
            return;
        }
        StoreTarget t = StoreTarget.parse(admin);
        String name = "exhibit_serve_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.properties()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
            schema = name;
        } catch (java.sql.SQLException e) {
            skipBecause("PostgreSQL at " + t.display() + " is not reachable (" + e.getMessage().lines().findFirst().orElse("") + "): skipping the served PostgreSQL corpus tests");
            return;
        }
        url = t.jdbcUrl() + (t.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        for (String k : t.properties().stringPropertyNames())
            url += "&" + k + "=" + java.net.URLEncoder.encode(t.properties().getProperty(k), java.nio.charset.StandardCharsets.UTF_8);

        Document[] docs = {WebFixtures.annotated(), WebFixtures.read("krivitsky.txt", UploadTest.THREAD), WebFixtures.hostile()};
        Path pgIndex = tmp.resolve("pg-index");
        try (Corpus c = Corpus.open(StoreTarget.parse(url), pgIndex)) {
            for (Document d : docs) c.put(d, d.text().length());
        }
        CorpusWebTest.ingest(tmp.resolve("sqlite"), docs);
        pg = CorpusView.open(StoreTarget.parse(url), pgIndex);
        sqlite = CorpusView.open(tmp.resolve("sqlite"));
        ThreadStore a = new ThreadStore(), b = new ThreadStore();
        Uploads uploads = new Uploads(a, null, 1 << 20);
        uploads.addTo(pg::addLater);
        pgServer = WebServer.start(a, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(pg, uploads));
        sqliteServer = WebServer.start(b, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(sqlite, null));
    }

    private static void skipBecause(String why) {
        skip = why;
        System.err.println("PostgresServeTest: " + why);
    }

    @BeforeEach void needsServer() { Assumptions.assumeTrue(skip == null, skip); }

    @AfterAll static void stop() throws Exception {
        if (pgServer != null) pgServer.close();
        if (sqliteServer != null) sqliteServer.close();
        if (pg != null) pg.close();
        if (sqlite != null) sqlite.close();
        if (schema == null) return;
        StoreTarget t = StoreTarget.parse(admin);
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.properties()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static HttpResponse<String> get(WebServer s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.url()).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static final List<String> PAGES = List.of("/api/search?q=kneel", "/api/search?q=Davies&kind=quote", "/api/search?q=*&author=Cassius",
            "/api/people", "/api/works", "/api/reuse", "/api/corpus", "/api/people?page=1&per=1", "/search?q=trial", "/people", "/works");

    @Test void servesWhatTheSameCorpusInSqliteServes() throws Exception {
        for (String p : PAGES) {
            var a = get(pgServer, p);
            var b = get(sqliteServer, p);
            assertEquals(200, a.statusCode(), p + ": " + a.body());
            assertEquals(b.body(), a.body(), p);
        }
        JsonNode docs = JsonWriter.mapper().readTree(get(pgServer, "/api/corpus").body());
        assertEquals(3, docs.size());
        for (JsonNode d : docs) {
            String id = d.get("id").asText();
            assertEquals(get(sqliteServer, "/api/threads/" + id).body(), get(pgServer, "/api/threads/" + id).body(), id);
            assertEquals(200, get(pgServer, "/threads/" + id).statusCode());
        }
        JsonNode person = JsonWriter.mapper().readTree(get(pgServer, "/api/people").body()).get(0);
        String key = java.net.URLEncoder.encode(person.get("key").asText(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        assertEquals(get(sqliteServer, "/api/people/" + key).body(), get(pgServer, "/api/people/" + key).body());
    }

    @Test void manyClientsAtOnceOnTheServerStore() throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        try {
            java.util.Map<String, String> alone = new java.util.HashMap<>();
            for (String p : PAGES) alone.put(p, get(pgServer, p).body());
            List<Future<HttpResponse<String>>> rs = new ArrayList<>();
            List<String> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) for (String p : PAGES) { asked.add(p); rs.add(pool.submit(() -> get(pgServer, p))); }
            for (int i = 0; i < rs.size(); i++) {
                assertEquals(200, rs.get(i).get().statusCode(), asked.get(i));
                assertEquals(alone.get(asked.get(i)), rs.get(i).get().body(), asked.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: it changes the corpus the others compare
    void anUploadGoesIntoTheServerStore() throws Exception {
        String token = JsonWriter.mapper().readTree(get(pgServer, "/api/token").body()).get("token").asText();
        String text = "Tern Watcher\n5th June 2006, 08:00\nThe field notes said: \"A quodlibetical flock of terns rose at dawn.\"\n";
        var posted = http.send(HttpRequest.newBuilder(URI.create(pgServer.url()).resolve("/api/threads?name=terns.txt"))
                .header("X-Exhibit-Token", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        String id = JsonWriter.mapper().readTree(posted.body()).get("id").asText();
        JsonNode found = JsonWriter.mapper().readTree(get(pgServer, "/api/search?q=quodlibetical").body());
        // added on the corpus's writer thread: found a moment later
        for (long until = System.nanoTime() + 60_000_000_000L; found.get("total").asInt() == 0 && System.nanoTime() < until; Thread.sleep(100))
            found = JsonWriter.mapper().readTree(get(pgServer, "/api/search?q=quodlibetical").body());
        assertTrue(found.get("total").asInt() >= 1, found.toString());
        assertEquals(id, found.get("hits").get(0).get("thread").asText());
        try (var st = org.exhibit.store.Store.open(StoreTarget.parse(url), false);
             var ps = st.connection().prepareStatement("SELECT COUNT(*) FROM documents WHERE path = ?")) {
            ps.setString(1, Uploads.CORPUS_PREFIX + id + "/terns.txt");
            try (var rs = ps.executeQuery()) { rs.next(); assertEquals(1, rs.getInt(1)); }
            st.connection().commit();
        }
    }

    @Test void theCommandLineRefusesTwoStores() {
        assertEquals(2, Exhibit.commandLine().execute("serve", "--corpus", tmp.resolve("sqlite").toString(), "--jdbc", url, "--port", "0"));
    }
}
