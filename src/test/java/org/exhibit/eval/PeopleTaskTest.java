package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.entities.EntityResolver;
import org.exhibit.authority.Authority;
import org.exhibit.model.*;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PeopleTaskTest {
    static Document doc(String text) {
        Document d = new Document(new Source("t.txt", "text", "0"), text, List.of(new Post("p1", "a", null, new Span(0, text.length()))));
        new EntityResolver(Authority.builtIn()).apply(d);
        return d;
    }

    @Test void scoresFormsThroughTheAuthority() throws Exception {
        Document d = doc("The British Lawyer Pitt wrote. Bakhurin and Bukharin agreed; Franco spoke. Kulikov left.");
        JsonNode gold = JsonWriter.mapper().readTree("""
                {"people": [
                  {"name": "Denis Nowell Pritt", "years": "1887-1972", "as_written": ["Pitt"]},
                  {"name": "Nikolai Bukharin", "years": "1888-1938", "as_written": ["Bakhurin", "Bukharin", "Bukharchik"]},
                  {"name": "Nicolás Franco", "years": "1891-1977", "as_written": ["Franco"]}
                ]}""");
        Score s = new PeopleTask().score(gold, d, new GoldQuotes(gold, d));
        assertEquals(3, s.tp(), s.misses().toString());
        assertEquals(2, s.fn(), "Bukharchik is not in the text; Franco went to Francisco: " + s.misses());
        assertEquals(1, s.fp(), "Franco resolved to another person: " + s.falseAlarms());
    }

    @Test void noPeopleInGoldNoScore() throws Exception {
        JsonNode gold = JsonWriter.mapper().readTree("{\"quotes\": []}");
        Document d = doc("Stalin.");
        assertNull(new PeopleTask().score(gold, d, new GoldQuotes(gold, d)));
    }

    @Test void jsonShowsEntitiesWithTheirMentions() throws Exception {
        Document d = doc("Rkykov and Rykov met Stalin's daughter.");
        JsonNode json = JsonWriter.toJson(d);
        JsonNode rykov = null;
        for (JsonNode e : json.path("entities")) if (e.path("name").asText().equals("Alexei Rykov")) rykov = e;
        assertNotNull(rykov, json.path("entities").toString());
        assertEquals("person", rykov.path("type").asText());
        assertEquals("1881-1938", rykov.path("years").asText());
        assertEquals(2, rykov.path("mentions").size());
        JsonNode first = rykov.path("mentions").get(0);
        assertEquals("Rkykov", first.path("text").asText());
        assertEquals("edit-distance", first.path("how").asText());
        assertEquals(0, first.path("start").asInt());
        assertTrue(first.path("confidence").asDouble() < 1);
    }
}
