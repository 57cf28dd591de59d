package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.output.Provenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.exhibit.web.Edition.array;
import static org.exhibit.web.Edition.num;
import static org.exhibit.web.Edition.str;
import static org.exhibit.web.Html.attr;
import static org.exhibit.web.Html.text;

/**
 * The reading view of one thread, rendered from its JSON edition: posts with their text, quotes nested and marked by
 * kind, names, dates, citations and reuse marked in place; a side panel with one card per quote (speaker, work,
 * pages, chain of transmission, evidence) and per person; lists of citations, people, dates, reuse and flags; a
 * timeline strip. Element ids are built from positions in the edition, never from its strings.
 */
final class ThreadPage {
    private static final int QUOTE = 0, REUSE = 1, CITATION = 2, MENTION = 3, DATE = 4, FLAG = 5, EVIDENCE = 6;
    private static final double MAX_GAP = 3; // years of empty timeline drawn at most
    private static final Pattern YEAR = Pattern.compile("^(\\d{3})([\\dX])(?:-(\\d\\d))?");

    private final String id;
    private final String name;
    private final Edition ed;
    private final MarkedText marked;
    private final Map<String, Integer> postIndex = new HashMap<>();
    private final Map<String, Integer> quoteIndex = new HashMap<>();
    private final Map<String, Integer> entityIndex = new HashMap<>();
    private final Map<String, Integer> colours = new HashMap<>();
    private int[][] postStarts; // [start, end, index] of post bodies by start, built on first use
    private Provenance graph;

    private static final java.util.regex.Pattern PERMALINK = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+");

    ThreadPage(String id, String name, JsonNode edition) {
        this.id = id;
        this.name = name;
        this.ed = new Edition(edition);
        this.marked = new MarkedText(ed.text);
        int i = 0;
        for (JsonNode p : ed.array("posts")) { String pid = str(p, "id"); if (pid != null) postIndex.putIfAbsent(pid, i); i++; }
        i = 0;
        for (JsonNode q : ed.array("quotes")) { String qid = str(q, "id"); if (qid != null) quoteIndex.putIfAbsent(qid, i); i++; }
        i = 0;
        for (JsonNode e : ed.array("entities")) { String eid = str(e, "id"); if (eid != null) entityIndex.putIfAbsent(eid, i); i++; }
    }

    String render() {
        collectMarks();
        StringBuilder text = new StringBuilder(ed.text.length() * 2);
        posts(text); // first, so that links elsewhere go only to marks the text shows
        StringBuilder h = new StringBuilder(ed.text.length() * 2 + 4096);
        SitePages.head(h, name);
        h.append("<body class=\"thread\">\n<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a> <span class=\"sep\">›</span> <bdi class=\"name\">")
                .append(text(name)).append("</bdi><span class=\"meta\">");
        String format = str(ed.root.path("source"), "format");
        if (format != null) h.append(text(format)).append(" · ");
        h.append(count("posts", "post")).append(" · ").append(count("quotes", "quote")).append(" · ")
                .append(count("entities", "name")).append(" · ").append(count("dates", "date"))
                .append(" · <a href=\"/api/threads/").append(id).append("\">JSON</a></span>")
                .append("<span class=\"legend\"><span class=\"q k-passage\">passage</span> <span class=\"q k-scare\">scare</span> ")
                .append("<span class=\"q k-title\">title</span> <span class=\"q k-phrase\">phrase</span></span></header>\n");
        timeline(h);
        h.append("<div class=\"layout\">\n");
        provenance(h, false);
        h.append("<main>\n");
        documentFlags(h);
        h.append(text);
        sources(h);
        citations(h);
        people(h);
        dates(h);
        reuse(h);
        flags(h);
        h.append("</main>\n<aside id=\"panel\" aria-live=\"polite\"><p class=\"hint\">Select a quote or a name to see its attribution: "
                + "speaker, work and pages, the chain of hands it came through, and the words that show it.</p>\n");
        quoteCards(h);
        entityCards(h);
        h.append("</aside>\n</div>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The provenance graph and the timeline of the sources alone, for /threads/ID/sources. */
    String renderSources() {
        StringBuilder h = new StringBuilder(65536);
        SitePages.head(h, name + " · sources");
        h.append("<body class=\"thread sources-page\">\n<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a> <span class=\"sep\">›</span> <a href=\"/threads/")
                .append(id).append("\"><bdi class=\"name\">").append(text(name)).append("</bdi></a> <span class=\"sep\">›</span> sources<span class=\"meta\">")
                .append(count("posts", "post")).append(" · ").append(count("quotes", "quote")).append("</span></header>\n<div class=\"layout solo\">\n");
        provenance(h, true);
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private Provenance graph() {
        if (graph == null) graph = Provenance.of(ed.root);
        return graph;
    }

    /**
     * Who quotes whom through what, drawn: the provenance graph, what each source supports (shown on choosing a
     * node), and the timeline of what the sources speak of against when they were written and posted.
     */
    private void provenance(StringBuilder h, boolean alone) {
        Provenance g = graph();
        GraphView view = new GraphView(g);
        String to = alone ? "/threads/" + id : "";
        int sources = 0, posts = 0;
        for (Provenance.Node n : g.nodes) if (n.kind == Provenance.Kind.POST) posts++; else sources++;
        h.append("<section id=\"provenance\" class=\"provenance\" aria-label=\"Sources at a glance\"><details open><summary><h2>Sources at a glance</h2> <span class=\"n\">")
                .append(sources).append(sources == 1 ? " source" : " sources").append(" · ").append(posts).append(posts == 1 ? " post" : " posts")
                .append(" · ").append(g.edges.size()).append(g.edges.size() == 1 ? " link" : " links");
        if (!g.groups.isEmpty()) h.append(" · <b>").append(g.groups.size()).append(g.groups.size() == 1 ? " set" : " sets").append(" of sources that are one</b>");
        h.append("</span></summary>\n");
        if (view.empty()) {
            h.append("<p class=\"none\">No passage here is attributed to a speaker, a work or an earlier post.</p>");
        } else {
            h.append("<ul class=\"pg-legend\" aria-label=\"Legend\"><li><span class=\"sw k-speaker\"></span>speaker</li><li><span class=\"sw k-work\"></span>work</li>")
                    .append("<li><span class=\"sw k-hand\"></span>named intermediary</li><li><span class=\"sw k-unnamed\"></span>source not named</li>")
                    .append("<li><span class=\"sw k-post\"></span>post</li><li><span class=\"ln\"></span>quoted in</li>")
                    .append("<li><span class=\"ln k-reproduces\"></span>reproduced in a later post</li><li><span class=\"ln unquoted\"></span>same text, not quoted</li>")
                    .append("<li><span class=\"sw box\"></span>sources that are one</li><li><span class=\"ln path\"></span>path of the chosen passage</li>")
                    .append("<li><span class=\"num\">3</span>passages through a node</li></ul>\n");
            if (PosterView.wanted(g))
                h.append("<h3>Who quotes whom, by poster</h3><div class=\"pg-scroll posters\">").append(PosterView.svg(g)).append("</div>\n<h3>Every post and source</h3>");
            h.append("<div class=\"pg-scroll\">").append(view.svg()).append("</div>\n");
            h.append("<p class=\"pg-status\" aria-live=\"polite\">Hover a source to light its passages")
                    .append(alone ? "" : " in the text").append("; click it to list them; click a passage to light its path.");
            if (g.postsOutside > 0) h.append(" ").append(g.postsOutside).append(g.postsOutside == 1 ? " post neither quotes nor is quoted." : " posts neither quote nor are quoted.");
            h.append("</p>\n<div class=\"pg-infos\">");
            for (Provenance.Node n : g.nodes) nodeInfo(h, g, n, to);
            h.append("</div>\n");
        }
        TimelineView tl = new TimelineView(ed, g);
        String svg = tl.empty() ? "" : tl.svg();
        if (!svg.isEmpty()) {
            h.append("<h3 id=\"when\">When the sources speak of, when they were written, when they were posted</h3>")
                    .append("<ul class=\"pg-legend tl-legend\"><li><span class=\"dot\"></span>a day or month a passage speaks of</li>")
                    .append("<li><span class=\"bar\"></span>a year, season, decade or range</li><li><span class=\"dot approx\"></span>approximate</li>")
                    .append("<li><span class=\"dia\"></span>date of the work</li><li><span class=\"life\"></span>the speaker’s life</li>")
                    .append("<li><span class=\"tick\"></span>posted</li><li><span class=\"dot anachronism\"></span>after its source’s own date</li></ul>\n")
                    .append("<div class=\"tl-scroll\">").append(svg).append("</div>\n");
            if (!tl.problems.isEmpty()) {
                h.append("<div class=\"anachronisms\"><h4>Possible anachronisms <span class=\"n\">").append(tl.problems.size()).append("</span></h4><ul>");
                for (String p : tl.problems) h.append("<li>").append(alone ? p.replace("href=\"#q-", "href=\"" + to + "#q-") : p).append("</li>");
                h.append("</ul></div>\n");
            }
        }
        h.append("<p class=\"pg-links\">");
        if (!alone) h.append("<a href=\"/threads/").append(id).append("/sources\">The graph alone</a> · ");
        h.append("<a href=\"/api/threads/").append(id).append("/graph\">graph as JSON</a> · <a href=\"/api/threads/").append(id)
                .append("/graph.graphml\">GraphML</a></p>\n</details></section>\n");
    }

    private void nodeInfo(StringBuilder h, Provenance g, Provenance.Node n, String to) {
        h.append("<div class=\"pg-info\" id=\"pg-info-").append(n.index).append("\"><b>").append(text(n.label)).append("</b> <span class=\"kind\">")
                .append(GraphView.kindName(n)).append("</span>");
        if (n.detail != null) h.append(" · ").append(text(n.detail));
        if (n.years != null) h.append(" · ").append(text(n.years));
        if (n.group >= 0) {
            Provenance.Group gr = g.groups.get(n.group);
            h.append("<span class=\"oneof\"> · one source with ");
            List<String> others = new ArrayList<>();
            for (int m : gr.members) if (m != n.index) others.add(text(g.nodes.get(m).label));
            h.append(String.join(", ", others)).append("</span>");
        }
        h.append(": <span class=\"n\">").append(n.quotes.size()).append(n.quotes.size() == 1 ? " passage" : " passages").append("</span>");
        int shown = 0;
        for (int q : n.quotes) {
            if (shown++ == 200) { h.append(" …"); break; }
            String qid = text(nz(str(ed.array("quotes").get(q), "id")));
            h.append(' ').append(to.isEmpty() && !marked.rendered("q-" + q) ? qid : "<a href=\"" + to + "#q-" + q + "\" data-q=\"" + q + "\">" + qid + "</a>");
        }
        h.append("</div>");
    }

    /** A link to a mark in the text when it is shown there, else the label alone. */
    private String link(String target, String labelHtml) {
        return marked.rendered(target) ? "<a href=\"#" + target + "\">" + labelHtml + "</a>" : "<span class=\"offtext\">" + labelHtml + "</span>";
    }

    private String count(String field, String one) { return count(field, one, one + "s"); }

    private String count(String field, String one, String many) {
        int n = ed.array(field).size();
        return n + " " + (n == 1 ? one : many);
    }

    // ---- marks over the text

    private void collectMarks() {
        int qi = 0;
        for (JsonNode q : ed.array("quotes")) {
            int[] s = ed.span(q);
            if (s != null) {
                String kind = kindClass(str(q, "kind"));
                marked.mark(s[0], s[1], "span", "class=\"q k-" + kind + " depth-" + Math.min(depth(q), 4)
                        + "\" data-q=\"" + qi + "\" tabindex=\"0\"", "q-" + qi, QUOTE);
                String label = quoteLabel(q);
                if (!label.isEmpty())
                    marked.insert(s[0], "<span class=\"ql src-" + sourceColour(q) + "\" data-q=\"" + qi + "\">" + label + "</span>");
            }
            evidenceMark(q.path("speaker"), "q-" + qi + "-s");
            evidenceMark(q.path("work"), "q-" + qi + "-w");
            int fi = 0;
            for (JsonNode f : array(q, "flags")) evidenceMark(f, "q-" + qi + "-f" + fi++);
            qi++;
        }
        int ci = 0;
        for (JsonNode c : ed.array("citations")) {
            int[] s = ed.span(c);
            if (s != null) marked.mark(s[0], s[1], "span", "class=\"ci\" title=\"" + attr(citationTitle(c)) + "\"", "c-" + ci, CITATION);
            ci++;
        }
        int ei = 0;
        for (JsonNode e : ed.array("entities")) {
            String type = cssToken(str(e, "type"));
            String title = str(e, "name");
            int mi = 0;
            for (JsonNode m : array(e, "mentions")) {
                int[] s = ed.span(m);
                if (s != null) {
                    String how = str(m, "how");
                    marked.mark(s[0], s[1], "span", "class=\"m t-" + type + "\" data-e=\"" + ei + "\" tabindex=\"0\" title=\""
                            + attr(title + (how == null ? "" : " (" + how + ")")) + "\"", "m-" + ei + "-" + mi, MENTION);
                }
                mi++;
            }
            ei++;
        }
        int di = 0;
        for (JsonNode d : ed.array("dates")) {
            int[] s = ed.span(d);
            if (s != null) {
                String v = str(d, "value");
                marked.mark(s[0], s[1], "span", "class=\"dt\" title=\"" + attr(v == null ? "date" : v) + "\"", "d-" + di, DATE);
            }
            di++;
        }
        int ri = 0;
        for (JsonNode r : ed.array("reuse")) {
            List<Integer> local = localParts(r);
            for (int k = 0; k < local.size(); k++) {
                int pj = local.get(k);
                int[] s = ed.span(array(r, "parts").get(pj));
                marked.mark(s[0], s[1], "span", "class=\"ru\"", "r-" + ri + "-" + pj, REUSE);
                if (local.size() > 1) {
                    int other = local.get((k + 1) % local.size());
                    marked.insert(s[0], "<a class=\"jump\" href=\"#r-" + ri + "-" + other + "\" title=\"" + attr(kindOf(r))
                            + ": jump to the other copy\">⇄ " + (other + 1) + "/" + array(r, "parts").size() + "</a>");
                }
            }
            ri++;
        }
        int fi = 0;
        for (JsonNode f : ed.array("flags")) {
            int[] s = ed.span(f.path("evidence"));
            if (s != null) {
                marked.mark(s[0], s[1], "span", "class=\"fl\"", "f-" + fi, FLAG);
                marked.insert(s[0], "<a class=\"flagmark\" href=\"#flag-" + fi + "\" title=\""
                        + attr(nz(str(f, "type")) + ": " + nz(str(f, "message"))) + "\">⚑</a>");
            }
            fi++;
        }
    }

    private void evidenceMark(JsonNode owner, String key) {
        int[] s = owner == null ? null : ed.span(owner.path("evidence"));
        if (s != null) marked.mark(s[0], s[1], "span", "class=\"ev\" data-ev=\"" + key + "\"", null, EVIDENCE);
    }

    /** Indices of reuse parts that lie in this document's text. */
    private List<Integer> localParts(JsonNode r) {
        List<Integer> l = new ArrayList<>();
        int j = 0;
        for (JsonNode p : array(r, "parts")) {
            int[] s = ed.span(p);
            if (str(p, "document") == null && s != null && shown(s)) l.add(j);
            j++;
        }
        return l;
    }

    /** Whether a span lies in the text the page shows: a post body, or the whole text when there are no posts. */
    private boolean shown(int[] s) {
        JsonNode posts = ed.array("posts");
        if (posts.size() == 0) return true;
        for (JsonNode p : posts) {
            int[] b = ed.span(p);
            if (b != null && b[0] <= s[0] && s[1] <= b[1]) return true;
        }
        return false;
    }

    private int depth(JsonNode q) {
        int d = 1;
        String parent = str(q, "parent");
        while (parent != null && d < 20) {
            Integer pi = quoteIndex.get(parent);
            if (pi == null) break;
            d++;
            parent = str(ed.array("quotes").get(pi), "parent");
        }
        return d;
    }

    /** One of eight colours per speaker, in order of first appearance, so a source's quotes look alike. */
    private int sourceColour(JsonNode q) {
        String who = str(q.path("speaker"), "name");
        if (who == null) who = str(q.path("markup"), "name");
        if (who == null) return 0;
        return colours.computeIfAbsent(who, k -> colours.size() % 8);
    }

    /** The note beside a quote: speaker, work and pages, via chain, flags. Escaped HTML. */
    private String quoteLabel(JsonNode q) {
        List<String> parts = new ArrayList<>();
        String speaker = str(q.path("speaker"), "name");
        if (speaker == null) speaker = str(q.path("markup"), "name");
        if (speaker != null) parts.add("<b>" + text(speaker) + "</b>");
        String work = workLine(q.path("work"));
        if (!work.isEmpty()) parts.add("<i>" + work + "</i>");
        List<String> via = strings(q, "via");
        if (!via.isEmpty()) parts.add("via " + text(String.join(" → ", via)));
        int flags = array(q, "flags").size();
        if (flags > 0) parts.add("⚑ " + flags);
        return String.join(" · ", parts);
    }

    private static String workLine(JsonNode w) {
        if (w == null || !w.isObject()) return "";
        StringBuilder sb = new StringBuilder();
        String title = str(w, "title"), author = str(w, "author"), year = str(w, "year"), pages = str(w, "pages");
        if (title != null) sb.append(text(title));
        if (author != null) sb.append(sb.length() > 0 ? ", " : "").append(text(author));
        if (year != null) sb.append(sb.length() > 0 ? " " : "").append('(').append(text(year)).append(')');
        if (pages != null) sb.append(sb.length() > 0 ? ", " : "").append(pages.matches(".*[-–,].*") ? "pp. " : "p. ").append(text(pages));
        return sb.toString();
    }

    // ---- the text

    private void documentFlags(StringBuilder h) {
        int n = ed.array("flags").size();
        if (n > 0) h.append("<p class=\"banner\"><a href=\"#flags\">⚑ ").append(n).append(n == 1 ? " flag" : " flags")
                .append(" on this thread</a></p>\n");
    }

    private void posts(StringBuilder h) {
        JsonNode posts = ed.array("posts");
        if (posts.size() == 0) {
            h.append("<article class=\"post\" id=\"post-0\"><header><span class=\"author unknown\">whole text</span></header>")
                    .append("<div class=\"body\">").append(marked.render(0, ed.text.length())).append("</div></article>\n");
            return;
        }
        int i = 0;
        for (JsonNode p : posts) {
            int[] s = ed.span(p);
            h.append("<article class=\"post\" id=\"post-").append(i).append("\"><header>");
            String author = str(p, "author"), published = str(p, "published"), pid = str(p, "id"), reply = str(p, "reply_to");
            h.append(author == null ? "<span class=\"author unknown\">unknown author</span>" : "<bdi class=\"author\">" + text(author) + "</bdi>");
            if (published != null) h.append(" <time datetime=\"").append(attr(published)).append("\">").append(text(published.replace('T', ' '))).append("</time>");
            if (reply != null) {
                Integer ri = postIndex.get(reply);
                h.append(" <span class=\"reply\">replying to ").append(ri == null ? text(reply) : "<a href=\"#post-" + ri + "\">" + text(reply) + "</a>").append("</span>");
            }
            if (pid != null) h.append(" <span class=\"pid\">").append(text(pid)).append("</span>");
            String url = str(p, "url"), board = str(p, "board_id");
            // the board's own page for the post; only web addresses become links
            if (url != null && PERMALINK.matcher(url).matches())
                h.append(" <a class=\"permalink\" rel=\"noopener noreferrer nofollow\" href=\"").append(attr(url)).append("\" title=\"")
                        .append(attr(board != null ? "post " + board + " on the board" : "the post on the board")).append("\">on the board</a>");
            h.append("</header>\n<div class=\"body\">");
            if (s != null) h.append(marked.render(s[0], s[1]));
            h.append("</div></article>\n");
            i++;
        }
    }

    // ---- the panel

    private void quoteCards(StringBuilder h) {
        int qi = 0;
        for (JsonNode q : ed.array("quotes")) {
            String kind = kindClass(str(q, "kind"));
            h.append("<section class=\"card\" id=\"card-q-").append(qi).append("\"><h3>").append(link("q-" + qi, "Quote " + text(nz(str(q, "id")))))
                    .append(" <span class=\"q k-").append(kind).append("\">").append(text(nz(str(q, "kind"))))
                    .append("</span> <span class=\"marker\">").append(text(nz(str(q, "marker")))).append("</span></h3>\n");
            String qt = str(q, "text");
            if (qt != null) h.append("<blockquote class=\"qtext\">").append(text(qt.length() > 700 ? qt.substring(0, 700) + "…" : qt)).append("</blockquote>\n");
            h.append("<dl>");
            JsonNode sp = q.path("speaker");
            h.append("<dt>Speaker</dt><dd class=\"speaker\" data-evref=\"q-").append(qi).append("-s\">");
            if (sp.isObject() && str(sp, "name") != null) {
                Integer ei = str(sp, "entity") == null ? null : entityIndex.get(str(sp, "entity"));
                String name = "<bdi>" + text(str(sp, "name")) + "</bdi>";
                h.append(ei == null ? name : "<a href=\"#person-" + ei + "\" data-e=\"" + ei + "\" title=\"every mention of this person\">" + name + "</a>");
                String as = str(sp, "as_written");
                if (as != null && !as.equals(str(sp, "name"))) h.append(" <span class=\"aw\">as “").append(text(as)).append("”</span>");
                confidence(h, sp);
                evidence(h, sp);
            } else h.append("<span class=\"none\">not identified</span>");
            h.append("</dd>");
            JsonNode w = q.path("work");
            h.append("<dt>Work</dt><dd class=\"work\" data-evref=\"q-").append(qi).append("-w\">");
            String wl = workLine(w);
            if (!wl.isEmpty()) { h.append(wl); confidence(h, w); evidence(h, w); }
            else h.append("<span class=\"none\">not identified</span>");
            h.append("</dd>");
            List<String> via = strings(q, "via");
            h.append("<dt>Via</dt><dd class=\"via\">");
            if (via.isEmpty()) h.append("<span class=\"none\">no intermediaries named</span>");
            else {
                h.append("<ol>");
                for (String v : via) h.append("<li><bdi>").append(text(v)).append("</bdi></li>");
                h.append("</ol>");
            }
            h.append("</dd>");
            List<Integer> path = graph().paths.get(qi);
            if (path != null) {
                h.append("<dt>Path</dt><dd class=\"path\">");
                for (int k = 0; k < path.size(); k++)
                    h.append(k == 0 ? "" : " → ").append("<bdi>").append(text(graph().nodes.get(path.get(k)).label)).append("</bdi>");
                h.append(" <a class=\"tograph\" href=\"#provenance\">in the graph</a></dd>");
            }
            String src = str(q, "source_post");
            if (src != null) {
                Integer pi = postIndex.get(src);
                h.append("<dt>Source post</dt><dd>").append(pi == null ? text(src) : "<a href=\"#post-" + pi + "\">" + text(src) + "</a>").append("</dd>");
            }
            JsonNode mk = q.path("markup");
            if (mk.isObject()) {
                h.append("<dt>Markup</dt><dd>").append(text(String.join(" @ ", nonNull(str(mk, "name"), str(mk, "date"), str(mk, "post"))))).append("</dd>");
            }
            String parent = str(q, "parent");
            if (parent != null) {
                Integer pi = quoteIndex.get(parent);
                h.append("<dt>Inside</dt><dd>").append(pi == null || !marked.rendered("q-" + pi) ? text(parent) : "<a href=\"#q-" + pi + "\" data-q=\"" + pi + "\">quote " + text(parent) + "</a>").append("</dd>");
            }
            JsonNode flags = array(q, "flags");
            if (flags.size() > 0) {
                h.append("<dt>Flags</dt><dd><ul class=\"flags\">");
                int fi = 0;
                for (JsonNode f : flags) {
                    h.append("<li data-evref=\"q-").append(qi).append("-f").append(fi++).append("\"><b>").append(text(nz(str(f, "type"))))
                            .append("</b> ").append(text(nz(str(f, "message"))));
                    evidence(h, f);
                    h.append("</li>");
                }
                h.append("</ul></dd>");
            }
            h.append("</dl></section>\n");
            qi++;
        }
    }

    private void entityCards(StringBuilder h) {
        int ei = 0;
        for (JsonNode e : ed.array("entities")) {
            h.append("<section class=\"card\" id=\"card-e-").append(ei).append("\"><h3><a href=\"#person-").append(ei).append("\"><bdi>")
                    .append(text(nz(str(e, "name")))).append("</bdi></a> <span class=\"etype\">").append(text(nz(str(e, "type")))).append("</span></h3>");
            entityFacts(h, e);
            mentionList(h, e, ei);
            h.append("</section>\n");
            ei++;
        }
    }

    private void entityFacts(StringBuilder h, JsonNode e) {
        List<String> facts = nonNull(str(e, "years"), str(e, "role"));
        if (!facts.isEmpty()) h.append("<p class=\"facts\">").append(text(String.join(" · ", facts))).append("</p>");
        JsonNode ids = e.path("ids");
        if (ids.isObject() && ids.size() > 0) {
            h.append("<p class=\"ids\">");
            ids.fields().forEachRemaining(f -> h.append("<span>").append(text(f.getKey())).append(": ").append(text(f.getValue().asText())).append("</span> "));
            h.append("</p>");
        }
    }

    private void mentionList(StringBuilder h, JsonNode e, int ei) {
        h.append("<ol class=\"mentions\">");
        int mi = 0;
        for (JsonNode m : array(e, "mentions")) {
            h.append("<li>").append(link("m-" + ei + "-" + mi++, "“" + text(nz(str(m, "text"))) + "”"));
            String how = str(m, "how");
            if (how != null) h.append(" <span class=\"how\">").append(text(how)).append("</span>");
            String post = postAuthorAt(m);
            if (post != null) h.append(" <span class=\"in\">in ").append(post).append("</span>");
            h.append("</li>");
        }
        h.append("</ol>");
    }

    private String postAuthorAt(JsonNode n) {
        int[] s = ed.span(n);
        if (s == null) return null;
        if (postStarts == null) {
            // Post bodies in text order, for a binary search per mention.
            List<int[]> l = new ArrayList<>();
            int i = 0;
            for (JsonNode p : ed.array("posts")) {
                int[] b = ed.span(p);
                if (b != null) l.add(new int[]{b[0], b[1], i});
                i++;
            }
            l.sort(java.util.Comparator.comparingInt(x -> x[0]));
            postStarts = l.toArray(new int[0][]);
        }
        int lo = 0, hi = postStarts.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (postStarts[mid][0] <= s[0]) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0 || s[0] > postStarts[found][1]) return null;
        int pi = postStarts[found][2];
        return "<a href=\"#post-" + pi + "\">" + text(nz(str(ed.array("posts").get(pi), "author"))) + "</a>";
    }

    private static void confidence(StringBuilder h, JsonNode n) {
        Double c = num(n, "confidence");
        if (c != null) h.append(" <span class=\"conf\" title=\"confidence\">").append(Math.round(c * 100)).append("%</span>");
    }

    private static void evidence(StringBuilder h, JsonNode owner) {
        String t = str(owner.path("evidence"), "text");
        if (t != null) h.append(" <span class=\"evtext\">“").append(text(t.length() > 300 ? t.substring(0, 300) + "…" : t)).append("”</span>");
    }

    // ---- lists under the text

    /** The speakers and works the thread's quotes rely on, each with the quotes it supports and the hands between. */
    private void sources(StringBuilder h) {
        Map<String, List<Integer>> speakers = new java.util.LinkedHashMap<>(), works = new java.util.LinkedHashMap<>();
        Map<String, java.util.Set<String>> vias = new HashMap<>();
        int qi = 0;
        for (JsonNode q : ed.array("quotes")) {
            String sp = str(q.path("speaker"), "name");
            if (sp != null) {
                speakers.computeIfAbsent(sp, k -> new ArrayList<>()).add(qi);
                List<String> via = strings(q, "via");
                if (!via.isEmpty()) vias.computeIfAbsent(sp, k -> new java.util.LinkedHashSet<>()).add(String.join(" → ", via));
            }
            JsonNode w = q.path("work");
            if (str(w, "title") != null || str(w, "author") != null)
                works.computeIfAbsent(nz(str(w, "title")) + "\u0000" + nz(str(w, "author")), k -> new ArrayList<>()).add(qi);
            qi++;
        }
        h.append("<section id=\"sources\" class=\"list\"><h2>Sources <span class=\"n\">").append(speakers.size() + works.size()).append("</span></h2>");
        independence(h);
        if (speakers.isEmpty() && works.isEmpty()) { h.append("<p class=\"none\">No quote is attributed yet.</p></section>\n"); return; }
        if (!speakers.isEmpty()) {
            h.append("<h3>Speakers</h3><ul class=\"sources\">");
            speakers.forEach((name, qs) -> {
                h.append("<li><bdi>").append(text(name)).append("</bdi> ");
                quoteRefs(h, qs);
                java.util.Set<String> v = vias.get(name);
                if (v != null) h.append(" <span class=\"in\">via ").append(text(String.join("; ", v))).append("</span>");
                h.append("</li>");
            });
            h.append("</ul>");
        }
        if (!works.isEmpty()) {
            h.append("<h3>Works</h3><ul class=\"sources\">");
            works.forEach((key, qs) -> {
                String[] tw = key.split("\u0000", -1);
                h.append("<li><i>").append(text(tw[0])).append("</i>").append(tw[1].isEmpty() ? "" : ", " + text(tw[1])).append(' ');
                quoteRefs(h, qs);
                h.append("</li>");
            });
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    /**
     * Sources that look independent but are one: reuse items of a same-source kind and "not-independent" flags,
     * read generically from the edition so whatever the reuse stage records shows here.
     */
    private void independence(StringBuilder h) {
        Map<String, Integer> byId = new HashMap<>();
        int qi = 0;
        for (JsonNode q : ed.array("quotes")) { String id = str(q, "id"); if (id != null) byId.putIfAbsent(id, qi); qi++; }
        StringBuilder items = new StringBuilder();
        int ri = 0;
        for (JsonNode r : ed.array("reuse")) {
            String kind = kindOf(r).toLowerCase(java.util.Locale.ROOT);
            if (kind.contains("same-source") || kind.contains("same source") || kind.contains("not-independent")) {
                items.append("<li class=\"collapse\"><span class=\"kind\">").append(text(kindOf(r))).append("</span> ");
                List<String> who = new ArrayList<>();
                int pj = 0;
                for (JsonNode part : array(r, "parts")) {
                    Integer q = byId.get(nz(str(part, "quote")));
                    JsonNode quote = q == null ? null : ed.array("quotes").get(q);
                    String label = quote == null ? nz(str(part, "document")) : nz(str(quote.path("speaker"), "name"));
                    String work = quote == null ? null : str(quote.path("work"), "title");
                    StringBuilder one = new StringBuilder();
                    String anchor = q != null && marked.rendered("q-" + q) ? "q-" + q : marked.rendered("r-" + ri + "-" + pj) ? "r-" + ri + "-" + pj : null;
                    String shown = (label.isEmpty() ? "unattributed" : text(label)) + (work == null ? "" : ", <i>" + text(work) + "</i>")
                            + (str(part, "quote") != null ? " (" + text(str(part, "quote")) + ")" : "");
                    if (anchor != null) one.append("<a class=\"jump\" href=\"#").append(anchor).append("\"")
                            .append(q != null && anchor.startsWith("q-") ? " data-q=\"" + q + "\"" : "").append(">").append(shown).append("</a>");
                    else one.append(shown);
                    who.add(one.toString());
                    pj++;
                }
                items.append(String.join(" and ", who)).append(who.size() > 1 ? " are one source" : " repeats a source");
                String t = null;
                for (JsonNode part : array(r, "parts")) if ((t = str(part, "text")) != null) break;
                if (t != null) items.append(": <span class=\"evtext\">“").append(text(t.length() > 160 ? t.substring(0, 160) + "…" : t)).append("”</span>");
                items.append("</li>");
            }
            ri++;
        }
        int fi = 0;
        for (JsonNode f : ed.array("flags")) {
            String type = nz(str(f, "type"));
            if (type.equals("not-independent") || type.equals("same-source")) {
                items.append("<li class=\"collapse\"><span class=\"kind\">not independent</span> ").append(text(nz(str(f, "message"))));
                if (marked.rendered("f-" + fi)) items.append(" <a href=\"#f-").append(fi).append("\">show</a>");
                items.append("</li>");
            }
            fi++;
        }
        if (items.length() > 0) h.append("<h3>Not independent</h3><ul class=\"sources independence\">").append(items).append("</ul>");
    }

    private void quoteRefs(StringBuilder h, List<Integer> qs) {
        h.append("<span class=\"n\">").append(qs.size()).append(qs.size() == 1 ? " quote:" : " quotes:").append("</span>");
        for (int q : qs) {
            String label = text(nz(str(ed.array("quotes").get(q), "id")));
            h.append(' ').append(marked.rendered("q-" + q) ? "<a href=\"#q-" + q + "\" data-q=\"" + q + "\">" + label + "</a>" : label);
        }
    }

    private void citations(StringBuilder h) {
        JsonNode cites = ed.array("citations");
        h.append("<section id=\"citations\" class=\"list\"><h2>Citations <span class=\"n\">").append(cites.size()).append("</span></h2>");
        if (cites.size() == 0) { h.append("<p class=\"none\">No citations found.</p></section>\n"); return; }
        h.append("<ol>");
        int ci = 0;
        for (JsonNode c : cites) {
            h.append("<li>").append(link("c-" + ci++, text(nz(str(c, "text"))))).append(" <span class=\"kind\">")
                    .append(text(nz(str(c, "kind")))).append("</span>");
            String resolved = citationTitle(c);
            if (!resolved.isEmpty()) h.append(" <span class=\"cite\">").append(text(resolved)).append("</span>");
            List<String> flags = strings(c, "flags");
            if (!flags.isEmpty()) h.append(" <span class=\"flag\">⚑ ").append(text(String.join(", ", flags))).append("</span>");
            h.append("</li>");
        }
        h.append("</ol></section>\n");
    }

    private static String citationTitle(JsonNode c) {
        List<String> l = nonNull(str(c, "author"), str(c, "title"), str(c, "place"), str(c, "year"),
                str(c, "pages") == null ? null : "pp. " + str(c, "pages"),
                str(c, "resolves_to") == null ? null : "= " + str(c, "resolves_to"));
        return String.join(", ", l);
    }

    private void people(StringBuilder h) {
        JsonNode ents = ed.array("entities");
        h.append("<section id=\"people\" class=\"list\"><h2>People, places, organisations <span class=\"n\">").append(ents.size()).append("</span></h2>");
        if (ents.size() == 0) { h.append("<p class=\"none\">No names found.</p></section>\n"); return; }
        h.append("<ul class=\"ents\">");
        int ei = 0;
        for (JsonNode e : ents) {
            h.append("<li id=\"person-").append(ei).append("\"><a class=\"ename\" href=\"#card-e-").append(ei).append("\" data-e=\"").append(ei)
                    .append("\"><bdi>").append(text(nz(str(e, "name")))).append("</bdi></a> <span class=\"etype\">").append(text(nz(str(e, "type"))))
                    .append("</span> <span class=\"n\">").append(array(e, "mentions").size()).append("×</span>");
            entityFacts(h, e);
            mentionList(h, e, ei);
            h.append("</li>");
            ei++;
        }
        h.append("</ul></section>\n");
    }

    private void dates(StringBuilder h) {
        JsonNode dates = ed.array("dates");
        h.append("<section id=\"dates\" class=\"list\"><h2>Dates <span class=\"n\">").append(dates.size()).append("</span></h2>");
        if (dates.size() == 0) { h.append("<p class=\"none\">No dates found.</p></section>\n"); return; }
        h.append("<ol>");
        int di = 0;
        for (JsonNode d : dates) {
            h.append("<li>").append(link("d-" + di++, text(nz(str(d, "text"))))).append(" <code>")
                    .append(text(nz(str(d, "value")))).append("</code>");
            if (str(d, "mod") != null) h.append(" <span class=\"mod\">").append(text(str(d, "mod"))).append("</span>");
            String anchor = str(d.path("anchor"), "text");
            if (anchor != null) h.append(" <span class=\"anchor\">from “").append(text(anchor)).append("”</span>");
            h.append("</li>");
        }
        h.append("</ol></section>\n");
    }

    /**
     * A strip with one tick per datable expression, placed by year (view.js positions them; without it they line up)
     * at the middle of what it names (a week, a quarter, a decade); durations ("three days") and sets ("every
     * week") are no points in time, so they are listed under the strip instead of placed on it.
     */
    private void timeline(StringBuilder h) {
        record Tick(int index, double when, String label, String title) {}
        List<Tick> ticks = new ArrayList<>();
        StringBuilder listed = new StringBuilder();
        int di = 0;
        for (JsonNode d : ed.array("dates")) {
            String v = str(d, "value"), type = str(d, "type");
            if ("DURATION".equals(type) || "SET".equals(type) || type == null && v != null && v.startsWith("P")) {
                if (v != null) {
                    String item = nz(str(d, "text")) + " = " + v;
                    listed.append("<li class=\"").append("SET".equals(type) ? "set" : "duration").append("\">")
                            .append(marked.rendered("d-" + di) ? "<a href=\"#d-" + di + "\">" + text(item) + "</a>" : text(item)).append("</li>");
                }
                di++;
                continue;
            }
            Matcher m = v == null ? null : YEAR.matcher(v);
            if (m != null && m.find()) {
                boolean decade = m.group(2).equals("X");
                int year = Integer.parseInt(m.group(1) + (decade ? "0" : m.group(2)));
                TimelineView.When w = TimelineView.parse(v);
                double when = w != null ? (w.from() + w.to()) / 2
                        : year + (decade ? 5 : m.group(3) != null ? (Integer.parseInt(m.group(3)) - 0.5) / 12.0 : 0.5);
                ticks.add(new Tick(di, when, decade ? m.group(1) + "0s" : String.valueOf(year), nz(str(d, "text")) + " = " + v));
            }
            di++;
        }
        if (ticks.isEmpty() && listed.length() > 0) {
            h.append("<nav class=\"timeline\" aria-label=\"Dates in this thread\"><span class=\"what\">Dates</span>")
                    .append("<ul class=\"spans\" title=\"lengths and repetitions, not points in time\">").append(listed).append("</ul></nav>\n");
            return;
        }
        if (ticks.isEmpty()) return;
        ticks.sort(java.util.Comparator.comparingDouble(Tick::when));
        // A broken axis: long empty stretches (say between the events of 1937 and a post of 2003) shrink to a
        // fixed gap, marked on the strip, so that close dates stay apart.
        double[] at = new double[ticks.size()];
        List<Double> breaks = new ArrayList<>();
        for (int i = 1; i < ticks.size(); i++) {
            double gap = ticks.get(i).when() - ticks.get(i - 1).when();
            if (gap > MAX_GAP) breaks.add(at[i - 1] + MAX_GAP / 2);
            at[i] = at[i - 1] + Math.min(gap, MAX_GAP);
        }
        double span = Math.max(at[at.length - 1], 1e-9);
        h.append("<nav class=\"timeline\" aria-label=\"Dates in this thread\"><span class=\"what\">Dates</span><div class=\"strip\">");
        for (double b : breaks)
            h.append("<span class=\"gap\" data-x=\"").append(String.format(java.util.Locale.ROOT, "%.4f", b / span)).append("\" title=\"years with no dates\">//</span>");
        for (int i = 0; i < ticks.size(); i++) {
            Tick t = ticks.get(i);
            boolean shown = marked.rendered("d-" + t.index());
            h.append(shown ? "<a class=\"tick\" href=\"#d-" + t.index() + "\"" : "<span class=\"tick\"").append(" data-x=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.4f", at[i] / span))
                    .append("\" title=\"").append(attr(t.title())).append("\">").append(text(t.label())).append(shown ? "</a>" : "</span>");
        }
        h.append("</div>");
        if (listed.length() > 0)
            h.append("<ul class=\"spans\" title=\"lengths and repetitions, not points in time\">").append(listed).append("</ul>");
        h.append("</nav>\n");
    }

    private void reuse(StringBuilder h) {
        JsonNode reuse = ed.array("reuse");
        h.append("<section id=\"reuse\" class=\"list\"><h2>Reused text <span class=\"n\">").append(reuse.size()).append("</span></h2>");
        if (reuse.size() == 0) { h.append("<p class=\"none\">No repeated passages found.</p></section>\n"); return; }
        h.append("<ol>");
        int ri = 0;
        for (JsonNode r : reuse) {
            h.append("<li><span class=\"kind\">").append(text(kindOf(r))).append("</span>");
            Double sim = num(r, "similarity");
            if (sim != null) h.append(" <span class=\"conf\">").append(Math.round(sim * 100)).append("% alike</span>");
            h.append("<ol class=\"parts\">");
            int pj = 0;
            for (JsonNode p : array(r, "parts")) {
                String t = nz(str(p, "text"));
                String snippet = t.length() > 160 ? t.substring(0, 160) + "…" : t;
                h.append("<li>");
                String doc = str(p, "document");
                h.append(link("r-" + ri + "-" + pj, "“" + text(snippet) + "”"));
                if (doc != null) h.append(" <span class=\"in\">in ").append(text(doc)).append("</span>");
                String post = str(p, "post");
                if (post != null) h.append(" <span class=\"in\">post ").append(text(post)).append("</span>");
                h.append("</li>");
                pj++;
            }
            h.append("</ol></li>");
            ri++;
        }
        h.append("</ol></section>\n");
    }

    private void flags(StringBuilder h) {
        JsonNode docFlags = ed.array("flags");
        StringBuilder items = new StringBuilder();
        int fi = 0;
        for (JsonNode f : docFlags) {
            items.append("<li id=\"flag-").append(fi).append("\"><b>").append(text(nz(str(f, "type")))).append("</b> ").append(text(nz(str(f, "message"))));
            if (marked.rendered("f-" + fi)) items.append(" <a href=\"#f-").append(fi).append("\">show</a>");
            items.append("</li>");
            fi++;
        }
        int qi = 0, total = docFlags.size();
        for (JsonNode q : ed.array("quotes")) {
            for (JsonNode f : array(q, "flags")) {
                items.append("<li><b>").append(text(nz(str(f, "type")))).append("</b> ").append(text(nz(str(f, "message")))).append(' ')
                        .append(marked.rendered("q-" + qi) ? "<a href=\"#q-" + qi + "\" data-q=\"" + qi + "\">quote " + text(nz(str(q, "id"))) + "</a>"
                                : "quote " + text(nz(str(q, "id")))).append("</li>");
                total++;
            }
            qi++;
        }
        h.append("<section id=\"flags\" class=\"list\"><h2>Flags <span class=\"n\">").append(total).append("</span></h2>");
        if (total == 0) h.append("<p class=\"none\">Nothing flagged.</p>");
        else h.append("<ul class=\"flags\">").append(items).append("</ul>");
        h.append("</section>\n");
    }

    // ---- small helpers

    private static String kindClass(String kind) {
        return kind == null ? "other" : switch (kind) { case "passage", "scare", "title", "phrase" -> kind; default -> "other"; };
    }

    private static String cssToken(String s) {
        return s == null || !s.matches("[a-z]{1,20}") ? "other" : s;
    }

    private static String kindOf(JsonNode r) { return str(r, "kind") == null ? "reuse" : str(r, "kind"); }

    private static String nz(String s) { return s == null ? "" : s; }

    private static List<String> nonNull(String... xs) {
        List<String> l = new ArrayList<>();
        for (String x : xs) if (x != null) l.add(x);
        return l;
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> l = new ArrayList<>();
        for (JsonNode v : array(n, field)) if (v.isValueNode() && !v.isNull()) l.add(v.asText());
        return l;
    }
}
