package org.exhibit.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Source;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Comment dumps as Reddit and Pushshift write them: one JSON object per line (or a JSON array of them) with id,
 * author, body, created_utc and parent_id ({@code t1_} a comment, {@code t3_} the submission). The file is one
 * thread, in file order; a submission line (title, selftext) is a post too. A thread saved from Reddit's own JSON
 * (listings with nested replies) is read in display order. Bodies are Markdown, so their
 * {@code >} block quotes become quotes. Any other JSON is refused with a line saying what was expected.
 */
public final class NdjsonReader implements ThreadReader {
    private static final String EXPECTED = "expected comment NDJSON (one object per line with author, body, created_utc, parent_id, "
            + "as in Reddit/Pushshift dumps) or a Discourse topic (post_stream.posts[])";
    private static final Pattern FULLNAME = Pattern.compile("t\\d_.+");
    private static final Pattern KIND_PREFIX = Pattern.compile("^t\\d_");
    private static final Pattern COMMENT_FIELD = Pattern.compile("\"(?:body|parent_id|selftext|link_id)\"\\s*:");

    @Override public String format() { return "ndjson"; }

    @Override public double sniff(String text, String fileName) {
        if (!Json.looksLikeJson(text)) return 0;
        String head = text.length() > 8192 ? text.substring(0, 8192) : text;
        // Any other JSON comes here too, to be refused with a clear message rather than read as prose.
        return COMMENT_FIELD.matcher(head).find() ? 0.9 : 0.5;
    }

    @Override public Document read(Source source, String text) throws InputException {
        String name = source.path();
        List<JsonNode> items = new ArrayList<>();
        List<JsonNode> values = Json.values(text, name);
        for (JsonNode v : values) flatten(v, items);
        if (items.isEmpty()) throw new InputException(name + ": holds no JSON objects; " + EXPECTED);
        for (int i = 0; i < items.size(); i++) {
            JsonNode o = items.get(i);
            if (!o.isObject() || !(o.has("body") || o.has("selftext") || o.has("title")))
                throw new InputException(name + ": is JSON of another shape (" + (values.size() == 1 && !values.get(0).isArray()
                        ? "it is " : "item " + (i + 1) + " is ") + Json.kind(o) + "); " + EXPECTED);
        }
        // The board's ids are the posts' ids (positional p1..pn only for items without one); parent ids name them.
        ThreadText thread = new ThreadText();
        List<String> postIds = new ArrayList<>();
        {
            ThreadText probe = new ThreadText(); // assigns ids exactly as the thread below will
            for (JsonNode o : items) {
                String id = probe.idFor(boardId(o));
                postIds.add(id);
                probe.end(id, null);
            }
        }
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String id = Json.text(items.get(i), "id");
            if (id != null) ids.putIfAbsent(id.strip(), postIds.get(i));
            String full = Json.text(items.get(i), "name"); // t1_abc
            if (full != null && FULLNAME.matcher(full).matches()) ids.putIfAbsent(full.substring(3), postIds.get(i));
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode o = items.get(i);
            String id = postIds.get(i);
            thread.begin(Json.text(o, "author"), published(o));
            String body = body(o);
            int at = thread.text.length();
            thread.text.append(body);
            for (Found f : MarkdownReader.quotes(body, new Span(0, body.length()), id)) { f.shift(at); thread.quotes.add(f); }
            String parent = Json.text(o, "parent_id");
            String reply = parent == null ? null : ids.get(KIND_PREFIX.matcher(parent.strip()).replaceFirst(""));
            thread.end(id, id.equals(reply) ? null : reply, boardId(o), permalink(o));
        }
        return thread.build(source);
    }

    /** The post's permalink: "permalink" (Reddit gives it relative to the site), "url" or "link" when it is a web address. */
    private static String permalink(JsonNode o) {
        String p = Json.text(o, "permalink");
        if (p != null && p.startsWith("/")) return "https://www.reddit.com" + p;
        for (String u : new String[]{p, Json.text(o, "url"), Json.text(o, "link")})
            if (u != null && (u.startsWith("http://") || u.startsWith("https://"))) return u;
        return null;
    }

    /** The board's id of an item: its "id", else the id part of its Reddit fullname ("t1_abc"). */
    private static String boardId(JsonNode o) {
        String id = Json.text(o, "id");
        if (id != null && !id.isBlank()) return id;
        String full = Json.text(o, "name");
        return full != null && FULLNAME.matcher(full).matches() ? full.substring(3) : null;
    }

    /** Arrays and Reddit API listings ({"kind": "Listing", "data": {"children": [...]}}, replies nested) in display order. */
    private static void flatten(JsonNode v, List<JsonNode> items) {
        if (v.isArray()) { for (JsonNode e : v) flatten(e, items); return; }
        if (v.isObject() && v.has("kind") && v.path("data").isObject()) {
            String kind = v.path("kind").asText();
            if (kind.equals("Listing")) { for (JsonNode c : v.path("data").path("children")) flatten(c, items); return; }
            if (kind.equals("more")) return; // "load more comments" stub
            JsonNode data = v.path("data");
            items.add(data);
            if (data.path("replies").isObject()) flatten(data.path("replies"), items);
            return;
        }
        items.add(v);
    }

    private static String published(JsonNode o) {
        for (String f : List.of("created_utc", "created", "created_at", "timestamp")) {
            JsonNode v = o.get(f);
            String iso = Timestamps.any(v != null && v.isNumber() ? String.valueOf(v.asLong()) : Json.text(o, f));
            if (iso != null) return iso;
        }
        return null;
    }

    /** The Markdown of a comment, or title and self text of a submission. Reddit escapes &amp; &lt; &gt; in bodies. */
    private static String body(JsonNode o) {
        String body = Json.text(o, "body");
        if (body == null) {
            String title = Json.text(o, "title"), self = Json.text(o, "selftext");
            body = title == null ? (self == null ? "" : self) : self == null ? title : title + "\n\n" + self;
        }
        return body.replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }
}
