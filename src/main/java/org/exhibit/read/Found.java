package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quote a reader has found in its markup, before it gets its id. Readers collect these while they scan, then
 * {@link #addAll} numbers them q1, q2, ... in document order and links each to its enclosing quote.
 */
final class Found {
    final String post;
    Span span; // set when the end of the quote is known
    Span open;
    Span close;
    final Marker marker;
    final Found parent;
    private final int depth;
    final List<Span> exclusions = new ArrayList<>();
    String name;
    String date;
    String postRef;

    Found(String post, Span span, Span open, Span close, Marker marker, Found parent) {
        this.post = post;
        this.span = span;
        this.open = open;
        this.close = close;
        this.marker = marker;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** Starts of the quote including its opening marker: the order a reader meets quotes in. */
    int outerStart() { return open != null ? Math.min(open.start(), span.start()) : span.start(); }

    int outerEnd() { return close != null ? Math.max(close.end(), span.end()) : span.end(); }

    /** Moves the quote by {@code d} chars: for quotes found in a body before it was placed in the document. */
    void shift(int d) {
        span = new Span(span.start() + d, span.end() + d);
        if (open != null) open = new Span(open.start() + d, open.end() + d);
        if (close != null) close = new Span(close.start() + d, close.end() + d);
        exclusions.replaceAll(s -> new Span(s.start() + d, s.end() + d));
    }

    /** Enclosing quotes above this one (0 at the top), known when it is made: sorting must not walk the chain. */
    int depth() { return depth; }

    /**
     * Adds every span of {@code candidates} that lies inside this quote's span to its exclusions. The candidates
     * must be sorted by start and not overlap (tags, title lines): a binary search finds the first, so each quote
     * costs log n plus what it keeps, not a pass over every tag of the post.
     */
    void excludeWithin(List<Span> candidates) {
        int lo = 0, hi = candidates.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (candidates.get(mid).start() < span.start()) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < candidates.size() && candidates.get(i).start() < span.end(); i++) {
            Span s = candidates.get(i);
            if (span.contains(s) && s.length() > 0) exclusions.add(s);
        }
    }

    /** Sorts spans by start and drops any that lies inside the one before it, as {@link #excludeWithin} needs. */
    static List<Span> disjoint(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -s.end()));
        List<Span> out = new ArrayList<>(sorted.size());
        int end = Integer.MIN_VALUE;
        for (Span s : sorted) if (s.start() >= end) { out.add(s); end = s.end(); }
        return out;
    }

    /** The flag a reader adds when it left quotes nested deeper than the limit unread. */
    static void flagTooDeep(Document doc, int count, Span first) {
        if (count == 0) return;
        int max = org.exhibit.Limits.maxQuoteDepth();
        Span shown = new Span(first.start(), Math.min(first.end(), first.start() + 80));
        doc.flags().add(new org.exhibit.model.Flag("nesting-limit", count + " quotes nested more than " + max
                + " levels deep were not analysed (" + org.exhibit.Limits.howToSet(org.exhibit.Limits.MAX_QUOTE_DEPTH) + ")",
                new org.exhibit.model.Evidence(shown, doc.slice(shown))));
    }

    /** Appends the quotes to the document with ids q1, q2, ... in document order, parents set. */
    static void addAll(Document doc, List<Found> found) {
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Found::outerStart).thenComparing(f -> -f.outerEnd()).thenComparingInt(Found::depth));
        Map<Found, String> ids = new IdentityHashMap<>();
        for (Found f : sorted) ids.put(f, "q" + (ids.size() + 1));
        for (Found f : sorted) {
            List<Span> ex = new ArrayList<>(f.exclusions);
            ex.sort(Comparator.naturalOrder());
            Quote q = new Quote(ids.get(f), f.post, f.span, QuoteKind.PASSAGE, f.marker, f.open, f.close, ex,
                    f.name, f.date, f.postRef);
            if (f.parent != null) q.parent(ids.get(f.parent));
            doc.quotes().add(q);
        }
    }
}
