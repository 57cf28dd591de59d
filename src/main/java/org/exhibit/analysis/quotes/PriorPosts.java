package org.exhibit.analysis.quotes;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The posts before a given one, as word sequences, to recognise a quote that reproduces an earlier post: the
 * commonest quote in a thread. Comparison ignores case, punctuation and spacing, which copying changes.
 */
public final class PriorPosts {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    public static final int SEED = 8;

    record Words(Post post, List<String> words, List<int[]> spans) {}

    private List<Words> posts = new ArrayList<>(); // shared by the views of forDocument, each reading its first `limit`
    /** Every SEED-word run of the earlier posts: where it occurs (post index, word index). */
    private final Map<String, List<int[]>> seeds = new HashMap<>();

    /** Where a passage reproduces an earlier post: the post and the span of the reproduced text in the passage. */
    public record Match(Post post, Span passage, Span original) {}

    /** The posts before {@code current}. Build once per post; for many posts use {@link #forDocument}. */
    public PriorPosts(Document doc, Post current) {
        for (Post p : doc.posts()) {
            if (p == current || p.id().equals(current.id())) break;
            add(words(doc.text(), p.body(), p));
        }
    }

    private PriorPosts() {}

    /** One instance per post of the document, sharing the work of reading earlier posts. */
    public static Map<String, PriorPosts> forDocument(Document doc) {
        Map<String, PriorPosts> out = new HashMap<>();
        PriorPosts acc = new PriorPosts();
        for (Post p : doc.posts()) {
            PriorPosts view = new PriorPosts();
            view.posts = acc.posts; // shared, not copied: a copy per post was quadratic in memory
            view.seedsView = acc.seeds;
            view.limit = acc.posts.size();
            out.put(p.id(), view);
            acc.add(words(doc.text(), p.body(), p));
        }
        return out;
    }

    private Map<String, List<int[]>> seedsView;
    private int limit = Integer.MAX_VALUE;

    private void add(Words w) {
        int idx = posts.size();
        posts.add(w);
        for (int i = 0; i + SEED <= w.words().size(); i++)
            seeds.computeIfAbsent(key(w.words(), i), k -> new ArrayList<>(1)).add(new int[]{idx, i});
    }

    private static String key(List<String> words, int i) { return String.join(" ", words.subList(i, i + SEED)); }

    static Words words(String text, Span s, Post p) {
        List<String> w = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(s.start(), s.end());
        while (m.find()) { w.add(m.group().toLowerCase(Locale.ROOT)); spans.add(new int[]{m.start(), m.end()}); }
        return new Words(p, w, spans);
    }

    public boolean isEmpty() { return count() == 0; }

    private int count() { return Math.min(limit, posts.size()); }

    /** The longest reproduction of an earlier post starting at the beginning of {@code passage}, or null. */
    public Match match(String text, Span passage) {
        if (isEmpty()) return null;
        Words q = words(text, passage, null);
        if (q.words().size() < SEED) return shortMatch(q);
        Map<String, List<int[]>> index = seedsView != null ? seedsView : seeds;
        List<int[]> hits = index.get(key(q.words(), 0));
        if (hits == null) return null;
        Match best = null;
        int bestLen = 0;
        for (int[] h : hits) {
            if (h[0] >= Math.min(limit, posts.size())) continue;
            Words p = posts.get(h[0]);
            int i = h[1], len = 0;
            while (len < q.words().size() && i + len < p.words().size() && p.words().get(i + len).equals(q.words().get(len))) len++;
            if (len > bestLen) {
                bestLen = len;
                best = new Match(p.post(), new Span(q.spans().get(0)[0], q.spans().get(len - 1)[1]),
                        new Span(p.spans().get(i)[0], p.spans().get(i + len - 1)[1]));
            }
        }
        return best;
    }

    /** A short passage (under SEED words) matches only a whole short post. */
    private Match shortMatch(Words q) {
        if (q.words().size() < 4) return null;
        for (int k = Math.min(limit, posts.size()) - 1; k >= 0; k--) {
            Words p = posts.get(k);
            if (p.words().equals(q.words()))
                return new Match(p.post(), new Span(q.spans().get(0)[0], q.spans().get(q.spans().size() - 1)[1]),
                        new Span(p.spans().get(0)[0], p.spans().get(p.spans().size() - 1)[1]));
        }
        return null;
    }

    /** The last paragraph (index in paras) of a block from {@code from} that reproduces an earlier post, or -1. */
    int matchEnd(String text, List<Para> paras, int from, int last) {
        if (isEmpty() || from > last) return -1;
        Match m = match(text, new Span(paras.get(from).start(), paras.get(last).end()));
        if (m == null) return -1;
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
