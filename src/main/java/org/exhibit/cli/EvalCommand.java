package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.eval.Evaluator;
import org.exhibit.eval.Score;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "eval",
        description = {"Scores the analysis of a thread against a gold file and prints precision, recall and F1 per task.",
                "The gold file names its document; FILE overrides it (relative names are resolved next to the gold file)."},
        footer = {"", "Example:", "  exhibit eval ../shared/samples/show-trials-thread.gold.json ../shared/samples/show-trials-thread.txt"})
public final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GOLD.json", description = "Gold reading of a thread.")
    Path goldFile;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "The thread the gold file describes.")
    Path file;

    @Option(names = {"-v", "--verbose"}, description = "List every miss and false alarm.")
    boolean verbose;

    @Option(names = "--json", description = "Print the scores as JSON.")
    boolean json;

    @Option(names = "--authority", paramLabel = "FILE", description = "An authority file added to the built-in one (default: $EXHIBIT_AUTHORITY).")
    Path authority;

    @Override public Integer call() throws IOException {
        if (!AnalyzeCommand.configureAuthority(authority)) return 2;
        if (!Files.isRegularFile(goldFile)) {
            System.err.println("exhibit: " + goldFile + ": no such gold file");
            return 2;
        }
        JsonNode gold;
        try {
            gold = JsonWriter.mapper().readTree(goldFile.toFile());
        } catch (IOException e) {
            System.err.println("exhibit: " + goldFile + ": is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        if (gold == null || !gold.isObject()) {
            System.err.println("exhibit: " + goldFile + ": is not a gold file (expected a JSON object with 'quotes', 'people', 'dates' ...)");
            return 2;
        }
        Path thread = file;
        if (thread == null) {
            String name = gold.path("document").asText(null);
            if (name == null) {
                System.err.println("exhibit: " + goldFile + ": names no 'document'; give the thread file as the second argument");
                return 2;
            }
            thread = goldFile.toAbsolutePath().getParent().resolve(name);
        }
        Document doc;
        try {
            doc = AnalyzeCommand.analyze(thread, "auto");
        } catch (InputException e) {
            System.err.println("exhibit: " + e.getMessage());
            return 1;
        }
        List<Score> scores = Evaluator.evaluate(gold, doc);
        if (json) {
            var arr = JsonWriter.mapper().createArrayNode();
            for (Score s : scores)
                arr.addObject().put("task", s.task()).put("precision", s.precision()).put("recall", s.recall())
                        .put("f1", s.f1()).put("tp", s.tp()).put("fp", s.fp()).put("fn", s.fn());
            System.out.println(JsonWriter.mapper().writeValueAsString(arr));
            return 0;
        }
        System.out.println("gold " + goldFile + "  vs  " + thread);
        for (Score s : scores) {
            System.out.println(s);
            if (verbose) {
                for (String m : s.misses()) System.out.println("    miss:        " + m);
                for (String f : s.falseAlarms()) System.out.println("    false alarm: " + f);
            }
        }
        return 0;
    }
}
