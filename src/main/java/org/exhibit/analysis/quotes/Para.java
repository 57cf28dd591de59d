package org.exhibit.analysis.quotes;

import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph of post text: a line, or several hard-wrapped lines joined. Quote structure in board posts is
 * paragraph structure: quotes open at a paragraph start, continue across paragraphs, and end at one's end.
 */
record Para(int start, int end, String text) {
    Span span() { return new Span(start, end); }

    int words() { return WordCounts.count(text); }

    /** White space, no-break spaces included (a paragraph indented with one still opens with its quotation mark). */
    static boolean blank(char c) { return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f'; }

    /** Paragraphs of [from, to) of the text, trimmed, blank lines dropped; hard-wrapped lines are joined. */
    static List<Para> of(String text, int from, int to) {
        List<int[]> lines = new ArrayList<>();
        int s = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '\n') {
                int a = s, b = i;
                while (a < b && blank(text.charAt(a))) a++;
                while (b > a && blank(text.charAt(b - 1))) b--;
                lines.add(a < b ? new int[]{a, b} : null);
                s = i + 1;
            }
        }
        List<Para> out = new ArrayList<>();
        int width = fillWidth(lines);
        int[] cur = null;
        int curLastLineLen = 0;
        for (int[] l : lines) {
            if (l == null) { if (cur != null) out.add(make(text, cur)); cur = null; continue; }
            int len = l[1] - l[0];
            if (cur != null && (width > 0 ? filled(text, curLastLineLen, l[0], l[1], width) : wrapped(text, cur[1], curLastLineLen, l[0], len))) {
                cur[1] = l[1];
            } else {
                if (cur != null) out.add(make(text, cur));
                cur = new int[]{l[0], l[1]};
            }
            curLastLineLen = len;
        }
        if (cur != null) out.add(make(text, cur));
        return out;
    }

    private static Para make(String text, int[] c) { return new Para(c[0], c[1], text.substring(c[0], c[1])); }

    /** Lines this many characters short of the fill width, with the next line's first word, still count as filled. */
    private static final int FILL_SLACK = 10;

    /**
     * The width text[from, to) is filled to, when it is prose hard-wrapped at a fixed width (a Project Gutenberg text,
     * an e-mail): several lines, nearly all at most about 80 characters, and most of them close to the longest. There
     * the blank line is the only paragraph break, and a line that ends a sentence still continues its paragraph; 0
     * when the text is not filled that way.
     */
    static int fillWidth(List<int[]> lines) {
        List<Integer> lens = new ArrayList<>();
        for (int[] l : lines) if (l != null) lens.add(l[1] - l[0]);
        if (lens.size() < 6) return 0;
        List<Integer> sorted = new ArrayList<>(lens);
        java.util.Collections.sort(sorted);
        int width = sorted.get((int) (sorted.size() * 0.95));
        if (width < 40 || width > 80) return 0;
        int full = 0;
        for (int len : lens) if (len <= width && len >= width - 12) full++;
        return full * 2 >= lens.size() ? width : 0;
    }

    /**
     * In text filled to {@code width}, a line continues the previous one when the previous line had no room left
     * for the next line's first word: the break was the filler's, not the writer's. A short line (a heading, a
     * signature, a verse) ends where the writer ended it.
     */
    private static boolean filled(String text, int prevLen, int nextStart, int nextEnd, int width) {
        if (text.startsWith("QUOTE", nextStart)) return false;
        int w = nextStart;
        while (w < nextEnd && !blank(text.charAt(w))) w++;
        return prevLen + 1 + (w - nextStart) > width - FILL_SLACK;
    }

    /** A line continues the previous one when both are short, as in text hard-wrapped at a fixed width. */
    private static boolean wrapped(String text, int prevEnd, int prevLen, int nextStart, int nextLen) {
        if (prevLen < 40 || prevLen > 80 || nextLen > 80) return false;
        int k = prevEnd;
        while (k > 0 && ("\"'’”»)]".indexOf(text.charAt(k - 1)) >= 0 || Character.isDigit(text.charAt(k - 1)))) k--;
        if (k > 0 && ".!?:".indexOf(text.charAt(k - 1)) >= 0) return false;
        String next = text.substring(nextStart, Math.min(text.length(), nextStart + 6));
        return !next.startsWith("QUOTE");
    }
}
