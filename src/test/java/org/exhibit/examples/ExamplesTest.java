package org.exhibit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.cli.CliRun;
import org.exhibit.eval.Evaluator;
import org.exhibit.eval.Score;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped examples are a newcomer's first sight of Exhibit: every task of every example's reference reading
 * scores 1.0, and the README's commands on them run. These never skip: examples/ is part of the repository.
 */
class ExamplesTest {
    static final Path DIR = Path.of("examples");

    @TestFactory Stream<DynamicTest> everyExampleScoresOneOnEveryTask() throws Exception {
        List<Path> golds;
        try (Stream<Path> files = Files.list(DIR)) {
            golds = files.filter(p -> p.toString().endsWith(".gold.json")).sorted().toList();
        }
        assertTrue(golds.size() >= 2, "examples/ should hold at least two examples with gold readings: " + golds);
        return golds.stream().map(gold -> DynamicTest.dynamicTest(gold.getFileName().toString(), () -> {
            JsonNode g = JsonWriter.mapper().readTree(gold.toFile());
            Document doc = AnalyzeCommand.analyze(DIR.resolve(g.get("document").asText()), "auto");
            List<Score> scores = Evaluator.evaluate(g, doc);
            assertTrue(scores.size() >= 8, "too few tasks scored: " + scores);
            List<String> below = new ArrayList<>();
            for (Score s : scores) {
                if (s.f1() < 1.0) below.add(s + " misses " + s.misses() + " false alarms " + s.falseAlarms());
            }
            assertTrue(below.isEmpty(), String.join("\n", below));
        }));
    }

    /** The README's first command: the outline shows speakers, works, a chain and a flag at a glance. */
    @Test void theFirstCommandPrintsAnOutlineWithSpeakersWorksChainsAndFlags() {
        CliRun run = CliRun.of("analyze", "examples/kronstadt-thread.txt");
        assertEquals(0, run.code(), run.err());
        String out = run.out();
        assertTrue(out.contains("Leon Trotsky:"), out);
        assertTrue(out.contains("Victor Serge:"), out);
        assertTrue(out.contains("Hue and Cry over Kronstadt"), out);
        assertTrue(out.contains("via q"), out);
        assertTrue(out.contains("! unattributed"), out);
    }

    private static final Pattern COMMAND = Pattern.compile("^\\./exhibit (.*?)(?:\\s+#.*)?$");

    /** Every `./exhibit` line of the README's shell blocks that names examples/ runs and succeeds (serve aside). */
    @Test void everyReadmeCommandOnTheExamplesRuns(@TempDir Path tmp) throws Exception {
        List<String> lines = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) { inShell = line.equals("```sh"); continue; }
            if (inShell && line.contains("examples/")) lines.add(line.strip());
        }
        assertFalse(lines.isEmpty(), "no README command names examples/");
        int ran = 0;
        for (String line : lines) {
            for (String part : line.split("\\s*&&\\s*")) {
                Matcher m = COMMAND.matcher(part.strip());
                assertTrue(m.matches(), "not an ./exhibit command: " + part);
                List<String> args = new ArrayList<>();
                for (String word : m.group(1).trim().split("\\s+")) {
                    if (word.equals("corpus/")) word = tmp.resolve("corpus").toString();   // keep the test out of the tree
                    if (word.contains("*")) args.addAll(glob(word));
                    else args.add(word);
                }
                if (args.get(0).equals("serve")) continue;   // the server is checked by scripts/check-readme.sh and the web tests
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(0, run.code(), part + "\n" + run.err());
                assertFalse(run.out().isBlank() && run.err().isBlank(), part + " printed nothing");
                ran++;
            }
        }
        assertTrue(ran >= 5, "ran only " + ran + " README commands");
    }

    private static List<String> glob(String pattern) throws Exception {
        Path dir = Path.of(pattern.substring(0, pattern.lastIndexOf('/')));
        String suffix = pattern.substring(pattern.lastIndexOf('*') + 1);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::toString).filter(p -> p.endsWith(suffix)).sorted().toList();
        }
    }
}
