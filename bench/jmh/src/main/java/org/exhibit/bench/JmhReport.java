package org.exhibit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;

import java.nio.file.Path;

/**
 * Turns StageBench's JMH JSON results into a Markdown table: {@code JmhReport RESULTS.json THREAD}. Throughput is
 * the thread's size (and post count) over the mean time per operation.
 */
public final class JmhReport {
    public static void main(String[] args) throws Exception {
        JsonNode runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        byte[] bytes = StageBench.threadBytes(args.length > 1 ? args[1] : "");
        Document doc = Readers.read("thread.txt", bytes, null);
        int posts = doc.posts().size();
        System.out.printf("Thread: %.1f KB, %d posts. Times per operation in ms (SampleTime); allocation from -prof gc.%n%n", bytes.length / 1000.0, posts);
        System.out.println("| stage | p50 ms | p99 ms | mean ms | MB/s | posts/s | allocated per op | samples |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (JsonNode r : runs) {
            String stage = r.path("params").path("stage").asText();
            JsonNode pm = r.path("primaryMetric");
            double mean = pm.path("score").asDouble();
            double p50 = pm.path("scorePercentiles").path("50.0").asDouble();
            double p99 = pm.path("scorePercentiles").path("99.0").asDouble();
            long samples = 0;
            for (JsonNode it : pm.path("rawDataHistogram")) for (JsonNode h : it) for (JsonNode b : h) samples += b.path(1).asLong();
            double alloc = Double.NaN;
            for (var e : iterable(r.path("secondaryMetrics").fieldNames()))
                if (e.endsWith("gc.alloc.rate.norm")) alloc = r.path("secondaryMetrics").path(e).path("score").asDouble();
            System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f | %.0f | %s | %d |%n", stage, p50, p99, mean,
                    bytes.length / 1e6 / (mean / 1000), posts / (mean / 1000),
                    Double.isNaN(alloc) ? "n/a" : String.format("%.1f MB", alloc / 1e6), samples);
            Metrics.put("jmh." + stage + ".p50", p50);
            Metrics.put("jmh." + stage + ".p99", p99);
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) { return () -> it; }
}
