package org.exhibit.web;

import org.exhibit.output.Provenance;
import org.exhibit.output.Provenance.Edge;
import org.exhibit.output.Provenance.Kind;
import org.exhibit.output.Provenance.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.exhibit.web.GraphView.BOX_H;
import static org.exhibit.web.GraphView.CHAR;
import static org.exhibit.web.GraphView.PAD;
import static org.exhibit.web.GraphView.f;
import static org.exhibit.web.GraphView.list;
import static org.exhibit.web.Html.attr;

/**
 * The provenance graph folded by poster, for threads of many posts: on the left whom the thread quotes (posters
 * whose posts are reproduced, and the speakers, works and hands quoted directly), on the right the posters who
 * quote them, one link per pair with the number of passages. The full graph stays below it.
 */
final class PosterView {
    static final int MANY_POSTS = 24, ROW = 22, TOP = 30, MAX_ROWS = 40, COL = 250, SPAN = 300;

    private static final class Side {
        final String key, label, kind;
        final TreeSet<Integer> quotes = new TreeSet<>();
        int weight;
        int row;

        Side(String key, String label, String kind) { this.key = key; this.label = label; this.kind = kind; }
    }

    private PosterView() {}

    static boolean wanted(Provenance g) {
        int posts = 0;
        for (Node n : g.nodes) if (n.kind == Kind.POST) posts++;
        return posts > MANY_POSTS;
    }

    static String svg(Provenance g) {
        Map<String, Side> left = new LinkedHashMap<>(), right = new LinkedHashMap<>();
        Map<String, Side[]> pairs = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> pairQuotes = new LinkedHashMap<>();
        Map<String, Integer> pairWeight = new LinkedHashMap<>();
        java.util.Set<String> posters = new java.util.HashSet<>();
        for (Node n : g.nodes) if (n.kind == Kind.POST) posters.add(key(poster(n)));
        for (Edge e : g.edges) {
            Node a = g.nodes.get(e.from), b = g.nodes.get(e.to);
            if (b.kind != Kind.POST) continue;
            Side l;
            if (a.kind == Kind.POST) l = side(left, "poster:" + key(poster(a)), poster(a), "post");
            else if (a.kind == Kind.SPEAKER && posters.contains(key(a.label))) l = side(left, "poster:" + key(a.label), a.label, "post"); // a poster quoted by name
            else if (a.kind == Kind.UNNAMED && a.key.startsWith("unnamed:post:")) l = side(left, "unattributed", a.label, a.kind.token);
            else l = side(left, "node:" + a.index, a.label, a.kind.token);
            Side r = side(right, "poster:" + key(poster(b)), poster(b), "post");
            int w = e.weight();
            l.weight += w; r.weight += w;
            l.quotes.addAll(e.quotes); r.quotes.addAll(e.quotes);
            String k = l.key + "\u0000" + r.key;
            pairs.putIfAbsent(k, new Side[]{l, r});
            pairQuotes.computeIfAbsent(k, x -> new TreeSet<>()).addAll(e.quotes);
            pairWeight.merge(k, w, Integer::sum);
        }
        List<Side> ls = fold(new ArrayList<>(left.values()), "other sources"), rs = fold(new ArrayList<>(right.values()), "other posters");
        int rows = Math.max(ls.size(), rs.size());
        double height = TOP + rows * ROW + 10, width = 10 + COL + SPAN + COL + 10;
        double lx = 10, rx = 10 + COL + SPAN;
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"pg pg-posters\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(f(width)).append("\" height=\"").append(f(height))
                .append("\" viewBox=\"0 0 ").append(f(width)).append(' ').append(f(height)).append("\" role=\"group\" aria-label=\"Who quotes whom, by poster\">\n");
        s.append("<text class=\"pg-head\" x=\"").append(f(lx)).append("\" y=\"14\">quoted: posters and sources</text>")
                .append("<text class=\"pg-head\" x=\"").append(f(rx)).append("\" y=\"14\">quoting: posters</text>\n<g class=\"pg-edges\">");
        for (Map.Entry<String, Side[]> p : pairs.entrySet()) {
            Side l = p.getValue()[0], r = p.getValue()[1];
            Side lf = l.row >= 0 ? l : ls.get(ls.size() - 1), rf = r.row >= 0 ? r : rs.get(rs.size() - 1);
            int w = pairWeight.get(p.getKey());
            double ya = TOP + lf.row * ROW + BOX_H / 2.0, yb = TOP + rf.row * ROW + BOX_H / 2.0;
            double x0 = lx + COL, x1 = rx;
            double sw = Math.min(6, 1 + Math.log(w) / Math.log(2) * 0.9);
            s.append("<g class=\"pg-edge k-").append(l.kind.equals("post") ? "reproduces" : "quoted-in").append("\" data-qs=\"").append(list(pairQuotes.get(p.getKey())))
                    .append("\"><title>").append(attr(l.label + " → quoted by " + r.label + " (" + w + (w == 1 ? " passage" : " passages") + ")")).append("</title>");
            s.append("<path d=\"M").append(f(x0)).append(',').append(f(ya)).append(" C").append(f(x0 + SPAN / 2.0)).append(',').append(f(ya)).append(' ')
                    .append(f(x1 - SPAN / 2.0)).append(',').append(f(yb)).append(' ').append(f(x1 - 5)).append(',').append(f(yb)).append("\" stroke-width=\"").append(f(sw)).append("\"/>");
            s.append("<path class=\"pg-head-arrow\" d=\"M").append(f(x1)).append(',').append(f(yb)).append(" l-6,-3.5 l0,7 z\"/></g>");
        }
        s.append("</g>\n<g class=\"pg-nodes\">");
        for (Side l : ls) node(s, l, lx);
        for (Side r : rs) node(s, r, rx);
        s.append("</g>\n</svg>");
        return s.toString();
    }

    private static void node(StringBuilder s, Side side, double x) {
        double top = TOP + side.row * ROW;
        s.append("<g class=\"pg-node k-").append(side.kind).append("\" data-qs=\"").append(list(side.quotes)).append("\" tabindex=\"0\"><title>")
                .append(attr(side.label + " — " + side.weight + (side.weight == 1 ? " passage" : " passages"))).append("</title>");
        s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(top)).append("\" width=\"").append(COL).append("\" height=\"").append(BOX_H).append("\" rx=\"3\"/>");
        s.append("<rect class=\"pg-kind\" x=\"").append(f(x)).append("\" y=\"").append(f(top)).append("\" width=\"4\" height=\"").append(BOX_H).append("\"/>");
        int fits = (int) Math.floor((COL - PAD * 2 - 34) / CHAR);
        s.append("<text class=\"pg-label\" x=\"").append(f(x + PAD)).append("\" y=\"").append(f(top + 12.5)).append("\">").append(attr(Provenance.shorten(side.label, fits))).append("</text>");
        s.append("<text class=\"pg-count\" x=\"").append(f(x + COL - 5)).append("\" y=\"").append(f(top + 12.5)).append("\">").append(side.weight).append("</text></g>\n");
    }

    /** Heaviest first; past the row limit the rest are one row. Rows are numbered; folded sides get row -1. */
    private static List<Side> fold(List<Side> sides, String rest) {
        sides.sort(Comparator.comparingInt((Side x) -> -x.weight).thenComparing(x -> x.label.toLowerCase(Locale.ROOT)));
        List<Side> shown = new ArrayList<>();
        Side other = null;
        for (int i = 0; i < sides.size(); i++) {
            Side x = sides.get(i);
            if (i < MAX_ROWS - 1 || sides.size() <= MAX_ROWS) { x.row = shown.size(); shown.add(x); }
            else {
                if (other == null) { other = new Side("other", (sides.size() - MAX_ROWS + 1) + " " + rest, "unnamed"); other.row = shown.size(); }
                other.weight += x.weight;
                other.quotes.addAll(x.quotes);
                x.row = -1;
            }
        }
        if (other != null) shown.add(other);
        return shown;
    }

    private static Side side(Map<String, Side> m, String key, String label, String kind) {
        return m.computeIfAbsent(key, k -> new Side(k, label, kind));
    }

    private static String key(String name) { return name.strip().toLowerCase(Locale.ROOT); }

    private static String poster(Node post) {
        int dot = post.label.indexOf(" · ");
        return dot < 0 ? post.label : post.label.substring(dot + 3);
    }
}
