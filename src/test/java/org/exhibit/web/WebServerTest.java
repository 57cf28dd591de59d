package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The server over real HTTP on an ephemeral loopback port: pages, API, headers, escaping, errors. */
class WebServerTest {
    static WebServer server;
    static ThreadStore store;
    static Document annotated, hostile;
    static String annotatedId, hostileId, bareId, brokenId;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll static void start() throws Exception {
        store = new ThreadStore();
        annotated = WebFixtures.annotated();
        hostile = WebFixtures.hostile();
        annotatedId = store.add("ambassador.txt", annotated).id();
        hostileId = store.add(hostile.source().path(), hostile).id();
        bareId = store.add("bare.txt", WebFixtures.read("bare.txt", "Just one line of text, with no header and nothing found in it.")).id();
        ObjectNode broken = JsonWriter.toJson(WebFixtures.annotated());
        // An edition edited by hand: offsets past the end, reversed spans, wrong types, a kind the view has no colour for.
        ((ObjectNode) broken.withArray("quotes").get(0)).put("start", 999999).put("end", 3);
        ((ObjectNode) broken.withArray("quotes").get(1)).put("kind", "phrase");
        ((ObjectNode) broken.withArray("quotes").get(2)).put("kind", "<weird>");
        ((ObjectNode) broken.withArray("posts").get(0)).put("start", "x");
        broken.withArray("dates").addObject().put("value", "not a date");
        broken.set("reuse", JsonWriter.mapper().createObjectNode());
        broken.withArray("quotes").add(1).add("x").addNull().addObject().put("parent", "q6").putArray("via").add(2).addObject();
        broken.withArray("entities").add(3).addObject().putArray("mentions").addObject().put("start", -5).put("end", 2);
        broken.withArray("posts").addObject();
        broken.put("source", "not an object");
        brokenId = store.add("hand-edited", broken).id();
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll static void stop() { if (server != null) server.close(); }

    /** Position of a quote in the edition, which is what the page numbers its elements by. */
    static int qi(String id) {
        ArrayNode quotes = JsonWriter.toJson(annotated).withArray("quotes");
        for (int i = 0; i < quotes.size(); i++) if (quotes.get(i).get("id").asText().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }

    static int qiOf(Document d, String id) {
        ArrayNode quotes = JsonWriter.toJson(d).withArray("quotes");
        for (int i = 0; i < quotes.size(); i++) if (quotes.get(i).get("id").asText().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test void listPageLinksEveryThread() throws Exception {
        var r = get("/");
        assertEquals(200, r.statusCode());
        var page = Jsoup.parse(r.body());
        List<String> links = page.select("table.threads a").eachAttr("href");
        assertEquals(List.of("/threads/" + annotatedId, "/threads/" + hostileId, "/threads/" + bareId, "/threads/" + brokenId), links);
        assertTrue(page.select("table.threads tr").get(1).text().contains("Cassius Clay"), "first post's author shown");
    }

    @Test void apiListsThreadsAndServesTheJsonEdition() throws Exception {
        var r = get("/api/threads");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode list = JsonWriter.mapper().readTree(r.body());
        assertEquals(4, list.size());
        assertEquals(annotatedId, list.get(0).get("id").asText());
        assertEquals(6, list.get(0).get("quotes").asInt());
        assertEquals(2, list.get(0).get("posts").asInt());
        var one = get("/api/threads/" + annotatedId);
        assertEquals(200, one.statusCode());
        assertEquals(JsonWriter.toJson(annotated), JsonWriter.mapper().readTree(one.body()));
    }

    @Test void threadPageShowsPostsQuotesAndAttribution() throws Exception {
        var r = get("/threads/" + annotatedId);
        assertEquals(200, r.statusCode());
        var page = Jsoup.parse(r.body());
        var posts = page.select("article.post");
        assertEquals(2, posts.size());
        assertEquals("Cassius Clay", posts.get(0).selectFirst(".author").text());
        assertEquals("2003-07-28T09:15", posts.get(1).selectFirst("time").attr("datetime"));
        // Quotes by kind, the nested one inside its parent, and the text of the first one intact.
        assertEquals(WebFixtures.DAVIES, page.getElementById("q-" + qi("q1")).text());
        assertFalse(page.select(".q.k-title").isEmpty());
        assertFalse(page.select(".q.k-scare").isEmpty());
        Element inner = page.getElementById("q-" + qi("q6"));
        assertNotNull(inner);
        assertTrue(inner.hasClass("depth-2"));
        assertEquals(String.valueOf(qi("q5")), inner.parents().select(".q").first().attr("data-q"), "nested inside quote q5");
        // The note beside the quote and its card.
        Element label = page.selectFirst(".ql[data-q=" + qi("q1") + "]");
        assertTrue(label.text().contains("Joseph E. Davies") && label.text().contains("Mission to Moscow") && label.text().contains("p. 43"), label.text());
        // Chips are coloured by source: Davies's two quotes alike, Bukharin's different.
        assertEquals(page.selectFirst(".ql[data-q=" + qi("q1") + "]").className(), page.selectFirst(".ql[data-q=" + qi("q6") + "]").className());
        assertNotEquals(page.selectFirst(".ql[data-q=" + qi("q1") + "]").className(), page.selectFirst(".ql[data-q=" + qi("q3") + "]").className());
        assertTrue(page.selectFirst(".ql[data-q=" + qi("q3") + "]").text().contains("via Robert Conquest → a review in the TLS"));
        Element card = page.getElementById("card-q-" + qi("q1"));
        assertEquals("Joseph E. Davies as “Joseph Davies” 90% “Joseph Davies, the American ambassador”", card.selectFirst("dd.speaker").text());
        assertEquals("#person-0", card.selectFirst("dd.speaker a[data-e=0]").attr("href"), "the speaker links to the person");
        assertTrue(card.selectFirst("dd.work").text().startsWith("Mission to Moscow, Joseph E. Davies (1941), p. 43"));
        assertEquals(List.of("Robert Conquest", "a review in the TLS"), page.getElementById("card-q-" + qi("q3")).select("dd.via li").eachText());
        assertEquals("Cassius Clay @ 27th July 2003, 12:08", page.getElementById("card-q-" + qi("q5")).select("dt:contains(Markup) + dd").text());
        // Evidence spans are marked in the text under the key the card refers to.
        assertEquals("Joseph Davies, the American ambassador", page.selectFirst("[data-ev=q-" + qi("q1") + "-s]").text());
        assertEquals("In Mission to Moscow (1941), p. 43", page.select("[data-ev=q-" + qi("q1") + "-w]").text());
    }

    @Test void threadPageShowsCitationsPeopleDatesReuseAndFlags() throws Exception {
        var page = Jsoup.parse(get("/threads/" + annotatedId).body());
        assertEquals(List.of("Joseph E. Davies 2 quotes: q1 q6 via Cassius Clay", "Nikolai Bukharin 1 quote: q3 via Robert Conquest → a review in the TLS",
                "Cassius Clay 1 quote: q5"), page.select("#sources ul.sources:not(.independence)").get(0).select("li").eachText());
        assertEquals(List.of("Mission to Moscow, Joseph E. Davies 2 quotes: q1 q6"), page.select("#sources ul.sources:not(.independence)").get(1).select("li").eachText());
        assertEquals(List.of("not independent Davies's verdict in post p2 repeats post p1: one witness, not two. show"),
                page.select("#sources ul.independence li").eachText());
        assertTrue(page.select("#citations li").text().contains("J. Davies, Mission to Moscow, London 1942, pp. 43-44."));
        assertTrue(page.select("#citations li").text().contains("year differs from the text (1941)"));
        var davies = page.getElementById("person-0");
        assertTrue(davies.text().startsWith("Joseph E. Davies person 2×"), davies.text());
        assertEquals(List.of("“Joseph Davies” exact in Cassius Clay", "“Davies” variant in Red Historian"), davies.select(".mentions li").eachText());
        assertEquals("Washington", page.select(".m.t-place").text());
        // Timeline: one tick per datable expression, in date order, each pointing at its place in the text.
        assertEquals(List.of("1938", "1939", "1941", "2003"), page.select(".timeline .tick").eachText());
        assertEquals("from “March 1938”", page.select("#dates li").get(3).selectFirst(".anchor").text());
        // Reuse: each copy links to the other.
        assertEquals(WebFixtures.DAVIES, page.getElementById("r-0-1").text());
        assertEquals(List.of("#r-0-1", "#r-0-0"), page.select("a.jump").eachAttr("href"));
        assertTrue(page.select("#flags").text().contains("one witness, not two"));
        assertTrue(page.select("#flags").text().contains("The plea is given without work or page."));
        assertEquals(1, page.select("a.flagmark").size());
    }

    @Test void everyInPageLinkHasATarget() throws Exception {
        for (String id : List.of(annotatedId, hostileId, bareId, brokenId)) {
            var page = Jsoup.parse(get("/threads/" + id).body());
            for (Element a : page.select("a[href^=#]")) {
                String target = a.attr("href").substring(1);
                assertNotNull(page.getElementById(target), id + ": link to missing #" + target);
            }
            List<String> ids = page.select("[id]").eachAttr("id");
            assertEquals(ids.size(), ids.stream().distinct().count(), id + ": duplicate element ids");
        }
    }

    @Test void emptyAndHandEditedEditionsStillRender() throws Exception {
        var bare = Jsoup.parse(get("/threads/" + bareId).body());
        assertTrue(bare.select(".post .body").text().contains("Just one line of text"));
        assertEquals("No citations found.", bare.select("#citations .none").text());
        assertEquals("No quote is attributed yet.", bare.select("#sources .none").text());
        assertEquals("Nothing flagged.", bare.select("#flags .none").text());
        assertTrue(bare.select(".timeline").isEmpty());
        var r = get("/threads/" + brokenId);
        assertEquals(200, r.statusCode());
        var broken = Jsoup.parse(r.body());
        assertNull(broken.getElementById("q-0"), "a quote with impossible offsets is not drawn");
        assertNotNull(broken.getElementById("card-q-0"), "but its card is there");
        assertFalse(broken.select(".q.k-phrase").isEmpty());
        assertFalse(broken.select(".q.k-other").isEmpty());
        assertTrue(r.body().contains("No repeated passages found."));
    }

    @Test void hostileTextIsShownLiterallyAndNothingExecutable() throws Exception {
        var r = get("/threads/" + hostileId);
        assertEquals(200, r.statusCode());
        String html = r.body();
        var page = Jsoup.parse(html);
        WebFixtures.assertInert(html);
        String body = page.select(".post .body").text();
        assertTrue(body.contains(WebFixtures.HOSTILE_BODY), body);
        assertTrue(body.contains(WebFixtures.HOSTILE_IMG), body);
        assertTrue(body.contains(WebFixtures.HOSTILE_LINK), body);
        assertTrue(body.contains("</div></article><script>window.__pwned = 7</script><!--"), body);
        assertTrue(page.select("#panel").text().contains("<img src=x onerror=window.__pwned=4>"));
        assertTrue(page.select("#panel").text().contains("</span><script>window.__pwned=5</script>"));
        assertTrue(page.select("#people").text().contains("\"><svg onload=window.__pwned=6>"));
        assertEquals("mallory<script>.txt", page.selectFirst(".top .name").text());
        // Bidi overrides cannot reorder what follows them: they are shown as their code.
        assertFalse(html.contains("\u202E"), "raw right-to-left override in the page");
        assertTrue(body.contains("reportU+202Egnp.exeU+202C done"), body);
    }

    @Test void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
        for (String path : List.of("/", "/threads/" + annotatedId, "/api/threads", "/api/threads/" + annotatedId,
                "/static/view.js", "/static/view.css", "/threads/nope", "/nothing")) {
            var r = get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        }
        String page = get("/threads/" + annotatedId).body();
        var doc = Jsoup.parse(page);
        assertTrue(doc.select("script:not([src]), style, [style]").isEmpty(), "inline script or style would need 'unsafe-inline'");
    }

    @Test void unknownIdsAndPathsAre404() throws Exception {
        assertEquals(404, get("/threads/nope").statusCode());
        var api = get("/api/threads/nope");
        assertEquals(404, api.statusCode());
        assertEquals("No thread with this id.", JsonWriter.mapper().readTree(api.body()).get("error").asText());
        for (String p : List.of("/threads/..%2f..%2fpom.xml", "/static/..%2fWebServer.class", "/static/Html.class",
                "/threads/" + annotatedId.toUpperCase(), "/api/threads/%2e%2e", "/etc/passwd", "/static/"))
            assertEquals(404, get(p).statusCode(), p);
        assertEquals(200, get("/static/view.css").statusCode());
    }

    @Test void onlyReadsAndOnlyForLocalhost() throws Exception {
        var post = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/threads")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertEquals(421, rawStatus("evil.example:" + server.port()), "a rebound foreign name is refused");
        assertEquals(200, rawStatus("localhost:" + server.port()));
        assertEquals(200, rawStatus("127.0.0.1:" + server.port()));
        assertEquals(421, rawStatus("127.0.0.1.evil.example"));
        var head = http.send(HttpRequest.newBuilder(URI.create(server.url() + "threads/" + annotatedId)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    /** HttpClient will not send another Host header; a socket will. */
    private static int rawStatus(String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test void theGraphIsAPageAndData() throws Exception {
        HttpResponse<String> page = get("/threads/" + annotatedId + "/sources");
        assertEquals(200, page.statusCode());
        assertEquals(WebServer.CSP, page.headers().firstValue("Content-Security-Policy").orElseThrow());
        var doc = Jsoup.parse(page.body());
        assertEquals(8, doc.select("#provenance svg.pg g.pg-node").size(), "speakers, work, hands and posts");
        WebFixtures.assertInert(page.body());
        HttpResponse<String> json = get("/api/threads/" + annotatedId + "/graph");
        assertEquals(200, json.statusCode());
        JsonNode g = JsonWriter.mapper().readTree(json.body());
        assertEquals(8, g.get("nodes").size());
        assertEquals(8, g.get("edges").size());
        HttpResponse<String> xml = get("/api/threads/" + annotatedId + "/graph.graphml");
        assertEquals(200, xml.statusCode());
        assertTrue(xml.headers().firstValue("Content-Type").orElseThrow().startsWith("application/graphml+xml"));
        assertEquals(8, ProvenanceGraphTest.parse(xml.body()).getElementsByTagNameNS(org.exhibit.output.GraphWriter.GRAPHML_NS, "node").getLength());
        assertEquals(404, get("/threads/nope/sources").statusCode());
        assertEquals(404, get("/api/threads/nope/graph").statusCode());
        // A hand-edited edition still gets its graph.
        assertEquals(200, get("/threads/" + brokenId + "/sources").statusCode());
        assertEquals(200, get("/api/threads/" + brokenId + "/graph.graphml").statusCode());
        assertEquals(200, get("/threads/" + hostileId + "/sources").statusCode());
        WebFixtures.assertInert(get("/threads/" + hostileId + "/sources").body());
    }
}
