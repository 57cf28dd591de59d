package org.exhibit.web;

import org.exhibit.bench.CorpusQueryBench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of the corpus search API's own work, without HTTP: each of N queries drawn from the corpus answered by
 * {@link CorpusRoutes} and written as JSON bytes, one thread, ROUNDS times (the first round warms up). Not a test.
 * usage: CorpusRouteBench CORPUS_DIR NDJSON_DIR QUERIES [ROUNDS]
 */
public final class CorpusRouteBench {
    public static void main(String[] args) throws Exception {
        List<String> urls = CorpusQueryBench.urls(Path.of(args[1]), Integer.parseInt(args[2]));
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try (CorpusView corpus = CorpusView.open(Path.of(args[0]))) {
            for (int r = 0; r < rounds; r++) {
                long[] cpu = new long[urls.size()];
                long bytes = 0;
                for (int i = 0; i < urls.size(); i++) {
                    String u = urls.get(i);
                    Map<String, String> q = WebServer.query(u.substring(u.indexOf('?') + 1));
                    long c0 = mx.getCurrentThreadCpuTime();
                    CorpusRoutes.Reply reply = CorpusRoutes.route(corpus, "/api/search", q);
                    bytes += org.exhibit.output.JsonWriter.mapper().writeValueAsBytes(reply.json()).length;
                    cpu[i] = mx.getCurrentThreadCpuTime() - c0;
                }
                Arrays.sort(cpu);
                long sum = 0;
                for (long c : cpu) sum += c;
                System.out.printf(Locale.ROOT, "round %d: CPU per request mean %.2f ms, p50 %.2f, p95 %.2f, p99 %.2f ms; %d KB of JSON%n", r + 1,
                        sum / 1e6 / cpu.length, cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.95)] / 1e6, cpu[(int) (cpu.length * 0.99)] / 1e6, bytes >> 10);
            }
        }
    }
}
