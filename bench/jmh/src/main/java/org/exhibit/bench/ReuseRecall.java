package org.exhibit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Recall of the planted reuse in the output of {@code exhibit reuse --json} (pairs of parts with document, start,
 * end), scored as for the passim-style baseline: {@code ReuseRecall CORPUS_DIR REUSE.json}. Prints the recall.
 */
public final class ReuseRecall {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList(); }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < files.size(); i++) ids.put(files.get(i).getFileName().toString(), i);
        List<Passim.Alignment> found = new ArrayList<>();
        for (JsonNode pair : new ObjectMapper().readTree(Path.of(args[1]).toFile()).path("pairs")) {
            JsonNode a = pair.path("parts").path(0), b = pair.path("parts").path(1);
            Integer da = ids.get(Path.of(a.path("document").asText()).getFileName().toString());
            Integer db = ids.get(Path.of(b.path("document").asText()).getFileName().toString());
            if (da == null || db == null) continue;
            found.add(new Passim.Alignment(da, a.path("start").asInt(), a.path("end").asInt(), db, b.path("start").asInt(), b.path("end").asInt(), 0));
        }
        System.out.printf("%.3f%n", Passim.recall(files, found, Files.readAllLines(dir.resolve("planted.tsv"))));
    }
}
