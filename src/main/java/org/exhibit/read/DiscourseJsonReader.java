package org.exhibit.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Source;
import org.exhibit.model.Span;
import org.jsoup.Jsoup;

import java.util.HashSet;
import java.util.Set;

/**
 * Discourse topic JSON ({@code /t/ID.json}): {@code post_stream.posts[]} with username, created_at, cooked (HTML,
 * read like {@link HtmlReader} reads a post), id, post_number and reply_to_post_number. Post ids are the board's
 * post ids ("p" + post_number when the topic gives none); replies and a quote's {@code data-post} (its markup post),
 * which give post numbers, name the post by that id.
 */
public final class DiscourseJsonReader implements ThreadReader {
    private static final String EXPECTED = "expected a Discourse topic: an object with post_stream.posts[] (username, created_at, cooked)";

    @Override public String format() { return "discourse"; }

    @Override public double sniff(String text, String fileName) {
        if (!Json.looksLikeJson(text)) return 0;
        return text.contains("\"post_stream\"") ? 0.98 : 0;
    }

    /** What the reader needs of one post, taken from its tree as it is read (a Discourse post has dozens of other fields). */
    private record Post(String id, String number, int numberInt, String reply, String author, String createdAt,
                        String cooked, String raw, String url) {
        static Post of(JsonNode p) {
            String author = Json.text(p, "username");
            if (author == null) author = Json.text(p, "name");
            JsonNode n = p.path("post_number"), r = p.path("reply_to_post_number");
            return new Post(Json.text(p, "id"), n.canConvertToInt() ? n.asText() : null, n.asInt(),
                    r.canConvertToInt() && !r.isNull() ? r.asText() : null, author, Json.text(p, "created_at"),
                    Json.text(p, "cooked"), Json.text(p, "raw"), Json.text(p, "post_url"));
        }
    }

    /**
     * Reads the topic with a streaming parser: only post_stream.posts is read, one post at a time, each kept as the
     * few fields used, and past the posts limit the rest is only counted; so a topic of a million posts is refused
     * without its tree ever being built. Shapes other than a topic are parsed whole to say what they are.
     */
    @Override public Document read(Source source, String text) throws InputException {
        String name = source.path();
        java.util.List<Post> posts = new java.util.ArrayList<>();
        int total = -1; // -1: no post_stream.posts array found
        int limit = org.exhibit.Limits.maxPosts();
        try (com.fasterxml.jackson.core.JsonParser p = Json.parser(text)) {
            if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                    if (!field.equals("post_stream") || t != com.fasterxml.jackson.core.JsonToken.START_OBJECT || total >= 0) { p.skipChildren(); continue; }
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        com.fasterxml.jackson.core.JsonToken u = p.nextToken();
                        if (!inner.equals("posts") || u != com.fasterxml.jackson.core.JsonToken.START_ARRAY || total >= 0) { p.skipChildren(); continue; }
                        total = 0;
                        while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                            if (p.currentToken() == null) break;
                            total++;
                            if (total > limit) { p.skipChildren(); continue; } // counted, not read
                            JsonNode post = Json.value(p);
                            if (!post.isObject() || Json.text(post, "cooked") == null && Json.text(post, "raw") == null && !post.has("cooked"))
                                throw new InputException(name + ": post_stream.posts[" + (total - 1) + "] is " + Json.kind(post) + "; " + EXPECTED);
                            posts.add(Post.of(post));
                        }
                    }
                }
                if (total >= 0 && p.nextToken() != null) total = -2; // more than one top-level value: say so below
            } else total = -2;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Json.invalid(name, e);
        } catch (java.io.IOException e) {
            throw new InputException(name + ": cannot be read as JSON: " + e.getMessage());
        }
        if (total < 0) { // not a topic: the whole tree, to say what it is instead
            JsonNode root = Json.tree(text, name);
            if (!root.isObject()) throw new InputException(name + ": is " + Json.kind(root) + " in JSON, " + EXPECTED);
            throw new InputException(name + ": is JSON of another shape (" + Json.kind(root) + "); " + EXPECTED);
        }
        if (total == 0) throw new InputException(name + ": is a Discourse topic with no posts in post_stream.posts");
        if (total > limit)
            throw new InputException(name + ": has " + total + " posts, more than the limit of " + limit
                    + " per thread (" + org.exhibit.Limits.howToSet(org.exhibit.Limits.MAX_POSTS) + "); split it or use 'exhibit ingest'");
        // The board's post id is the post id; post_number (what replies and quotes' data-post name) maps to it.
        Set<String> boardIds = new HashSet<>();
        for (Post p : posts) if (p.id() != null) boardIds.add(p.id().strip());
        boolean byId = boardIds.size() == posts.size();
        Set<String> numbers = new HashSet<>();
        for (Post p : posts) if (p.number() != null) numbers.add(p.number());
        boolean numbered = numbers.size() == posts.size();
        java.util.Map<String, String> byNumber = new java.util.HashMap<>();
        for (Post p : posts)
            if (numbered) byNumber.put(p.number(), byId ? p.id().strip() : "p" + p.numberInt());
        ThreadText thread = new ThreadText();
        for (Post p : posts) {
            String cooked = p.cooked(), raw = p.raw();
            thread.begin(p.author(), Timestamps.any(p.createdAt()));
            String id = byId ? p.id().strip() : numbered ? "p" + p.numberInt() : thread.currentId();
            int firstQuote = thread.quotes.size();
            if (cooked != null || raw == null) {
                HtmlReader.body(thread, Jsoup.parseBodyFragment(cooked == null ? "" : cooked).body(), id);
            } else { // raw Markdown only
                int at = thread.text.length();
                thread.text.append(raw);
                for (Found f : MarkdownReader.quotes(raw, new Span(0, raw.length()), id)) { f.shift(at); thread.quotes.add(f); }
            }
            // a quote's data-post is the quoted post's number: name the post by its id
            for (int k = firstQuote; k < thread.quotes.size(); k++) {
                Found f = thread.quotes.get(k);
                if (f.postRef != null && byNumber.containsKey(f.postRef.strip())) f.postRef = byNumber.get(f.postRef.strip());
            }
            String url = p.url();
            thread.end(id, p.reply() == null ? null : byNumber.get(p.reply()), p.id(), url != null && url.startsWith("http") ? url : null);
        }
        return thread.build(source);
    }
}
