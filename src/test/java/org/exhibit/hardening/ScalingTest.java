package org.exhibit.hardening;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cost as a property of the design: each hostile family is read and analysed at size n and 2n, and the second
 * may cost at most {@link #RATIO} times the first (linear is 2, n log n a little more, quadratic 4). Measured in
 * this thread's CPU time, best of several runs, so other work on a shared machine does not decide it.
 */
class ScalingTest {
    static final double RATIO = 2.5;
    static final int RUNS = 3;
    /** Attempts at the pair of sizes: a quadratic family fails them all, a pause of the machine only one. */
    static final int ATTEMPTS = 3;

    record Family(String name, String file, int n, IntFunction<String> make) {
        @Override public String toString() { return name; }
    }

    static String posts(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++)
            b.append("Poster").append(i % 50).append("\n1st May 2005, 10:").append(String.format("%02d", i % 60)).append("\nReply ").append(i)
                    .append(": she said \"it was ").append(i).append("\" and left.\n\n");
        return b.toString();
    }

    /**
     * Board posts that each quote the one before, a sentence the thread repeats in every post, and a passage that names
     * its speaker in the third person: the look-ups of earlier passages and posts that attribution makes for each.
     */
    static String quotingPosts(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("Poster").append(i % 50).append("\n1st May 2005, 10:").append(String.format("%02d", i % 60)).append('\n')
                    .append("The harvest of the year ").append(1900 + i % 7).append(" was poor and the ledgers show it in every district.\n");
            if (i > 0)
                b.append("QUOTE\nThe harvest of the year ").append(1900 + (i - 1) % 7).append(" was poor and the ledgers show it in every district.\n");
            b.append("Vera Lomova said \"Lomova was right about the ledgers of ").append(i).append("\" and left.\n\n");
        }
        return b.toString();
    }

    /** Lines of references of every style the parser reads, possessives and comma notes among them, and years around. */
    static String references(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++)
            b.append("As Vera Lomova's \"The Grain Ledgers of ").append(1900 + i % 90).append("\" (Leeds: Harbour Press, ").append(1950 + i % 60)
                    .append("), pp. ").append(i).append("-").append(i + 4).append(" shows, and Lomova, Ledgers, Leeds, ").append(1960 + i % 40)
                    .append(", p. ").append(i % 300).append("; see Pell (1987: ").append(i % 90).append(") and Ibid., p. ").append(i % 50).append(".\n");
        return Hostile.post("Anna Petrova", b.toString());
    }

    static Stream<Family> families() {
        return Stream.of(
                new Family("nested [quote]", "nest.bbcode", 20_000, n -> "[quote]".repeat(n) + "x" + "[/quote]".repeat(n)),
                new Family("unclosed [quote=\"a\"] lines", "unclosed.bbcode", 2_000, n -> "[quote=\"a\"]x\n".repeat(n)),
                new Family("sibling [quote] with [b] tags", "siblings.bbcode", 2_000, n -> "[quote=\"a\"][b]x[/b] y [i]z[/i][/quote]\n".repeat(n)),
                new Family("HTML nested inline", "deep.html", 3_000, n -> "<html><body><div>" + "<span><b>".repeat(n) + "x" + "</b></span>".repeat(n)),
                new Family("HTML nested blockquote", "deep-quote.html", 2_000, n -> "<html><body><div>" + "<blockquote>a ".repeat(n) + "x" + "</blockquote>".repeat(n)),
                new Family("Markdown deep '>' lines", "deep.md", 300, n -> ("> ".repeat(100) + "line\n").repeat(n)),
                new Family("QUOTE header lines", "headers.txt", 2_000, n -> Hostile.post("Anna Petrova", "QUOTE\n".repeat(n) + "the end")),
                new Family("board posts", "posts.txt", 1_500, ScalingTest::posts),
                new Family("board posts quoting earlier posts", "quoting.txt", 1_500, ScalingTest::quotingPosts),
                new Family("lines of an unclosed mark", "marks.txt", 1_000, n -> Hostile.post("Anna Petrova", "\"x\n".repeat(n))),
                new Family("lines of 75 opening marks", "openers.txt", 300, n -> Hostile.post("Anna Petrova", ("\"x ".repeat(75) + "\n").repeat(n))),
                new Family("lines of 150 marks", "many-marks.txt", 300, n -> Hostile.post("Anna Petrova", ("\"".repeat(150) + "\n").repeat(n))),
                new Family("reference lines", "references.txt", 300, ScalingTest::references));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("families")
    void doublingTheInputAtMostAboutDoublesTheCost(Family f) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        cost(mx, f, Math.max(1, f.n() / 4)); // warm up the code paths
        long small = 0, large = 0;
        double ratio = Double.MAX_VALUE;
        for (int a = 0; a < ATTEMPTS && ratio > RATIO; a++) {
            small = cost(mx, f, f.n());
            large = cost(mx, f, 2 * f.n());
            ratio = (double) large / Math.max(1, small);
            System.out.printf("scaling %s: n=%d %.1f ms, 2n %.1f ms, ratio %.2f%n", f.name(), f.n(), small / 1e6, large / 1e6, ratio);
        }
        assertTrue(ratio <= RATIO, f.name() + ": " + f.n() + " -> " + small / 1e6 + " ms CPU, " + 2 * f.n() + " -> " + large / 1e6
                + " ms CPU: ratio " + String.format("%.2f", ratio) + " > " + RATIO);
    }

    /** Best-of-{@link #RUNS} CPU nanoseconds of reading and analysing the family at size n. */
    static long cost(ThreadMXBean mx, Family f, int n) {
        byte[] bytes = f.make().apply(n).getBytes(StandardCharsets.UTF_8);
        long best = Long.MAX_VALUE;
        for (int r = 0; r < RUNS; r++) {
            long t = mx.getCurrentThreadCpuTime();
            try {
                Document doc = Readers.read(f.file(), bytes, "auto");
                Pipeline.standard().run(doc);
            } catch (Exception refused) {
                // A refusal is a result too: what it cost is what is measured.
            }
            best = Math.min(best, mx.getCurrentThreadCpuTime() - t);
        }
        return best;
    }
}
