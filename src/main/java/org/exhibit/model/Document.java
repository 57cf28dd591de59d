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
        for (Post p : posts) if (p.body().contains(offset) || p.body().end() == offset) return p;
        return null;
    }

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
