package org.exhibit.analysis.quotes;

import org.exhibit.model.Marker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Quotation marks in a stretch of text, told apart from apostrophes ({@code didn't}, {@code Stalin's},
 * {@code 1980's}) by their neighbours, and paired the way a reader pairs them: innermost first, tolerating the
 * mismatched pairs that copy-pasting produces ({@code "...’}, {@code ''...”}, TeX {@code `...'} and {@code ``...''}).
 */
final class QuoteMarks {
    private QuoteMarks() {}

    /** A quotation mark at [pos, pos+len). */
    record Mark(int pos, int len, String mark, boolean canOpen, boolean canClose, boolean ambiguous) {
        int end() { return pos + len; }
    }

    record Pair(Mark open, Mark close) {}

    private static final String QUOTE_CHARS = "\"“”‘’'`«»„‹›";

    static boolean isQuoteChar(char c) { return QUOTE_CHARS.indexOf(c) >= 0; }

    /** The marks of text[from, to) without the ones that may be apostrophes: for judging paragraph structure. */
    static List<Mark> scanStrict(String text, int from, int to) {
        List<Mark> out = new ArrayList<>();
        for (Mark m : scan(text, from, to)) if (!m.ambiguous()) out.add(m);
        return out;
    }

    /** The marks of text[from, to). */
    static List<Mark> scan(String text, int from, int to) {
        List<Mark> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isQuoteChar(c)) continue;
            int len = 1;
            String m = String.valueOf(c);
            if (c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') { len = 2; m = "''"; }
            else if (c == '`' && i + 1 < to && text.charAt(i + 1) == '`') { len = 2; m = "``"; } // TeX and newswire ``...''
            char prev = i > from ? text.charAt(i - 1) : ' ';
            char next = i + len < to ? text.charAt(i + len) : ' ';
            if ((c == '\'' || c == '’') && len == 1 && Character.isLetterOrDigit(prev) && Character.isLetter(next)) continue; // apostrophe
            // A no-break space ("dramatic.\u00a0“It’s") is a space here too.
            boolean boundaryBefore = Para.blank(prev) || WordCounts.isOpenPunct(prev) || isQuoteChar(prev) || i == from;
            boolean boundaryAfter = Para.blank(next) || ".,;:!?)]}…—–-".indexOf(next) >= 0 || Character.isDigit(next)
                    || isQuoteChar(next) || i + len == to || next == 'Q' && text.startsWith("QUOTE", i + len);
            boolean canOpen = boundaryBefore && !Para.blank(next) && i + len < to;
            boolean canClose = !Para.blank(prev) && i > from && boundaryAfter;
            switch (c) {
                case '“', '‘', '«', '„', '‹', '`' -> canClose = false;
                case '”', '»', '›' -> canOpen = false;
                case '’' -> canOpen = canOpen && !canClose && Para.blank(prev); // ’ used as an opener by some typesetting
                default -> { }
            }
            if (canOpen && canClose) { // both by context: a mark after a boundary opens
                if (boundaryBefore && !Para.blank(next)) canClose = false; else canOpen = false;
            }
            // A double mark with white space on both sides ("And now " she said.): the dash that broke off the speech
            // was lost in a plain-text copy. Its shape says which way a curly one faces; a straight one closes an
            // open quotation when there is one, and one before a word opens otherwise (pair() tries closing first).
            // After a full stop it may as well be an opener typed with a space: it closes nothing then.
            if (!canOpen && !canClose && len == 1 && (Para.blank(prev) || i == from)
                    && (Para.blank(next) || i + len == to || ".,;:!?".indexOf(next) >= 0)) {
                if (c == '"') { canOpen = i + len < to && Character.isLetterOrDigit(nonBlank(text, i + len, to, 1)); canClose = i > from && ".!?…".indexOf(nonBlank(text, i - 1, from - 1, -1)) < 0; }
                else if (c == '”') canClose = i > from;
                else if (c == '“') canOpen = i + len < to;
            }
            // "the Peoples' Army": a plural possessive looks like a closing single quote.
            boolean ambiguous = canClose && len == 1 && (c == '\'' || c == '’') && (prev == 's' || prev == 'S')
                    && i + 2 < to && next == ' ' && Character.isLetter(text.charAt(i + 2));
            if (canOpen || canClose) out.add(new Mark(i, len, m, canOpen, canClose, ambiguous));
            i += len - 1;
        }
        return out;
    }

    /** The first character that is not white space from {@code i} towards {@code stop} (exclusive) by {@code step}, or a space. */
    private static char nonBlank(String text, int i, int stop, int step) {
        for (; i != stop; i += step) if (!Para.blank(text.charAt(i))) return text.charAt(i);
        return ' ';
    }

    static boolean compatible(String open, String close) {
        return switch (open) {
            case "\"" -> close.equals("\"") || close.equals("”") || close.equals("’") || close.equals("''") || close.equals("“");
            case "“" -> close.equals("”") || close.equals("\"") || close.equals("“");
            case "‘" -> close.equals("’") || close.equals("'");
            case "'" -> close.equals("'") || close.equals("’");
            case "`" -> close.equals("'") || close.equals("’");
            case "``" -> close.equals("''") || close.equals("”") || close.equals("\"");
            case "''" -> close.equals("''") || close.equals("\"") || close.equals("”");
            case "«" -> close.equals("»");
            case "„" -> close.equals("“") || close.equals("”") || close.equals("\"");
            case "‹" -> close.equals("›");
            case "’" -> close.equals("’");
            default -> false;
        };
    }

    /** Pairs marks innermost-first; an unmatched closer is ignored, an unmatched opener stays open. */
    static List<Pair> pair(List<Mark> marks) {
        List<Pair> out = new ArrayList<>();
        Deque<Mark> stack = new ArrayDeque<>();
        for (Mark m : marks) {
            if (m.canClose()) {
                Mark match = null;
                int depth = 0;
                for (Mark o : stack) {
                    if (compatible(o.mark(), m.mark())) { match = o; break; }
                    if (++depth >= 3) break;
                }
                if (match != null) {
                    while (stack.peek() != match) stack.pop();
                    stack.pop();
                    out.add(new Pair(match, m));
                    continue;
                }
            }
            if (m.canOpen()) stack.push(m);
        }
        return out;
    }

    /** The marks still open after pairing, outermost first. */
    static List<Mark> unclosed(List<Mark> marks) {
        List<Mark> open = new ArrayList<>();
        java.util.Set<Mark> closed = new java.util.HashSet<>();
        for (Pair p : pair(marks)) { closed.add(p.open()); }
        for (Mark m : marks) if (m.canOpen() && !closed.contains(m)) open.add(m);
        return open;
    }

    static Marker markerFor(String open) {
        return switch (open) {
            case "\"", "“", "„" -> Marker.DOUBLE;
            case "‘", "'", "’" -> Marker.SINGLE;
            case "`", "``" -> Marker.BACKTICK;
            case "''" -> Marker.DOUBLED_SINGLE;
            default -> Marker.GUILLEMET;
        };
    }
}
