package org.exhibit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Figures passed between the steps of bench/run.sh: "key value" lines in the file named by -Dbench.metrics. */
final class Metrics {
    private Metrics() {}

    static Path file() { return Path.of(System.getProperty("bench.metrics", "bench/jmh/target/metrics.txt")); }

    static void put(String key, double value) {
        try {
            Files.writeString(file(), key + " " + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last value written under each key. */
    static Map<String, Double> all() throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!Files.exists(file())) return m;
        for (String line : Files.readAllLines(file())) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2) m.put(kv[0], Double.parseDouble(kv[1]));
        }
        return m;
    }
}
