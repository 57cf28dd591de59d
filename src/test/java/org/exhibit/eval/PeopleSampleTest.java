package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.authority.Authority;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.exhibit.model.Entity;
import org.exhibit.model.EntityType;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Name resolution on the development sample; floors sit a little under what the resolver measures (1.0 / 1.0). */
class PeopleSampleTest {
    static final Path SAMPLES = Path.of("../shared/samples");

    @Test void sampleNamesLandOnTheRightPeople() throws Exception {
        Path gold = SAMPLES.resolve("show-trials-thread.gold.json"), thread = SAMPLES.resolve("show-trials-thread.txt");
        Assumptions.assumeTrue(org.exhibit.Shared.has(gold) && org.exhibit.Shared.has(thread), "../shared/samples not present: skipping");
        Authority.configure(null);
        Document doc = AnalyzeCommand.analyze(thread, "auto");
        JsonNode g = JsonWriter.mapper().readTree(gold.toFile());
        Score s = new PeopleTask().score(g, doc, new GoldQuotes(g, doc));
        assertTrue(s.recall() >= 0.95, s + " misses " + s.misses());
        assertTrue(s.precision() >= 0.95, s + " false alarms " + s.falseAlarms());

        // no person entity from a common capitalised word
        for (Entity e : doc.entities())
            if (e.type() == EntityType.PERSON && e.id().startsWith("local:"))
                assertFalse(e.name().matches("(?i)the .*|court|party|west|comrade.*"), e.name());
    }
}
