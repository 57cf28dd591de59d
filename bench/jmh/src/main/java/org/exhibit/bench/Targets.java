package org.exhibit.bench;

import java.util.Map;

/** The targets of the benchmark issue, each with the figure measured in this run and whether it was met. */
public final class Targets {
    public static void main(String[] args) throws Exception {
        Map<String, Double> m = Metrics.all();
        System.out.println("| target | measured | met? |");
        System.out.println("|---|---|---|");
        row("one 75 KB thread warm (read + all stages, p50) < 50 ms", m.get("jmh.pipeline.p50"), "%.1f ms", v -> v < 50);
        row("one 75 KB thread cold (`exhibit analyze --json`, median) < 1.5 s", m.get("cli.median"), "%.2f s", v -> v < 1.5);
        row("whole per-document pipeline ≥ 5 MB/s per core", m.get("corpus.mbs_per_core"),
                "%.2f MB per CPU-second (" + fmt(m.get("corpus.mbs_per_core_wall"), "%.2f") + " MB/s per core by wall clock)", v -> v >= 5);
        Double p99 = m.get("search.p99");
        row("search p99 < 20 ms on 1 M posts", p99, "%.0f ms p99 per query (" + fmt(m.get("search.posts"), "%.0f") + " posts, whole CLI call)", v -> v < 20);
        Double reuse = m.get("reuse.seconds"), passim = m.get("passim.seconds");
        Double ratio = reuse == null || passim == null ? null : passim / reuse;
        String recalls = " (recall " + fmt(m.get("reuse.recall"), "%.3f") + " vs " + fmt(m.get("passim.recall"), "%.3f") + ")";
        row("corpus reuse ≥ 10× faster than the passim-style baseline at equal or better recall", ratio, "%.1f× faster" + recalls,
                v -> v >= 10 && m.getOrDefault("reuse.recall", 0.0) >= m.getOrDefault("passim.recall", 1.0));
    }

    private static String fmt(Double v, String f) { return v == null || v.isNaN() ? "n/a" : String.format(f, v); }

    private static void row(String target, Double v, String fmt, java.util.function.DoublePredicate ok) {
        if (v == null || v.isNaN()) System.out.printf("| %s | not available in this build | – |%n", target);
        else System.out.printf("| %s | %s | %s |%n", target, String.format(fmt, v), ok.test(v) ? "met" : "**missed**");
    }
}
