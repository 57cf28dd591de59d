package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AnnotationWriterTest {
    static List<JsonNode> selectors(JsonNode page, String type) {
        List<JsonNode> l = new ArrayList<>();
        for (JsonNode a : page.get("items"))
            for (JsonNode s : a.path("target").path("selector")) if (type.equals(s.path("type").asText())) l.add(s);
        return l;
    }

    @Test
    void everyPositionSelectorPicksOutItsExactTextInCodePoints() {
        checkSelectors(Fixtures.thread(), true);
    }

    @Test
    void degenerateFindingsSelectorsStillPointAtTheirText() {
        checkSelectors(Fixtures.degenerate(), false);
    }

    @Test
    void sampleSelectorsPointAtTheirText() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("../shared/samples/show-trials-thread.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(org.exhibit.Shared.has(sample), "../shared/samples not present: skipping");
        checkSelectors(org.exhibit.cli.AnalyzeCommand.analyze(sample, "auto"), false);
    }

    static void checkSelectors(Document d, boolean fixture) {
        if (fixture) assertTrue(d.text().contains("😀") && d.text().contains("🇺🇸"), "astral characters in the test text");
        int[] cps = d.text().codePoints().toArray();
        ObjectNode page = AnnotationWriter.toJson(d);
        int checked = 0;
        for (JsonNode a : page.get("items")) {
            JsonNode sel = a.path("target").path("selector");
            if (sel.isMissingNode()) continue;
            JsonNode pos = sel.get(0), quote = sel.get(1);
            assertEquals("TextPositionSelector", pos.get("type").asText());
            assertEquals("TextQuoteSelector", quote.get("type").asText());
            int s = pos.get("start").asInt(), e = pos.get("end").asInt();
            assertEquals(quote.get("exact").asText(), new String(cps, s, e - s), a.get("id").asText());
            int ps = Math.max(0, s - AnnotationWriter.CONTEXT_CODE_POINTS);
            assertEquals(quote.get("prefix").asText(), new String(cps, ps, s - ps));
            int se = Math.min(cps.length, e + AnnotationWriter.CONTEXT_CODE_POINTS);
            assertEquals(quote.get("suffix").asText(), new String(cps, e, se - e));
            checked++;
        }
        if (!fixture) { assertTrue(checked >= d.posts().size()); return; }
        // posts, quotes, mentions, dates, citations and flags with a span
        assertEquals(d.posts().size() + d.quotes().size() + d.mentions().size() + d.dates().size() + d.citations().size() + 2, checked);
        // A span after the emoji is counted in code points, not UTF-16 units.
        JsonNode flagged = selectors(page, "TextQuoteSelector").stream().filter(q -> q.get("exact").asText().equals("Davies 🇺🇸")).findFirst().orElseThrow();
        assertTrue(flagged.get("prefix").asText().endsWith("summer of 1937 "));
    }

    @Test
    void oneAnnotationPerFindingWithStandardVocabulary() {
        Document d = Fixtures.thread();
        ObjectNode page = AnnotationWriter.toJson(d);
        assertEquals("http://www.w3.org/ns/anno.jsonld", page.get("@context").asText());
        assertEquals("AnnotationPage", page.get("type").asText());
        int assessing = 0;
        for (JsonNode a : page.get("items")) {
            assertEquals("Annotation", a.get("type").asText());
            assertTrue(a.get("id").asText().startsWith("urn:exhibit:sha256:"));
            String m = a.get("motivation").asText();
            assertTrue(List.of("identifying", "describing", "assessing").contains(m), m);
            if (m.equals("assessing")) assessing++;
            JsonNode target = a.get("target");
            String src = target.isTextual() ? target.asText() : target.get("source").asText();
            assertTrue(src.startsWith("file:") && src.endsWith("davies%20&%20co.txt"), src);
        }
        assertEquals(3, assessing); // two document flags and one quote flag
        JsonNode q1 = find(page, "quote-q1");
        assertEquals("describing", q1.get("motivation").asText());
        String bodies = q1.get("body").toString();
        assertTrue(bodies.contains("speaker: Joseph E. Davies") && bodies.contains("work: Mission to Moscow, Joseph E. Davies, 1941, p. 43"), bodies);
        JsonNode mention = find(page, "mention-1");
        assertEquals("http://www.wikidata.org/entity/Q360531", mention.get("body").get(0).get("id").asText());
    }

    @Test
    void documentWithoutFindingsHasOnlyItsPost() {
        ObjectNode page = AnnotationWriter.toJson(Fixtures.bare());
        assertEquals(1, page.get("items").size());
    }

    static JsonNode find(JsonNode page, String suffix) {
        for (JsonNode a : page.get("items")) if (a.get("id").asText().endsWith(":" + suffix)) return a;
        throw new AssertionError("no annotation " + suffix);
    }
}
