package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.queryparser.classic.ParseException;
import org.exhibit.index.Search;
import org.exhibit.output.JsonWriter;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The corpus pages and their JSON twins under /api/. Keys in paths are looked up by SQL parameter only. */
final class CorpusRoutes {
    private CorpusRoutes() {}

    record Reply(int status, String html, JsonNode json) {}

    static boolean handles(String path) {
        String p = path.startsWith("/api/") ? path.substring(4) : path;
        return p.equals("/search") || p.equals("/people") || p.startsWith("/people/") || p.equals("/works")
                || p.startsWith("/works/") || p.equals("/reuse") || path.equals("/api/corpus");
    }

    static Reply route(CorpusView corpus, String path, Map<String, String> q) {
        boolean api = path.startsWith("/api/");
        String p = api ? path.substring(4) : path;
        try {
            if (p.equals("/search")) return search(corpus, q, api);
            CorpusView.Page page = page(q, api);
            if (p.equals("/people")) {
                CorpusView.Slice<CorpusView.Count> people = corpus.people(page);
                return api ? json(counts(people.items())) : html(CorpusPages.counts("People", "/people/", people, q, "No person is quoted or mentioned in this corpus."));
            }
            if (p.equals("/works")) {
                CorpusView.Slice<CorpusView.Count> works = corpus.works(page);
                return api ? json(counts(works.items())) : html(CorpusPages.counts("Works", "/works/", works, q, "No quote in this corpus is attributed to a work."));
            }
            if (p.startsWith("/people/")) {
                String key = decode(p.substring("/people/".length()));
                String name = key == null ? null : corpus.personName(key);
                if (name == null) return missing(api, "No person with this key in the corpus.");
                CorpusView.Slice<CorpusView.QuoteRow> rows = corpus.personQuotes(key, page);
                if (api) {
                    ObjectNode o = JsonWriter.mapper().createObjectNode();
                    o.put("key", key);
                    o.put("name", name);
                    paging(o, rows);
                    o.set("quotes", rows(rows.items()));
                    return json(o);
                }
                return html(CorpusPages.quotes(name, "person", rows, p, q));
            }
            if (p.startsWith("/works/")) {
                String title = decode(p.substring("/works/".length()));
                CorpusView.Slice<CorpusView.QuoteRow> rows = title == null ? null : corpus.workQuotes(title, page);
                if (rows == null || rows.total() == 0) return missing(api, "No quote in the corpus comes from a work of this title.");
                if (api) {
                    ObjectNode o = JsonWriter.mapper().createObjectNode();
                    o.put("title", title);
                    paging(o, rows);
                    o.set("quotes", rows(rows.items()));
                    return json(o);
                }
                return html(CorpusPages.quotes(title, "work", rows, p, q));
            }
            if (p.equals("/reuse")) {
                CorpusView.Slice<CorpusView.Cluster> clusters = corpus.clusters(page);
                if (!api) return html(CorpusPages.reuse(clusters, q));
                ArrayNode a = JsonWriter.mapper().createArrayNode();
                for (CorpusView.Cluster c : clusters.items()) {
                    ObjectNode o = a.addObject();
                    o.put("kind", c.kind());
                    if (c.similarity() == null) o.putNull("similarity"); else o.put("similarity", c.similarity());
                    ArrayNode parts = o.putArray("parts");
                    for (CorpusView.ClusterPart part : c.parts()) {
                        ObjectNode po = parts.addObject();
                        po.put("thread", part.thread());
                        po.put("name", part.name());
                        po.put("post", part.post());
                        po.put("quote", part.quote());
                        po.put("url", part.thread() == null ? null : "/threads/" + part.thread() + (part.anchor() == null ? "" : "#" + part.anchor()));
                        po.put("text", part.text());
                    }
                }
                return json(a);
            }
            // /corpus: the documents
            ArrayNode a = JsonWriter.mapper().createArrayNode();
            for (CorpusView.Doc d : corpus.documents()) {
                ObjectNode o = a.addObject();
                o.put("id", d.id());
                o.put("name", CorpusView.shortName(d.path()));
                o.put("format", d.format());
                o.put("posts", d.posts());
                o.put("quotes", d.quotes());
                o.put("url", "/threads/" + d.id());
                o.put("api", "/api/threads/" + d.id());
            }
            return json(a);
        } catch (SQLException | IOException e) {
            String m = "The corpus could not be read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            if (api) { ObjectNode o = JsonWriter.mapper().createObjectNode(); o.put("error", m); return new Reply(500, null, o); }
            return new Reply(500, SitePages.error(500, m), null);
        }
    }

    private static Reply search(CorpusView corpus, Map<String, String> q, boolean api) throws IOException {
        String query = q.getOrDefault("q", "");
        Search.Filters f = new Search.Filters(blank(q.get("speaker")), blank(q.get("author")), blank(q.get("work")),
                blank(q.get("kind")), blank(q.get("person")), blank(q.get("from")), blank(q.get("to")));
        boolean asked = !query.isBlank() || !f.equals(Search.Filters.NONE);
        int limit = 50;
        try { if (q.get("limit") != null) limit = Math.max(1, Math.min(500, Integer.parseInt(q.get("limit").strip()))); }
        catch (NumberFormatException ignored) { /* keep the default */ }
        Search.Result r = null;
        String problem = null;
        if (asked || api) {
            try {
                r = corpus.search(query, f, limit);
            } catch (ParseException e) {
                // the CLI's wording
                problem = "cannot read the query: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            }
        }
        if (!api) return new Reply(problem == null ? 200 : 400, CorpusPages.search(query, f, r, problem, corpus), null);
        ObjectNode root = JsonWriter.mapper().createObjectNode();
        if (problem != null) { root.put("error", problem); return new Reply(400, null, root); }
        root.put("query", query);
        root.put("total", r.total());
        if (!r.exact()) root.put("total_exact", false);
        ArrayNode hits = root.putArray("hits");
        for (Search.Hit h : r.hits()) {
            ObjectNode o = hits.addObject();
            String id = corpus.idOf(h.path());
            o.put("score", h.score());
            o.put("type", h.type());
            o.put("thread", id);
            o.put("url", id == null ? null : "/threads/" + id + CorpusPages.anchor(corpus, h));
            o.put("name", CorpusView.shortName(h.path()));
            o.put("post", h.post());
            if (h.boardId() != null) o.put("board_id", h.boardId());
            if (h.postUrl() != null) o.put("post_url", h.postUrl());
            o.put("author", h.author());
            o.put("published", h.published());
            o.put("quote", h.quote());
            o.put("kind", h.kind());
            o.put("speaker", h.speaker());
            o.put("work", h.work());
            o.put("snippet", h.snippet());
        }
        return json(root);
    }

    /** The page asked for; the API without ?page or ?per keeps its one long answer (the first 500 rows). */
    private static CorpusView.Page page(Map<String, String> q, boolean api) {
        if (api && q.get("page") == null && q.get("per") == null) return CorpusView.Page.FIRST;
        return CorpusView.Page.of(q);
    }

    private static void paging(ObjectNode o, CorpusView.Slice<?> s) {
        o.put("total", s.total());
        o.put("page", s.page().number());
        o.put("per", s.page().size());
        o.put("pages", s.pages());
    }

    private static ArrayNode counts(List<CorpusView.Count> counts) {
        ArrayNode a = JsonWriter.mapper().createArrayNode();
        for (CorpusView.Count c : counts) {
            ObjectNode o = a.addObject();
            o.put("key", c.key());
            o.put("name", c.name());
            o.put("count", c.count());
        }
        return a;
    }

    private static ArrayNode rows(List<CorpusView.QuoteRow> rows) {
        ArrayNode a = JsonWriter.mapper().createArrayNode();
        for (CorpusView.QuoteRow r : rows) {
            ObjectNode o = a.addObject();
            o.put("thread", r.thread());
            o.put("url", r.url());
            o.put("quote", r.quote());
            o.put("kind", r.kind());
            o.put("role", r.role());
            o.put("speaker", r.speaker());
            o.put("work", r.work());
            o.put("author", r.author());
            o.put("published", r.published());
            o.put("text", r.text());
        }
        return a;
    }

    private static String decode(String s) {
        try {
            String d = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            return d.isEmpty() ? null : d;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    private static Reply html(String s) { return new Reply(200, s, null); }

    private static Reply json(JsonNode n) { return new Reply(200, null, n); }

    private static Reply missing(boolean api, String message) {
        if (api) { ObjectNode o = JsonWriter.mapper().createObjectNode(); o.put("error", message); return new Reply(404, null, o); }
        return new Reply(404, SitePages.error(404, message), null);
    }
}
