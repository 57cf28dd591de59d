package org.exhibit.model;

/**
 * One post of a thread: its author, when it was published (ISO 8601, possibly without zone), the span of its
 * body in the document text, and the post it replies to when the source says so. {@code boardId} is the board's
 * own id for the post as the input gives it (null when it gives none; {@code id} is that id made unique in the
 * thread), {@code url} the post's permalink when the input gives one.
 */
public record Post(String id, String author, String published, Span body, Span header, String replyTo, String boardId, String url) {
    public Post(String id, String author, String published, Span body) { this(id, author, published, body, null, null); }

    public Post(String id, String author, String published, Span body, Span header, String replyTo) {
        this(id, author, published, body, header, replyTo, null, null);
    }

    /** The same post replying to another. */
    public Post withReplyTo(String replyTo) { return new Post(id, author, published, body, header, replyTo, boardId, url); }
}
