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
 *   <li>anchors are grouped by hash; a hash found in 2 to {@link #maxDf} documents, at most twice in each, gives
 *       candidate anchor pairs between documents (commoner ones are boilerplate);</li>
 *   <li>document pairs with at least {@link #minAnchors} anchors are aligned word by word ({@link Aligner}) and
 *       passages sharing {@link #minWords} words (half of them content words) are reported.</li>
 * </ol>
 * Memory: the anchor table holds 16 bytes per anchor and never more than about {@link #maxPostings} anchors; when
 * the corpus would need more, the hash space is split and the corpus read once per part (each pass keeps the
 * hashes with {@code hash mod passes == pass}), the shared anchors of each pass being spilled to a temporary file.
 * Pair counts (12 bytes per document pair sharing an anchor), the anchors of candidate pairs and a bounded cache of
 * tokenised documents come on top.
 * Time is linear in corpus size plus the aligned pairs.
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
     * shorter are the same witness (the longer is kept).
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

    /** The node of a witness: an earlier witness of the same document covering half of the shorter, else a new one. */
    private static int node(Side sd, List<Side> nodes, Map<String, List<Integer>> byDocument, int[][] parent) {
        List<Integer> same = byDocument.computeIfAbsent(sd.document(), k -> new ArrayList<>(2));
        for (int i : same) {
            Side o = nodes.get(i);
            int ov = Math.min(o.end(), sd.end()) - Math.max(o.start(), sd.start());
            if (ov * 2 >= Math.min(o.end() - o.start(), sd.end() - sd.start())) {
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
    public int minAnchors = 2;
    public int maxDf = 100;
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
    private final Map<Integer, Words> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Words> e) { return size() > 64; }
    };
    private final Map<Integer, Document> docs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<Integer, Document> e) { return size() > 64; }
    };
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private long bytesRead;

    public CorpusReuse(List<Path> files) { this(files(files)); }

    public CorpusReuse(Documents documents) { this.files = documents; }

    public List<String> errors() { return errors; }
    public long bytes() { return bytesRead; }

    /** Anchors of one pass, sorted by hash: keys are shingle hashes, vals {@code doc << 32 | word position}. */
    private record Table(long[] keys, long[] vals, int n) {}

    private int passes;
    private boolean warnedOnce;
    private long total, started;

    public List<Pair> run() {
        total = 0;
        for (int d = 0; d < files.size(); d++) total += files.bytes(d);
        // about one word per 4.5 bytes at most, and winnowing keeps about 2 / (window + 1) of the shingles
        long estimate = (long) (total / 4.5 * 2.0 / (window + 1)) + 1;
        passes = (int) Math.max(1, (estimate + maxPostings - 1) / maxPostings);
        started = System.nanoTime();
        // Phase 1: count anchors shared by each document pair; with several passes the shared anchors of each pass
        // are spilled to a temporary file (16 bytes each) instead of reading the corpus again.
        // Phase 2: collect the anchors of the pairs that share enough of them.
        LongIntMap counts = new LongIntMap(1 << 16);
        Table kept = null;
        List<Path> spills = new ArrayList<>();
        try {
            for (int pass = 0; pass < passes; pass++) {
                Table t = table(pass);
                if (passes == 1) {
                    forEachPair(t, (key, seed) -> counts.add(key, 1));
                    kept = t;
                    continue;
                }
                Path spill = Files.createTempFile("exhibit-reuse-", ".anchors");
                spill.toFile().deleteOnExit();
                spills.add(spill);
                try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(spill), 1 << 16))) {
                    forEachPair(t, (key, seed) -> {
                        counts.add(key, 1);
                        try { out.writeLong(key); out.writeLong(seed); } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    });
                }
            }
            long[] candidates = counts.keysAtLeast(minAnchors);
            if (progress != null) progress.printf("reuse: %d document pairs share anchors, %d share %d or more; aligning%n",
                    counts.size(), candidates.length, minAnchors);
            LongIntMap index = new LongIntMap(candidates.length);
            long[][] seeds = new long[candidates.length][];
            int[] fill = new int[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                index.add(candidates[i], i + 1);
                seeds[i] = new long[counts.get(candidates[i])];
            }
            PairSink collect = (key, seed) -> {
                int i = index.get(key) - 1;
                if (i >= 0) seeds[i][fill[i]++] = seed;
            };
            if (kept != null) forEachPair(kept, collect);
            kept = null;
            for (Path spill : spills) {
                try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(spill), 1 << 16))) {
                    long records = Files.size(spill) / 16;
                    for (long r = 0; r < records; r++) collect.accept(in.readLong(), in.readLong());
                }
                Files.deleteIfExists(spill);
            }
            List<Pair> out = new ArrayList<>();
            for (int c = 0; c < candidates.length; c++) {
                long dp = candidates[c];
                int da = (int) (dp >>> 32), db = (int) dp;
                out.addAll(align(da, db, seeds[c], fill[c]));
                seeds[c] = null;
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reuse: cannot spill anchors to a temporary file: " + e.getMessage(), e);
        } finally {
            for (Path spill : spills) try { Files.deleteIfExists(spill); } catch (java.io.IOException ignored) { }
        }
    }

    /**
     * Aligns one document pair from its shared anchors ({@code posA << 32 | posB}) and keeps the passages long
     * enough, a passage inside one side of a larger one being implied by it (e.g. a thread holding it twice).
     */
    public List<Pair> align(int da, int db, long[] seeds, int count) {
        List<Pair> out = new ArrayList<>();
        Words wa = words(da), wb = words(db);
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
        Document doc = doc(d);
        docs.remove(d); // indexing reads each document once; keep the cache for alignment
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

    interface PairSink { void accept(long docPair, long seed); }

    /** Receives one anchor: a shingle hash and the word position where it starts. */
    public interface AnchorSink { void accept(long hash, int position); }

    /**
     * The winnowed anchors of a text: of each run of {@code window} consecutive word 5-gram shingles, the one with
     * the smallest hash (the rightmost on ties), each position once; shingles of function words only are skipped.
     */
    public static void anchors(String text, int window, AnchorSink sink) {
        long[] h = Words.hashes(text);
        int ns = h.length - 5 + 1;
        if (ns <= 0) return;
        long[] sh = new long[ns];
        boolean[] stop = new boolean[h.length];
        for (int i = 0; i < h.length; i++) stop[i] = Words.isStopHash(h[i]);
        for (int i = 0; i < ns; i++) {
            // chains of function words ("it is one of the") are everywhere: never anchors
            boolean allStop = stop[i] && stop[i + 1] && stop[i + 2] && stop[i + 3] && stop[i + 4];
            sh[i] = allStop ? Long.MAX_VALUE : Words.shingle(h, i, 5);
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

    /** Every anchor shared by two documents: hashes in 2..maxDf documents, at most twice in each. */
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
        if (docsSeen < 2 || docsSeen > maxDf) return;
        for (int i = 0; i < v.length; i++) {
            int di = (int) (v[i] >>> 32);
            if (i >= 2 && (v[i - 2] >>> 32) == di) continue;
            for (int j = i + 1; j < v.length; j++) {
                int dj = (int) (v[j] >>> 32);
                if (dj == di || (j >= 2 && (v[j - 2] >>> 32) == dj)) continue;
                sink.accept((long) di << 32 | dj, (v[i] & 0xffffffffL) << 32 | (v[j] & 0xffffffffL));
            }
        }
    }

    static boolean mostlyIn(int s, int e, int S, int E) {
        int ov = Math.max(0, Math.min(e, E) - Math.max(s, S));
        return e > s && ov * 2 > e - s;
    }

    private Document doc(int d) {
        Document doc = docs.get(d);
        if (doc != null) return doc;
        try {
            doc = files.read(d);
        } catch (InputException e) {
            synchronized (errors) { if (!errors.contains(e.getMessage())) errors.add(e.getMessage()); }
            return null;
        }
        docs.put(d, doc);
        return doc;
    }

    private Words words(int d) {
        Words w = cache.get(d);
        if (w != null) return w;
        Document doc = doc(d);
        if (doc == null) return null;
        w = Words.of(doc.text());
        cache.put(d, w);
        return w;
    }

    private Side part(int d, Words w, int from, int to) {
        Document doc = doc(d);
        Span span = new Span(w.start(from), w.end(to - 1));
        Post p = doc.postAt(span.start());
        return new Side(files.name(d), p == null ? null : p.id(), p == null ? null : p.published(), doc.codePoint(span.start()), doc.codePoint(span.end()), doc.slice(span));
    }
}
