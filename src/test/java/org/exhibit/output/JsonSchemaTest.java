package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The published JSON Schema describes what the JSON edition really contains. */
class JsonSchemaTest {
    static final Path SAMPLE = Path.of("../shared/samples/show-trials-thread.txt");
    static JsonSchema schema;

    @BeforeAll
    static void load() throws Exception {
        schema = Schemas.load(Path.of("schema/exhibit-document.schema.json"), SpecVersion.VersionFlag.V202012);
    }

    @Test
    void documentWithEveryKindOfFindingIsValid() {
        JsonNode json = JsonWriter.toJson(Fixtures.thread());
        assertEquals("", Schemas.errors(schema, json));
        assertTrue(json.get("quotes").size() > 0 && json.get("entities").size() > 0 && json.get("dates").size() > 0
                && json.get("citations").size() > 0 && json.get("flags").size() > 0);
    }

    /** Round trip: every start/end in the JSON picks out, in code points of 'text', the text the finding gives. */
    @Test
    void offsetsPointAtTheirTextInCodePoints() {
        JsonNode json = JsonWriter.toJson(Fixtures.thread());
        int[] cps = json.get("text").asText().codePoints().toArray();
        int checked = 0;
        for (JsonNode q : json.get("quotes")) { assertEquals(q.get("text").asText(), slice(cps, q)); checked++; }
        for (JsonNode c : json.get("citations")) { assertEquals(c.get("text").asText(), slice(cps, c)); checked++; }
        for (JsonNode t : json.get("dates")) { assertEquals(t.get("text").asText(), slice(cps, t)); checked++; }
        for (JsonNode e : json.get("entities"))
            for (JsonNode m : e.get("mentions")) { assertEquals(m.get("text").asText(), slice(cps, m)); checked++; }
        JsonNode flagged = json.get("flags").get(1).get("evidence");
        assertEquals("Davies 🇺🇸", slice(cps, flagged));
        assertEquals(4 + 3 + 3 + 8, checked);
    }

    static String slice(int[] cps, JsonNode o) {
        int s = o.get("start").asInt(), e = o.get("end").asInt();
        return new String(cps, s, e - s);
    }

    @Test
    void documentWithNoFindingsIsValid() {
        assertEquals("", Schemas.errors(schema, JsonWriter.toJson(Fixtures.bare())));
    }

    @Test
    void degenerateFindingsAreStillValid() {
        assertEquals("", Schemas.errors(schema, JsonWriter.toJson(Fixtures.degenerate())));
    }

    @Test
    void schemaRejectsWhatTheWriterNeverWrites() {
        ObjectNode json = JsonWriter.toJson(Fixtures.thread());
        ((ObjectNode) json.get("quotes").get(0)).put("marker", "smoke signals");
        assertNotEquals("", Schemas.errors(schema, json));
        json = JsonWriter.toJson(Fixtures.thread());
        ((ObjectNode) json.get("quotes").get(0)).remove("parent");
        assertNotEquals("", Schemas.errors(schema, json));
        json = JsonWriter.toJson(Fixtures.thread());
        ((ObjectNode) json.get("posts").get(0)).put("start", -1);
        assertNotEquals("", Schemas.errors(schema, json));
    }

    @Test
    void analyzeJsonOutputOfFilesIsValid(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("thread.txt");
        Files.writeString(f, Fixtures.THREAD);
        Document d = AnalyzeCommand.analyze(f, "auto");
        assertEquals("", Schemas.errors(schema, JsonWriter.toJson(d)));
        // And what the command prints, byte for byte.
        String printed = run("analyze", "--json", f.toString());
        assertEquals("", Schemas.errors(schema, JsonWriter.mapper().readTree(printed)));
    }

    @Test
    void sampleThreadIsValid() throws Exception {
        Assumptions.assumeTrue(org.exhibit.Shared.has(SAMPLE), "../shared/samples not present: skipping");
        Document d = AnalyzeCommand.analyze(SAMPLE, "auto");
        assertEquals("", Schemas.errors(schema, JsonWriter.toJson(d)));
    }

    static String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, org.exhibit.cli.Exhibit.commandLine().execute(args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
