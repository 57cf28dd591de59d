package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import org.exhibit.model.*;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CslWriterTest {
    static final Path CSL = Path.of("../shared/schemas/csl-data.json");
    static JsonSchema schema;

    @BeforeAll
    static void load() throws Exception {
        if (org.exhibit.Shared.has(CSL)) schema = Schemas.load(CSL, SpecVersion.VersionFlag.V7);
    }

    static JsonNode item(ArrayNode items, String title) {
        for (JsonNode i : items) if (title.equals(i.path("title").asText())) return i;
        throw new AssertionError("no item titled " + title + " in " + items);
    }

    @Test
    void worksCitedAndQuotedWithTheirFields() {
        ArrayNode items = CslWriter.toJson(Fixtures.thread());
        assertEquals(3, items.size(), items.toString()); // Mission to Moscow (cited and quoted), The Great Terror, the quoted post
        JsonNode mission = item(items, "Mission to Moscow");
        assertEquals("book", mission.get("type").asText());
        assertEquals("Davies", mission.get("author").get(0).get("family").asText());
        assertEquals("Joseph E.", mission.get("author").get(0).get("given").asText());
        assertEquals(1941, mission.get("issued").get("date-parts").get(0).get(0).asInt());
        assertEquals("New York", mission.get("publisher-place").asText());
        assertEquals("43", mission.get("page").asText());
        JsonNode post = item(items, "Post p1 by Cassius Clay");
        assertEquals("post", post.get("type").asText());
        assertEquals("Cassius Clay", post.get("author").get(0).get("literal").asText());
        assertEquals("[2003,7,27]", post.get("issued").get("date-parts").get(0).toString());
    }

    @Test
    void typesFromWhatTheThreadSays() {
        Document d = Fixtures.read("t.txt", "See the trial record, the report and the interview.\n");
        String[][] refs = {
                {"Report of Court Proceedings in the Case of the Anti-Soviet Trotskyite Centre", "People's Commissariat of Justice of the USSR"},
                {"Interview with Lion Feuchtwanger", null},
                {"Scattered notes", null},
                {"The Russian Review", "Ludwig van Beethoven"}};
        for (String[] r : refs)
            d.citations().add(new Citation(new Span(0, 3), "See", Citation.Kind.TITLE, r[1], r[0], null, null, null, null, List.of()));
        ArrayNode items = CslWriter.toJson(d);
        assertEquals("legal_case", item(items, refs[0][0]).get("type").asText());
        assertEquals("People's Commissariat of Justice of the USSR", item(items, refs[0][0]).get("author").get(0).get("literal").asText());
        assertEquals("interview", item(items, refs[1][0]).get("type").asText());
        assertEquals("manuscript", item(items, refs[2][0]).get("type").asText());
        JsonNode beethoven = item(items, refs[3][0]).get("author").get(0);
        assertEquals("Beethoven", beethoven.get("family").asText());
        assertEquals("van", beethoven.get("non-dropping-particle").asText());
        assertEquals("Ludwig", beethoven.get("given").asText());
        if (schema != null) assertEquals("", Schemas.errors(schema, items));
    }

    @Test
    void interviewTranscriptsAndQuotedTitles() {
        Document d = Fixtures.read("i.txt", "Asked about it, he said: Q: Were you there? A: I was. See 'Moscow 1937'.\n");
        String t = d.text();
        Quote q = new Quote("q1", d.posts().get(0).id(), new Span(t.indexOf("Q:"), t.indexOf(" See")), QuoteKind.PASSAGE, Marker.INTERVIEW, null, null);
        q.work(new Work("Conversations with Molotov", "Felix Chuev", 1991, null, null, 0.7));
        d.quotes().add(q);
        d.citations().add(new Citation(new Span(t.indexOf("'Moscow"), t.indexOf("'.") + 1), "'Moscow 1937'", Citation.Kind.TITLE, null, null, null, null, null, null, List.of()));
        ArrayNode items = CslWriter.toJson(d);
        assertEquals("interview", item(items, "Conversations with Molotov").get("type").asText());
        assertEquals("manuscript", item(items, "Moscow 1937").get("type").asText());
        if (schema != null) assertEquals("", Schemas.errors(schema, items));
    }

    @Test
    void namesInBothOrders() {
        assertEquals("{\"family\":\"Conquest\",\"given\":\"Robert\"}", CslWriter.name("Conquest, Robert").toString());
        assertEquals("{\"family\":\"Pritt\",\"given\":\"D. N.\"}", CslWriter.name("D. N. Pritt").toString());
        assertEquals("{\"literal\":\"NKVD\"}", CslWriter.name("NKVD").toString());
        assertEquals(List.of("Webb", "Sidney Webb"), CslWriter.splitAuthors("Webb and Sidney Webb"));
    }

    @Test
    void validAgainstCslDataSchema() {
        Assumptions.assumeTrue(schema != null, "../shared/schemas/csl-data.json not present: skipping CSL validation");
        assertEquals("", Schemas.errors(schema, CslWriter.toJson(Fixtures.thread())));
        assertEquals("", Schemas.errors(schema, CslWriter.toJson(Fixtures.bare())));
        assertEquals(0, CslWriter.toJson(Fixtures.bare()).size());
        assertEquals("", Schemas.errors(schema, CslWriter.toJson(Fixtures.degenerate())));
        Path sample = Path.of("../shared/samples/show-trials-thread.txt");
        if (org.exhibit.Shared.has(sample)) {
            try {
                assertEquals("", Schemas.errors(schema, CslWriter.toJson(org.exhibit.cli.AnalyzeCommand.analyze(sample, "auto"))));
            } catch (org.exhibit.read.InputException e) {
                fail(e.getMessage());
            }
        }
    }
}
