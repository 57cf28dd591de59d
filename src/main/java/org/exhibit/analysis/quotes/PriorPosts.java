package org.exhibit.analysis.quotes;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Span;

import java.util.ArrayList;
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

    private final List<Words> posts = new ArrayList<>();

    /** Where a passage reproduces an earlier post: the post and the span of the reproduced text in the passage. */
    public record Match(Post post, Span passage, Span original) {}

    public PriorPosts(Document doc, Post current) {
        for (Post p : doc.posts()) {
            if (p == current || p.id().equals(current.id())) break;
            posts.add(words(doc.text(), p.body(), p));
        }
    }

    static Words words(String text, Span s, Post p) {
        List<String> w = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = WORD.matcher(text).region(s.start(), s.end());
        while (m.find()) { w.add(m.group().toLowerCase(Locale.ROOT)); spans.add(new int[]{m.start(), m.end()}); }
        return new Words(p, w, spans);
    }

    public boolean isEmpty() { return posts.isEmpty(); }

    /** The longest reproduction of an earlier post starting at the beginning of {@code passage}, or null. */
    public Match match(String text, Span passage) {
        if (posts.isEmpty()) return null;
        Words q = words(text, passage, null);
        if (q.words().size() < Math.min(SEED, 4)) return null;
        int seed = Math.min(SEED, q.words().size());
        Match best = null;
        int bestLen = 0;
        for (Words p : posts) {
            for (int i = 0; i + seed <= p.words().size(); i++) {
                int len = 0;
                while (len < q.words().size() && i + len < p.words().size() && p.words().get(i + len).equals(q.words().get(len))) len++;
                if (len >= seed && len > bestLen) {
                    bestLen = len;
                    best = new Match(p.post(), new Span(q.spans().get(0)[0], q.spans().get(len - 1)[1]),
                            new Span(p.spans().get(i)[0], p.spans().get(i + len - 1)[1]));
                }
            }
        }
        return best;
    }

    /** The last paragraph (index in paras) of a block from {@code from} that reproduces an earlier post, or -1. */
    int matchEnd(String text, List<Para> paras, int from, int last) {
        if (posts.isEmpty() || from > last) return -1;
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
