package org.exhibit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A quoted span of a post. The span excludes the quote's own markers; {@code exclusions} are marker spans inside
 * it (nested quote tags, Markdown '>' prefixes) left out of {@link #text(Document)}. Attribution stages fill
 * speaker, work, source post and via.
 */
public final class Quote {
    private final String id;
    private final String post;
    private final Span span;
    private final QuoteKind kind;
    private final Marker marker;
    private final Span openMarker;
    private final Span closeMarker;
    private final List<Span> exclusions;
    private String parent;
    /** Attribution written in the markup itself, e.g. [quote="name"] or QUOTE(name @ date). */
    private final String markupName;
    private final String markupDate;
    private final String markupPost;

    private Speaker speaker;
    private Work work;
    private String sourcePost;
    /** The span of the source post this quote reproduces, and how sure that match is (0 when not known). */
    private Span reproduces;
    private double reproducesConfidence;
    private final List<String> via = new ArrayList<>();
    private final List<Flag> flags = new ArrayList<>();

    public Quote(String id, String post, Span span, QuoteKind kind, Marker marker, Span openMarker, Span closeMarker,
                 List<Span> exclusions, String markupName, String markupDate, String markupPost) {
        this.id = id;
        this.post = post;
        this.span = span;
        this.kind = kind;
        this.marker = marker;
        this.openMarker = openMarker;
        this.closeMarker = closeMarker;
        this.exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        this.markupName = markupName;
        this.markupDate = markupDate;
        this.markupPost = markupPost;
    }

    public Quote(String id, String post, Span span, QuoteKind kind, Marker marker, Span openMarker, Span closeMarker) {
        this(id, post, span, kind, marker, openMarker, closeMarker, List.of(), null, null, null);
    }

    /** The passage as a reader sees it: the span's text with inner marker spans removed. */
    public String text(Document doc) {
        if (exclusions.isEmpty()) return doc.slice(span);
        StringBuilder sb = new StringBuilder();
        int at = span.start();
        for (Span ex : exclusions) {
            if (ex.start() > at) sb.append(doc.text(), at, ex.start());
            at = Math.max(at, ex.end());
        }
        if (at < span.end()) sb.append(doc.text(), at, span.end());
        return sb.toString();
    }

    public String id() { return id; }
    public String post() { return post; }
    public Span span() { return span; }
    public QuoteKind kind() { return kind; }
    public Marker marker() { return marker; }
    public Span openMarker() { return openMarker; }
    public Span closeMarker() { return closeMarker; }
    public List<Span> exclusions() { return exclusions; }
    public String parent() { return parent; }
    public void parent(String parent) { this.parent = parent; }
    public String markupName() { return markupName; }
    public String markupDate() { return markupDate; }
    public String markupPost() { return markupPost; }
    public Speaker speaker() { return speaker; }
    public void speaker(Speaker speaker) { this.speaker = speaker; }
    public Work work() { return work; }
    public void work(Work work) { this.work = work; }
    public String sourcePost() { return sourcePost; }
    public void sourcePost(String sourcePost) { this.sourcePost = sourcePost; }
    public Span reproduces() { return reproduces; }
    public double reproducesConfidence() { return reproducesConfidence; }
    /** Records that the quote reproduces {@code original}, a span of its source post, with the match's confidence. */
    public void reproduces(String post, Span original, double confidence) {
        this.sourcePost = post;
        this.reproduces = original;
        this.reproducesConfidence = confidence;
    }
    public List<String> via() { return via; }
    public List<Flag> flags() { return flags; }

    /** A copy under another id, keeping markup and attribution; parent is recomputed by the caller. */
    public Quote withId(String newId) {
        Quote q = new Quote(newId, post, span, kind, marker, openMarker, closeMarker, exclusions, markupName, markupDate, markupPost);
        q.speaker = speaker;
        q.work = work;
        q.sourcePost = sourcePost;
        q.reproduces = reproduces;
        q.reproducesConfidence = reproducesConfidence;
        q.via.addAll(via);
        q.flags.addAll(flags);
        return q;
    }

    /** The full extent including the quote's own markers. */
    public Span outer() {
        int s = openMarker != null ? Math.min(openMarker.start(), span.start()) : span.start();
        int e = closeMarker != null ? Math.max(closeMarker.end(), span.end()) : span.end();
        return new Span(s, e);
    }

    @Override public String toString() { return id + "[" + span.start() + "," + span.end() + ") " + marker + " " + kind; }
}
