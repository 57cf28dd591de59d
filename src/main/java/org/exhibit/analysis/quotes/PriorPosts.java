package org.exhibit.analysis.quotes;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * The posts before a given one, as word sequences, to recognise a quote that reproduces an earlier post: the
 * commonest quote in a thread. Comparison ignores case, punctuation and spacing, which copying changes.
 */
public final class PriorPosts {
    public static final int SEED = 8;

    record PostWords(Post post, List<String> words, List<int[]> spans) {}

    private List<PostWords> posts = new ArrayList<>(); // shared by the views of forDocument, each reading its first `limit`
    /** Every SEED-word run of the earlier posts, by hash: where it occurs (post index, word index). */
    private final Map<Long, List<int[]>> seeds = new HashMap<>();

    /** Where a passage reproduces an earlier post: the post and the span of the reproduced text in the passage. */
    public record Match(Post post, Span passage, Span original) {}

    /** The posts before {@code current}. Build once per post; for many posts use {@link #forDocument}. */
    public PriorPosts(Document doc, Post current) {
        for (Post p : doc.posts()) {
            if (p == current || p.id().equals(current.id())) break;
            add(words(org.exhibit.text.TextLayer.of(doc).tokens(), p.body(), p));
        }
    }

    private PriorPosts() {}

    /**
     * Posts and text never change once read, so the quote finder and attribution share one index per document
     * (held weakly: it goes with the document).
     */
    private static final Map<Document, Map<String, PriorPosts>> BY_DOCUMENT = Collections.synchronizedMap(new WeakHashMap<>());

    /** One instance per post of the document, sharing the work of reading earlier posts. */
    public static Map<String, PriorPosts> forDocument(Document doc) {
        Map<String, PriorPosts> known = BY_DOCUMENT.get(doc);
        if (known != null) return known;
        Map<String, PriorPosts> built = index(doc); // outside the lock: documents analysed in parallel do not wait
        Map<String, PriorPosts> raced = BY_DOCUMENT.putIfAbsent(doc, built);
        return raced != null ? raced : built;
    }

    private static Map<String, PriorPosts> index(Document doc) {
        Map<String, PriorPosts> out = new HashMap<>();
        PriorPosts acc = new PriorPosts();
        List<Post> all = doc.posts();
        org.exhibit.text.Tokens tokens = all.size() > 1 ? org.exhibit.text.TextLayer.of(doc).tokens() : null;
        for (int k = 0; k < all.size(); k++) {
            Post p = all.get(k);
            PriorPosts view = new PriorPosts();
            view.posts = acc.posts; // shared, not copied: a copy per post was quadratic in memory
            view.seedsView = acc.seeds;
            view.limit = acc.posts.size();
            out.put(p.id(), view);
            if (k + 1 < all.size()) acc.add(words(tokens, p.body(), p)); // no later post can quote the last
        }
        return out;
    }

    private Map<Long, List<int[]>> seedsView;
    /** At most this many earlier occurrences of a passage's first words are compared with it (the latest). */
    static final int MAX_HITS = 64;
    private int limit = Integer.MAX_VALUE;

    private void add(PostWords w) {
        int idx = posts.size();
        posts.add(w);
        for (int i = 0; i + SEED <= w.words().size(); i++)
            seeds.computeIfAbsent(key(w.words(), i), k -> new ArrayList<>(1)).add(new int[]{idx, i});
    }

    /** A hash of the SEED words from i: hashing instead of joining the words keeps indexing allocation-free. */
    private static long key(List<String> words, int i) {
        long h = 1;
        for (int k = i; k < i + SEED; k++) h = h * 0x9E3779B97F4A7C15L + words.get(k).hashCode();
        return h;
    }

    /**
     * As {@link #words(String, Span, Post)} over the document's text, read from its token layer: the words inside the
     * span as they are, a word cut by the span's edge read again as the scan would read it.
     */
    static PostWords words(org.exhibit.text.Tokens t, Span s, Post p) {
        List<String> w = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        for (int k = t.firstEndingAfter(s.start()); k < t.size() && t.start(k) < s.end(); k++) {
            int st = t.start(k), en = t.end(k);
            if (st >= s.start() && en <= s.end()) { w.add(t.norm(k)); spans.add(new int[]{st, en}); continue; }
            PostWords piece = words(t.text(), new Span(Math.max(st, s.start()), Math.min(en, s.end())), p);
            w.addAll(piece.words());
            spans.addAll(piece.spans());
        }
        return new PostWords(p, w, spans);
    }

    static PostWords words(String text, Span s, Post p) {
        List<String> w = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        // Runs of letters and numbers ([\p{L}\p{N}]+), scanned by hand: this runs over every post of every thread.
        int i = s.start(), end = s.end();
        while (i < end) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) { i += Character.charCount(cp); continue; }
            int st = i;
            while (i < end && isWordChar(cp = text.codePointAt(i))) i += Character.charCount(cp);
            w.add(text.substring(st, i).toLowerCase(Locale.ROOT));
            spans.add(new int[]{st, i});
        }
        return new PostWords(p, w, spans);
    }

    private static boolean isWordChar(int cp) { return org.exhibit.text.Tokens.isWordChar(cp); }

    public boolean isEmpty() { return count() == 0; }

    private int count() { return Math.min(limit, posts.size()); }

    /** The longest reproduction of an earlier post starting at the beginning of {@code passage}, or null. */
    public Match match(String text, Span passage) {
        if (isEmpty()) return null;
        PostWords q = words(text, passage, null);
        if (q.words().size() < SEED) return shortMatch(q);
        Map<Long, List<int[]>> index = seedsView != null ? seedsView : seeds;
        List<int[]> hits = index.get(key(q.words(), 0));
        if (hits == null) return null;
        Match best = null;
        int bestLen = 0;
        // The hits are in post order: only the latest MAX_HITS in earlier posts are compared, so that a sentence
        // repeated in thousands of posts costs a bounded look-up per passage, not one per repetition (quadratic).
        int before = Math.min(limit, posts.size());
        int lo = 0, hi = hits.size(); // lo: the first hit in a post at or after 'before'
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (hits.get(mid)[0] < before) lo = mid + 1; else hi = mid; }
        for (int[] h : hits.subList(Math.max(0, lo - MAX_HITS), lo)) {
            PostWords p = posts.get(h[0]);
            int i = h[1], len = 0;
            while (len < q.words().size() && i + len < p.words().size() && p.words().get(i + len).equals(q.words().get(len))) len++;
            if (len < SEED) continue; // a hash collision, not a copy
            if (len > bestLen) {
                bestLen = len;
                best = new Match(p.post(), new Span(q.spans().get(0)[0], q.spans().get(len - 1)[1]),
                        new Span(p.spans().get(i)[0], p.spans().get(i + len - 1)[1]));
            }
        }
        return best;
    }

    /** A short passage (five to SEED-1 words) must appear word for word in an earlier post; the latest such post wins. */
    private Match shortMatch(PostWords q) {
        int n = q.words().size();
        if (n < 5) return null;
        for (int k = Math.min(limit, posts.size()) - 1; k >= 0; k--) {
            PostWords p = posts.get(k);
            for (int i = 0; i + n <= p.words().size(); i++) {
                if (!p.words().subList(i, i + n).equals(q.words())) continue;
                return new Match(p.post(), new Span(q.spans().get(0)[0], q.spans().get(n - 1)[1]),
                        new Span(p.spans().get(i)[0], p.spans().get(i + n - 1)[1]));
            }
        }
        return null;
    }

    /** The last paragraph (index in paras) of a block from {@code from} that reproduces an earlier post, or -1. */
    int matchEnd(String text, List<Para> paras, int from, int last) {
        if (isEmpty() || from > last) return -1;
        Match m = match(text, new Span(paras.get(from).start(), paras.get(last).end()));
        if (m == null) { // a short reproduction: the first paragraph alone, word for word
            Match first = match(text, paras.get(from).span());
            return first != null && first.passage().end() >= paras.get(from).end() - 3 ? from : -1;
        }
        int end = m.passage().end();
        for (int k = last; k >= from; k--) {
            Para p = paras.get(k);
            if (p.start() < end) {
                // The reproduction must reach (nearly) the end of this paragraph to end the block here.
                return end >= p.end() - 3 || k == from ? k : k - 1;
            }
        }
        return -1;
    }
}
