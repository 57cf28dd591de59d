package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;

import static org.exhibit.web.Edition.array;
import static org.exhibit.web.Edition.str;
import static org.exhibit.web.Html.text;

/** The list of threads, the error page, and the head every page shares. */
final class Pages {
    private Pages() {}

    static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>").append(text(title)).append(" · Exhibit</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/view.css\">\n")
                .append("<script src=\"/static/view.js\" defer></script>\n</head>\n");
    }

    static String index(ThreadStore store) {
        StringBuilder h = new StringBuilder(4096);
        head(h, "Threads");
        h.append("<body class=\"index\">\n<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a> <span class=\"sep\">›</span> threads")
                .append("<span class=\"meta\"><a href=\"/api/threads\">JSON</a></span></header>\n<main class=\"wide\">\n");
        if (store.size() == 0) {
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

    static String error(int status, String message) {
        StringBuilder h = new StringBuilder(1024);
        head(h, String.valueOf(status));
        h.append("<body class=\"error\">\n<header class=\"top\"><a class=\"home\" href=\"/\">Exhibit</a></header>\n<main class=\"wide\"><h1>")
                .append(status).append("</h1><p>").append(text(message)).append("</p><p><a href=\"/\">All threads</a></p></main>\n</body>\n</html>\n");
        return h.toString();
    }
}
