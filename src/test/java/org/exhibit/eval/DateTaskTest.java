package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.dates.DateFinder;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DateTaskTest {
    static final Path SAMPLE = Path.of("../shared/samples/show-trials-thread.txt");
    static final Path GOLD = Path.of("../shared/samples/show-trials-thread.gold.json");

    static Score named(List<Score> scores, String name) {
        for (Score s : scores) if (s.task().equals(name)) return s;
        return null;
    }

    @Test
    void scoresLocationValueModAndAnchor() throws Exception {
        Document doc = Readers.read("t.txt", ("Olga\n3rd June 2010, 08:00\nOn September 23, 1936 the mines exploded. Three days later, "
                + "Yagoda fell. Their talk was held in early 1929, and the late 1980's saw an inquiry. In 1941 the war came.\n")
                .getBytes(StandardCharsets.UTF_8), "text");
        new DateFinder().apply(doc);
        JsonNode gold = JsonWriter.mapper().readTree("""
                {"dates": [
                  {"text": "September 23, 1936", "value": "1936-09-23"},
                  {"text": "Three days later", "value": "1936-09-26", "anchored_to": "September 23, 1936"},
                  {"text": "early 1929", "value": "1929", "mod": "START"},
                  {"text": "the late 1980's", "value": "198", "mod": "MID"},
                  {"text": "1941", "value": "1942"},
                  {"text": "the spring of 1931", "value": "1931-SP"}
                ]}""");
        List<Score> scores = DateTask.scores(gold, doc);
        Score dates = named(scores, "dates"), values = named(scores, "date-values"), anchors = named(scores, "date-anchors");
        assertEquals(3, dates.tp());
        assertEquals(3, dates.fn(), dates.misses().toString());
        assertEquals(2, dates.fp(), "a wrong mod and a wrong value on located dates: " + dates.falseAlarms());
        assertTrue(dates.misses().stream().anyMatch(m -> m.contains("not in the document")));
        assertEquals(3, values.tp());
        assertEquals(1, anchors.tp());
        assertEquals(0, anchors.fn());
    }

    @Test
    void noDatesInGoldMeansNoScore() throws Exception {
        Document doc = Readers.read("t.txt", "In 1937 it happened.".getBytes(StandardCharsets.UTF_8), "text");
        assertTrue(DateTask.scores(JsonWriter.mapper().readTree("{\"quotes\": []}"), doc).isEmpty());
        assertTrue(Evaluator.evaluate(JsonWriter.mapper().readTree("{}"), doc).isEmpty());
    }

    @Test
    void sampleGoldDatesAreFoundWithTheirValues() throws Exception {
        Assumptions.assumeTrue(org.exhibit.Shared.has(SAMPLE) && org.exhibit.Shared.has(GOLD), "../shared/samples not present: skipping");
        Document doc = AnalyzeCommand.analyze(SAMPLE, "auto");
        List<Score> scores = Evaluator.evaluate(JsonWriter.mapper().readTree(GOLD.toFile()), doc);
        Score dates = named(scores, "dates");
        assertNotNull(dates, "the evaluator runs the date task");
        // Measured 16/16 (1.0); the floor leaves room for one miss.
        assertTrue(dates.recall() >= 0.93, "recall " + dates.recall() + " misses " + dates.misses());
        assertTrue(dates.precision() >= 0.93, "value accuracy " + dates.precision() + " " + dates.falseAlarms());
        assertTrue(named(scores, "date-values").recall() >= 0.93);
        Score anchors = named(scores, "date-anchors");
        assertEquals(1.0, anchors.recall(), anchors.misses().toString());
    }
}
