package org.exhibit.model;

/**
 * A half-open range [start, end) of a {@link Document}'s text, in UTF-16 char offsets.
 * Outputs convert to Unicode code points (W3C TextPositionSelector) with {@link Document#codePoint(int)}.
 */
public record Span(int start, int end) implements Comparable<Span> {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public int length() { return end - start; }

    public boolean contains(Span other) { return start <= other.start && other.end <= end; }

    public boolean contains(int offset) { return start <= offset && offset < end; }

    public boolean overlaps(Span other) { return start < other.end && other.start < end; }

    public int overlap(Span other) { return Math.max(0, Math.min(end, other.end) - Math.max(start, other.start)); }

    @Override public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(o.end, end);
    }
}
