package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Floors on the small gold readings shipped with the tests (src/test/resources/gold): threads in other shapes than
 * the development sample, so that accuracy there is held too.
 */
class GoldFilesTest {
    static final Path DIR = Path.of("src/test/resources/gold");

    @TestFactory Stream<DynamicTest> everyGoldFileHoldsItsFloors() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path gold : files.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(gold.getFileName().toString(), () -> {
                    JsonNode g = JsonWriter.mapper().readTree(gold.toFile());
                    Document doc = AnalyzeCommand.analyze(DIR.resolve(g.get("document").asText()), "auto");
                    List<Score> scores = Evaluator.evaluate(g, doc);
                    assertFalse(scores.isEmpty());
                    for (Score s : scores) {
                        switch (s.task()) {
                            case "quotes" -> assertTrue(s.f1() >= 0.85, s + " " + s.misses() + s.falseAlarms());
                            case "speakers" -> assertTrue(s.recall() >= 0.75 && s.precision() >= 0.85, s + " " + s.misses());
                            case "works" -> assertTrue(s.precision() >= 0.85, s + " " + s.falseAlarms());
                            case "dates" -> assertTrue(s.recall() >= 0.75, s + " " + s.misses());
                            default -> { }
                        }
                    }
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no gold files in " + DIR);
        return tests.stream();
    }
}
