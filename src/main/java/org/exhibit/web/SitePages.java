package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;

import static org.exhibit.web.Edition.array;
import static org.exhibit.web.Edition.str;
import static org.exhibit.web.Html.text;

/** The list of threads, the error page, and the head every page shares. */
final class SitePages {
    private SitePages() {}

    static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"same-origin\">\n")
                .append("<title>").append(text(title)).append(" · Exhibit</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/view.css\">\n")
                .append("<script src=\"/static/view.js\" defer></script>\n</head>\n");
    }

    static String index(ThreadStore store) { return index(store, null, false); }

    static String index(ThreadStore store, CorpusView corpus, boolean uploads) {
        StringBuilder h = new StringBuilder(4096);
        head(h, "Threads");
        h.append("<body class=\"index\">\n<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a> <span class=\"sep\">›</span> threads")
                .append("<span class=\"meta\">");
        if (corpus != null) h.append("<a href=\"/search\">Search</a> · <a href=\"/people\">People</a> · <a href=\"/works\">Works</a> · <a href=\"/reuse\">Reuse</a> · ");
        if (uploads) h.append("<a href=\"/new\">Open a thread</a> · ");
        h.append("<a href=\"/api/threads\">JSON</a></span></header>\n<main class=\"wide\">\n");
        if (corpus != null) corpus(h, corpus);
        if (store.size() == 0 && corpus != null) {
            // the corpus is the content
        } else if (store.size() == 0) {
            h.append("<p class=\"none\">No threads to show.</p>\n");
        } else {
            h.append("<table class=\"threads\"><thead><tr><th>Thread</th><th>Format</th><th>First post</th>")
                    .append("<th>Posts</th><th>Quotes</th><th>Names</th><th>Dates</th><th>Flags</th></tr></thead><tbody>\n");
            for (ThreadStore.Entry e : store.all()) {
                JsonNode ed = e.edition();
                JsonNode first = array(ed, "posts").size() > 0 ? array(ed, "posts").get(0) : null;
                String who = first == null ? null : str(first, "author"), when = first == null ? null : str(first, "published");
                h.append("<tr><td><a href=\"/threads/").append(e.id()).append("\"><bdi>").append(text(e.name())).append("</bdi></a></td><td>")
                        .append(text(str(ed.path("source"), "format"))).append("</td><td><bdi>").append(text(who)).append("</bdi> ")
                        .append(text(when == null ? "" : when.replace('T', ' '))).append("</td>");
                for (String f : new String[]{"posts", "quotes", "entities", "dates", "flags"})
                    h.append("<td class=\"n\">").append(array(ed, f).size()).append("</td>");
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void corpus(StringBuilder h, CorpusView corpus) {
        var docs = corpus.documents();
        h.append("<h2>Corpus <span class=\"n\">").append(docs.size()).append(docs.size() == 1 ? " document" : " documents").append("</span></h2>")
                .append("<form method=\"get\" action=\"/search\" class=\"search\" role=\"search\"><input type=\"search\" name=\"q\" size=\"50\" ")
                .append("placeholder=\"Search the corpus\"> <button type=\"submit\">Search</button></form>\n");
        h.append("<table class=\"threads\"><thead><tr><th>Document</th><th>Format</th><th>Posts</th><th>Quotes</th></tr></thead><tbody>\n");
        int shown = 0;
        for (CorpusView.Doc d : docs) {
            if (shown++ >= CorpusView.LIMIT) break;
            h.append("<tr><td><a href=\"/threads/").append(d.id()).append("\"><bdi>").append(text(CorpusView.shortName(d.path()))).append("</bdi></a></td><td>")
                    .append(text(d.format())).append("</td><td class=\"n\">").append(d.posts()).append("</td><td class=\"n\">").append(d.quotes()).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (docs.size() > CorpusView.LIMIT) h.append("<p class=\"none\">The first ").append(CorpusView.LIMIT).append(" are listed; search finds the rest.</p>");
        h.append("<h2>Threads</h2>\n");
    }

    static String error(int status, String message) {
        StringBuilder h = new StringBuilder(1024);
        head(h, String.valueOf(status));
        h.append("<body class=\"error\">\n<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a></header>\n<main class=\"wide\"><h1>")
                .append(status).append("</h1><p>").append(text(message)).append("</p><p><a href=\"/\">All threads</a></p></main>\n</body>\n</html>\n");
        return h.toString();
    }
}
