package org.exhibit.analysis.reuse;

import org.exhibit.analysis.Layer;
import org.exhibit.analysis.Stage;
import org.exhibit.analysis.reuse.Aligner;
import org.exhibit.analysis.reuse.Alignment;
import org.exhibit.analysis.reuse.Paraphrases;
import org.exhibit.analysis.reuse.Postings;
import org.exhibit.analysis.reuse.NormalisedWords;
import org.exhibit.model.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Text that occurs more than once inside one document: a post body stored twice, a quote reproducing an earlier
 * post, one source quoted twice with altered wording, and (with lower confidence) a short claim told twice.
 *
 * <p>Word 5-gram shingles over normalised words (see {@link NormalisedWords}) that occur at least twice are anchors; anchors
 * are chained and aligned word by word ({@link Aligner}). A pair is reported when it shares at least
 * {@link #minWords} words, {@link #minContent} of them not function words, so stock phrases ("of the Communist
 * Party of the Soviet Union") never make two passages reuse. Pairs are taken longest first; a pair inside a larger
 * reported pair is not reported again, and neither is anything inside the later copy of a reported pair (the
 * repeat implies it). Kinds: {@code verbatim} (same words), {@code altered} (some words changed, added or
 * dropped), {@code paraphrase} (see {@link Paraphrases}).
 */
public final class ReuseFinder implements Stage {
    public int minWords = 12;
    public int minContent = 5;
    public double minSimilarity = 0.5;
    /** Shingles occurring more often than this in one document are boilerplate, not anchors. */
    public int maxOccurrences = 40;
    /** An occurrence of a shingle is an anchor with the first occurrence and with this many occurrences before it. */
    public int partners = 8;
    public boolean paraphrases = true;

    @Override public String name() { return "reuse"; }
    @Override public Set<Layer> requires() { return Layer.withReader(Layer.QUOTES); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.REUSE); }

    @Override public void apply(Document doc) {
        NormalisedWords w = NormalisedWords.of(bodiesOnly(doc));
        List<Alignment> found = selfAlign(w);
        found.removeIf(al -> !accept(al, w));
        found.sort(Comparator.comparingInt(Alignment::matched).reversed());
        Kept kept = new Kept();
        for (Alignment al : found) if (!implied(al, kept.near(al))) kept.add(al);
        QuotesByPost quotes = new QuotesByPost(doc);
        for (Alignment al : kept.all) doc.reuse().add(reuse(doc, w, al, al.identical() ? "verbatim" : "altered", quotes));
        if (paraphrases) {
            for (Alignment al : new Paraphrases().find(w)) {
                List<Alignment> near = kept.near(al);
                if (implied(al, near) || overlapsReported(al, near)) continue;
                kept.add(al);
                doc.reuse().add(reuse(doc, w, al, "paraphrase", quotes));
            }
        }
    }

    /**
     * The pairs kept so far, indexed by the blocks of words their two parts cover, so that the pairs a new one could
     * be implied by (all of which overlap one of its parts) are found without looking at every kept pair.
     */
    static final class Kept {
        static final int BLOCK = 32;
        final List<Alignment> all = new ArrayList<>();
        private final java.util.Map<Integer, List<Alignment>> byBlock = new java.util.HashMap<>();

        void add(Alignment al) {
            all.add(al);
            for (int[] r : new int[][]{{al.aStart(), al.aEnd()}, {al.bStart(), al.bEnd()}})
                for (int b = r[0] / BLOCK; b <= Math.max(r[0], r[1] - 1) / BLOCK; b++)
                    byBlock.computeIfAbsent(b, k -> new ArrayList<>()).add(al);
        }

        /** Kept pairs with a part overlapping a part of {@code al}, in the order they were kept. */
        List<Alignment> near(Alignment al) {
            java.util.Set<Alignment> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (int[] r : new int[][]{{al.aStart(), al.aEnd()}, {al.bStart(), al.bEnd()}})
                for (int b = r[0] / BLOCK; b <= Math.max(r[0], r[1] - 1) / BLOCK; b++)
                    seen.addAll(byBlock.getOrDefault(b, List.of()));
            return new ArrayList<>(seen);
        }
    }

    /** The quotes of each post, so the quote holding a reused part is looked for in its own post only. */
    static final class QuotesByPost {
        private final java.util.Map<String, List<Quote>> byPost = new java.util.HashMap<>();
        private final List<Quote> unplaced = new ArrayList<>();

        QuotesByPost(Document doc) {
            for (Quote q : doc.quotes())
                if (q.post() == null) unplaced.add(q);
                else byPost.computeIfAbsent(q.post(), k -> new ArrayList<>()).add(q);
        }

        /** {@link #smallestQuote} among the quotes of {@code post} and those of no post. */
        Quote smallest(String post, Span span) {
            return smallestQuote(span, List.of(byPost.getOrDefault(post, List.of()), unplaced));
        }
    }

    /**
     * The text with everything that is not the posts' own words blanked, offsets unchanged: author and time lines,
     * and quote markup (QUOTE tags, [quote] tags, Markdown prefixes), which would otherwise align across copies.
     */
    static String bodiesOnly(Document doc) {
        char[] c = doc.text().toCharArray();
        boolean[] keep = new boolean[c.length];
        for (Post p : doc.posts()) for (int i = p.body().start(); i < p.body().end(); i++) keep[i] = true;
        for (Quote q : doc.quotes()) {
            List<Span> markup = new ArrayList<>(q.exclusions());
            if (q.marker() != Marker.DOUBLE && q.marker() != Marker.SINGLE && q.marker() != Marker.BACKTICK
                    && q.marker() != Marker.DOUBLED_SINGLE && q.marker() != Marker.GUILLEMET) {
                if (q.openMarker() != null) markup.add(q.openMarker());
                if (q.closeMarker() != null) markup.add(q.closeMarker());
            }
            for (Span m : markup) for (int i = m.start(); i < Math.min(m.end(), c.length); i++) keep[i] = false;
        }
        for (int i = 0; i < c.length; i++) if (!keep[i] && c[i] != '\n') c[i] = ' ';
        return new String(c);
    }

    /** Aligned pairs of passages inside one word sequence, before filtering. */
    List<Alignment> selfAlign(NormalisedWords w) {
        Aligner aligner = new Aligner();
        int n = aligner.n;
        int count = Math.max(0, w.size() - n + 1);
        long[] keys = new long[count], pos = new long[count];
        for (int i = 0; i < count; i++) { keys[i] = w.shingle(i, n); pos[i] = i; }
        Postings.sort(keys, pos, count);
        long[] seeds = new long[16];
        int ns = 0;
        for (int i = 0; i < count; ) {
            int j = i;
            while (j < count && keys[j] == keys[i]) j++;
            if (j - i >= 2 && j - i <= maxOccurrences) {
                long[] p = Arrays.copyOfRange(pos, i, j);
                Arrays.sort(p);
                // Each occurrence is paired with the first and with the few before it, not with every other one: a
                // passage quoted k times then costs k pairs, not k*k/2, and the copies are still chained to the
                // original and to each other (a copy of a copy meets the copy it was made from among its neighbours).
                for (int y = 1; y < p.length; y++)
                    for (int lo = Math.max(0, y - partners), x = lo > 0 ? 0 : lo; x < y; x = x == 0 && lo > 0 ? lo : x + 1) {
                        if (p[y] - p[x] < n) continue; // overlapping shingles of one stretch
                        if (ns == seeds.length) seeds = Arrays.copyOf(seeds, ns * 2);
                        seeds[ns++] = p[x] << 32 | p[y];
                    }
            }
            i = j;
        }
        List<Alignment> out = aligner.align(w, w, seeds, ns, true);
        out.removeIf(al -> al.aEnd() > al.bStart());
        return out;
    }

    boolean accept(Alignment al, NormalisedWords w) {
        return al.matched() >= minWords && al.matchedContent(w) >= minContent && al.similarity() >= minSimilarity;
    }

    /** Contained in a larger pair, or lying inside the later copy of one. */
    static boolean implied(Alignment al, List<Alignment> kept) {
        for (Alignment k : kept) {
            boolean inA = within(al.aStart(), al.aEnd(), k.aStart(), k.aEnd()), inB = within(al.bStart(), al.bEnd(), k.bStart(), k.bEnd());
            boolean aInB = within(al.aStart(), al.aEnd(), k.bStart(), k.bEnd()), bInA = within(al.bStart(), al.bEnd(), k.aStart(), k.aEnd());
            if ((inA && inB) || (aInB && bInA)) return true;
            if (mostlyIn(al.aStart(), al.aEnd(), k.bStart(), k.bEnd()) || mostlyIn(al.bStart(), al.bEnd(), k.bStart(), k.bEnd())) return true;
        }
        return false;
    }

    /** Both parts mostly inside the two parts of one reported pair: the same finding again. */
    static boolean overlapsReported(Alignment al, List<Alignment> kept) {
        for (Alignment k : kept) {
            if (mostlyIn(al.aStart(), al.aEnd(), k.aStart(), k.aEnd()) && mostlyIn(al.bStart(), al.bEnd(), k.bStart(), k.bEnd())) return true;
            if (mostlyIn(al.aStart(), al.aEnd(), k.bStart(), k.bEnd()) && mostlyIn(al.bStart(), al.bEnd(), k.aStart(), k.aEnd())) return true;
        }
        return false;
    }

    static boolean within(int s, int e, int S, int E) { return S <= s && e <= E; }

    static boolean mostlyIn(int s, int e, int S, int E) {
        int ov = Math.max(0, Math.min(e, E) - Math.max(s, S));
        return e > s && ov * 2 > e - s;
    }

    static Reuse reuse(Document doc, NormalisedWords w, Alignment al, String kind, QuotesByPost quotes) {
        // An alignment that runs past the end of a post is cut there, and its other side by as many words.
        int cutA = overrun(doc, w, al.aStart(), al.aEnd()), cutB = overrun(doc, w, al.bStart(), al.bEnd());
        int cut = Math.max(cutA, cutB);
        int aEnd = Math.max(al.aStart() + 1, al.aEnd() - cut), bEnd = Math.max(al.bStart() + 1, al.bEnd() - cut);
        List<Reuse.Part> parts = List.of(part(doc, w, al.aStart(), aEnd, quotes), part(doc, w, al.bStart(), bEnd, quotes));
        return new Reuse(kind, parts, Math.round(al.similarity() * 1000) / 1000.0, al.script());
    }

    /** How many words of [from, to) lie after the end of the post the first word is in. */
    static int overrun(Document doc, NormalisedWords w, int from, int to) {
        Post p = doc.postAt(w.start(from));
        if (p == null) return 0;
        int n = 0;
        for (int k = to - 1; k > from && w.start(k) >= p.body().end(); k--) n++;
        return n;
    }

    static Reuse.Part part(Document doc, NormalisedWords w, int from, int to, QuotesByPost quotes) {
        Span span = new Span(w.start(from), w.end(to - 1));
        Post p = doc.postAt(span.start());
        if (p != null && span.end() > p.body().end()) span = new Span(span.start(), p.body().end()); // never into the next post
        Quote q = p == null ? smallestQuote(doc, span) : quotes.smallest(p.id(), span);
        return new Reuse.Part(null, p == null ? null : p.id(), span, doc.slice(span), q == null ? null : q.id());
    }

    /**
     * The quote this witness is: the smallest quote that holds it, else the quotation by reproduction that covers
     * most of it (at least half; the reuse pair and the quotation are one finding seen twice, and the quote is
     * the one that decides its bounds).
     */
    static Quote smallestQuote(Document doc, Span span) { return smallestQuote(span, List.of(doc.quotes())); }

    private static Quote smallestQuote(Span span, List<List<Quote>> groups) {
        Quote best = null, reproduced = null;
        int bestOverlap = 0;
        for (List<Quote> group : groups) for (Quote q : group) {
            if (q.span().contains(span)) { if (best == null || q.span().length() < best.span().length()) best = q; }
            else if (q.sourcePost() != null && q.parent() == null) {
                int ov = q.span().overlap(span);
                if (ov * 2 >= span.length() && ov > bestOverlap) { reproduced = q; bestOverlap = ov; }
            }
        }
        return best != null ? best : reproduced;
    }

    /** The span holds at least 85% of the words of the post's body. */
    public static boolean coversPost(Document doc, Post post, Span span) {
        int all = postWords(doc, post);
        int in = NormalisedWords.count(doc.text(), Math.max(span.start(), post.body().start()), Math.min(span.end(), post.body().end()));
        return all > 0 && in * 100 >= all * 85;
    }

    // Words per post body, counted once per document: both reuse and independence ask for every reuse item, and
    // counting the whole post each time made long threads quadratic.
    private static final java.util.Map<Document, java.util.Map<Span, Integer>> POST_WORDS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static int postWords(Document doc, Post post) {
        java.util.Map<Span, Integer> counts = POST_WORDS.computeIfAbsent(doc, d -> new java.util.concurrent.ConcurrentHashMap<>());
        return counts.computeIfAbsent(post.body(), b -> NormalisedWords.count(doc.text(), b.start(), b.end()));
    }
}
