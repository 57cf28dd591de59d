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

    int depth() {
        int d = 0;
        for (Found p = parent; p != null; p = p.parent) d++;
        return d;
    }

    /** Adds every span of {@code candidates} that lies inside this quote's span to its exclusions. */
    void excludeWithin(List<Span> candidates) {
        for (Span s : candidates) if (span.contains(s) && s.length() > 0) exclusions.add(s);
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
