package org.exhibit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One thread: an immutable text and stand-off findings over it. Readers set the text and posts; analysis
 * stages append findings. Every span refers to {@link #text()}.
 */
public final class Document {
    private final Source source;
    private final String text;
    private final List<Post> posts;
    private final List<Quote> quotes = new ArrayList<>();
    private final List<Citation> citations = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final List<Entity> entities = new ArrayList<>();
    private final List<TimeExpression> dates = new ArrayList<>();
    private final List<Reuse> reuse = new ArrayList<>();
    private final List<Flag> flags = new ArrayList<>();
    private int[] cpIndex; // char offset -> code point offset, built lazily when the text has surrogates

    public Document(Source source, String text, List<Post> posts) {
        this.source = Objects.requireNonNull(source);
        this.text = Objects.requireNonNull(text);
        this.posts = List.copyOf(posts);
    }

    public Source source() { return source; }
    public String text() { return text; }
    public List<Post> posts() { return posts; }
    public List<Quote> quotes() { return quotes; }
    public List<Citation> citations() { return citations; }
    public List<Mention> mentions() { return mentions; }
    public List<Entity> entities() { return entities; }
    public List<TimeExpression> dates() { return dates; }
    public List<Reuse> reuse() { return reuse; }
    /** Document-level flags; quote-level flags live on the quote. */
    public List<Flag> flags() { return flags; }

    public String slice(Span s) { return text.substring(s.start(), s.end()); }

    public Quote quote(String id) {
        // Numbered quotes sit at index n-1 of the list as "qn": look there first, so lookups stay constant-time
        // on threads with many quotes; any other arrangement falls back to the scan.
        if (id != null && id.length() > 1 && id.charAt(0) == 'q') {
            try {
                int n = Integer.parseInt(id, 1, id.length(), 10);
                if (n >= 1 && n <= quotes.size() && quotes.get(n - 1).id().equals(id)) return quotes.get(n - 1);
            } catch (NumberFormatException notNumbered) { /* scan */ }
        }
        for (Quote q : quotes) if (q.id().equals(id)) return q;
        return null;
    }

    public Post post(String id) {
        // Readers number posts p1..pn in order: look at index n-1 first (constant time on long threads).
        if (id != null && id.length() > 1 && id.charAt(0) == 'p') {
            try {
                int n = Integer.parseInt(id, 1, id.length(), 10);
                if (n >= 1 && n <= posts.size() && posts.get(n - 1).id().equals(id)) return posts.get(n - 1);
            } catch (NumberFormatException notNumbered) { /* scan */ }
        }
        for (Post p : posts) if (p.id().equals(id)) return p;
        return null;
    }

    /** The post whose body contains the offset, or null. */
    public Post postAt(int offset) {
        // Binary search over the posts sorted by where their bodies start (built once): stages ask for every
        // finding, and a scan over the posts made long threads quadratic. Of two posts that both hold the offset
        // (a body ending where the next begins) the earlier in the thread wins, as a scan would give.
        if (byStart == null) {
            Integer[] order = new Integer[posts.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, (x, y) -> Integer.compare(posts.get(x).body().start(), posts.get(y).body().start()));
            int[] o = new int[order.length];
            for (int i = 0; i < o.length; i++) o[i] = order[i];
            for (int i = 1; i < o.length; i++)
                if (posts.get(o[i]).body().start() < posts.get(o[i - 1]).body().end()) nested = true;
            byStart = o;
        }
        if (nested) { // a reader that nests replies inside their parents' bodies: the first post in thread order
            for (Post p : posts) if (p.body().contains(offset) || p.body().end() == offset) return p;
            return null;
        }
        int lo = 0, hi = byStart.length - 1, at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (posts.get(byStart[mid]).body().start() <= offset) { at = mid; lo = mid + 1; } else hi = mid - 1;
        }
        Post best = null;
        int bestIndex = Integer.MAX_VALUE;
        // the bodies do not overlap, so only the last post starting at or before the offset and the one before it can hold it
        for (int k = Math.max(0, at - 1); k <= at; k++) {
            Post p = posts.get(byStart[k]);
            if ((p.body().contains(offset) || p.body().end() == offset) && byStart[k] < bestIndex) { best = p; bestIndex = byStart[k]; }
        }
        return best;
    }
    private int[] byStart;
    private boolean nested;

    /** Quotes ordered by start, outer before inner. */
    public List<Quote> quotesInOrder() {
        List<Quote> l = new ArrayList<>(quotes);
        l.sort((a, b) -> a.span().compareTo(b.span()));
        return Collections.unmodifiableList(l);
    }

    /** Converts a UTF-16 char offset to a Unicode code point offset, as W3C selectors count. */
    public int codePoint(int charOffset) {
        if (cpIndex == null) {
            int[] index = null;
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) { index = new int[text.length() + 1]; break; }
            }
            if (index != null) {
                int cp = 0;
                for (int i = 0; i < text.length(); i++) {
                    index[i] = cp;
                    boolean secondHalf = i > 0 && Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1));
                    if (!secondHalf) cp++;
                    else index[i] = cp; // points inside a pair: count it with the pair's end
                }
                index[text.length()] = cp;
            }
            cpIndex = index == null ? new int[0] : index;
        }
        return cpIndex.length == 0 ? charOffset : cpIndex[charOffset];
    }
}
