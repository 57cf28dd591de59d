package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.index.Corpus;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.store.StoreTarget;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A corpus made by ingest, served: search with filters and highlighted snippets, people, works, reuse, the API. */
class CorpusWebTest {
    @TempDir static Path dir;
    static WebServer server;
    static CorpusView corpus;
    static final HttpClient http = HttpClient.newHttpClient();
    static Document annotated;

    /** Stores and indexes documents as 'exhibit ingest' does. */
    static void ingest(Path corpusDir, Document... docs) throws Exception {
        try (Corpus c = Corpus.open(StoreTarget.parse(corpusDir.toString()), corpusDir.resolve("index"))) {
            for (Document d : docs) c.put(d, d.text().length());
        }
    }

    @BeforeAll static void start() throws Exception {
        annotated = WebFixtures.annotated();
        ingest(dir, annotated, WebFixtures.hostile(), WebFixtures.read("krivitsky.txt", UploadTest.THREAD));
        corpus = CorpusView.open(dir);
        ThreadStore store = new ThreadStore();
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(corpus, new Uploads(store, null, 1 << 20)));
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

    static List<String> field(JsonNode hits, String f) {
        List<String> l = new ArrayList<>();
        for (JsonNode h : hits) l.add(h.path(f).asText(null));
        return l;
    }

    @Test void searchMarksMatchesAndLinksToTheQuote() throws Exception {
        assertEquals(2, api("/api/search?q=kneel").get("total").asInt(), "the quote and the post around it");
        JsonNode r = api("/api/search?q=kneel&kind=quote");
        assertEquals(1, r.get("total").asInt());
        JsonNode hit = r.get("hits").get(0);
        assertEquals("q3", hit.get("quote").asText());
        assertTrue(hit.get("snippet").asText().contains("<mark>kneel</mark>"), hit.get("snippet").asText());
        String url = hit.get("url").asText();
        assertTrue(url.endsWith("#q-" + WebServerTest.qiOf(annotated, "q3")), url);
        var page = Jsoup.parse(get(url.substring(0, url.indexOf('#'))).body());
        assertEquals("I kneel before the country, before the Party, before the whole people.",
                page.getElementById(url.substring(url.indexOf('#') + 1)).text(), "the anchor is the quote");
    }

    @Test void filtersAreTheCommandLines() throws Exception {
        assertEquals(List.of("q3"), field(api("/api/search?speaker=Bukharin").get("hits"), "quote"));
        JsonNode davies = api("/api/search?q=convinced&kind=passage&work=Mission%20to%20Moscow");
        assertEquals(2, davies.get("total").asInt());
        assertEquals(List.of("Joseph E. Davies", "Joseph E. Davies"), field(davies.get("hits"), "speaker"));
        JsonNode posts = api("/api/search?kind=post&author=Larina");
        assertEquals(List.of("krivitsky.txt"), field(posts.get("hits"), "name"));
        assertEquals(0, api("/api/search?q=hearsay&from=2005").get("total").asInt());
        assertEquals(1, api("/api/search?q=hearsay&from=2004-03&to=2004-03-03").get("total").asInt());
        assertEquals(0, api("/api/search?person=Bukharin&kind=post&author=Larina").get("total").asInt());
        var bad = get("/api/search?kind=essay");
        assertEquals(400, bad.statusCode());
        assertEquals("cannot read the query: unknown kind 'essay'; use one of post, quote, passage, scare, title",
                JsonWriter.mapper().readTree(bad.body()).get("error").asText());
        var badPage = get("/search?q=%22unclosed");
        assertEquals(400, badPage.statusCode());
        assertTrue(Jsoup.parse(badPage.body()).selectFirst(".problem").text().startsWith("cannot read the query"));
    }

    @Test void hostileTextInSnippetsIsEscapedBeforeMarking() throws Exception {
        var r = get("/search?q=script");
        assertEquals(200, r.statusCode());
        var page = Jsoup.parse(r.body());
        assertFalse(page.select(".snippet").isEmpty());
        assertTrue(page.select(".snippet script, .snippet img, .snippet a, .snippet iframe").isEmpty(), page.select(".snippet").html());
        assertTrue(page.select(".snippet").text().contains("<script>window."), page.select(".snippet").text());
        assertTrue(page.select(".snippet").text().contains("<img src=x onerror="), page.select(".snippet").text());
        assertFalse(page.select(".snippet mark").isEmpty());
        for (Element m : page.select(".snippet mark")) assertEquals("script", m.text().toLowerCase());
        assertEquals(List.of("/static/view.js"), page.select("script").eachAttr("src"));
        // File names and filters echoed into the page are escaped too.
        var echo = Jsoup.parse(get("/search?q=x&speaker=%22%3E%3Cimg%20src%3Dx%3E").body());
        assertTrue(echo.select("main img").isEmpty());
        assertEquals("\"><img src=x>", echo.selectFirst("input[name=speaker]").attr("value"));
    }

    @Test void personPagesListQuotesSpokenOrMentioning() throws Exception {
        JsonNode people = api("/api/people");
        assertTrue(field(people, "key").containsAll(List.of("davies", "bukharin")), people.toString());
        JsonNode davies = api("/api/people/davies");
        assertEquals("Joseph E. Davies", davies.get("name").asText());
        List<String> quotes = field(davies.get("quotes"), "quote"), roles = field(davies.get("quotes"), "role");
        assertTrue(quotes.containsAll(List.of("q1", "q6")), quotes.toString());
        assertEquals("speaker", roles.get(quotes.indexOf("q1")));
        var html = Jsoup.parse(get("/people/davies").body());
        assertEquals(quotes.size(), html.select("li.hit").size());
        assertTrue(html.select("li.hit a.to").eachAttr("href").stream().allMatch(h -> h.matches("/threads/c-[0-9a-f]{20}#q-\\d+")));
        assertEquals(404, get("/people/nobody").statusCode());
        assertEquals(404, get("/api/people/%2E%2E%2Fcorpus.db").statusCode());
        // The list page links every person by key.
        assertTrue(Jsoup.parse(get("/people").body()).select("ul.counts a").eachAttr("href").contains("/people/davies"));
    }

    @Test void workPagesListTheirQuotes() throws Exception {
        assertTrue(field(api("/api/works"), "key").contains("Mission to Moscow"));
        JsonNode w = api("/api/works/Mission%20to%20Moscow");
        assertEquals(List.of("q1", "q6"), field(w.get("quotes"), "quote"));
        var html = Jsoup.parse(get("/works/Mission%20to%20Moscow").body());
        assertEquals(2, html.select("li.hit").size());
        assertEquals(404, get("/works/Nothing").statusCode());
    }

    @Test void reuseClustersLinkEachCopy() throws Exception {
        JsonNode clusters = api("/api/reuse");
        assertEquals(1, clusters.size());
        JsonNode parts = clusters.get(0).get("parts");
        assertEquals(2, parts.size());
        assertTrue(parts.get(0).get("url").asText().matches("/threads/c-[0-9a-f]{20}#r-0-0"), parts.toString());
        var html = Jsoup.parse(get("/reuse").body());
        assertEquals(2, html.select("ol.parts a").size());
    }

    @Test void aCorpusWithoutReuseSaysSo(@TempDir Path other) throws Exception {
        ingest(other, WebFixtures.read("krivitsky.txt", UploadTest.THREAD));
        try (CorpusView c = CorpusView.open(other)) {
            assertTrue(c.clusters().isEmpty());
            assertTrue(CorpusPages.reuse(c.clusters(CorpusView.Page.FIRST), java.util.Map.of()).contains("No reuse recorded"));
        }
    }

    @Test void indexListsTheCorpusAndApiListsItsDocuments() throws Exception {
        var page = Jsoup.parse(get("/").body());
        assertEquals(3, page.select("table.threads a[href^=/threads/c-]").size());
        JsonNode docs = api("/api/corpus");
        assertEquals(3, docs.size());
        for (JsonNode d : docs) assertEquals(200, get(d.get("url").asText()).statusCode());
        assertEquals(404, get("/threads/c-0000000000").statusCode());
    }
}
