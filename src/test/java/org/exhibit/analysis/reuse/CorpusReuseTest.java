package org.exhibit.analysis.reuse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class CorpusReuseTest {
    static final String PASSAGE = "Among other things, the commission had put out bids for several dozen mine-hoists, ranging from one hundred "
            + "to one thousand horse-power. The difference made me examine the specifications closely, and I discovered that the "
            + "firms which had made the lowest bids had substituted cast iron bases for the light steel required.";

    static Path thread(Path dir, String name, String author, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, author + "\n12th April 2004, 10:15\n" + body + "\n");
        return p;
    }

    static List<Path> corpus(Path dir) throws Exception {
        return List.of(
                thread(dir, "t1.txt", "Marten", "Littlepage saw it with his own eyes in Berlin:\n" + PASSAGE + "\nThat was in 1931."),
                thread(dir, "t2.txt", "Iris", "Everybody quotes this passage, usually without the page:\n\"" + PASSAGE.replace("light steel", "lighter steel")
                        + "\"\nHe calls it graft, not sabotage."),
                thread(dir, "t3.txt", "Dubrovin", "The delegates of the Communist Party of the Soviet Union at the same time discussed "
                        + "the grain collections, and on the other hand the Central Committee of the Communist Party of the Soviet Union "
                        + "said nothing about the mines at all."),
                thread(dir, "t4.txt", "Oskar", "At the same time the Central Committee of the Communist Party of the Soviet Union "
                        + "decided on the other hand to send engineers abroad to buy equipment for the new mines."));
    }

    static Set<String> pairs(List<CorpusReuse.Pair> found) {
        Set<String> s = new TreeSet<>();
        for (CorpusReuse.Pair p : found)
            s.add(Path.of(p.a().document()).getFileName() + "-" + Path.of(p.b().document()).getFileName() + " " + p.kind());
        return s;
    }

    static final String PASTED = "The harbour board met on a wet Tuesday and resolved, after a long quarrel about the tolls, that the "
            + "eastern quay would be rebuilt in granite rather than timber, that the pilots would be paid by the tide and not by "
            + "the ship, and that no vessel drawing more than four fathoms would be admitted before the dredging was finished.";
    static final String SIGNATURE = "Proud grandfather of seven, retired signalman, amateur beekeeper. Views are my own and not those "
            + "of the railway or the bees. Reply slowly, the hives need me most mornings.";

    /** Filler of invented words, different in every document (a seeded generator: no shared five-word run). */
    static String filler(java.util.Random rnd, int words) {
        String[] syl = {"ka", "lo", "mi", "ren", "tu", "vas", "qui", "dor", "pel", "zan", "ob", "ef", "nu", "sha", "gri", "to"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            int n = 2 + rnd.nextInt(2);
            for (int k = 0; k < n; k++) sb.append(syl[rnd.nextInt(syl.length)]);
            sb.append(i % 12 == 11 ? ". " : " ");
        }
        return sb.toString();
    }

    static Set<String> pairNames(List<CorpusReuse.Pair> found) {
        Set<String> s = new TreeSet<>();
        for (CorpusReuse.Pair p : found) s.add(Path.of(p.a().document()).getFileName() + "-" + Path.of(p.b().document()).getFileName());
        return s;
    }

    /**
     * A signature under every post of a board is boilerplate, not reuse: with it in each of 60 threads no pair is
     * aligned for it, while a paragraph pasted into three of them is found, and only those pairs are aligned.
     */
    @Test void aSignatureInEveryThreadIsNotReuseButAPastedParagraphIs(@TempDir Path dir) throws Exception {
        java.util.Random rnd = new java.util.Random(7);
        List<Path> files = new java.util.ArrayList<>();
        for (int d = 0; d < 60; d++) {
            String body = filler(rnd, 120) + "\n" + (d == 10 || d == 30 || d == 50 ? "As the minutes put it: " + PASTED + "\n" : "")
                    + filler(rnd, 80) + "\n-- \n" + SIGNATURE;
            files.add(thread(dir, String.format("s%02d.txt", d), "Halvard", body));
        }
        CorpusReuse cr = new CorpusReuse(files);
        cr.progress = null;
        List<CorpusReuse.Pair> found = cr.run();
        assertEquals(Set.of("s10.txt-s30.txt", "s10.txt-s50.txt", "s30.txt-s50.txt"), pairNames(found));
        for (CorpusReuse.Pair p : found) assertTrue(p.a().text().contains("eastern quay"), p.a().text());
        assertEquals(3, cr.aligned(), "only the pairs sharing the pasted paragraph are aligned");
    }

    /**
     * Stock phrases shared by every thread are scattered anchors, not a passage: the pairs they make are never
     * aligned (two shared anchors anywhere used to be enough), and the one pasted paragraph is found.
     */
    @Test void scatteredStockPhrasesAreNotAlignedButAPastedParagraphIs(@TempDir Path dir) throws Exception {
        java.util.Random rnd = new java.util.Random(11);
        List<Path> files = new java.util.ArrayList<>();
        for (int d = 0; d < 8; d++) {
            // four stock phrases in every thread, far apart: several shared anchors, none following another
            String body = "With all due respect to the moderators, " + filler(rnd, 60) + " Correct me if I am wrong, "
                    + filler(rnd, 60) + " The burden of proof is on you. " + filler(rnd, 60)
                    + (d == 2 || d == 5 ? "\nSomebody posted this elsewhere: " + PASTED + "\n" : "\n")
                    + filler(rnd, 60) + " Thanks for nothing, honestly. " + filler(rnd, 40);
            files.add(thread(dir, "k" + d + ".txt", "Ottilie", body));
        }
        CorpusReuse cr = new CorpusReuse(files);
        cr.progress = null;
        List<CorpusReuse.Pair> found = cr.run();
        assertEquals(Set.of("k2.txt-k5.txt"), pairNames(found));
        assertEquals(1, cr.aligned(), "pairs sharing only stock phrases are not aligned");
    }

    /** The run test sees anchors that follow one another on a diagonal, not as many anchors scattered. */
    @Test void longestChainCountsAnchorsOnOneDiagonal() {
        long[] chained = {pack(10, 110), pack(16, 116), pack(21, 122), pack(27, 127)};
        assertEquals(4, Aligner.longestChain(chained, 4, 24, 12));
        long[] scattered = {pack(10, 900), pack(400, 30), pack(800, 2000), pack(1500, 60)};
        assertEquals(1, Aligner.longestChain(scattered, 4, 24, 12));
    }

    private static long pack(int a, int b) { return (long) a << 32 | b; }

    @Test void sharedPassagesAreFoundAndStockPhrasesAreNot(@TempDir Path dir) throws Exception {
        CorpusReuse cr = new CorpusReuse(corpus(dir));
        cr.progress = null;
        List<CorpusReuse.Pair> found = cr.run();
        assertEquals(Set.of("t1.txt-t2.txt altered"), pairs(found));
        CorpusReuse.Pair p = found.get(0);
        assertTrue(p.a().text().startsWith("Among other things") && p.a().text().endsWith("light steel required"), p.a().text());
        assertEquals("p1", p.b().post());
        assertTrue(p.alignment().contains("~1"), p.alignment());
        assertTrue(p.words() >= 45);
    }

    @Test void severalPassesFindTheSamePairs(@TempDir Path dir) throws Exception {
        List<Path> files = corpus(dir);
        CorpusReuse one = new CorpusReuse(files), many = new CorpusReuse(files);
        one.progress = null;
        many.progress = null;
        many.maxPostings = 10; // forces one pass per few anchors
        List<CorpusReuse.Pair> a = one.run(), b = many.run();
        assertEquals(a, b);
        assertFalse(a.isEmpty());
    }

    @Test void unreadableFilesAreReportedAndSkipped(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        List<Path> files = new java.util.ArrayList<>(corpus(dir));
        files.add(empty);
        CorpusReuse cr = new CorpusReuse(files);
        cr.progress = null;
        assertEquals(1, cr.run().size());
        assertEquals(1, cr.errors().size());
        assertTrue(cr.errors().get(0).contains("empty.txt"), cr.errors().toString());
    }

    @Test void fastHashesAgreeWithWords() {
        String t = "Ça n’était pas — “Moscovite” wasn't it? ÉCOLE 1937 naïve";
        NormalisedWords w = NormalisedWords.of(t);
        long[] h = NormalisedWords.hashes(t);
        assertEquals(w.size(), h.length);
        for (int i = 0; i < h.length; i++) assertEquals(w.hash(i), h[i], w.word(i));
        assertEquals("n'etait", w.word(1));
        assertEquals("ecole", w.word(6));
    }

    @Test void clustersJoinWitnessesOfOnePassageAndNameTheEarliest(@TempDir Path dir) throws Exception {
        List<Path> files = new java.util.ArrayList<>(corpus(dir));
        Path late = dir.resolve("t5.txt");
        Files.writeString(late, "Vera\n2nd June 2009, 08:00\nAgain, for the hundredth time:\n" + PASSAGE + "\n");
        Path early = dir.resolve("t6.txt");
        Files.writeString(early, "Gleb\n1st January 2002, 08:00\nFrom the book:\n" + PASSAGE + "\n");
        files.add(late);
        files.add(early);
        CorpusReuse cr = new CorpusReuse(files);
        cr.progress = null;
        List<CorpusReuse.Cluster> clusters = CorpusReuse.clusters(cr.run());
        assertEquals(1, clusters.size());
        assertEquals(4, clusters.get(0).witnesses().size());
        assertTrue(clusters.get(0).earliest().document().endsWith("t6.txt"));
        assertEquals("2002-01-01T08:00", clusters.get(0).earliest().published());
    }

    /**
     * The cluster step is linear in the pairs: a corpus in which every document shares one passage with many others
     * (here each of n documents with its 50 successors) clusters in time proportional to the pairs, not to the
     * square of the witnesses. Measured as a ratio of thread CPU time, best of three, never as a wall time.
     */
    @Test void clusteringGrowsLinearlyWithThePairs() {
        // the machine is shared: up to three attempts, each the best of five runs after a warm-up
        double ratio = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && ratio > 2.5; attempt++) ratio = Math.min(ratio, clusteringRatio());
        assertTrue(ratio <= 2.5, "2x the pairs cost " + ratio + "x the time");
    }

    private static double clusteringRatio() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] best = new long[2];
        for (int size = 0; size < 2; size++) {
            int n = 20_000 << size;
            List<CorpusReuse.Pair> pairs = new java.util.ArrayList<>();
            for (int d = 0; d < n; d++)
                for (int k = 1; k <= 50 && d + k < n; k += 7)
                    pairs.add(new CorpusReuse.Pair(side(d, 100), side(d + k, 110), "verbatim", 1.0, "=20", 20));
            best[size] = Long.MAX_VALUE;
            CorpusReuse.clusters(pairs); // warm-up
            for (int run = 0; run < 5; run++) {
                long t0 = mx.getCurrentThreadCpuTime();
                List<CorpusReuse.Cluster> clusters = CorpusReuse.clusters(pairs);
                best[size] = Math.min(best[size], mx.getCurrentThreadCpuTime() - t0);
                assertEquals(1, clusters.size(), "one passage, one cluster");
                assertEquals(n, clusters.get(0).witnesses().size(), "overlapping spans of one document are one witness");
            }
        }
        return best[1] / (double) Math.max(1, best[0]);
    }

    private static CorpusReuse.Side side(int doc, int start) {
        return new CorpusReuse.Side("doc" + doc, "p1", null, start, start + 400, "");
    }
}
