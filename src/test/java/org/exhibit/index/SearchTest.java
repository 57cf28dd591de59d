package org.exhibit.index;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.lucene.queryparser.classic.ParseException;
import org.exhibit.cli.Exhibit;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class SearchTest {
    @TempDir static Path tmp;
    static Path db;

    @BeforeAll static void ingest() throws Exception {
        db = tmp.resolve("db");
        CorpusFixture.ingest(db, List.of(HandReadings.corpus()));
    }

    private static Search.Result search(String q, Search.Filters f) throws Exception {
        try (Search s = Search.open(db.resolve("index"))) {
            return s.search(q, f, 100, false);
        }
    }

    private static Search.Filters filters(String speaker, String author, String work, String kind, String person, String from, String to) {
        return new Search.Filters(speaker, author, work, kind, person, from, to);
    }

    @Test void phraseFindsTheQuoteAndThePostAroundItWithHighlights() throws Exception {
        Search.Result r = search("\"German munitions\"", Search.Filters.NONE);
        assertEquals(2, r.total(), "Goebbels' passage and the post that pastes it");
        Search.Hit quote = r.hits().stream().filter(h -> "quote".equals(h.type())).findFirst().orElseThrow();
        assertEquals("Joseph Goebbels", quote.speaker());
        assertEquals("Diaries", quote.work());
        assertEquals("Piotr_W", quote.author());
        assertEquals("2008-03-04T08:02", quote.published());
        assertTrue(quote.path().endsWith("katyn-documents.txt"));
        assertTrue(quote.snippet().matches("(?s).*\\*\\*German( munitions)?\\*\\*.*"), quote.snippet());
        assertEquals("passage", quote.kind());
    }

    @Test void fuzzyAndFoldedQueriesFindMisspelledAndAccentedWords() throws Exception {
        assertTrue(search("Malmesbery~", Search.Filters.NONE).hits().stream().anyMatch(h -> h.snippet().contains("Malmesbury")));
        Search.Result r = search("muller", Search.Filters.NONE);
        assertEquals(1, r.total());
        assertTrue(r.hits().get(0).snippet().contains("**Müller**"), r.hits().get(0).snippet());
    }

    @Test void speakerWorkAndKindFilters() throws Exception {
        Search.Result taylor = search("dead", filters("Taylor", null, null, null, null, null, null));
        assertEquals(1, taylor.total());
        assertEquals("Frederick Taylor", taylor.hits().get(0).speaker());

        Search.Result terror = search("*", filters(null, null, "great terror", null, null, null, null));
        assertEquals(1, terror.total());
        assertEquals("Robert Conquest", terror.hits().get(0).speaker());

        Search.Result scare = search("", filters(null, null, null, "scare", null, null, null));
        assertEquals(1, scare.total());
        assertEquals("black boards", scare.hits().get(0).snippet());

        Search.Result quotes = search("confession*", filters(null, null, null, "quote", null, null, null));
        assertTrue(quotes.total() >= 2);
        for (Search.Hit h : quotes.hits()) assertEquals("quote", h.type());
        Search.Result posts = search("confession*", filters(null, null, null, "post", null, null, null));
        for (Search.Hit h : posts.hits()) assertEquals("post", h.type());
        assertTrue(posts.total() >= 2);
    }

    @Test void authorAndDateFiltersCountWhatTheThreadsSay() throws Exception {
        // Hunter wrote two posts in the show-trials thread, each pasting one quote.
        Search.Result hunter = search("*", filters(null, "hunter", null, null, null, null, null));
        assertEquals(4, hunter.total());
        for (Search.Hit h : hunter.hits()) assertEquals("Hunter", h.author());

        Search.Result day = search("", filters(null, null, null, "post", null, "2008-03-04", "2008-03-04"));
        assertEquals(4, day.total());
        for (Search.Hit h : day.hits()) assertTrue(h.published().startsWith("2008-03-04"));

        Search.Result y2009 = search("", filters(null, null, null, "post", null, "2009", "2009"));
        assertEquals(4, y2009.total(), "the Holodomor thread");
        Search.Result upTo2007 = search("", filters(null, null, null, "post", null, null, "2007-06"));
        Set<String> years = new HashSet<>();
        for (Search.Hit h : upTo2007.hits()) years.add(h.published().substring(0, 4));
        assertEquals(Set.of("2003", "2007"), years);
        assertEquals(8, upTo2007.total());
    }

    @Test void personFilterFollowsMentions() throws Exception {
        Search.Result r = search("", filters(null, null, null, "post", "Molotov", null, null));
        int expected = 0;
        try (Stream<Path> s = Files.list(HandReadings.corpus())) {
            for (Path f : s.toList()) {
                for (String post : Files.readString(f).split("\n\n")) if (post.contains("Molotov")) expected++;
            }
        }
        assertEquals(expected, r.total());
        assertTrue(expected >= 2);
    }

    @Test void badQueriesAndFiltersAreRefused() {
        assertThrows(ParseException.class, () -> search("\"unclosed", Search.Filters.NONE));
        assertThrows(ParseException.class, () -> search("", filters(null, null, null, "poem", null, null, null)));
        assertThrows(ParseException.class, () -> search("", filters(null, null, null, null, null, "last week", null)));
    }

    @Test void commandLineSearchJsonAndStats() throws Exception {
        String json = run("search", "--db", db.toString(), "--json", "--limit", "2", "--speaker", "Bukharin", "medieval");
        JsonNode root = JsonWriter.mapper().readTree(json);
        assertEquals(1, root.path("total").asInt());
        JsonNode hit = root.path("hits").get(0);
        assertEquals("Nikolai Bukharin", hit.path("speaker").asText());
        assertTrue(hit.path("snippet").asText().contains("<mark>medieval</mark>"), hit.toString());
        assertTrue(hit.path("path").asText().endsWith("show-trials-short.txt"));

        String text = run("search", "--db", db.toString(), "--limit", "1", "Katyn");
        assertTrue(text.contains("**Katyn**"), text);
        assertTrue(text.contains("katyn-documents.txt"), text);

        JsonNode stats = JsonWriter.mapper().readTree(run("stats", "--db", db.toString(), "--json"));
        assertEquals(5, stats.path("documents").asInt());
        assertEquals(HandReadings.READINGS.size(), stats.path("quotes").asInt());
        assertEquals(1, stats.path("quotes_by_kind").path("scare").asInt());
        assertEquals(1, stats.path("quotes_by_kind").path("title").asInt());
        assertEquals(stats.path("posts").asInt() + stats.path("quotes").asInt(), stats.path("indexed").asInt());
        assertEquals(2, stats.path("top_authors").get(0).path("count").asInt(), "no one posted more than twice");
        assertEquals(10, stats.path("top_speakers").size());
    }

    private static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Exhibit.commandLine().execute(args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
