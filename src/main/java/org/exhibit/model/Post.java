package org.exhibit.model;

/**
 * One post of a thread: its author, when it was published (ISO 8601, possibly without zone), the span of its
 * body in the document text, and the post it replies to when the source says so.
 */
public record Post(String id, String author, String published, Span body, Span header, String replyTo) {
    public Post(String id, String author, String published, Span body) { this(id, author, published, body, null, null); }
}
