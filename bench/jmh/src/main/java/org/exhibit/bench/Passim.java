package org.exhibit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A straightforward single-machine implementation of passim's published method (Smith, Cordell and Mullen 2015),
 * as the baseline for corpus reuse: word 5-grams that occur once in their document are hashed as anchors; anchors
 * found in 2..100 documents pair up the documents that share them; pairs with at least 5 shared anchors are
 * aligned, around each cluster of shared anchors, by character-level Smith-Waterman (match 2, mismatch -1, gap
 * open 5, gap extend 0.5). Usage: {@code Passim DIR [planted.tsv]}; prints a Markdown table row with the time and
 * the recall of the planted reuse (pairs of copies in different threads that an alignment covers).
 */
public final class Passim {
    static final int N = 5, MIN_DF = 2, MAX_DF = 100, MIN_ANCHORS = 5, GAP_TOKENS = 100, MARGIN = 20, MIN_ALIGNED = 50, MAX_WINDOW = 8000;
    static final float MATCH = 2, MISMATCH = -1, GAP_OPEN = 5, GAP_EXTEND = 0.5f;

    /** One local alignment between two documents, in char offsets. */
    public record Alignment(int a, int aStart, int aEnd, int b, int bStart, int bEnd, float score) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path truth = args.length > 1 ? Path.of(args[1]) : dir.resolve("planted.tsv");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList(); }
        long t0 = System.nanoTime();
        List<Alignment> found = run(files);
        double secs = (System.nanoTime() - t0) / 1e9;
        double recall = Files.exists(truth) ? recall(files, found, Files.readAllLines(truth)) : Double.NaN;
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        System.out.printf("| passim-style baseline (plain Java, %d worker threads) | %d threads, %.1f MB | %.1f s | %.2f MB/s | %d alignments | %.3f |%n",
                Runtime.getRuntime().availableProcessors(), files.size(), bytes / 1e6, secs, bytes / 1e6 / secs, found.size(), recall);
        Metrics.put("passim.seconds", secs);
        Metrics.put("passim.recall", recall);
    }

    public static List<Alignment> run(List<Path> files) {
        // 1. Anchors: (hash top 40 bits, document) of every 5-gram that occurs once in its document.
        long[][] perDoc = new long[files.size()][];
        IntStream.range(0, files.size()).parallel().forEach(d -> {
            long[] u = uniqueGrams(new Tokens(read(files.get(d))));
            for (int i = 0; i < u.length; i++) u[i] = (u[i] >>> 24) << 24 | d;
            perDoc[d] = u;
        });
        int total = 0;
        for (long[] u : perDoc) total += u.length;
        long[] keys = new long[total];
        int k = 0;
        for (int d = 0; d < perDoc.length; d++) { System.arraycopy(perDoc[d], 0, keys, k, perDoc[d].length); k += perDoc[d].length; perDoc[d] = null; }
        Arrays.parallelSort(keys);
        // 2. Document pairs sharing anchors with document frequency 2..100; keep pairs with >= 5 of them.
        LongList pairs = new LongList();
        for (int i = 0; i < keys.length; ) {
            int j = i;
            while (j < keys.length && keys[j] >>> 24 == keys[i] >>> 24) j++;
            int df = j - i;
            if (df >= MIN_DF && df <= MAX_DF)
                for (int x = i; x < j; x++) for (int y = x + 1; y < j; y++)
                    pairs.add((keys[x] & 0xFFFFFF) << 32 | (keys[y] & 0xFFFFFF));
            i = j;
        }
        long[] p = pairs.toArray();
        Arrays.parallelSort(p);
        LongList candidates = new LongList();
        for (int i = 0; i < p.length; ) {
            int j = i;
            while (j < p.length && p[j] == p[i]) j++;
            if (j - i >= MIN_ANCHORS) candidates.add(p[i]);
            i = j;
        }
        // 3. Align each candidate pair around its clusters of shared anchors.
        long[] cand = candidates.toArray();
        if (Boolean.getBoolean("passim.verbose"))
            System.err.printf("passim: %d anchors, %d anchor pairs, %d candidate document pairs%n", keys.length, p.length, cand.length);
        List<List<Alignment>> out = new ArrayList<>();
        for (int i = 0; i < cand.length; i++) out.add(null);
        Tokens[] cache = new Tokens[files.size()]; // the corpus in memory: size the heap for it (about 6x the corpus)
        IntStream.range(0, files.size()).parallel().forEach(d -> cache[d] = new Tokens(read(files.get(d))));
        IntStream.range(0, cand.length).parallel().forEach(i -> {
            int a = (int) (cand[i] >>> 32), b = (int) cand[i];
            out.set(i, align(a, cache[a], b, cache[b], keys));
        });
        List<Alignment> all = new ArrayList<>();
        for (List<Alignment> l : out) all.addAll(l);
        return all;
    }

    static List<Alignment> align(int a, Tokens ta, int b, Tokens tb, long[] keys) {
        Map<Long, Integer> inB = new HashMap<>();
        long[] hb = tb.hashes();
        long[] ub = uniqueGrams(tb);
        for (int i = 0; i < hb.length; i++) if (Arrays.binarySearch(ub, hb[i]) >= 0) inB.put(hb[i], i);
        long[] ha = ta.hashes();
        long[] ua = uniqueGrams(ta);
        List<int[]> anchors = new ArrayList<>();
        for (int i = 0; i < ha.length; i++) {
            Integer j = inB.get(ha[i]);
            if (j == null || Arrays.binarySearch(ua, ha[i]) < 0) continue;
            int df = df(keys, ha[i]);
            if (df >= MIN_DF && df <= MAX_DF) anchors.add(new int[]{i, j});
        }
        List<Alignment> res = new ArrayList<>();
        int s = 0;
        while (s < anchors.size()) {
            int e = s + 1;
            while (e < anchors.size() && anchors.get(e)[0] - anchors.get(e - 1)[0] <= GAP_TOKENS
                    && Math.abs(anchors.get(e)[1] - anchors.get(e - 1)[1]) <= GAP_TOKENS) e++;
            if (e - s < 2) { s = e; continue; } // a lone shared anchor cannot carry a 50-character alignment
            int a0 = Integer.MAX_VALUE, a1 = 0, b0 = Integer.MAX_VALUE, b1 = 0;
            for (int x = s; x < e; x++) {
                int[] an = anchors.get(x);
                a0 = Math.min(a0, an[0]); a1 = Math.max(a1, an[0]); b0 = Math.min(b0, an[1]); b1 = Math.max(b1, an[1]);
            }
            int ca0 = ta.start(Math.max(0, a0 - MARGIN)), ca1 = ta.end(Math.min(ta.size() - 1, a1 + N - 1 + MARGIN));
            int cb0 = tb.start(Math.max(0, b0 - MARGIN)), cb1 = tb.end(Math.min(tb.size() - 1, b1 + N - 1 + MARGIN));
            ca1 = Math.min(ca1, ca0 + MAX_WINDOW); cb1 = Math.min(cb1, cb0 + MAX_WINDOW);
            int[] sw = smithWaterman(ta.text, ca0, ca1, tb.text, cb0, cb1);
            if (sw != null && sw[1] - sw[0] >= MIN_ALIGNED && sw[3] - sw[2] >= MIN_ALIGNED)
                res.add(new Alignment(a, sw[0], sw[1], b, sw[2], sw[3], Float.intBitsToFloat(sw[4])));
            s = e;
        }
        return res;
    }

    static int df(long[] keys, long hash) {
        long lo = (hash >>> 24) << 24, hi = lo | 0xFFFFFF;
        return firstAbove(keys, hi) - (lo == Long.MIN_VALUE ? 0 : firstAbove(keys, lo - 1));
    }

    /** The index of the first element greater than v (keys are sorted as signed longs; a bucket never straddles 0). */
    private static int firstAbove(long[] a, long v) {
        int lo = 0, hi = a.length;
        while (lo < hi) { int m = (lo + hi) >>> 1; if (a[m] <= v) lo = m + 1; else hi = m; }
        return lo;
    }

    /**
     * Local alignment of x[x0,x1) with y[y0,y1), affine gaps (Gotoh), tracking where the best path starts instead
     * of keeping a traceback matrix. Returns {xStart, xEnd, yStart, yEnd, floatBits(score)} or null.
     */
    static int[] smithWaterman(String x, int x0, int x1, String y, int y0, int y1) {
        int n = x1 - x0, m = y1 - y0;
        float[] hPrev = new float[m + 1], hCur = new float[m + 1], fPrev = new float[m + 1], fCur = new float[m + 1];
        long[] hsPrev = new long[m + 1], hsCur = new long[m + 1], fsPrev = new long[m + 1], fsCur = new long[m + 1];
        Arrays.fill(fPrev, Float.NEGATIVE_INFINITY);
        float best = 0;
        long bestStart = 0;
        int bi = 0, bj = 0;
        for (int i = 1; i <= n; i++) {
            char c = Character.toLowerCase(x.charAt(x0 + i - 1));
            float e = Float.NEGATIVE_INFINITY;
            long es = 0;
            hCur[0] = 0;
            fCur[0] = Float.NEGATIVE_INFINITY;
            for (int j = 1; j <= m; j++) {
                // gap in y (vertical): F
                float fo = hPrev[j] - GAP_OPEN, fe = fPrev[j] - GAP_EXTEND;
                float f; long fs;
                if (fo >= fe) { f = fo; fs = hsPrev[j]; } else { f = fe; fs = fsPrev[j]; }
                fCur[j] = f; fsCur[j] = fs;
                // gap in x (horizontal): E
                float eo = hCur[j - 1] - GAP_OPEN, ee = e - GAP_EXTEND;
                if (eo >= ee) { e = eo; es = hsCur[j - 1]; } else { e = ee; }
                float d = hPrev[j - 1] + (c == Character.toLowerCase(y.charAt(y0 + j - 1)) ? MATCH : MISMATCH);
                long ds = hPrev[j - 1] == 0 ? ((long) (i - 1) << 32 | (j - 1)) : hsPrev[j - 1];
                float h = 0; long hs = (long) i << 32 | j;
                if (d > h) { h = d; hs = ds; }
                if (e > h) { h = e; hs = es; }
                if (f > h) { h = f; hs = fs; }
                hCur[j] = h; hsCur[j] = hs;
                if (h > best) { best = h; bestStart = hs; bi = i; bj = j; }
            }
            float[] t = hPrev; hPrev = hCur; hCur = t;
            t = fPrev; fPrev = fCur; fCur = t;
            long[] u = hsPrev; hsPrev = hsCur; hsCur = u;
            u = fsPrev; fsPrev = fsCur; fsCur = u;
        }
        if (best <= 0) return null;
        return new int[]{x0 + (int) (bestStart >>> 32), x0 + bi, y0 + (int) bestStart, y0 + bj, Float.floatToIntBits(best)};
    }

    /** Pairs of planted copies in different threads that some alignment covers (half of each copy at least). */
    static double recall(List<Path> files, List<Alignment> found, List<String> truth) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < files.size(); i++) ids.put(files.get(i).getFileName().toString(), i);
        Map<Integer, List<int[]>> byPassage = new HashMap<>();
        for (String line : truth) {
            String[] f = line.split("\t");
            if (f.length < 4 || !ids.containsKey(f[1])) continue;
            byPassage.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>())
                    .add(new int[]{ids.get(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])});
        }
        Map<Long, List<Alignment>> byPair = new HashMap<>();
        for (Alignment al : found) byPair.computeIfAbsent(pairKey(al.a(), al.b()), k -> new ArrayList<>()).add(al);
        int want = 0, hit = 0;
        for (List<int[]> copies : byPassage.values())
            for (int i = 0; i < copies.size(); i++) for (int j = i + 1; j < copies.size(); j++) {
                int[] p = copies.get(i), q = copies.get(j);
                if (p[0] == q[0]) continue;
                want++;
                for (Alignment al : byPair.getOrDefault(pairKey(p[0], q[0]), List.of())) {
                    int[] x = al.a() == p[0] ? p : q, y = al.a() == p[0] ? q : p;
                    if (covers(al.aStart(), al.aEnd(), x) && covers(al.bStart(), al.bEnd(), y)) { hit++; break; }
                }
            }
        return want == 0 ? Double.NaN : hit / (double) want;
    }

    private static boolean covers(int s, int e, int[] copy) {
        int overlap = Math.min(e, copy[2]) - Math.max(s, copy[1]);
        return overlap * 2 >= copy[2] - copy[1];
    }

    private static long pairKey(int a, int b) { return (long) Math.min(a, b) << 32 | Math.max(a, b); }

    static String read(Path p) {
        try { return Files.readString(p, StandardCharsets.UTF_8); } catch (IOException e) { throw new UncheckedIOException(e); }
    }

    /** The distinct hashes of the 5-grams that occur exactly once in the document, sorted. */
    static long[] uniqueGrams(Tokens t) {
        long[] h = t.hashes().clone();
        Arrays.sort(h);
        int k = 0;
        for (int i = 0; i < h.length; ) {
            int j = i;
            while (j < h.length && h[j] == h[i]) j++;
            if (j - i == 1) h[k++] = h[i];
            i = j;
        }
        return Arrays.copyOf(h, k);
    }

    /** Lower-cased words (letters and digits) of a text with their char offsets, and their 5-gram hashes. */
    static final class Tokens {
        final String text;
        final int[] starts, ends;
        final long[] words;
        long[] grams;

        Tokens(String text) {
            this.text = text;
            IntList s = new IntList(), e = new IntList();
            LongList w = new LongList();
            int i = 0, n = text.length();
            while (i < n) {
                while (i < n && !Character.isLetterOrDigit(text.charAt(i))) i++;
                if (i >= n) break;
                int st = i;
                long h = 0xcbf29ce484222325L;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) { h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L; i++; }
                s.add(st); e.add(i); w.add(h);
            }
            starts = s.toArray(); ends = e.toArray(); words = w.toArray();
        }

        int size() { return starts.length; }
        int start(int token) { return starts[token]; }
        int end(int token) { return ends[token]; }

        long[] hashes() {
            if (grams == null) {
                int g = Math.max(0, words.length - N + 1);
                grams = new long[g];
                for (int i = 0; i < g; i++) {
                    long h = 0;
                    for (int k = 0; k < N; k++) h = h * 0x9E3779B97F4A7C15L + words[i + k];
                    grams[i] = h ^ (h >>> 29);
                }
            }
            return grams;
        }
    }

    static final class LongList {
        long[] a = new long[16];
        int n;
        void add(long v) { if (n == a.length) a = Arrays.copyOf(a, n * 2); a[n++] = v; }
        long[] toArray() { return Arrays.copyOf(a, n); }
    }

    static final class IntList {
        int[] a = new int[16];
        int n;
        void add(int v) { if (n == a.length) a = Arrays.copyOf(a, n * 2); a[n++] = v; }
        int[] toArray() { return Arrays.copyOf(a, n); }
    }
}
