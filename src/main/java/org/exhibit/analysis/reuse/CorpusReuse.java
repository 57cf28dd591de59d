package org.exhibit.analysis.reuse;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Span;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passages shared between documents of a corpus, in the manner of passim:
 * <ol>
 *   <li>every document's word 5-gram shingles are winnowed (the smallest hash of each window of {@link #window}
 *       shingles is kept), so any shared run of {@code 5 + window - 1} words keeps at least one common anchor;</li>
 *   <li>anchors are grouped by hash; a hash found in 2 to {@link #dfCap(int)} documents, at most twice in each, gives
 *       candidate anchor pairs between documents (commoner ones are boilerplate: stock phrases, signatures);</li>
 *   <li>a document pair is a candidate only when {@link #minAnchors} of its shared anchors follow one another on one
 *       diagonal, as the anchors of a copied passage do ({@link Aligner#longestChain}); shared phrases scattered
 *       over two long threads are not. Candidates are ranked by their rare anchors (an anchor weighs
 *       {@code 1000 / df}), and each document keeps its {@link #maxPartners} best partners: a pair is aligned when it
 *       is among the best of either side;</li>
 *   <li>candidate pairs are aligned word by word ({@link Aligner}), a block of documents at a time so that each
 *       document is read few times, and passages sharing {@link #minWords} words (half of them content words) are
 *       reported.</li>
 * </ol>
 * Memory: the anchor table holds 16 bytes per anchor and never more than about {@link #maxPostings} anchors; when
 * the corpus would need more, the hash space is split and the corpus read once per part (each pass keeps the
 * hashes with {@code hash mod passes == pass}), the shared anchors of each pass being spilled to a temporary file.
 * Pair counts (12 bytes per document pair sharing an anchor), the anchors of pairs sharing {@link #minAnchors} of
 * them and a cache of tokenised documents bounded by {@link #cacheChars} come on top.
 * Time is linear in corpus size plus the aligned pairs, which are at most {@code maxPartners} per document.
 */
public final class CorpusReuse {
    /** A passage shared by two documents. */
    public record Pair(Side a, Side b, String kind, double similarity, String alignment, int words) implements java.io.Serializable {}

    /** One witness: the file, the post, the span in code points (as in the JSON edition) and the text. */
    public record Side(String document, String post, String published, int start, int end, String text) implements java.io.Serializable {}

    /** Witnesses of one passage across the corpus, and the earliest dated one (null when none is dated). */
    public record Cluster(List<Side> witnesses, Side earliest) {}

    /**
     * Groups pairs into clusters of one passage: two witnesses in one document whose spans overlap by half of the
     * longer are the same witness (the longer is kept). Half of the shorter would not do: one post pasting a whole
     * text (the Bill of Rights) would make one witness of its every part, and join the clusters of every passage
     * quoted from it elsewhere into one.
     */
    public static List<Cluster> clusters(List<Pair> pairs) {
        List<Side> nodes = new ArrayList<>();
        int[][] parent = {new int[64]};
        // witnesses by document, so that finding a witness's node looks only at the spans of its own document
        // (a scan over every node made the step quadratic in the witnesses of the corpus)
        Map<String, List<Integer>> byDocument = new java.util.HashMap<>();
        for (Pair p : pairs) {
            int na = node(p.a(), nodes, byDocument, parent), nb = node(p.b(), nodes, byDocument, parent);
            int a = find(parent[0], na), b = find(parent[0], nb);
            if (a != b) parent[0][a] = b;
        }
        Map<Integer, List<Side>> groups = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) groups.computeIfAbsent(find(parent[0], i), k -> new ArrayList<>()).add(nodes.get(i));
        List<Cluster> out = new ArrayList<>();
        for (List<Side> g : groups.values()) {
            Side earliest = null;
            for (Side sd : g)
                if (sd.published() != null && (earliest == null || sd.published().compareTo(earliest.published()) < 0)) earliest = sd;
            out.add(new Cluster(g, earliest));
        }
        return out;
    }

    /** The node of a witness: an earlier witness of the same document overlapping half of the longer, else a new one. */
    private static int node(Side sd, List<Side> nodes, Map<String, List<Integer>> byDocument, int[][] parent) {
        List<Integer> same = byDocument.computeIfAbsent(sd.document(), k -> new ArrayList<>(2));
        for (int i : same) {
            Side o = nodes.get(i);
            int ov = Math.min(o.end(), sd.end()) - Math.max(o.start(), sd.start());
            if (ov * 2 >= Math.max(o.end() - o.start(), sd.end() - sd.start())) {
                if (sd.end() - sd.start() > o.end() - o.start()) nodes.set(i, sd);
                return i;
            }
        }
        int id = nodes.size();
        nodes.add(sd);
        same.add(id);
        if (id >= parent[0].length) parent[0] = Arrays.copyOf(parent[0], parent[0].length * 2);
        parent[0][id] = id;
        return id;
    }

    /** Union-find root with path halving. */
    private static int find(int[] parent, int x) {
        while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; }
        return x;
    }

    public int minWords = 20;
    /** Shared anchors that must follow one another on one diagonal before a pair is aligned. */
    public int minAnchors = 3;
    public int maxDf = 100;
    /** Partners kept per document, the best by rare anchors. */
    public int maxPartners = 50;
    /** Characters of tokenised documents held for alignment (about 5 bytes of heap each). */
    public long cacheChars = 150_000_000L;
    public int window = 6;
    public long maxPostings = 40_000_000L;
    public PrintStream progress = System.err;
    /** Threads reading and winnowing documents. */
    public int threads = Runtime.getRuntime().availableProcessors();

    /** Where the documents come from: files read with the readers, or a corpus store. */
    public interface Documents {
        int size();
        /** The name a witness carries: the file or stored path. */
        String name(int d);
        /** Its size in bytes, for progress and the memory estimate. */
        long bytes(int d);
        Document read(int d) throws InputException;
    }

    /** Files, each read with {@link Readers}. */
    public static Documents files(List<Path> files) {
        return new Documents() {
            @Override public int size() { return files.size(); }
            @Override public String name(int d) { return files.get(d).toString(); }
            @Override public long bytes(int d) { try { return Files.size(files.get(d)); } catch (Exception e) { return 0; } }
            @Override public Document read(int d) throws InputException { return Readers.read(files.get(d), "auto"); }
        };
    }

    private final Documents files;
    /** Tokenised documents for alignment: the pinned block's, and a bounded cache of the others. */
    private record Entry(Document doc, NormalisedWords words) {}
    private final Map<Integer, Entry> pinned = new java.util.HashMap<>();
    private long pinnedChars, cachedChars, reads, aligned;
    private final Map<Integer, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Entry> e) {
            if (size() <= 2 || cachedChars <= cacheChars / 2) return false;
            cachedChars -= e.getValue().doc().text().length();
            return true;
        }
    };
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private long bytesRead;

    public CorpusReuse(List<Path> files) { this(files(files)); }

    public CorpusReuse(Documents documents) { this.files = documents; }

    public List<String> errors() { return errors; }
    /** Document pairs aligned by the last {@link #run()}. */
    public long aligned() { return aligned; }
    public long bytes() { return bytesRead; }

    /** Anchors of one pass, sorted by hash: keys are shingle hashes, vals {@code doc << 32 | word position}. */
    private record Table(long[] keys, long[] vals, int n) {}

    private int passes, dfLimit;
    private boolean warnedOnce;
    private long total, started;

    public List<Pair> run() {
        total = 0;
        for (int d = 0; d < files.size(); d++) total += files.bytes(d);
        // about one word per 4.5 bytes at most, and winnowing keeps about 2 / (window + 1) of the shingles
        long estimate = (long) (total / 4.5 * 2.0 / (window + 1)) + 1;
        passes = (int) Math.max(1, (estimate + maxPostings - 1) / maxPostings);
        started = System.nanoTime();
        dfLimit = dfCap(files.size());
        aligned = 0;
        // Phase 1: count anchors shared by each document pair; with several passes the shared anchors of each pass
        // are spilled to a temporary file (20 bytes each) instead of reading the corpus again.
        // Phase 2: collect the anchors of the pairs that share enough of them, keep those whose anchors chain.
        LongIntMap counts = new LongIntMap(1 << 16);
        Table kept = null;
        List<Path> spills = new ArrayList<>();
        try {
            for (int pass = 0; pass < passes; pass++) {
                Table t = table(pass);
                if (passes == 1) {
                    forEachPair(t, (key, seed, df) -> counts.add(key, 1));
                    kept = t;
                    continue;
                }
                Path spill = Files.createTempFile("exhibit-reuse-", ".anchors");
                spill.toFile().deleteOnExit();
                spills.add(spill);
                try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(spill), 1 << 16))) {
                    forEachPair(t, (key, seed, df) -> {
                        counts.add(key, 1);
                        try { out.writeLong(key); out.writeLong(seed); out.writeInt(df); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    });
                }
            }
            long[] candidates = counts.keysAtLeast(minAnchors);
            long sharing = counts.size();
            if (progress != null) progress.printf("reuse: %d document pairs share anchors, %d share %d or more%n", sharing, candidates.length, minAnchors);
            LongIntMap index = new LongIntMap(candidates.length);
            long[][] seeds = new long[candidates.length][];
            int[] fill = new int[candidates.length];
            long[] weight = new long[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                index.add(candidates[i], i + 1);
                seeds[i] = new long[counts.get(candidates[i])];
            }
            PairSink collect = (key, seed, df) -> {
                int i = index.get(key) - 1;
                if (i >= 0) { seeds[i][fill[i]++] = seed; weight[i] += weight(df); }
            };
            if (kept != null) forEachPair(kept, collect);
            kept = null;
            for (Path spill : spills) {
                try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(spill), 1 << 16))) {
                    long records = Files.size(spill) / 20;
                    for (long r = 0; r < records; r++) collect.accept(in.readLong(), in.readLong(), in.readInt());
                }
                Files.deleteIfExists(spill);
            }
            // only pairs whose shared anchors chain as a copied passage's do
            int chained = 0;
            for (int c = 0; c < candidates.length; c++) {
                if (Aligner.longestChain(seeds[c], fill[c], ALIGNER.maxGap, ALIGNER.band) >= minAnchors) chained++;
                else { seeds[c] = null; weight[c] = -1; }
            }
            boolean[] chosen = best(candidates, weight, files.size(), maxPartners);
            int n = 0;
            for (boolean b : chosen) if (b) n++;
            if (progress != null) progress.printf("reuse: %d pairs have %d or more anchors in one run; aligning %d (at most %d partners a document)%n",
                    chained, minAnchors, n, maxPartners);
            return alignAll(candidates, seeds, fill, chosen, n);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reuse: cannot spill anchors to a temporary file: " + e.getMessage(), e);
        } finally {
            for (Path spill : spills) try { Files.deleteIfExists(spill); } catch (java.io.IOException ignored) { }
        }
    }

    private static final Aligner ALIGNER = new Aligner();

    /**
     * The largest document frequency of an anchor: {@link #maxDf}, and no more than a quarter of the documents once
     * that is above 10 (a passage found in most documents of a corpus is its boilerplate, however small the
     * corpus: a signature, a board's notice).
     */
    public int dfCap(int documents) {
        return Math.min(maxDf, Math.max(10, documents / 4));
    }

    /** What one shared anchor found in df documents adds to a pair's rank: rare ones count most. */
    public static long weight(int df) { return 1000 / Math.max(1, df); }

    /**
     * Which candidates are aligned: for each document, its {@code maxPartners} candidates of highest weight (ties
     * to the lower partner number); a pair is taken when it is among the best of either of its documents.
     * Candidates of negative weight are out.
     */
    static boolean[] best(long[] candidates, long[] weight, int documents, int maxPartners) {
        int[] per = new int[documents + 1];
        for (int c = 0; c < candidates.length; c++) if (weight[c] >= 0) { per[(int) (candidates[c] >>> 32) + 1]++; per[(int) candidates[c] + 1]++; }
        for (int d = 0; d < documents; d++) per[d + 1] += per[d];
        int[] at = Arrays.copyOf(per, documents);
        int[] members = new int[per[documents]];
        for (int c = 0; c < candidates.length; c++) if (weight[c] >= 0) { members[at[(int) (candidates[c] >>> 32)]++] = c; members[at[(int) candidates[c]]++] = c; }
        boolean[] chosen = new boolean[candidates.length];
        for (int d = 0; d < documents; d++) {
            int from = per[d], to = per[d + 1];
            if (to - from <= maxPartners) { for (int k = from; k < to; k++) chosen[members[k]] = true; continue; }
            final int doc = d;
            Integer[] order = new Integer[to - from];
            for (int k = from; k < to; k++) order[k - from] = members[k];
            Arrays.sort(order, (x, y) -> weight[x] != weight[y] ? Long.compare(weight[y], weight[x])
                    : Integer.compare(partner(candidates[x], doc), partner(candidates[y], doc)));
            for (int k = 0; k < maxPartners; k++) chosen[order[k]] = true;
        }
        return chosen;
    }

    private static int partner(long pair, int d) { int a = (int) (pair >>> 32); return a == d ? (int) pair : a; }

    /**
     * Aligns the chosen candidates a block of documents at a time: the first documents of the pairs of one block
     * (at most {@code cacheChars / 2} of text) stay in memory while the second documents are read in order, so a
     * document is read about once per block instead of once per pair.
     */
    private List<Pair> alignAll(long[] candidates, long[][] seeds, int[] fill, boolean[] chosen, int n) {
        long blockChars = Math.max(1, cacheChars / 2);
        int[] block = new int[files.size()];
        long acc = 0;
        for (int d = 0, b = 0; d < files.size(); d++) {
            if (acc > 0 && acc + files.bytes(d) > blockChars) { b++; acc = 0; }
            acc += files.bytes(d);
            block[d] = b;
        }
        Integer[] order = new Integer[n];
        for (int c = 0, k = 0; c < candidates.length; c++) if (chosen[c]) order[k++] = c;
        Arrays.sort(order, (x, y) -> {
            int bx = block[(int) (candidates[x] >>> 32)], by = block[(int) (candidates[y] >>> 32)];
            if (bx != by) return Integer.compare(bx, by);
            int c = Integer.compare((int) candidates[x], (int) candidates[y]);
            return c != 0 ? c : Long.compare(candidates[x], candidates[y]);
        });
        List<Pair> out = new ArrayList<>();
        long t0 = System.nanoTime(), lastReport = t0;
        int currentBlock = -1;
        for (int k = 0; k < n; k++) {
            int c = order[k];
            int da = (int) (candidates[c] >>> 32), db = (int) candidates[c];
            if (block[da] != currentBlock) { currentBlock = block[da]; pinned.clear(); pinnedChars = 0; }
            pin(da);
            out.addAll(align(da, db, seeds[c], fill[c]));
            seeds[c] = null;
            if (progress != null && System.nanoTime() - lastReport > 10_000_000_000L) {
                lastReport = System.nanoTime();
                progress.printf("reuse: aligned %d/%d pairs, %d passages, %.0f pairs/s, %d reads%n", k + 1, n, out.size(),
                        (k + 1) / ((lastReport - t0) / 1e9), reads);
            }
        }
        pinned.clear();
        pinnedChars = 0;
        return out;
    }

    /**
     * Aligns one document pair from its shared anchors ({@code posA << 32 | posB}) and keeps the passages long
     * enough, a passage inside one side of a larger one being implied by it (e.g. a thread holding it twice).
     */
    public List<Pair> align(int da, int db, long[] seeds, int count) {
        List<Pair> out = new ArrayList<>();
        aligned++;
        NormalisedWords wa = words(da), wb = words(db);
        if (wa == null || wb == null) return out;
        List<Alignment> found = new Aligner().align(wa, wb, seeds, count, false);
        found.removeIf(al -> al.matched() < minWords || al.matchedContent(wa) * 2 < minWords || al.similarity() < 0.5);
        found.sort((x, y) -> Integer.compare(y.matched(), x.matched()));
        List<Alignment> kept = new ArrayList<>();
        for (Alignment al : found) {
            boolean implied = false;
            for (Alignment k : kept)
                if (mostlyIn(al.aStart(), al.aEnd(), k.aStart(), k.aEnd()) || mostlyIn(al.bStart(), al.bEnd(), k.bStart(), k.bEnd())) implied = true;
            if (implied) continue;
            kept.add(al);
            out.add(new Pair(part(da, wa, al.aStart(), al.aEnd()), part(db, wb, al.bStart(), al.bEnd()),
                    al.identical() ? "verbatim" : "altered", Math.round(al.similarity() * 1000) / 1000.0, al.script(), al.matched()));
        }
        return out;
    }

    /** The text of document d as the readers give it, or null when it cannot be read. */
    public String text(int d) {
        Entry e = pinned.get(d);
        if (e == null) e = cache.get(d);
        if (e != null) return e.doc().text();
        Document doc = read(d);
        return doc == null ? null : doc.text();
    }

    /** Reads the corpus and keeps the winnowed anchors whose hash falls in this pass. */
    private Table table(int pass) {
        long[] keys = new long[1 << 16], vals = new long[1 << 16];
        int n = 0;
        long done = 0, lastReport = System.nanoTime();
        int batch = Math.max(1, threads * 8);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int b0 = 0; b0 < files.size(); b0 += batch) {
                // read and winnow a batch of documents in parallel, then append their anchors in document order
                List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
                for (int d = b0; d < Math.min(files.size(), b0 + batch); d++) {
                    final int doc = d;
                    futures.add(pool.submit(() -> docAnchors(doc, pass)));
                }
                for (int i = 0; i < futures.size(); i++) {
                    int d = b0 + i;
                    long[] a;
                    try { a = futures.get(i).get(); } catch (Exception e) { throw new IllegalStateException(e.getCause()); }
                    if (a == null) continue;
                    if (pass == 0) bytesRead += files.bytes(d);
                    done += files.bytes(d);
                    int m = a.length / 2;
                    if (n + m > keys.length) {
                        int cap = Math.max(keys.length * 2, n + m);
                        if (cap > maxPostings && progress != null && !warnedOnce) {
                            warnedOnce = true;
                            progress.println("reuse: warning: more anchors than estimated; the table grows past its bound");
                        }
                        keys = Arrays.copyOf(keys, cap); vals = Arrays.copyOf(vals, cap);
                    }
                    for (int k = 0; k < m; k++) { keys[n] = a[2 * k]; vals[n] = (long) d << 32 | a[2 * k + 1]; n++; }
                }
                if (progress != null && System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    double secs = (lastReport - started) / 1e9;
                    progress.printf("reuse: pass %d/%d, %d/%d files, %d MB, %.1f MB/s, %d anchors%n", pass + 1, passes,
                            Math.min(files.size(), b0 + batch), files.size(), done >> 20, (done + (long) pass * total) / 1048576.0 / secs, n);
                }
            }
        } finally {
            pool.shutdown();
        }
        Postings.sort(keys, vals, n);
        return new Table(keys, vals, n);
    }

    /** The anchors of one document that fall in this pass, as (hash, position) pairs; null if unreadable. */
    private long[] docAnchors(int d, int pass) {
        Document doc;
        try {
            doc = files.read(d);
        } catch (InputException e) {
            synchronized (errors) { if (!errors.contains(e.getMessage())) errors.add(e.getMessage()); }
            return null;
        }
        long[][] out = {new long[256]};
        int[] n = {0};
        anchors(doc.text(), window, (hash, pos) -> {
            if (Math.floorMod(hash >>> 7, passes) != pass) return;
            if (n[0] + 2 > out[0].length) out[0] = Arrays.copyOf(out[0], out[0].length * 2);
            out[0][n[0]++] = hash;
            out[0][n[0]++] = pos;
        });
        return Arrays.copyOf(out[0], n[0]);
    }

    interface PairSink { void accept(long docPair, long seed, int df); }

    /** Receives one anchor: a shingle hash and the word position where it starts. */
    public interface AnchorSink { void accept(long hash, int position); }

    /**
     * The winnowed anchors of a text: of each run of {@code window} consecutive word 5-gram shingles, the one with
     * the smallest hash (the rightmost on ties), each position once; shingles of function words only are skipped.
     */
    public static void anchors(String text, int window, AnchorSink sink) {
        long[] h = NormalisedWords.hashes(text);
        int ns = h.length - 5 + 1;
        if (ns <= 0) return;
        long[] sh = new long[ns];
        boolean[] stop = new boolean[h.length];
        for (int i = 0; i < h.length; i++) stop[i] = NormalisedWords.isStopHash(h[i]);
        for (int i = 0; i < ns; i++) {
            // chains of function words ("it is one of the") are everywhere: never anchors
            boolean allStop = stop[i] && stop[i + 1] && stop[i + 2] && stop[i + 3] && stop[i + 4];
            sh[i] = allStop ? Long.MAX_VALUE : NormalisedWords.shingle(h, i, 5);
        }
        int lastPicked = -1;
        for (int w0 = 0; w0 + window <= Math.max(ns, window); w0++) {
            int end = Math.min(ns, w0 + window), min = w0;
            for (int i = w0 + 1; i < end; i++) if (sh[i] <= sh[min]) min = i;
            if (min == lastPicked || sh[min] == Long.MAX_VALUE) continue;
            lastPicked = min;
            sink.accept(sh[min], min);
        }
    }

    /** Every anchor shared by two documents: hashes in 2..dfCap documents, at most twice in each. */
    private void forEachPair(Table t, PairSink sink) {
        long[] keys = t.keys(), vals = t.vals();
        for (int i = 0; i < t.n(); ) {
            int j = i;
            while (j < t.n() && keys[j] == keys[i]) j++;
            if (j - i >= 2) group(vals, i, j, sink);
            i = j;
        }
    }

    private void group(long[] vals, int from, int to, PairSink sink) {
        long[] v = Arrays.copyOfRange(vals, from, to);
        Arrays.sort(v);
        int docsSeen = 0;
        for (int i = 0; i < v.length; i++) if (i == 0 || (v[i] >>> 32) != (v[i - 1] >>> 32)) docsSeen++;
        if (docsSeen < 2 || docsSeen > dfLimit) return;
        for (int i = 0; i < v.length; i++) {
            int di = (int) (v[i] >>> 32);
            if (i >= 2 && (v[i - 2] >>> 32) == di) continue;
            for (int j = i + 1; j < v.length; j++) {
                int dj = (int) (v[j] >>> 32);
                if (dj == di || (j >= 2 && (v[j - 2] >>> 32) == dj)) continue;
                sink.accept((long) di << 32 | dj, (v[i] & 0xffffffffL) << 32 | (v[j] & 0xffffffffL), docsSeen);
            }
        }
    }

    static boolean mostlyIn(int s, int e, int S, int E) {
        int ov = Math.max(0, Math.min(e, E) - Math.max(s, S));
        return e > s && ov * 2 > e - s;
    }

    private Document doc(int d) {
        Entry e = entry(d);
        return e == null ? null : e.doc();
    }

    private NormalisedWords words(int d) {
        Entry e = entry(d);
        return e == null ? null : e.words();
    }

    private Entry entry(int d) {
        Entry e = pinned.get(d);
        if (e == null) e = cache.get(d);
        if (e != null) return e;
        Document doc = read(d);
        if (doc == null) return null;
        e = new Entry(doc, NormalisedWords.of(doc.text()));
        cachedChars += doc.text().length();
        cache.put(d, e);
        return e;
    }

    /** Keeps document d in memory until the block changes. */
    private void pin(int d) {
        if (pinned.containsKey(d)) return;
        Entry e = cache.remove(d);
        if (e != null) cachedChars -= e.doc().text().length();
        else {
            Document doc = read(d);
            if (doc == null) return;
            e = new Entry(doc, NormalisedWords.of(doc.text()));
        }
        pinned.put(d, e);
        pinnedChars += e.doc().text().length();
    }

    private Document read(int d) {
        reads++;
        try {
            return files.read(d);
        } catch (InputException e) {
            synchronized (errors) { if (!errors.contains(e.getMessage())) errors.add(e.getMessage()); }
            return null;
        }
    }

    private Side part(int d, NormalisedWords w, int from, int to) {
        Document doc = doc(d);
        Post p = doc.postAt(w.start(from));
        if (p == null && !doc.posts().isEmpty()) {
            // the alignment ran back over a post's header (a timestamp ending alike in both): start in the body
            int f = from;
            while (f < to - 1 && doc.postAt(w.start(f)) == null) f++;
            Post q = doc.postAt(w.start(f));
            if (q != null) { from = f; p = q; }
        }
        if (p != null) while (to - 1 > from && w.end(to - 1) > p.body().end()) to--; // nor into the next post's header
        Span span = new Span(w.start(from), w.end(to - 1));
        return new Side(files.name(d), p == null ? null : p.id(), p == null ? null : p.published(), doc.codePoint(span.start()), doc.codePoint(span.end()), doc.slice(span));
    }
}
