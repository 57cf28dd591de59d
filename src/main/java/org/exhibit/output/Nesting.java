package org.exhibit.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Turns stand-off spans, which may overlap, into a properly nested tree for inline markup (TEI).
 *
 * <p>Spans are inserted from the most structural to the least (posts, then quotes, citations, dates, names), so a
 * span already placed always wins. A later span that crosses the boundary of a placed one is <b>split</b> at that
 * boundary into pieces that nest; the pieces keep their origin so the writer can link them (TEI {@code @next} /
 * {@code @prev}). A span that would have to contain an element its content model forbids (a date around a quote)
 * is <b>dropped</b> and recorded, except around a container (a post), where it is cut at the container's edges. Zero-length spans are points (notes, comments): inside a node when strictly
 * between its ends, or at any position of an {@link Node#inclusive} node.
 */
final class Nesting<T> {
    /** A span to nest; {@code origin} is the span a piece was cut from (itself when whole). */
    static final class Node<T> {
        final int start, end;
        final T tag;
        final Node<T> origin;
        final boolean inclusive;
        final List<Node<T>> children = new ArrayList<>();

        Node(int start, int end, T tag, boolean inclusive) { this(start, end, tag, inclusive, null); }

        private Node(int start, int end, T tag, boolean inclusive, Node<T> origin) {
            this.start = start;
            this.end = end;
            this.tag = tag;
            this.inclusive = inclusive;
            this.origin = origin == null ? this : origin;
        }

        boolean point() { return start == end; }

        Node<T> piece(int s, int e) { return new Node<>(s, e, tag, inclusive, origin); }

        boolean holds(Node<T> r) {
            if (r.point()) return inclusive ? start <= r.start && r.start <= end : start < r.start && r.start < end;
            return start <= r.start && r.end <= end;
        }

        boolean crosses(Node<T> r) {
            if (point() || r.point()) return false;
            return (start < r.start && r.start < end && end < r.end) || (r.start < start && start < r.end && r.end < end);
        }
    }

    /** Document order of siblings: by start, a point before a span starting there, longer spans first. */
    private final Comparator<Node<T>> order = Comparator.<Node<T>>comparingInt(n -> n.start)
            .thenComparing(n -> !n.point()).thenComparing(n -> -n.end);

    final Node<T> root;
    private final BiPredicate<T, T> canContain;
    /** Spans dropped because their content model forbids a child; and origins that were split. */
    final List<Node<T>> dropped = new ArrayList<>();

    /** @param canContain whether an element of the first tag may directly contain one of the second */
    Nesting(int length, BiPredicate<T, T> canContain) {
        this.root = new Node<>(0, length, null, true);
        this.canContain = canContain;
    }

    /** Inserts a span; callers insert in order of precedence (the first inserted wins at crossings). */
    void insert(Node<T> r) { insert(root, r); }

    private void insert(Node<T> parent, Node<T> r) {
        List<Node<T>> kids = parent.children;
        // Siblings never overlap, so both their starts and their ends ascend: only [lo, hi) can touch r.
        int lo = 0, hi = kids.size();
        for (int a = 0, b = kids.size(); a < b; ) { int m = (a + b) >>> 1; if (kids.get(m).end < r.start) a = lo = m + 1; else b = m; }
        for (int a = lo, b = kids.size(); a < b; ) { int m = (a + b) >>> 1; if (kids.get(m).start <= r.end) a = m + 1; else b = hi = m; }
        for (int i = lo; i < hi; i++) {
            Node<T> c = kids.get(i);
            if (c.crosses(r)) {
                int cut = r.start < c.start ? c.start : c.end;
                insert(parent, r.piece(r.start, cut));
                insert(parent, r.piece(cut, r.end));
                return;
            }
        }
        for (int i = lo; i < hi; i++) {
            Node<T> c = kids.get(i);
            if (c.holds(r)) {
                if (c.tag != null && !canContain.test(c.tag, r.tag)) { dropped.add(r); return; }
                insert(c, r);
                return;
            }
        }
        int first = -1, last = -1;
        if (!r.point()) for (int i = lo; i < hi; i++) if (r.holds(kids.get(i))) { if (first < 0) first = i; last = i; }
        if (first >= 0) {
            List<Node<T>> adopt = kids.subList(first, last + 1);
            for (Node<T> c : adopt) {
                if (canContain.test(r.tag, c.tag)) continue;
                if (c.inclusive) { // a container (a post) is never inside anything: cut r at its edges instead
                    if (r.start < c.start) insert(parent, r.piece(r.start, c.start));
                    insert(parent, r.piece(c.start, c.end));
                    if (c.end < r.end) insert(parent, r.piece(c.end, r.end));
                } else dropped.add(r);
                return;
            }
            r.children.addAll(adopt);
            adopt.clear();
        }
        int at = Collections.binarySearch(kids, r, order);
        kids.add(at < 0 ? -at - 1 : at, r);
    }
}
