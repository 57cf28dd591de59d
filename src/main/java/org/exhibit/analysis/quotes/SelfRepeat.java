package org.exhibit.analysis.quotes;

import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * A post body stored twice (or more) in one file, as scrapers and careless copying leave them: the repeated tail
 * is cut off as its own segment, so no quotation is allowed to run from one copy into the other.
 */
final class SelfRepeat {
    private SelfRepeat() {}

    static final int MIN_CHARS = 1000;
    private static final int PROBE = 200;

    /** Segments of the body: [start, end) ranges, split where a long verbatim repeat of earlier text begins. */
    static List<Span> segments(String text, Span body) {
        List<Span> out = new ArrayList<>();
        split(text, body.start(), body.end(), out);
        out.sort(null);
        return out;
    }

    private static void split(String text, int start, int end, List<Span> out) {
        int len = end - start;
        if (len >= 2 * MIN_CHARS) {
            String probe = text.substring(end - PROBE, end);
            int prior = text.lastIndexOf(probe, end - PROBE - 1);
            if (prior >= start) {
                int a = prior + PROBE, b = end, l = 0; // extend the match backwards from both ends
                while (a - l - 1 >= start && b - l - 1 >= a && text.charAt(a - l - 1) == text.charAt(b - l - 1)) l++;
                int k = b - l; // the repeat starts here
                while (k < end && text.charAt(k) != '\n' && k > 0 && text.charAt(k - 1) != '\n') k++; // snap to a line start
                while (k < end && Character.isWhitespace(text.charAt(k))) k++;
                if (end - k >= MIN_CHARS && k > start) {
                    out.add(new Span(k, end));
                    split(text, start, trim(text, start, k), out);
                    return;
                }
            }
        }
        out.add(new Span(start, end));
    }

    private static int trim(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }
}
