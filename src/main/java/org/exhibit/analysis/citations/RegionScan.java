package org.exhibit.analysis.citations;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;

/**
 * {@link Matcher#find()} over a region of a text, trying the pattern only at positions that pass a cheap
 * character test. For patterns that look neither behind the position nor at anchors (^, $, \b at the start):
 * there a match found at a position is the match that {@code find} would report, so the matches are the same,
 * in the same order, without running the pattern at every position of the region.
 */
final class RegionScan {
    private final Matcher m;
    private final CharSequence text;
    private final int to;
    private final IntPredicate mayStart;
    private int next;

    /** mayStart(i) must be true wherever a match can start at i. */
    RegionScan(Matcher m, CharSequence text, int from, int to, IntPredicate mayStart) {
        this.m = m;
        this.text = text;
        this.to = to;
        this.mayStart = mayStart;
        this.next = from;
    }

    /** Advances to the next match, as find() does; the matcher then holds it. */
    boolean find() {
        for (int p = next; p < to; p++) {
            if (!mayStart.test(p)) continue;
            if (m.region(p, to).lookingAt()) {
                next = m.end() > p ? m.end() : p + 1;
                return true;
            }
        }
        next = to;
        return false;
    }

    int start() { return m.start(); }
    int start(int group) { return m.start(group); }
    int end() { return m.end(); }
    String group() { return m.group(); }
    String group(int group) { return m.group(group); }

    static boolean digit(CharSequence t, int i) {
        if (i >= t.length()) return false;
        char c = t.charAt(i);
        return c >= '0' && c <= '9';
    }
}
