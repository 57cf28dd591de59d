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

    @Override public Document read(Source source, String text) throws InputException {
        String name = source.path();
        JsonNode root = Json.tree(text, name);
        JsonNode posts = root.path("post_stream").path("posts");
        if (!root.isObject()) throw new InputException(name + ": is " + Json.kind(root) + " in JSON, " + EXPECTED);
        if (!posts.isArray()) throw new InputException(name + ": is JSON of another shape (" + Json.kind(root) + "); " + EXPECTED);
        if (posts.isEmpty()) throw new InputException(name + ": is a Discourse topic with no posts in post_stream.posts");
        // The board's post id is the post id; post_number (what replies and quotes' data-post name) maps to it.
        Set<String> boardIds = new HashSet<>();
        for (JsonNode p : posts) { String id = Json.text(p, "id"); if (id != null) boardIds.add(id.strip()); }
        boolean byId = boardIds.size() == posts.size();
        Set<String> numbers = new HashSet<>();
        for (JsonNode p : posts) if (p.path("post_number").canConvertToInt()) numbers.add(p.path("post_number").asText());
        boolean numbered = numbers.size() == posts.size();
        java.util.Map<String, String> byNumber = new java.util.HashMap<>();
        for (JsonNode p : posts)
            if (numbered) byNumber.put(p.path("post_number").asText(), byId ? Json.text(p, "id").strip() : "p" + p.path("post_number").asInt());
        ThreadText thread = new ThreadText();
        int i = 0;
        for (JsonNode p : posts) {
            i++;
            String cooked = p.isObject() ? Json.text(p, "cooked") : null;
            String raw = p.isObject() ? Json.text(p, "raw") : null;
            if (!p.isObject() || cooked == null && raw == null && !p.has("cooked"))
                throw new InputException(name + ": post_stream.posts[" + (i - 1) + "] is " + Json.kind(p) + "; " + EXPECTED);
            String author = Json.text(p, "username");
            if (author == null) author = Json.text(p, "name");
            thread.begin(author, Timestamps.any(Json.text(p, "created_at")));
            String id = byId ? Json.text(p, "id").strip() : numbered ? "p" + p.path("post_number").asInt() : thread.currentId();
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
            String reply = p.path("reply_to_post_number").canConvertToInt() && !p.path("reply_to_post_number").isNull()
                    ? byNumber.get(p.path("reply_to_post_number").asText()) : null;
            String url = Json.text(p, "post_url");
            thread.end(id, reply, Json.text(p, "id"), url != null && url.startsWith("http") ? url : null);
        }
        return thread.build(source);
    }
}
