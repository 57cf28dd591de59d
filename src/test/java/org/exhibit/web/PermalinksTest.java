package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.output.AnnotationWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.TeiWriter;
import org.exhibit.read.Readers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The board's post ids and permalinks reach every view: the edition, TEI, annotations and the reading view. */
class PermalinksTest {
    static final String THREAD = String.join("\n",
            "{\"id\":\"ab12\",\"author\":\"Veronika\",\"created_utc\":1551520800,\"permalink\":\"/r/AskHistorians/comments/q1/grain/ab12/\","
                    + "\"body\":\"The grain quotas for the district were raised twice in the autumn of 1932, and the village soviets were told to meet them before any seed was kept back.\"}",
            "{\"id\":\"ab13\",\"parent_id\":\"t1_ab12\",\"author\":\"Hollis\",\"created_utc\":1551524400,"
                    + "\"body\":\"> the village soviets were told to meet them before any seed was kept back\\n\\nDo you have the decree for that? I have only seen it in memoirs.\"}",
            "{\"id\":\"ab14\",\"parent_id\":\"t1_ab13\",\"author\":\"Veronika\",\"created_utc\":1551528000,\"url\":\"https://forum.example.org/t/grain/77#post-ab14\","
                    + "\"body\":\"It is in the published collection of district orders, volume two.\"}") + "\n";

    static Document analysed() throws Exception {
        Document doc = Readers.read("grain.ndjson", THREAD.getBytes(StandardCharsets.UTF_8), "auto");
        Pipeline.standard().run(doc);
        return doc;
    }

    @Test void everyOutputCarriesTheBoardsIdAndPermalink() throws Exception {
        Document doc = analysed();
        JsonNode ed = JsonWriter.toJson(doc);
        List<String> ids = new ArrayList<>(), urls = new ArrayList<>();
        ed.path("posts").forEach(p -> { ids.add(p.path("board_id").asText()); urls.add(p.path("url").asText(null)); });
        assertEquals(List.of("ab12", "ab13", "ab14"), ids);
        assertEquals("https://www.reddit.com/r/AskHistorians/comments/q1/grain/ab12/", urls.get(0));
        assertNull(urls.get(1), "no permalink given, none made up");
        assertEquals("https://forum.example.org/t/grain/77#post-ab14", urls.get(2));

        String tei = TeiWriter.toString(doc);
        assertTrue(tei.contains("source=\"https://www.reddit.com/r/AskHistorians/comments/q1/grain/ab12/\""), tei);
        assertTrue(tei.contains("source=\"https://forum.example.org/t/grain/77#post-ab14\""));

        JsonNode ann = JsonWriter.mapper().readTree(AnnotationWriter.toString(doc));
        List<String> linked = new ArrayList<>();
        for (JsonNode a : ann.path("items"))
            for (JsonNode b : a.path("body")) if (b.has("id") && b.path("id").asText().startsWith("https://")) linked.add(b.path("id").asText());
        assertEquals(List.of(urls.get(0), urls.get(2)), linked);
    }

    @Test void theReadingViewLinksEachPostToItsPageOnTheBoard() throws Exception {
        ObjectNode ed = JsonWriter.toJson(analysed());
        var page = Jsoup.parse(new ThreadPage("grain", "grain", ed).render());
        List<Element> posts = page.select("article.post");
        assertEquals(3, posts.size());
        Element first = posts.get(0).selectFirst("header a.permalink");
        assertNotNull(first, posts.get(0).outerHtml());
        assertEquals("https://www.reddit.com/r/AskHistorians/comments/q1/grain/ab12/", first.attr("href"));
        assertTrue(first.attr("rel").contains("noopener"));
        assertNull(posts.get(1).selectFirst("a.permalink"), "a post without a permalink gets no link");
        assertEquals("https://forum.example.org/t/grain/77#post-ab14", posts.get(2).selectFirst("a.permalink").attr("href"));
        // an uploaded edition whose url is not a web address gets no link
        ((ObjectNode) ed.path("posts").get(0)).put("url", "javascript:alert(1)");
        var hostile = Jsoup.parse(new ThreadPage("grain", "grain", ed).render());
        assertNull(hostile.select("article.post").get(0).selectFirst("a.permalink"));
    }
}
