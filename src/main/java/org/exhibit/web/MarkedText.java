package org.exhibit.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders a stretch of text with overlapping stand-off marks as well-nested HTML. Marks that nest become nested
 * elements; a mark that crosses another is split into fragments that share its attributes (only the first carries
 * its element id). Text is escaped by {@link Html#appendText}.
 */
final class MarkedText {
    /** One mark: [start, end) in chars, an element name, attributes (already escaped), an optional element id. */
    record Mark(int start, int end, String tag, String attrs, String id, int rank) {}

    private final String text;
    private final List<Mark> marks = new ArrayList<>();
    private final TreeMap<Integer, StringBuilder> inserts = new TreeMap<>();
    private final Set<String> rendered = new HashSet<>();
    private boolean sorted;
    private int longest;

    MarkedText(String text) { this.text = text; }

    void mark(int start, int end, String tag, String attrs, String id, int rank) {
        if (start < 0 || end > text.length() || end <= start) return;
        marks.add(new Mark(start, end, tag, attrs, id, rank));
        sorted = false;
    }

    private int firstStartingAt(int offset) {
        int lo = 0, hi = marks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (marks.get(mid).start() < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Markup placed at an offset, outside any mark that starts there. */
    void insert(int at, String html) {
        if (at < 0 || at > text.length()) return;
        inserts.computeIfAbsent(at, k -> new StringBuilder()).append(html);
    }

    /** Whether a mark with this element id has been rendered, so a link to it has a target. */
    boolean rendered(String id) { return rendered.contains(id); }

    /** The HTML of [from, to). */
    String render(int fromOffset, int toOffset) {
        final int from = Math.max(0, Math.min(fromOffset, text.length()));
        final int to = Math.max(from, Math.min(toOffset, text.length()));
        // Outer before inner: earlier start, then longer, then lower rank.
        Comparator<Mark> order = Comparator.comparingInt(Mark::start).thenComparing(Comparator.comparingInt(Mark::end).reversed())
                .thenComparingInt(Mark::rank);
        if (!sorted) {
            marks.sort(Comparator.comparingInt(Mark::start));
            for (Mark m : marks) longest = Math.max(longest, m.end() - m.start());
            sorted = true;
        }
        List<Mark> in = new ArrayList<>();
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(from);
        cuts.add(to);
        // Only marks starting in [from - longest, to) can reach into the range.
        for (int i = firstStartingAt(from - longest); i < marks.size() && marks.get(i).start() < to; i++) {
            Mark m = marks.get(i);
            int s = Math.max(m.start(), from), e = Math.min(m.end(), to);
            if (s >= e) continue;
            in.add(m);
            cuts.add(s);
            cuts.add(e);
        }
        for (int at : inserts.subMap(from, true, to, true).keySet()) cuts.add(at);
        in.sort(order);

        StringBuilder sb = new StringBuilder();
        List<Mark> stack = new ArrayList<>();
        Set<Mark> opened = new HashSet<>();
        Integer[] at = cuts.toArray(new Integer[0]);
        List<Mark> active = new ArrayList<>();
        int next = 0;
        for (int k = 0; k + 1 < at.length; k++) {
            int segStart = at[k], segEnd = at[k + 1];
            // Sweep: marks enter in order as their start is passed and leave at their end.
            while (next < in.size() && Math.max(in.get(next).start(), from) <= segStart) active.add(in.get(next++));
            active.removeIf(m -> Math.min(m.end(), to) <= segStart);
            List<Mark> want = new ArrayList<>(active);
            want.sort(order);
            int common = 0;
            while (common < stack.size() && common < want.size() && stack.get(common) == want.get(common)) common++;
            for (int i = stack.size() - 1; i >= common; i--) sb.append("</").append(stack.remove(i).tag()).append('>');
            StringBuilder ins = inserts.remove(segStart); // outside marks that start here, inside those that go on
            if (ins != null) sb.append(ins);
            for (int i = common; i < want.size(); i++) {
                Mark m = want.get(i);
                sb.append('<').append(m.tag()).append(' ').append(m.attrs());
                if (opened.add(m) && m.id() != null) { sb.append(" id=\"").append(m.id()).append('"'); rendered.add(m.id()); }
                sb.append('>');
                stack.add(m);
            }
            Html.appendText(sb, text, segStart, segEnd);
        }
        for (int i = stack.size() - 1; i >= 0; i--) sb.append("</").append(stack.get(i).tag()).append('>');
        if (to == text.length()) {
            StringBuilder tail = inserts.remove(to);
            if (tail != null) sb.append(tail);
        }
        return sb.toString();
    }
}
