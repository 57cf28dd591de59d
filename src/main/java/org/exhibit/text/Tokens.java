package org.exhibit.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text: maximal runs of letters and numbers (code points that are letters, decimal digits, letter
 * numbers or other numbers), with their offsets, shape and one normalised form (lower case, {@link Locale#ROOT})
 * with its hash. Built once per document by {@link TextLayer}; stages read it instead of scanning the text again.
 * Token {@code i} is the {@code i}-th word, so a token index is also the count of words before it.
 */
public final class Tokens {
    /** Shape flags. */
    public static final int CAPITALISED = 1, ALL_UPPER = 2, ALL_LOWER = 4, HAS_DIGIT = 8, ALL_DIGITS = 16;

    private final String text;
    private final int[] start, end, shape, hash;
    private final String[] norm;
    private final int size;

    private Tokens(String text, int[] start, int[] end, int[] shape, String[] norm, int[] hash, int size) {
        this.text = text; this.start = start; this.end = end; this.shape = shape; this.norm = norm; this.hash = hash; this.size = size;
    }

    /** Tokenises the whole text. */
    public static Tokens of(String text) {
        int cap = Math.max(16, text.length() / 5);
        int[] st = new int[cap], en = new int[cap], sh = new int[cap];
        int n = 0, i = 0, len = text.length();
        while (i < len) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) { i += Character.charCount(cp); continue; }
            int s = i;
            while (i < len && isWordChar(cp = text.codePointAt(i))) i += Character.charCount(cp);
            if (n == st.length) { st = Arrays.copyOf(st, n * 2); en = Arrays.copyOf(en, n * 2); sh = Arrays.copyOf(sh, n * 2); }
            st[n] = s; en[n] = i; sh[n] = shape(text, s, i);
            n++;
        }
        String[] norm = new String[n];
        int[] hash = new int[n];
        for (int k = 0; k < n; k++) { norm[k] = text.substring(st[k], en[k]).toLowerCase(Locale.ROOT); hash[k] = norm[k].hashCode(); }
        return new Tokens(text, st, en, sh, norm, hash, n);
    }

    /** A letter or number: what a word is made of. */
    public static boolean isWordChar(int cp) {
        if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        if (Character.isLetter(cp)) return true;
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    private static int shape(String t, int s, int e) {
        boolean upper = true, lower = true, digit = false, digits = true;
        int first = t.codePointAt(s);
        for (int i = s; i < e; ) {
            int cp = t.codePointAt(i);
            if (Character.isDigit(cp)) digit = true; else digits = false;
            if (Character.isLetter(cp)) { if (Character.isUpperCase(cp)) lower = false; else upper = false; }
            i += Character.charCount(cp);
        }
        int f = 0;
        if (Character.isUpperCase(first)) f |= CAPITALISED;
        if (upper && !digits) f |= ALL_UPPER;
        if (lower && !digits) f |= ALL_LOWER;
        if (digit) f |= HAS_DIGIT;
        if (digits) f |= ALL_DIGITS;
        return f;
    }

    public String text() { return text; }
    public int size() { return size; }
    public int start(int i) { return start[i]; }
    public int end(int i) { return end[i]; }
    public int shape(int i) { return shape[i]; }
    public boolean is(int i, int flag) { return (shape[i] & flag) != 0; }
    /** The word in lower case ({@link Locale#ROOT}). */
    public String norm(int i) { return norm[i]; }
    /** {@code norm(i).hashCode()}. */
    public int hash(int i) { return hash[i]; }
    /** The word as written. */
    public String surface(int i) { return text.substring(start[i], end[i]); }

    /** The first token that ends after {@code offset} (size() when none): binary search, not a scan. */
    public int firstEndingAfter(int offset) {
        int lo = 0, hi = size;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (end[mid] <= offset) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /** The token covering {@code offset}, or -1. */
    public int at(int offset) {
        int k = firstEndingAfter(offset);
        return k < size && start[k] <= offset ? k : -1;
    }

    /** How many tokens lie wholly inside [from, to). */
    public int count(int from, int to) {
        int a = firstEndingAfter(from);
        if (a < size && start[a] < from) a++;
        int b = firstEndingAfter(to);          // the first token ending after to: the ones before it end by to
        return Math.max(0, b - a);
    }
}
