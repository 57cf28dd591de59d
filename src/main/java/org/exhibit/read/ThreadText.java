package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the document text of a thread that arrives as separate posts (HTML, JSON): each post is an author line,
 * a time line and its body, posts separated by a blank line, so the text reads like a board copy.
 */
final class ThreadText {
    final StringBuilder text = new StringBuilder();
    final List<Post> posts = new ArrayList<>();
    final List<Found> quotes = new ArrayList<>();
    private Span header;
    private int bodyStart;
    private String author, published;

    /** Writes the header of the next post; its body is appended to {@link #text} next, then {@link #end} called. */
    void begin(String author, String published) {
        if (text.length() > 0) {
            while (text.length() > 0 && Character.isWhitespace(text.charAt(text.length() - 1))) text.setLength(text.length() - 1);
            text.append("\n\n");
        }
        this.author = author;
        this.published = published;
        int hs = text.length();
        if (author != null) text.append(author.replace('\n', ' ')).append('\n');
        if (published != null) text.append(published).append('\n');
        header = text.length() > hs ? new Span(hs, text.length()) : null;
        bodyStart = text.length();
    }

    private final java.util.Set<String> used = new java.util.HashSet<>();

    /** The positional id the post being written gets when the input gives it none. */
    String currentId() { return "p" + (posts.size() + 1); }

    /**
     * The board's own id for the post being written when the input gives one (trimmed, unique in the thread);
     * otherwise, or when the board repeats an id, the positional one.
     */
    String idFor(String boardId) {
        String id = boardId == null ? "" : boardId.strip();
        if (id.isEmpty() || id.length() > 200 || used.contains(id)) id = currentId();
        for (int k = 2; used.contains(id); k++) id = currentId() + "-" + k;
        return id;
    }

    Post end(String id, String replyTo) { return end(id, replyTo, null, null); }

    /** Ends the post being written; {@code boardId} and {@code url} as the input gives them (or null). */
    Post end(String id, String replyTo, String boardId, String url) {
        Span body = trim(text, bodyStart, text.length());
        String b = boardId == null || boardId.isBlank() || boardId.length() > 200 ? null : boardId.strip();
        String u = url == null || url.isBlank() || url.length() > 2000 ? null : url.strip();
        Post p = new Post(id, author, published, body, header, replyTo, b, u);
        posts.add(p);
        used.add(id);
        return p;
    }

    static Span trim(CharSequence t, int s, int e) {
        while (s < e && Character.isWhitespace(t.charAt(s))) s++;
        while (e > s && Character.isWhitespace(t.charAt(e - 1))) e--;
        return new Span(s, e);
    }

    /** Quote containers nested below the depth limit (read as text), and where the first began. */
    int tooDeep, firstTooDeep;

    Document build(Source source) {
        int end = text.length(); // no trailing line break: every span ends on text
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) end--;
        text.setLength(end);
        int last = end;
        posts.replaceAll(p -> p.body().end() <= last && (p.header() == null || p.header().end() <= last) ? p
                : new Post(p.id(), p.author(), p.published(), new Span(last, last), // an empty last post
                        p.header() == null ? null : new Span(Math.min(p.header().start(), last), last), p.replyTo(), p.boardId(), p.url()));
        Document doc = new Document(source, text.toString(), posts);
        Found.addAll(doc, quotes);
        if (tooDeep > 0) {
            int at = Math.min(firstTooDeep, doc.text().length());
            Found.flagTooDeep(doc, tooDeep, new Span(at, Math.min(doc.text().length(), at + 80)));
        }
        return doc;
    }
}
