package org.exhibit.analysis.citations;

import java.util.Locale;
import java.util.Set;

/**
 * Sentence edges found by punctuation, tolerant of what references are full of: initials ("R. Conquest"),
 * dotted abbreviations ("U.S.S.R."), and "p.", "pp.", "ed.", "op. cit.". A line break ends a sentence when the
 * line before it ends with punctuation (board text keeps one paragraph a line; hard-wrapped text runs on).
 */
final class ReferenceSentences {
    private ReferenceSentences() {}

    static final Set<String> ABBREVIATIONS = org.exhibit.text.Abbreviations.EN;

    /** True when the '.', '!' or '?' at i ends a sentence. */
    static boolean endsAt(String t, int i) {
        char c = t.charAt(i);
        if (c != '.' && c != '!' && c != '?') return false;
        int j = i + 1;
        while (j < t.length() && isCloser(t.charAt(j))) j++;
        if (j < t.length() && !Character.isWhitespace(t.charAt(j))) return false;
        while (j < t.length() && Character.isWhitespace(t.charAt(j))) j++;
        if (j < t.length()) {
            char n = t.charAt(j);
            if (Character.isLowerCase(n)) return false;
        }
        if (c != '.') return true;
        String token = tokenBefore(t, i);
        if (token.length() == 1 && Character.isUpperCase(token.charAt(0))) return false; // an initial
        if (token.contains(".")) return false;                                            // U.S.S.R.
        return !ABBREVIATIONS.contains(token.toLowerCase(Locale.ROOT));
    }

    /** Letters (and inner dots) right before position i. */
    static String tokenBefore(String t, int i) {
        int s = i;
        while (s > 0 && (Character.isLetter(t.charAt(s - 1)) || t.charAt(s - 1) == '.')) s--;
        return t.substring(s, i);
    }

    static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '’' || c == '”' || c == ')' || c == ']' || c == '»';
    }

    /** A line break after which a new sentence starts. */
    static boolean breakAt(String t, int nl) {
        if (t.charAt(nl) != '\n') return false;
        int p = nl - 1;
        while (p >= 0 && (t.charAt(p) == ' ' || t.charAt(p) == '\t' || t.charAt(p) == '\r')) p--;
        if (p < 0 || t.charAt(p) == '\n') return true;
        char c = t.charAt(p);
        if (".!?:;\"'’”)]»".indexOf(c) >= 0) return true;
        int ls = t.lastIndexOf('\n', p) + 1;
        String line = t.substring(ls, p + 1).strip();
        return line.equals("QUOTE") || line.length() < 25; // a short line is a heading, a name, a marker
    }

    /** Longer than this, a "sentence" is a run of text without punctuation; its edges are cut here. */
    static final int MAX_SENTENCE = 2000;

    /** Start of the sentence containing pos, never before floor. */
    static int start(String t, int pos, int floor) {
        floor = Math.max(floor, pos - MAX_SENTENCE);
        for (int i = Math.min(pos, t.length()) - 1; i >= floor; i--) {
            if (t.charAt(i) == '\n' && breakAt(t, i)) return skipSpace(t, i + 1, pos);
            if (endsAt(t, i)) {
                int j = i + 1;
                while (j < t.length() && isCloser(t.charAt(j))) j++;
                if (j <= pos) return skipSpace(t, j, pos);
            }
        }
        return skipSpace(t, floor, pos);
    }

    /** End (exclusive, after the final punctuation) of the sentence containing pos, never after ceil. */
    static int end(String t, int pos, int ceil) {
        ceil = Math.min(ceil, pos + MAX_SENTENCE);
        for (int i = pos; i < ceil; i++) {
            if (t.charAt(i) == '\n' && breakAt(t, i)) return trimBack(t, i, pos);
            if (endsAt(t, i)) {
                int j = i + 1;
                while (j < ceil && isCloser(t.charAt(j))) j++;
                return j;
            }
        }
        return trimBack(t, ceil, pos);
    }

    private static int skipSpace(String t, int i, int limit) {
        while (i < limit && Character.isWhitespace(t.charAt(i))) i++;
        return i;
    }

    private static int trimBack(String t, int i, int limit) {
        while (i > limit && Character.isWhitespace(t.charAt(i - 1))) i--;
        return i;
    }

    static int lineStart(String t, int pos) { return pos <= 0 ? 0 : t.lastIndexOf('\n', pos - 1) + 1; }

    static int lineEnd(String t, int pos) {
        int e = t.indexOf('\n', pos);
        return e < 0 ? t.length() : e;
    }
}
