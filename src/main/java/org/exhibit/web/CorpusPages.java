package org.exhibit.web;

import org.exhibit.index.Search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.exhibit.web.Html.attr;
import static org.exhibit.web.Html.text;

/** The corpus pages: search with filters, people, works, reuse clusters, and the form that opens a thread. */
final class CorpusPages {
    private CorpusPages() {}

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }

    static void top(StringBuilder h, String where, boolean corpus) {
        h.append("<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a> <span class=\"sep\">›</span> ").append(text(where))
                .append("<span class=\"meta\">");
        if (corpus) h.append("<a href=\"/search\">Search</a> · <a href=\"/people\">People</a> · <a href=\"/works\">Works</a> · <a href=\"/reuse\">Reuse</a> · ");
        h.append("<a href=\"/new\">Open a thread</a></span></header>\n");
    }

    private static String end() { return "</main>\n</body>\n</html>\n"; }

    // ---- open a thread

    static String upload(String token, long maxBytes, List<String> formats, String error) {
        StringBuilder h = new StringBuilder(4096);
        SitePages.head(h, "Open a thread");
        h.append("<body class=\"upload\">\n");
        top(h, "open a thread", false);
        h.append("<main class=\"wide\"><h1>Open a thread</h1>");
        if (error != null) h.append("<p class=\"problem\" role=\"alert\">").append(text(error)).append("</p>");
        h.append("<form method=\"post\" action=\"/threads\" enctype=\"multipart/form-data\" class=\"open\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(attr(token)).append("\">")
                .append("<p><label for=\"text\">Paste the thread</label><br><textarea id=\"text\" name=\"text\" rows=\"16\" cols=\"100\" ")
                .append("placeholder=\"Author&#10;27th July 2003, 12:08&#10;Text of the post...\"></textarea></p>")
                .append("<p><label for=\"file\">or upload a file</label> <input type=\"file\" id=\"file\" name=\"file\"> ")
                .append("<span class=\"in\">at most ").append(maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MB" : (maxBytes >> 10) + " KB").append("</span></p>")
                .append("<p><label for=\"format\">Format</label> <select id=\"format\" name=\"format\"><option value=\"auto\">detect</option>");
        for (String f : formats) h.append("<option value=\"").append(attr(f)).append("\">").append(text(f)).append("</option>");
        h.append("</select></p><p><button type=\"submit\">Analyse</button></p></form>")
                .append("<p class=\"hint\">The same text always gets the same address, so the page you land on can be shared.</p>");
        return h.append(end()).toString();
    }

    // ---- search

    static String search(String q, Search.Filters f, Search.Result r, String problem, CorpusView corpus) {
        StringBuilder h = new StringBuilder(8192);
        SitePages.head(h, q == null || q.isBlank() ? "Search" : "Search: " + q);
        h.append("<body class=\"search\">\n");
        top(h, "search", true);
        h.append("<main class=\"wide\"><form method=\"get\" action=\"/search\" class=\"search\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" id=\"q\" size=\"50\" value=\"").append(attr(q)).append("\" placeholder=\"confession~ &quot;a phrase&quot; trial\"> ");
        field(h, "speaker", "speaker", f.speaker());
        field(h, "author", "posted by", f.author());
        field(h, "work", "work", f.work());
        field(h, "person", "mentions", f.person());
        h.append("<label>kind <select name=\"kind\"><option value=\"\">any</option>");
        for (String k : new String[]{"post", "quote", "passage", "scare", "title"})
            h.append("<option value=\"").append(k).append("\"").append(k.equals(f.kind()) ? " selected" : "").append(">").append(k).append("</option>");
        h.append("</select></label> ");
        field(h, "from", "from", f.from());
        field(h, "to", "to", f.to());
        h.append("<button type=\"submit\">Search</button></form>\n");
        if (problem != null) h.append("<p class=\"problem\" role=\"alert\">").append(text(problem)).append("</p>");
        if (r != null) {
            h.append("<p class=\"total\">").append(r.totalText()).append(r.total() == 1 && r.exact() ? " hit" : " hits")
                    .append(r.total() > r.hits().size() ? " (showing " + r.hits().size() + ")" : "").append("</p><ol class=\"hits\">");
            for (Search.Hit hit : r.hits()) {
                String id = corpus.idOf(hit.path());
                h.append("<li class=\"hit\"><p class=\"where\">");
                String label = CorpusView.shortName(hit.path()) + (hit.quote() != null ? " · quote " + hit.quote() : hit.post() != null ? " · " + hit.post() : "");
                String anchor = id == null ? null : anchor(corpus, hit);
                if (anchor != null) h.append("<a class=\"to\" href=\"/threads/").append(id).append(anchor).append("\">").append(text(label)).append("</a>");
                else h.append(text(label));
                if (hit.kind() != null && hit.quote() != null) h.append(" <span class=\"kind\">").append(text(hit.kind())).append("</span>");
                if (hit.author() != null || hit.published() != null)
                    h.append(" <span class=\"in\">posted by <bdi>").append(text(hit.author() == null ? "?" : hit.author())).append("</bdi>")
                            .append(hit.published() == null ? "" : ", " + text(hit.published().replace('T', ' '))).append("</span>");
                if (hit.speaker() != null) h.append(" <span class=\"in\">speaker <bdi>").append(text(hit.speaker())).append("</bdi></span>");
                if (hit.work() != null) h.append(" <span class=\"in\">work <i>").append(text(hit.work())).append("</i></span>");
                // The snippet was escaped by CorpusView.Snippets before its matches were marked.
                h.append("</p><p class=\"snippet\">").append(hit.snippet()).append("</p></li>");
            }
            h.append("</ol>");
        }
        return h.append(end()).toString();
    }

    /** Where a hit is in its thread page: the quote's or post's anchor (the index in the edition's arrays). */
    static String anchor(CorpusView corpus, Search.Hit hit) {
        Integer i = corpus.ordinal(hit.path(), hit.quote() != null, hit.quote() != null ? hit.quote() : hit.post());
        return i == null ? "" : hit.quote() != null ? "#q-" + i : "#post-" + i;
    }

    private static void field(StringBuilder h, String name, String label, String value) {
        h.append("<label>").append(label).append(" <input name=\"").append(name).append("\" size=\"12\" value=\"").append(attr(value)).append("\"></label> ");
    }

    // ---- people and works

    /** Links to the pages before and after this one, keeping the other parameters of the request. */
    static void pager(StringBuilder h, String path, java.util.Map<String, String> q, CorpusView.Slice<?> s) {
        if (s.pages() <= 1) return;
        h.append("<nav class=\"pages\" aria-label=\"pages\">");
        int n = s.page().number();
        if (n > 1) h.append("<a rel=\"prev\" href=\"").append(attr(pageUrl(path, q, n - 1))).append("\">← previous</a> ");
        h.append("<span class=\"in\">page ").append(n).append(" of ").append(s.pages()).append(" (").append(s.total()).append(")</span>");
        if (s.hasNext()) h.append(" <a rel=\"next\" href=\"").append(attr(pageUrl(path, q, n + 1))).append("\">next →</a>");
        h.append("</nav>");
    }

    static String pageUrl(String path, java.util.Map<String, String> q, int page) {
        StringBuilder u = new StringBuilder(path).append("?page=").append(page);
        for (var e : new java.util.TreeMap<>(q).entrySet())
            if (!e.getKey().equals("page") && e.getValue() != null) u.append('&').append(enc(e.getKey())).append('=').append(enc(e.getValue()));
        return u.toString();
    }

    static String counts(String title, String base, CorpusView.Slice<CorpusView.Count> slice, java.util.Map<String, String> q, String none) {
        List<CorpusView.Count> counts = slice.items();
        StringBuilder h = new StringBuilder(8192);
        SitePages.head(h, title);
        h.append("<body class=\"counts\">\n");
        top(h, title.toLowerCase(java.util.Locale.ROOT), true);
        h.append("<main class=\"wide\"><h1>").append(text(title)).append("</h1>");
        if (counts.isEmpty()) h.append("<p class=\"none\">").append(text(none)).append("</p>");
        else {
            h.append("<ul class=\"counts\">");
            for (CorpusView.Count c : counts)
                h.append("<li><a href=\"").append(base).append(enc(c.key())).append("\"><bdi>")
                        .append(text(base.equals("/works/") ? c.key() : c.name())).append("</bdi></a>")
                        .append(base.equals("/works/") && c.name() != null ? ", " + text(c.name()) : "")
                        .append(" <span class=\"n\">").append(c.count()).append("</span></li>");
            h.append("</ul>");
        }
        pager(h, base.substring(0, base.length() - 1), q, slice);
        return h.append(end()).toString();
    }

    static String quotes(String title, String what, CorpusView.Slice<CorpusView.QuoteRow> slice, String path, java.util.Map<String, String> query) {
        List<CorpusView.QuoteRow> rows = slice.items();
        StringBuilder h = new StringBuilder(8192);
        SitePages.head(h, title);
        h.append("<body class=\"quotes\">\n");
        top(h, what, true);
        h.append("<main class=\"wide\"><h1><bdi>").append(text(title)).append("</bdi></h1><p class=\"total\">").append(slice.total())
                .append(slice.total() == 1 ? " quote" : " quotes").append("</p>");
        pager(h, path, query, slice);
        h.append("<ol class=\"hits\" start=\"").append(slice.page().offset() + 1).append("\">");
        for (CorpusView.QuoteRow q : rows) {
            h.append("<li class=\"hit\"><p class=\"where\"><a class=\"to\" href=\"").append(q.url()).append("\">")
                    .append(text(q.thread() == null ? "?" : q.quote())).append("</a>");
            if (q.role() != null && !q.role().equals("work")) h.append(" <span class=\"kind\">").append(text(q.role())).append("</span>");
            if (q.speaker() != null) h.append(" <span class=\"in\">speaker <bdi>").append(text(q.speaker())).append("</bdi></span>");
            if (q.work() != null) h.append(" <span class=\"in\">work <i>").append(text(q.work())).append("</i></span>");
            if (q.author() != null) h.append(" <span class=\"in\">posted by <bdi>").append(text(q.author())).append("</bdi>")
                    .append(q.published() == null ? "" : ", " + text(q.published().replace('T', ' '))).append("</span>");
            String t = q.text() == null ? "" : q.text().length() > 400 ? q.text().substring(0, 400) + " …" : q.text();
            h.append("</p><p class=\"snippet\">").append(text(t)).append("</p></li>");
        }
        h.append("</ol>");
        pager(h, path, query, slice);
        return h.append(end()).toString();
    }

    static String reuse(CorpusView.Slice<CorpusView.Cluster> slice, java.util.Map<String, String> q) {
        List<CorpusView.Cluster> clusters = slice.items();
        StringBuilder h = new StringBuilder(8192);
        SitePages.head(h, "Reuse");
        h.append("<body class=\"reuse\">\n");
        top(h, "reuse", true);
        h.append("<main class=\"wide\"><h1>Reused text <span class=\"n\">").append(slice.total()).append("</span></h1>");
        if (clusters.isEmpty()) {
            h.append("<p class=\"none\">No reuse recorded in this corpus: its editions list no repeated or shared passages.</p>");
            return h.append(end()).toString();
        }
        pager(h, "/reuse", q, slice);
        h.append("<ol class=\"clusters\" start=\"").append(slice.page().offset() + 1).append("\">");
        for (CorpusView.Cluster c : clusters) {
            h.append("<li><span class=\"kind\">").append(text(c.kind() == null ? "reuse" : c.kind())).append("</span>");
            if (c.similarity() != null) h.append(" <span class=\"conf\">").append(Math.round(c.similarity() * 100)).append("% alike</span>");
            h.append("<ol class=\"parts\">");
            for (CorpusView.ClusterPart p : c.parts()) {
                String t = p.text() == null ? "" : p.text().length() > 200 ? p.text().substring(0, 200) + "…" : p.text();
                h.append("<li>");
                if (p.thread() != null) h.append("<a href=\"/threads/").append(p.thread()).append(p.anchor() == null ? "" : "#" + p.anchor()).append("\">")
                        .append(text(p.name())).append("</a>");
                else h.append(text(p.name()));
                if (p.post() != null) h.append(" <span class=\"in\">post ").append(text(p.post())).append("</span>");
                h.append(" “").append(text(t)).append("”</li>");
            }
            h.append("</ol></li>");
        }
        h.append("</ol>");
        pager(h, "/reuse", q, slice);
        return h.append(end()).toString();
    }
}
