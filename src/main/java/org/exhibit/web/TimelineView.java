package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.output.Provenance;
import org.exhibit.output.Provenance.Kind;
import org.exhibit.output.Provenance.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.exhibit.web.Edition.array;
import static org.exhibit.web.Edition.str;
import static org.exhibit.web.GraphView.f;
import static org.exhibit.web.Html.attr;
import static org.exhibit.web.Html.text;

/**
 * When the sources speak of, when they were written, when they were posted: one row per source, with the TIMEX3
 * dates its passages speak of (a dot for a day or month, a bar for a year, season, decade or range, hollow when
 * approximate), the year its work is dated (a diamond), its speaker's life (a line), and a last row of post dates.
 * A passage that speaks of a time after its own source's date (the work's year, the speaker's death, the post it
 * is in) is drawn red and listed: a possible anachronism, for the reader to judge. Long empty stretches of the axis
 * are cut short, as on the date strip.
 */
final class TimelineView {
    static final int WIDTH = 1180, LABEL = 236, ROW = 21, TOP = 26, MAX_ROWS = 30;
    static final double MAX_GAP = 3;
    private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?(?:T[\\d:.]*)?$");
    private static final Pattern SEASON = Pattern.compile("^(\\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$");
    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})");
    private static final Pattern DECADE = Pattern.compile("^(\\d{3})X$");
    private static final Pattern CENTURY = Pattern.compile("^(\\d{2})XX$");
    private static final Pattern LIFE = Pattern.compile("(\\d{3,4})\\s*[-–]\\s*(\\d{3,4})");

    /** A stretch of time in fractional years, and how precise it is. */
    record When(double from, double to, boolean point) {}

    record Mark(int date, int quote, When when, String problem) {}

    static final class Row {
        final int node; // -1: the posters' own words
        final String label;
        final List<Mark> marks = new ArrayList<>();
        Integer year;
        String yearProblem;
        double[] life;
        double sortKey = Double.MAX_VALUE;

        Row(int node, String label) { this.node = node; this.label = label; }
    }

    private final Edition ed;
    private final Provenance g;
    private final Map<Integer, Row> rows = new LinkedHashMap<>();
    private final List<double[]> posted = new ArrayList<>(); // [year, post index]
    final List<String> problems = new ArrayList<>(); // escaped HTML items
    private final double[] postWhen;

    TimelineView(Edition ed, Provenance g) {
        this.ed = ed;
        this.g = g;
        JsonNode posts = ed.array("posts");
        postWhen = new double[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            When w = parse(str(posts.get(i), "published"));
            postWhen[i] = w == null ? Double.NaN : w.from();
            if (w != null) posted.add(new double[]{w.from(), i});
        }
        assign();
    }

    boolean empty() { return rows.isEmpty() && posted.isEmpty(); }

    /** A TIMEX3 value as a stretch of time, or null for what has no place on a line (durations, references). */
    static When parse(String v) {
        if (v == null) return null;
        int slash = v.indexOf('/');
        if (slash > 0) {
            When a = parse(v.substring(0, slash)), b = parse(v.substring(slash + 1));
            return a == null || b == null || b.to() < a.from() ? null : new When(a.from(), b.to(), false);
        }
        Matcher m = DATE.matcher(v);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            if (m.group(2) == null) return new When(y, y + 1, false);
            int mo = Math.max(1, Math.min(12, Integer.parseInt(m.group(2))));
            if (m.group(3) == null) return new When(y + (mo - 1) / 12.0, y + mo / 12.0, true);
            int d = Math.max(1, Math.min(31, Integer.parseInt(m.group(3))));
            double at = y + (mo - 1) / 12.0 + (d - 1) / 372.0;
            return new When(at, at + 1 / 372.0, true);
        }
        if ((m = SEASON.matcher(v)).matches()) {
            int y = Integer.parseInt(m.group(1));
            double[] se = switch (m.group(2)) {
                case "WI" -> new double[]{0, .17}; case "SP" -> new double[]{.17, .42}; case "SU" -> new double[]{.42, .67};
                case "FA" -> new double[]{.67, .92}; case "H1" -> new double[]{0, .5}; case "H2" -> new double[]{.5, 1};
                default -> { int q = m.group(2).charAt(1) - '1'; yield new double[]{q / 4.0, (q + 1) / 4.0}; }
            };
            return new When(y + se[0], y + se[1], false);
        }
        if ((m = WEEK.matcher(v)).find()) {
            double at = Integer.parseInt(m.group(1)) + (Integer.parseInt(m.group(2)) - 1) / 52.0;
            return new When(at, at + 1 / 52.0, true);
        }
        if ((m = DECADE.matcher(v)).matches()) { int y = Integer.parseInt(m.group(1)) * 10; return new When(y, y + 10, false); }
        if ((m = CENTURY.matcher(v)).matches()) { int y = Integer.parseInt(m.group(1)) * 100; return new When(y, y + 100, false); }
        return null;
    }

    /** Each date to the innermost drawn passage it lies in, in one sweep over spans sorted by start. */
    private void assign() {
        JsonNode quotes = ed.array("quotes"), dates = ed.array("dates");
        int nq = quotes.size(), nd = dates.size();
        int[][] qs = new int[nq][];
        int k = 0;
        for (int i = 0; i < nq; i++) { int[] s = ed.span(quotes.get(i)); if (s != null) qs[k++] = new int[]{s[0], s[1], i}; }
        int[][] qsorted = Arrays.copyOf(qs, k);
        Arrays.sort(qsorted, Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> -a[1]));
        int[][] ds = new int[nd][];
        k = 0;
        for (int i = 0; i < nd; i++) { int[] s = ed.span(dates.get(i)); if (s != null) ds[k++] = new int[]{s[0], s[1], i}; }
        int[][] dsorted = Arrays.copyOf(ds, k);
        Arrays.sort(dsorted, Comparator.comparingInt(a -> a[0]));
        int[][] bodies = postBodies();
        Deque<int[]> open = new ArrayDeque<>();
        int qp = 0;
        for (int[] d : dsorted) {
            while (qp < qsorted.length && qsorted[qp][0] <= d[0]) {
                while (!open.isEmpty() && open.peek()[1] <= qsorted[qp][0]) open.pop();
                open.push(qsorted[qp++]);
            }
            while (!open.isEmpty() && open.peek()[1] < d[1] && open.peek()[1] <= d[0]) open.pop();
            int quote = -1;
            for (int[] q : open) if (q[0] <= d[0] && d[1] <= q[1] && g.witness.containsKey(q[2])) { quote = q[2]; break; }
            JsonNode date = dates.get(d[2]);
            When w = parse(str(date, "value"));
            if (w == null) continue;
            if (quote < 0) {
                if (!inside(bodies, d[0])) continue; // a timestamp line, not words of the thread
                rows.computeIfAbsent(-1, n -> new Row(-1, "in the posters’ own words")).marks.add(new Mark(d[2], -1, w, null));
                continue;
            }
            Node node = g.nodes.get(g.witness.get(quote));
            Row row = rows.computeIfAbsent(node.index, n -> row(node));
            row.marks.add(new Mark(d[2], quote, w, problem(node, quote, w, str(date, "text"))));
        }
        // Works with a year and no dated passage still show when they were written.
        for (Node n : g.nodes) if (n.kind == Kind.WORK && n.year != null) rows.computeIfAbsent(n.index, i -> row(n));
        for (Row r : rows.values()) {
            if (r.node < 0) continue;
            Node n = g.nodes.get(r.node);
            if (n.year == null) continue;
            // A work dated after a post that quotes it.
            for (int q : n.quotes) {
                List<Integer> path = g.paths.get(q);
                Node last = g.nodes.get(path.get(path.size() - 1));
                if (last.kind == Kind.POST && last.post < postWhen.length && !Double.isNaN(postWhen[last.post]) && n.year > Math.floor(postWhen[last.post])) {
                    r.yearProblem = "dated " + n.year + ", after the post that quotes it (" + text(last.label) + ")";
                    problems.add("<b>" + text(n.label) + "</b> is " + r.yearProblem);
                    break;
                }
            }
        }
    }

    private Row row(Node n) {
        Row r = new Row(n.index, n.label);
        r.year = n.year;
        if (n.years != null) {
            Matcher m = LIFE.matcher(n.years);
            if (m.find()) r.life = new double[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + 1};
        }
        if (n.kind == Kind.POST && n.post >= 0 && n.post < postWhen.length && !Double.isNaN(postWhen[n.post])) r.year = null;
        return r;
    }

    /** Why a date is out of its source's time, or null. Escaped HTML. */
    private String problem(Node source, int quote, When w, String said) {
        JsonNode q = g.quote(quote);
        String id = str(q, "id");
        String where = "quote " + text(id == null ? String.valueOf(quote) : id);
        int start = (int) Math.floor(w.from() + 1e-9);
        String p = null;
        if (source.year != null && start > source.year) p = "speaks of " + start + ", after its work’s date (" + source.year + ")";
        Node speaker = g.nodes.get(g.paths.get(quote).get(0));
        if (p == null && speaker.kind == Kind.SPEAKER && speaker.years != null) {
            Matcher m = LIFE.matcher(speaker.years);
            if (m.find() && start > Integer.parseInt(m.group(2))) p = "speaks of " + start + ", after the speaker’s death (" + m.group(2) + ")";
        }
        if (p == null) {
            List<Integer> path = g.paths.get(quote);
            Node post = g.nodes.get(path.get(path.size() - 1));
            if (post.kind == Kind.POST && post.post < postWhen.length && !Double.isNaN(postWhen[post.post]) && w.from() > postWhen[post.post] + 1e-6)
                p = "speaks of a time after it was posted";
            if (p == null && source.kind == Kind.POST && source.post < postWhen.length && !Double.isNaN(postWhen[source.post]) && w.from() > postWhen[source.post] + 1e-6)
                p = "speaks of a time after the post it reproduces";
        }
        if (p != null) problems.add("<a href=\"#q-" + quote + "\" data-q=\"" + quote + "\">" + where + "</a> (<b>" + text(source.label) + "</b>) " + p
                + (said == null ? "" : ": “" + text(said) + "”"));
        return p;
    }

    private int[][] postBodies() {
        JsonNode posts = ed.array("posts");
        List<int[]> l = new ArrayList<>();
        for (JsonNode p : posts) { int[] s = ed.span(p); if (s != null) l.add(s); }
        if (posts.size() == 0) l.add(new int[]{0, ed.text.length()});
        l.sort(Comparator.comparingInt(a -> a[0]));
        return l.toArray(new int[0][]);
    }

    private static boolean inside(int[][] bodies, int at) {
        int lo = 0, hi = bodies.length - 1, found = -1;
        while (lo <= hi) { int mid = (lo + hi) >>> 1; if (bodies[mid][0] <= at) { found = mid; lo = mid + 1; } else hi = mid - 1; }
        return found >= 0 && at < bodies[found][1];
    }

    // ---- drawing

    String svg() {
        List<Row> shown = new ArrayList<>();
        Row own = rows.get(-1);
        for (Row r : rows.values()) {
            if (r.node < 0) continue;
            for (Mark m : r.marks) r.sortKey = Math.min(r.sortKey, m.when().from());
            if (r.year != null) r.sortKey = Math.min(r.sortKey, r.year);
            shown.add(r);
        }
        shown.sort(Comparator.comparingDouble((Row r) -> r.sortKey).thenComparing(r -> r.label));
        if (shown.size() > MAX_ROWS) {
            Row other = new Row(-2, (shown.size() - MAX_ROWS + 1) + " other sources");
            for (Row r : shown.subList(MAX_ROWS - 1, shown.size())) other.marks.addAll(r.marks);
            shown = new ArrayList<>(shown.subList(0, MAX_ROWS - 1));
            shown.add(other);
        }
        if (own != null) shown.add(own);
        // The axis: every time drawn, with long empty stretches cut short.
        TreeSet<Double> times = new TreeSet<>();
        for (Row r : shown) {
            for (Mark m : r.marks) { times.add(m.when().from()); times.add(m.when().to()); }
            if (r.year != null) { times.add((double) r.year); times.add(r.year + 1.0); }
            if (r.life != null) times.add(r.life[1]);
        }
        for (double[] p : posted) times.add(p[0]);
        if (times.isEmpty()) return "";
        double lo = Math.floor(times.first()), hi = Math.ceil(times.last() + 1e-9);
        if (hi - lo < 1) hi = lo + 1;
        times.add(lo);
        times.add(hi);
        double[] knots = times.stream().mapToDouble(Double::doubleValue).toArray();
        double[] at = new double[knots.length];
        List<Double> breaks = new ArrayList<>();
        for (int i = 1; i < knots.length; i++) {
            double gap = knots[i] - knots[i - 1];
            if (gap > MAX_GAP) breaks.add(at[i - 1] + MAX_GAP / 2);
            at[i] = at[i - 1] + Math.min(gap, MAX_GAP);
        }
        double span = Math.max(at[at.length - 1], 1e-9);
        double x0 = LABEL + 10, x1 = WIDTH - 16;
        Axis axis = new Axis(knots, at, span, x0, x1);
        int rowsN = shown.size() + (posted.isEmpty() ? 0 : 1);
        int h = TOP + rowsN * ROW + 26;
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"tl\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(h).append("\" role=\"group\" aria-label=\"Timeline of the sources\">\n");
        // Year ticks, labelled where there is room.
        double lastLabel = -1e9;
        int axisY = TOP + rowsN * ROW + 4;
        s.append("<line class=\"tl-axis\" x1=\"").append(f(x0)).append("\" y1=\"").append(axisY).append("\" x2=\"").append(f(x1)).append("\" y2=\"").append(axisY).append("\"/>");
        for (int year = (int) Math.ceil(lo - 1e-9); year <= (int) Math.floor(hi + 1e-9); year++) {
            if (inCut(knots, year)) continue;
            double x = axis.x(year);
            if (x - lastLabel < 38) continue;
            s.append("<line class=\"tl-grid\" x1=\"").append(f(x)).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(f(x)).append("\" y2=\"").append(axisY + 3).append("\"/>");
            s.append("<text class=\"tl-year\" x=\"").append(f(x)).append("\" y=\"").append(axisY + 15).append("\">").append(year).append("</text>");
            lastLabel = x;
        }
        for (double b : breaks) {
            double x = x0 + b / span * (x1 - x0);
            s.append("<text class=\"tl-break\" x=\"").append(f(x)).append("\" y=\"").append(axisY + 4).append("\">//</text>");
        }
        s.append("<text class=\"tl-head\" x=\"4\" y=\"14\">source</text><text class=\"tl-head\" x=\"").append(f(x0)).append("\" y=\"14\">the times its passages speak of, its own date, its speaker’s life</text>\n");
        int r = 0;
        for (Row row : shown) {
            double cy = TOP + r * ROW + ROW / 2.0;
            s.append("<g class=\"tl-row").append(row.node < 0 ? " own" : "").append("\"").append(row.node >= 0 ? " data-n=\"" + row.node + "\"" : "").append(">");
            s.append("<line class=\"tl-rule\" x1=\"4\" y1=\"").append(f(cy + ROW / 2.0)).append("\" x2=\"").append(f(x1)).append("\" y2=\"").append(f(cy + ROW / 2.0)).append("\"/>");
            String kind = row.node >= 0 ? g.nodes.get(row.node).kind.token : "own";
            s.append("<text class=\"tl-label k-").append(kind).append("\" x=\"4\" y=\"").append(f(cy + 4)).append("\"><title>").append(attr(row.label)).append("</title>")
                    .append(attr(Provenance.shorten(row.label, (int) ((LABEL - 10) / GraphView.CHAR)))).append("</text>");
            if (row.life != null) {
                double a = axis.x(Math.max(row.life[0], knots[0])), b = axis.x(Math.min(row.life[1], knots[knots.length - 1]));
                if (b > a) s.append("<line class=\"tl-life\" x1=\"").append(f(a)).append("\" y1=\"").append(f(cy)).append("\" x2=\"").append(f(b)).append("\" y2=\"").append(f(cy))
                        .append("\"><title>").append(attr(row.label + ": " + g.nodes.get(row.node).years)).append("</title></line>");
            }
            if (row.year != null) {
                double x = axis.x(row.year + 0.5);
                s.append("<path class=\"tl-own").append(row.yearProblem != null ? " anachronism" : "").append("\" d=\"M").append(f(x)).append(',').append(f(cy - 6))
                        .append(" l6,6 l-6,6 l-6,-6 z\"><title>").append(attr(row.label + ": dated " + row.year + (row.yearProblem != null ? " — " + row.yearProblem.replaceAll("<[^>]*>", "") : ""))).append("</title></path>");
            }
            for (Mark m : row.marks) mark(s, m, axis, cy);
            s.append("</g>\n");
            r++;
        }
        if (!posted.isEmpty()) {
            double cy = TOP + r * ROW + ROW / 2.0;
            s.append("<g class=\"tl-row posted\"><text class=\"tl-label k-post\" x=\"4\" y=\"").append(f(cy + 4)).append("\">posted</text>");
            for (double[] p : posted) {
                double x = axis.x(p[0]);
                JsonNode post = ed.array("posts").get((int) p[1]);
                s.append("<line class=\"tl-post\" x1=\"").append(f(x)).append("\" y1=\"").append(f(cy - 6)).append("\" x2=\"").append(f(x)).append("\" y2=\"").append(f(cy + 6))
                        .append("\"><title>").append(attr(nz(str(post, "id")) + " · " + nz(str(post, "author")) + " · " + nz(str(post, "published")).replace('T', ' '))).append("</title></line>");
            }
            s.append("</g>\n");
        }
        s.append("</svg>");
        return s.toString();
    }

    /** Whether a year lies well inside a stretch the axis cuts short (its ends are labelled, its inside is not). */
    private static boolean inCut(double[] knots, int year) {
        int i = Arrays.binarySearch(knots, year);
        if (i >= 0) return false;
        int hi = -i - 1;
        if (hi <= 0 || hi >= knots.length) return false;
        double a = knots[hi - 1], b = knots[hi];
        return b - a > MAX_GAP && year > Math.ceil(a) && year < Math.floor(b);
    }

    private void mark(StringBuilder s, Mark m, Axis axis, double cy) {
        JsonNode d = ed.array("dates").get(m.date());
        String mod = str(d, "mod");
        double a = axis.x(m.when().from()), b = axis.x(m.when().to());
        String cls = "tl-mark" + (mod != null ? " approx" : "") + (m.problem() != null ? " anachronism" : "");
        s.append("<g class=\"").append(cls).append("\"");
        if (m.quote() >= 0) s.append(" data-q=\"").append(m.quote()).append("\" data-qs=\"").append(m.quote()).append("\"");
        s.append("><title>").append(attr("“" + nz(str(d, "text")) + "” = " + nz(str(d, "value")) + (mod == null ? "" : " (" + mod + ")")
                + (m.quote() >= 0 ? ", in quote " + nz(str(g.quote(m.quote()), "id")) : "")
                + (m.problem() != null ? " — possible anachronism: " + m.problem() : ""))).append("</title>");
        if (m.when().point() || b - a < 6) {
            s.append("<circle cx=\"").append(f((a + b) / 2)).append("\" cy=\"").append(f(cy)).append("\" r=\"4\"/>");
        } else {
            s.append("<rect x=\"").append(f(a)).append("\" y=\"").append(f(cy - 4)).append("\" width=\"").append(f(b - a)).append("\" height=\"8\" rx=\"2\"/>");
        }
        s.append("</g>");
    }

    /** Piecewise linear: each knot at its cut-short place. */
    record Axis(double[] knots, double[] at, double span, double x0, double x1) {
        double x(double t) {
            int i = Arrays.binarySearch(knots, t);
            double p;
            if (i >= 0) p = at[i];
            else {
                int hi = -i - 1;
                if (hi <= 0) p = at[0];
                else if (hi >= knots.length) p = at[at.length - 1];
                else {
                    int lo = hi - 1;
                    p = at[lo] + (t - knots[lo]) / (knots[hi] - knots[lo]) * (at[hi] - at[lo]);
                }
            }
            return x0 + p / span * (x1 - x0);
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
