package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Accuracy floors on the development sample. Floors sit a little under what the analysis measures today. */
class SampleEvalTest {
    static final Path SAMPLE = Path.of("../shared/samples/show-trials-thread.txt");
    static final Path GOLD = Path.of("../shared/samples/show-trials-thread.gold.json");
    static Map<String, Score> scores;

    @BeforeAll static void run() throws Exception {
        if (!org.exhibit.Shared.has(SAMPLE) || !org.exhibit.Shared.has(GOLD)) return;
        JsonNode gold = JsonWriter.mapper().readTree(GOLD.toFile());
        Document doc = AnalyzeCommand.analyze(SAMPLE, "auto");
        scores = new HashMap<>();
        List<Score> all = Evaluator.evaluate(gold, doc);
        for (Score s : all) scores.put(s.task(), s);
    }

    static Score score(String task) {
        assumeTrue(scores != null, "../shared/samples not present: skipping the sample evaluation");
        Score s = scores.get(task);
        assertNotNull(s, "task " + task + " went missing from the evaluation: " + scores.keySet());
        return s;
    }

    @Test void quotePassagesF1() {
        Score s = score("quotes");
        assertTrue(s.f1() >= 0.90, s.toString());
        assertTrue(s.precision() >= 0.90, "the poster's own paragraphs must not be reported as passages: " + s.falseAlarms());
    }

    @Test void quoteBoundaries() {
        assertTrue(score("quote-bounds").f1() >= 0.85, score("quote-bounds").toString());
    }

    @Test void speakerAccuracy() {
        Score s = score("speakers");
        assertTrue(s.recall() >= 0.90, s + " misses " + s.misses());
    }

    @Test void workAccuracy() {
        Score s = score("works");
        assertTrue(s.recall() >= 0.85, s + " misses " + s.misses());
        assertTrue(s.precision() >= 0.90, s + " wrong " + s.falseAlarms());
    }

    @Test void chainsAndFlags() {
        assertTrue(score("chains").recall() >= 0.95, score("chains").toString());
        assertTrue(score("flags").recall() >= 0.99, score("flags").misses().toString());
    }
}
