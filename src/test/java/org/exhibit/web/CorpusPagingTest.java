package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.reuse.CorpusReuse;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.index.StoredReuse;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.store.Store;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The corpus pages page through long lists: a speaker quoted 230 times, 250 stored reuse clusters. */
class CorpusPagingTest {
    @TempDir static Path dir;
    static WebServer server;
    static CorpusView corpus;
    static final HttpClient http = HttpClient.newHttpClient();
    static final int QUOTES = 230, CLUSTERS = 250;

    @BeforeAll static void start() throws Exception {
        StringBuilder t = new StringBuilder();
        for (int i = 0; i < QUOTES; i++)
            t.append("reader").append(i % 7).append("\n12th April 2004, ").append(10 + i / 60).append(':').append(String.format("%02d", i % 60))
                    .append("\nTrotsky wrote in 1938: \"").append(sentence(i)).append("\"\n\n");
        Path thread = dir.resolve("long-thread.txt");
        Files.writeString(thread, t);
        Document doc = AnalyzeCommand.analyze(thread, "auto");
        CorpusWebTest.ingest(dir, doc);
        List<CorpusReuse.Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < CLUSTERS; c++) {
            CorpusReuse.Side a = new CorpusReuse.Side(thread.toString(), "p1", null, 0, 10, "shared passage " + c), b = new CorpusReuse.Side(thread.toString(), "p2", null, 20, 30, "shared passage " + c);
            clusters.add(new CorpusReuse.Cluster(List.of(a, b), null));
        }
        try (Store store = Store.open(StoreTarget.parse(dir.toString()), true)) { StoredReuse.save(store, clusters); }
        corpus = CorpusView.open(dir);
        ThreadStore store = new ThreadStore();
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(corpus, new Uploads(store, null, 1 << 20)));
    }

    /** A different sentence for every i (no post reproduces another's words). */
    static String sentence(int i) {
        String[] w = {"sailors", "fortress", "recruits", "villages", "commissars", "bread", "soviets", "strike", "ice", "garrison",
                "delegates", "rations", "fleet", "workers", "harbour", "winter", "guns", "leaflets", "peasants", "officers"};
        java.util.Random r = new java.util.Random(i);
        StringBuilder s = new StringBuilder("The");
        for (int k = 0; k < 9; k++) s.append(' ').append(w[r.nextInt(w.length)]).append(k % 3 == 2 ? " and" : "");
        return s.append(" remained.").toString();
    }

    @AfterAll static void stop() {
        if (server != null) server.close();
        if (corpus != null) corpus.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test void aPersonsQuotesComeAHundredToAPageWithLinksBetweenThePages() throws Exception {
        var people = Jsoup.parse(get("/people").body());
        Element trotsky = people.select("ul.counts a").stream().filter(a -> a.text().equals("Leon Trotsky")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(trotsky.parent().selectFirst(".n").text()) >= QUOTES, "quoted and mentioned");
        String url = trotsky.attr("href");
        var first = Jsoup.parse(get(url).body());
        assertEquals(100, first.select("ol.hits > li").size());
        assertTrue(first.selectFirst("p.total").text().startsWith(QUOTES + " quotes"), first.selectFirst("p.total").text());
        assertNull(first.selectFirst("a[rel=prev]"));
        String next = first.selectFirst("a[rel=next]").attr("href");
        var second = Jsoup.parse(get(next).body());
        assertEquals(100, second.select("ol.hits > li").size());
        assertEquals("101", second.selectFirst("ol.hits").attr("start"));
        var third = Jsoup.parse(get(second.selectFirst("a[rel=next]").attr("href")).body());
        assertEquals(QUOTES - 200, third.select("ol.hits > li").size());
        assertNull(third.selectFirst("a[rel=next]"), "the last page links to no next one");
        // no quote is on two pages
        List<String> all = new ArrayList<>();
        for (var page : List.of(first, second, third)) for (Element a : page.select("ol.hits > li a.to")) all.add(a.attr("href"));
        assertEquals(QUOTES, all.stream().distinct().count());
    }

    @Test void theApiSaysWhereInTheListAPageIs() throws Exception {
        String key = JsonWriter.mapper().readTree(get("/api/people").body()).get(0).get("key").asText();
        JsonNode o = JsonWriter.mapper().readTree(get("/api/people/" + key + "?page=2&per=50").body());
        assertEquals(QUOTES, o.get("total").asInt());
        assertEquals(2, o.get("page").asInt());
        assertEquals(50, o.get("per").asInt());
        assertEquals(5, o.get("pages").asInt());
        assertEquals(50, o.get("quotes").size());
        JsonNode whole = JsonWriter.mapper().readTree(get("/api/people/" + key).body());
        assertEquals(QUOTES, whole.get("quotes").size(), "without ?page the API answers with up to 500 rows");
    }

    @Test void storedReuseClustersArePagedFromTheStore() throws Exception {
        var first = Jsoup.parse(get("/reuse").body());
        assertEquals(String.valueOf(CLUSTERS), first.selectFirst("h1 .n").text());
        assertEquals(100, first.select("ol.clusters > li").size());
        assertTrue(first.select("ol.clusters > li").first().text().contains("shared passage 0"));
        var third = Jsoup.parse(get("/reuse?page=3").body());
        assertEquals(CLUSTERS - 200, third.select("ol.clusters > li").size());
        assertTrue(third.select("ol.clusters > li").first().text().contains("shared passage 200"));
        assertEquals(0, Jsoup.parse(get("/reuse?page=99").body()).select("ol.clusters > li").size(), "past the end: an empty page, not an error");
        assertEquals(200, get("/reuse?page=abc").statusCode());
    }
}
