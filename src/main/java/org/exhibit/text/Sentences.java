package org.exhibit.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.Arrays;

/**
 * The sentences of a text, by ICU's sentence rules (UAX #29) with the abbreviations of
 * {@link Abbreviations} as suppressions, checked on whole words ("pp. 12" and "Mr. Smith" stay one sentence), and the board-line rule: a line
 * break ends a sentence (board text keeps a paragraph to a line; ICU breaks after every line separator). Spans are
 * [start, end) in UTF-16 offsets, trailing whitespace included, covering the text without gaps.
 */
public final class Sentences {
    private final int[] bounds; // bounds[0] = 0 ... bounds[n] = text length

    private Sentences(int[] bounds) { this.bounds = bounds; }

    private static final ThreadLocal<BreakIterator> ITERATOR = ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(ULocale.ENGLISH));

    public static Sentences of(String text) {
        BreakIterator bi = ITERATOR.get();
        bi.setText(text);
        int[] b = new int[Math.max(4, text.length() / 60)];
        int n = 0;
        b[n++] = 0;
        for (int k = bi.next(); k != BreakIterator.DONE; k = bi.next()) {
            if (k <= b[n - 1] || k < text.length() && afterAbbreviation(text, k)) continue;
            if (n == b.length) b = Arrays.copyOf(b, n * 2);
            b[n++] = k;
        }
        if (b[n - 1] != text.length()) { if (n == b.length) b = Arrays.copyOf(b, n + 1); b[n++] = text.length(); }
        return new Sentences(Arrays.copyOf(b, n));
    }

    /**
     * Is the break at {@code k} right after an abbreviation's full stop ("pp. 12", "Mr. Smith")? The suppression is
     * checked here, on whole words: ICU's own filter also matches the end of a longer word ("st." in "lost.").
     */
    static boolean afterAbbreviation(String text, int k) {
        int i = k;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) i--;
        if (i == k || i == 0 || text.charAt(i - 1) != '.') return false;
        for (int j = i; j < k; j++) if (text.charAt(j) == '\n') return false; // the board-line rule
        int e = i - 1, s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
        if (s == e || s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)))) return false;
        return Abbreviations.EN.contains(text.substring(s, e).toLowerCase(java.util.Locale.ROOT));
    }

    public int size() { return bounds.length - 1; }
    public int start(int i) { return bounds[i]; }
    public int end(int i) { return bounds[i + 1]; }

    /** The sentence holding {@code offset} (the last one for the text's end): binary search. */
    public int at(int offset) {
        int k = Arrays.binarySearch(bounds, offset);
        int i = k >= 0 ? k : -k - 2;
        return Math.max(0, Math.min(i, size() - 1));
    }
}
