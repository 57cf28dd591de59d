package org.exhibit.web;

import org.exhibit.output.Provenance;
import org.exhibit.output.Provenance.Edge;
import org.exhibit.output.Provenance.Group;
import org.exhibit.output.Provenance.Kind;
import org.exhibit.output.Provenance.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.exhibit.web.Html.attr;

/**
 * The provenance graph drawn on the server as plain SVG, with a layered layout that is the same for the same
 * edition: posts in thread order form the right-hand column, each source sits in the column of its distance from
 * the post (the speaker of a passage quoted in a memoir that a review quoted lies further left than the review),
 * reproductions between posts are arcs to the right of the posts. Within a column the nodes are ordered by the
 * mean position of what they lead to and then placed as near to it as they can be without overlapping (a least
 * squares fit under minimum gaps), so labels never overlap: each node has its own row and labels are cut to the
 * column's width (the full label is the node's tooltip). Sources that are one sit together in their column inside a
 * box. Every label is escaped; the SVG has no script, style or links, only classes and data attributes the page's
 * script reads.
 */
final class GraphView {
    static final int ROW = 22, BOX_H = 17, GAP = 44, TOP = 30, GROUP_TOP = 16, GROUP_BOTTOM = 7, PAD = 8;
    static final double CHAR = 6.3; // a generous advance for 11px sans-serif text; labels are cut to fit by it (the browser test measures)
    static final int MIN_COL = 96, MAX_COL = 280, MAX_POST_COL = 190, BADGE = 26;

    private final Provenance g;
    private final int[] layer;
    private final double[] y;
    private final int[] colOf; // column index per node
    private final int columns;
    private final double[] colX, colW;
    private final List<List<Integer>> cols = new ArrayList<>();
    double width, height;

    GraphView(Provenance g) {
        this.g = g;
        int n = g.nodes.size();
        layer = layers();
        int max = 0;
        for (int l : layer) max = Math.max(max, l);
        columns = max + 1;
        for (int c = 0; c < columns; c++) cols.add(new ArrayList<>());
        colOf = new int[n];
        for (Node node : g.nodes) { int c = max - layer[node.index]; colOf[node.index] = c; cols.get(c).add(node.index); }
        y = new double[n];
        colX = new double[columns];
        colW = new double[columns];
        place();
    }

    boolean empty() { return g.nodes.isEmpty(); }

    // ---- layout

    private List<List<Integer>> out() {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < g.nodes.size(); i++) out.add(new ArrayList<>());
        for (Edge e : g.edges) if (g.nodes.get(e.from).kind != Kind.POST) out.get(e.from).add(e.to);
        return out;
    }

    /** Posts are layer 0; a source lies one layer beyond the furthest node it leads to; sources that are one share a layer. */
    private int[] layers() {
        int n = g.nodes.size();
        List<List<Integer>> out = out();
        int[] forced = new int[n];
        int[] l = new int[n];
        for (int round = 0; round < 6; round++) {
            int[] state = new int[n]; // 0 new, 1 on the stack, 2 done
            for (int i = 0; i < n; i++) layerOf(i, out, l, state, forced);
            boolean changed = false;
            for (Group gr : g.groups) {
                int m = 0;
                for (int i : gr.members) m = Math.max(m, l[i]);
                for (int i : gr.members) if (l[i] != m && forced[i] != m) { forced[i] = m; changed = true; }
            }
            if (!changed) break;
        }
        return l;
    }

    private int layerOf(int i, List<List<Integer>> out, int[] l, int[] state, int[] forced) {
        if (state[i] == 2) return l[i];
        if (state[i] == 1) return 0; // a cycle: the edge back is ignored
        if (g.nodes.get(i).kind == Kind.POST) { state[i] = 2; return l[i] = 0; }
        state[i] = 1;
        // Iterative deepening would be safer for very deep chains; chains of hands are short.
        int best = 1;
        for (int j : out.get(i)) best = Math.max(best, layerOf(j, out, l, state, forced) + 1);
        state[i] = 2;
        return l[i] = Math.max(best, forced[i]);
    }

    private void place() {
        int n = g.nodes.size();
        if (n == 0) return;
        int postCol = columns - 1;
        // Column widths from the labels they hold.
        for (int c = 0; c < columns; c++) {
            int chars = 0;
            for (int i : cols.get(c)) chars = Math.max(chars, cp(g.nodes.get(i).label));
            double w = (chars + 1) * CHAR + PAD * 2 + BADGE; // one character to spare: a label that fits is never cut
            colW[c] = Math.max(MIN_COL, Math.min(c == postCol ? MAX_POST_COL : MAX_COL, w));
        }
        double x = 10;
        for (int c = 0; c < columns; c++) { colX[c] = x; x += colW[c] + GAP; }
        double arcs = 0;
        for (Edge e : g.edges) if (e.kind.equals("reproduces")) arcs = Math.max(arcs, arcWidth(e));
        width = x - GAP + 14 + arcs + 10;

        List<List<Integer>> out = out();
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) in.add(new ArrayList<>());
        for (Edge e : g.edges) if (g.nodes.get(e.from).kind != Kind.POST || g.nodes.get(e.to).kind != Kind.POST) in.get(e.to).add(e.from);

        // Posts first in thread order, one row each.
        List<Integer> posts = cols.get(postCol);
        posts.sort(Comparator.comparingInt((Integer i) -> g.nodes.get(i).post).thenComparingInt(i -> i));
        for (int k = 0; k < posts.size(); k++) y[posts.get(k)] = k * ROW;
        for (int pass = 0; pass < 2; pass++) {
            for (int c = postCol - 1; c >= 0; c--) placeColumn(cols.get(c), out, true);
            // The posts move towards what they quote, keeping their order.
            double[] want = new double[posts.size()];
            for (int k = 0; k < posts.size(); k++) want[k] = mean(in.get(posts.get(k)), y[posts.get(k)]);
            fit(posts, want, gaps(posts));
        }
        for (int c = postCol - 1; c >= 0; c--) placeColumn(cols.get(c), out, true);
        // Rows start below the column heads.
        double min = Double.MAX_VALUE, maxY = 0;
        for (int i = 0; i < n; i++) {
            Node node = g.nodes.get(i);
            double above = node.group >= 0 && firstOfGroup(i) ? GROUP_TOP : 0;
            min = Math.min(min, y[i] - above);
            maxY = Math.max(maxY, y[i]);
        }
        for (int i = 0; i < n; i++) y[i] += TOP + 4 - min;
        height = maxY + TOP + 4 - min + BOX_H + GROUP_BOTTOM + 12;
    }

    private boolean firstOfGroup(int i) {
        List<Integer> col = cols.get(colOf[i]);
        int k = col.indexOf(i);
        return k == 0 || g.nodes.get(col.get(k - 1)).group != g.nodes.get(i).group;
    }

    /** Orders a column by the mean place of what its nodes lead to, sources that are one together, then fits it. */
    private void placeColumn(List<Integer> col, List<List<Integer>> out, boolean sort) {
        if (col.isEmpty()) return;
        double[] want = new double[g.nodes.size()];
        for (int i : col) want[i] = mean(out.get(i), 0);
        double[] groupWant = new double[g.groups.size()];
        int[] groupN = new int[g.groups.size()];
        for (int i : col) { int gr = g.nodes.get(i).group; if (gr >= 0) { groupWant[gr] += want[i]; groupN[gr]++; } }
        if (sort) col.sort(Comparator.comparingDouble((Integer i) -> {
                    int gr = g.nodes.get(i).group;
                    return gr >= 0 ? groupWant[gr] / groupN[gr] : want[i];
                }).thenComparingInt(i -> g.nodes.get(i).group)
                .thenComparingDouble(i -> want[i]).thenComparingInt(i -> g.nodes.get(i).quotes.isEmpty() ? Integer.MAX_VALUE : g.nodes.get(i).quotes.first()));
        double[] w = new double[col.size()];
        for (int k = 0; k < col.size(); k++) w[k] = want[col.get(k)];
        fit(col, w, gaps(col));
    }

    private double[] gaps(List<Integer> col) {
        double[] gap = new double[col.size()];
        for (int k = 1; k < col.size(); k++) {
            int a = g.nodes.get(col.get(k - 1)).group, b = g.nodes.get(col.get(k)).group;
            gap[k] = ROW + (a != b ? (a >= 0 ? GROUP_BOTTOM : 0) + (b >= 0 ? GROUP_TOP : 0) : 0);
        }
        return gap;
    }

    private double mean(List<Integer> nodes, double otherwise) {
        if (nodes.isEmpty()) return otherwise;
        double s = 0;
        for (int j : nodes) s += y[j];
        return s / nodes.size();
    }

    /**
     * Places nodes in their order as close to their wanted positions as the minimum gaps allow: with offsets o_k
     * (the running sum of gaps) the positions are o_k + z_k for the non-decreasing z closest to want_k - o_k in least
     * squares, found by pooling adjacent violators. Linear in the column's size.
     */
    static void fit(List<Integer> col, double[] want, double[] gap, double[] out) {
        int m = col.size();
        double[] off = new double[m];
        for (int k = 1; k < m; k++) off[k] = off[k - 1] + gap[k];
        double[] sum = new double[m];
        int[] cnt = new int[m];
        int blocks = 0;
        for (int k = 0; k < m; k++) {
            sum[blocks] = want[k] - off[k];
            cnt[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 2] / cnt[blocks - 2] > sum[blocks - 1] / cnt[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                cnt[blocks - 2] += cnt[blocks - 1];
                blocks--;
            }
        }
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            double z = sum[b] / cnt[b];
            for (int j = 0; j < cnt[b]; j++, k++) out[col.get(k)] = z + off[k];
        }
    }

    private void fit(List<Integer> col, double[] want, double[] gap) { fit(col, want, gap, y); }

    private double arcWidth(Edge e) {
        // Positions are not known yet when the width is set: bound the arc by the rows between the posts.
        int a = g.nodes.get(e.from).post, b = g.nodes.get(e.to).post;
        return Math.min(220, 14 + Math.sqrt(Math.abs(b - a) * ROW) * 5.5);
    }

    // ---- drawing

    /** The SVG, with an id prefix so the picture can appear more than once on a page. */
    String svg() {
        StringBuilder s = new StringBuilder(4096 + g.nodes.size() * 400 + g.edges.size() * 260);
        int w = (int) Math.ceil(width), h = (int) Math.ceil(height);
        s.append("<svg class=\"pg\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h).append("\" role=\"group\" aria-label=\"Provenance graph: ")
                .append(g.nodes.size()).append(" sources and posts, ").append(g.edges.size()).append(" links\">\n");
        heads(s);
        for (Group gr : g.groups) groupBoxes(s, gr);
        s.append("<g class=\"pg-edges\">");
        for (Edge e : g.edges) edge(s, e);
        s.append("</g>\n<g class=\"pg-nodes\">");
        for (Node n : g.nodes) node(s, n);
        s.append("</g>\n</svg>");
        return s.toString();
    }

    private void heads(StringBuilder s) {
        int postCol = columns - 1;
        for (int c = 0; c < columns; c++) {
            if (cols.get(c).isEmpty()) continue;
            int l = columns - 1 - c;
            String head = l == 0 ? "posts" : l == 1 ? "quoted in the post" : (l - 1) + (l == 2 ? " hand" : " hands") + " before";
            s.append("<text class=\"pg-head\" x=\"").append(f(colX[c])).append("\" y=\"14\">").append(head).append("</text>");
        }
        boolean arcs = g.edges.stream().anyMatch(e -> e.kind.equals("reproduces"));
        if (arcs && postCol >= 0) s.append("<text class=\"pg-head\" x=\"").append(f(colX[postCol] + colW[postCol] + 12)).append("\" y=\"14\">reproduced in</text>");
        s.append('\n');
    }

    private void groupBoxes(StringBuilder s, Group gr) {
        // One box per column the group's members lie in (they share one unless a member leads to another).
        List<double[]> boxes = new ArrayList<>();
        int[] byCol = new int[columns];
        Arrays.fill(byCol, -1);
        for (int m : gr.members) {
            int c = colOf[m];
            if (byCol[c] < 0) { byCol[c] = boxes.size(); boxes.add(new double[]{c, y[m], y[m]}); }
            double[] b = boxes.get(byCol[c]);
            b[1] = Math.min(b[1], y[m]);
            b[2] = Math.max(b[2], y[m]);
        }
        StringBuilder title = new StringBuilder("These sources are one: ");
        title.append(String.join("; ", gr.reasons.isEmpty() ? List.of("the same passage reaches the thread by different routes") : gr.reasons));
        s.append("<g class=\"pg-group\" data-g=\"").append(gr.index).append("\" data-qs=\"").append(list(gr.quotes)).append("\" data-members=\"")
                .append(list(gr.members)).append("\"><title>").append(attr(Provenance.shorten(title.toString(), 600))).append("</title>");
        double[] prev = null;
        for (double[] b : boxes) {
            int c = (int) b[0];
            double x0 = colX[c] - 5, y0 = b[1] - GROUP_TOP + 1, x1 = colX[c] + colW[c] + 5, y1 = b[2] + BOX_H + GROUP_BOTTOM - 2;
            s.append("<rect class=\"pg-box\" x=\"").append(f(x0)).append("\" y=\"").append(f(y0)).append("\" width=\"").append(f(x1 - x0))
                    .append("\" height=\"").append(f(y1 - y0)).append("\" rx=\"6\"/>");
            s.append("<text class=\"pg-glabel\" x=\"").append(f(x0 + 6)).append("\" y=\"").append(f(y0 + 11)).append("\">one source · ")
                    .append(gr.members.size()).append(" witnesses").append(gr.reasons.stream().anyMatch(r -> r.startsWith("not-independent")) ? " ⚑" : "").append("</text>");
            if (prev != null) {
                int pc = (int) prev[0];
                s.append("<path class=\"pg-glink\" d=\"M").append(f(colX[pc] + colW[pc] + 5)).append(',').append(f(prev[1] + BOX_H / 2.0))
                        .append(" L").append(f(x0)).append(',').append(f(b[1] + BOX_H / 2.0)).append("\"/>");
            }
            prev = b;
        }
        s.append("</g>\n");
    }

    private void edge(StringBuilder s, Edge e) {
        Node a = g.nodes.get(e.from), b = g.nodes.get(e.to);
        double sw = Math.min(4.5, 1.1 + Math.log(e.weight()) / Math.log(2) * 0.7);
        String cls = "pg-edge k-" + e.kind + (e.quotes.isEmpty() ? " unquoted" : "");
        s.append("<g class=\"").append(cls).append("\" data-qs=\"").append(list(e.quotes)).append("\"><title>");
        String what = e.kind.equals("reproduces") ? (e.quotes.isEmpty() ? "text repeated in " : "reproduced in ") : "quoted in ";
        s.append(attr(a.label + " → " + what + b.label + " (" + count(e) + ")")).append("</title>");
        double ya = y[a.index] + BOX_H / 2.0, yb = y[b.index] + BOX_H / 2.0;
        if (a.kind == Kind.POST && b.kind == Kind.POST) {
            int c = colOf[a.index];
            double x0 = colX[c] + colW[c];
            double reach = Math.min(220, 14 + Math.sqrt(Math.abs(yb - ya)) * 5.5);
            s.append("<path d=\"M").append(f(x0)).append(',').append(f(ya)).append(" C").append(f(x0 + reach)).append(',').append(f(ya))
                    .append(' ').append(f(x0 + reach)).append(',').append(f(yb)).append(' ').append(f(x0 + 5)).append(',').append(f(yb))
                    .append("\" stroke-width=\"").append(f(sw)).append("\"/>");
            s.append("<path class=\"pg-head-arrow\" d=\"M").append(f(x0)).append(',').append(f(yb)).append(" l6,-3.5 l0,7 z\"/>");
        } else {
            double x0 = colX[colOf[a.index]] + colW[colOf[a.index]], x1 = colX[colOf[b.index]];
            double mid = (x1 - x0) / 2;
            s.append("<path d=\"M").append(f(x0)).append(',').append(f(ya)).append(" C").append(f(x0 + mid)).append(',').append(f(ya))
                    .append(' ').append(f(x1 - mid)).append(',').append(f(yb)).append(' ').append(f(x1 - 5)).append(',').append(f(yb))
                    .append("\" stroke-width=\"").append(f(sw)).append("\"/>");
            s.append("<path class=\"pg-head-arrow\" d=\"M").append(f(x1)).append(',').append(f(yb)).append(" l-6,-3.5 l0,7 z\"/>");
        }
        s.append("</g>");
    }

    private static String count(Edge e) {
        int q = e.quotes.size(), r = e.reuse.size();
        if (q > 0) return q + (q == 1 ? " passage" : " passages");
        return r + (r == 1 ? " repeat" : " repeats") + " without quotation";
    }

    private void node(StringBuilder s, Node n) {
        int c = colOf[n.index];
        double x = colX[c], w = colW[c], top = y[n.index];
        s.append("<g class=\"pg-node k-").append(n.kind.token).append(n.group >= 0 ? " grouped" : "").append("\" id=\"pg-n-").append(n.index)
                .append("\" data-n=\"").append(n.index).append("\" data-qs=\"").append(list(n.quotes)).append("\" tabindex=\"0\"><title>")
                .append(attr(tooltip(n))).append("</title>");
        s.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(w)).append("\" height=\"").append(BOX_H).append("\" rx=\"3\"/>");
        s.append("<rect class=\"pg-kind\" x=\"").append(f(x)).append("\" y=\"").append(f(top)).append("\" width=\"4\" height=\"").append(BOX_H).append("\"/>");
        int fits = (int) Math.floor((w - PAD * 2 - BADGE) / CHAR);
        s.append("<text class=\"pg-label\" x=\"").append(f(x + PAD)).append("\" y=\"").append(f(top + 12.5)).append("\">")
                .append(attr(Provenance.shorten(n.label, Math.max(4, fits)))).append("</text>");
        s.append("<text class=\"pg-count\" x=\"").append(f(x + w - 5)).append("\" y=\"").append(f(top + 12.5)).append("\">")
                .append(n.quotes.size()).append("</text></g>\n");
    }

    static String kindName(Node n) {
        return switch (n.kind) {
            case SPEAKER -> "speaker";
            case WORK -> "work";
            case HAND -> "named intermediary";
            case UNNAMED -> "source not named";
            case POST -> "post";
        };
    }

    static String tooltip(Node n) {
        StringBuilder t = new StringBuilder(n.label);
        t.append(" (").append(kindName(n)).append(")");
        if (n.detail != null) t.append(" — ").append(n.detail);
        if (n.years != null) t.append(" — ").append(n.years);
        t.append(" — ").append(n.quotes.size()).append(n.quotes.size() == 1 ? " passage" : " passages");
        return t.toString();
    }

    /** Horizontal room each label has, for tests and the browser check. */
    static int cp(String s) { return s.codePointCount(0, s.length()); }

    static String list(Iterable<Integer> xs) {
        StringBuilder b = new StringBuilder();
        for (int x : xs) { if (b.length() > 0) b.append(' '); b.append(x); }
        return b.toString();
    }

    static String f(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? Long.toString(r / 10) : String.format(Locale.ROOT, "%.1f", r / 10.0);
    }

    /** The y of a node's row, for tests. */
    double y(int node) { return y[node]; }
}
