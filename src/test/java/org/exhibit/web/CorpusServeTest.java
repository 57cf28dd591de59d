package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.index.Search;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A corpus served over loopback: many clients at once get the answers one client gets, snippets of very long posts
 * stay bounded, and a thread opened in the browser is added to the corpus (stored, indexed, found by search, and
 * still there after a restart).
 */
class CorpusServeTest {
    @TempDir static Path dir;
    static WebServer server;
    static CorpusView corpus;
    static Uploads uploads;
    static final HttpClient http = HttpClient.newHttpClient();
    /** A post far longer than the snippet window, one rare word near its start and one past the window. */
    static final String LONG_POST;

    static {
        StringBuilder sb = new StringBuilder("Longposter\n3rd March 2004, 10:00\nThe word quixotically opens this post.");
        while (sb.length() < Search.SNIPPET_SCAN_CHARS + 5_000) sb.append(" Filler sentence number ").append(sb.length()).append(" says nothing at all.");
        sb.append(" Only here at the end do we meet a zeugmatic turn.\n");
        LONG_POST = sb.toString();
    }

    @BeforeAll static void start() throws Exception {
        CorpusWebTest.ingest(dir, WebFixtures.annotated(), WebFixtures.read("krivitsky.txt", UploadTest.THREAD),
                org.exhibit.analysis.Pipeline.standard().run(Readers.read("long.txt", LONG_POST.getBytes(StandardCharsets.UTF_8), "auto")));
        corpus = CorpusView.open(dir);
        ThreadStore store = new ThreadStore();
        uploads = new Uploads(store, dir.resolve("uploads"), 1 << 20);
        uploads.addTo(corpus::addLater);
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(corpus, uploads));
    }

    @AfterAll static void stop() {
        if (server != null) server.close();
        if (corpus != null) corpus.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode api(String path) throws Exception {
        var r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JsonWriter.mapper().readTree(r.body());
    }

    /** The search's answer once it finds at least {@code n} hits (an upload is added to the corpus on a thread of its own), or after 60 s. */
    static JsonNode searchUntil(String q, int n) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        JsonNode r;
        while ((r = api("/api/search?q=" + q)).get("total").asInt() < n && System.nanoTime() < until) Thread.sleep(100);
        return r;
    }

    @Test void manyClientsAtOnceGetWhatOneClientGets() throws Exception {
        List<String> paths = List.of("/api/search?q=kneel", "/api/search?q=Davies&kind=quote", "/api/search?q=%22whole%20people%22",
                "/api/search?q=*&author=Cassius", "/api/people", "/api/works", "/api/reuse", "/api/corpus", "/search?q=trial",
                "/api/people?page=1&per=2", "/api/search?q=quixotically");
        Map<String, String> alone = new HashMap<>();
        for (String p : paths) alone.put(p, get(p).body());
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> answers = new ArrayList<>();
            List<String> asked = new ArrayList<>();
            for (int round = 0; round < 12; round++)
                for (String p : paths) {
                    asked.add(p);
                    answers.add(pool.submit(() -> {
                        var r = get(p);
                        return r.statusCode() + " " + r.body();
                    }));
                }
            for (int i = 0; i < answers.size(); i++)
                assertEquals("200 " + alone.get(asked.get(i)), answers.get(i).get(), asked.get(i));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void aLongPostsSnippetIsBoundedAndAMatchPastTheWindowStillFindsThePost() throws Exception {
        JsonNode early = api("/api/search?q=quixotically&kind=post");
        assertEquals(1, early.get("total").asInt());
        String s = early.get("hits").get(0).get("snippet").asText();
        assertTrue(s.contains("<mark>quixotically</mark>"), s);
        assertTrue(s.length() < 2_000, "a snippet, not the post: " + s.length());
        JsonNode late = api("/api/search?q=zeugmatic&kind=post");
        assertEquals(1, late.get("total").asInt(), "the index has the whole post");
        String t = late.get("hits").get(0).get("snippet").asText();
        assertTrue(t.length() < 2_000, "past the window the snippet is the opening: " + t.length());
    }

    @Test void anUploadIsAddedToTheCorpusSearchedAndKeptAcrossARestart() throws Exception {
        String text = """
                Quill Driver
                4th May 2005, 09:30
                The archivist wrote: "Every palimpsestic ledger hides a second hand beneath the first."

                Ink Blot
                4th May 2005, 11:00
                A fine line about palimpsestic ledgers.
                """;
        assertEquals(0, api("/api/search?q=palimpsestic").get("total").asInt());
        String token = JsonWriter.mapper().readTree(get("/api/token").body()).get("token").asText();
        var posted = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/threads?name=ledger.txt"))
                .header("X-Exhibit-Token", token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        String id = JsonWriter.mapper().readTree(posted.body()).get("id").asText();
        assertEquals("ledger.txt", JsonWriter.mapper().readTree(posted.body()).get("name").asText(), "the name the client gave");

        JsonNode found = searchUntil("palimpsestic", 2);
        assertTrue(found.get("total").asInt() >= 2, "both posts (and the quote): " + found);
        for (JsonNode h : found.get("hits")) {
            assertEquals(id, h.get("thread").asText(), "hits lead to the upload's own page");
            assertEquals("ledger.txt", h.get("name").asText());
        }
        JsonNode q = api("/api/search?q=palimpsestic&kind=quote");
        assertEquals(1, q.get("total").asInt());
        assertTrue(q.get("hits").get(0).get("url").asText().startsWith("/threads/" + id + "#q-"), q.toString());
        assertEquals(200, get("/threads/" + id).statusCode());
        boolean listed = false;
        for (JsonNode d : api("/api/corpus")) listed |= d.get("id").asText().equals(id);
        assertTrue(listed, "the corpus lists the upload");

        // A server started afresh on the corpus alone (no upload directory) still has it, at the same URL.
        try (CorpusView again = CorpusView.open(dir)) {
            ThreadStore.Entry e = again.thread(id);
            assertNotNull(e, "the upload is a document of the corpus");
            assertEquals("ledger.txt", e.name());
            assertTrue(again.search("palimpsestic", Search.Filters.NONE, 10).total() >= 2);
        }
    }

    @Test void anUploadThatCannotBeAddedIsStillShown() throws Exception {
        Path other = Files.createTempDirectory(dir, "other");
        CorpusWebTest.ingest(other, WebFixtures.annotated());
        ThreadStore store = new ThreadStore();
        Uploads u = new Uploads(store, null, 1 << 20);
        try (CorpusView c = CorpusView.open(other)) {
            u.addTo((id, doc, bytes) -> { throw new java.io.IOException("the index is locked by another writer"); });
            ThreadStore.Entry e = u.open("note.txt", UploadTest.THREAD.getBytes(StandardCharsets.UTF_8), "auto");
            assertNotNull(e);
            assertEquals("note.txt", e.name());
            assertNotNull(u.get(e.id()));
            assertNull(c.thread(e.id()), "not in the corpus");
        }
    }

    @Test void corpusIdsOfUploadsAreTheirUploadIds() {
        assertEquals("u-0123456789abcdef0123", CorpusView.idFor("web-upload/u-0123456789abcdef0123/x.txt"));
        assertTrue(CorpusView.idFor("web-upload/../x.txt").startsWith("c-"), "only a well-formed upload id is taken");
        assertTrue(CorpusView.idFor("threads/a.txt").startsWith("c-"));
        Document d = WebFixtures.annotated();
        assertTrue(CorpusView.idFor(d.source().path()).startsWith("c-"));
    }
}
