package org.exhibit.analysis.reuse;

import com.ibm.icu.text.Normalizer2;

import java.util.Arrays;
import java.util.Set;

/**
 * The words of a text range, normalised for comparison: NFKC with case folding, diacritics removed, apostrophes
 * unified. Punctuation, quotation marks and dashes are not words, so typographic variants of one passage give the
 * same word sequence. Each word keeps its char offsets in the original text and a 64-bit hash used as its identity.
 */
public final class NormalisedWords {
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    /** English function words: they do not make a match rare. */
    public static final Set<String> STOP = Set.of(("a an the and or but nor of to in on at by for from with as into onto "
            + "upon about over under after before than then that this these those there here it its is are was were be "
            + "been being am do does did done have has had having not no so such too very can could would should will "
            + "shall may might must i me my we us our you your he him his she her they them their who whom whose which "
            + "what when where why how all any some each every one two also only just even if up out off down again "
            + "more most other own same both few many much now well yes").split(" "));

    private static final long[] STOP_HASHES = STOP.stream().mapToLong(NormalisedWords::hash).sorted().toArray();

    /** Whether a word hash is that of a function word. */
    public static boolean isStopHash(long h) { return Arrays.binarySearch(STOP_HASHES, h) >= 0; }

    private final String text;
    private int size;
    private int[] start = new int[64], end = new int[64];
    private long[] hash = new long[64];
    private boolean[] stop = new boolean[64];

    private NormalisedWords(String text) { this.text = text; }

    /** The words of text[from, to). */
    public static NormalisedWords of(String text, int from, int to) {
        NormalisedWords w = new NormalisedWords(text);
        w.scan(from, to);
        return w;
    }

    public static NormalisedWords of(String text) { return of(text, 0, text.length()); }

    private void scan(int from, int to) {
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) { i += Character.charCount(cp); continue; }
            int s = i;
            i = wordEnd(text, i, to);
            add(s, i);
        }
    }

    /** The end of the word that starts at {@code s} (a word character), at most {@code to}. */
    private static int wordEnd(String text, int s, int to) {
        int i = s;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) { i += Character.charCount(cp); continue; }
            // an apostrophe between letters stays inside the word: wasn't, d’Anthès
            if ((cp == '\'' || cp == '’' || cp == 'ʼ') && i + 1 < to && isWordChar(text.codePointAt(i + 1)) && i > s) { i++; continue; }
            break;
        }
        return i;
    }

    /** How many words text[from, to) has: {@code of(text, from, to).size()}, without hashing or keeping them. */
    public static int count(String text, int from, int to) {
        int n = 0, i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) { i += Character.charCount(cp); continue; }
            i = wordEnd(text, i, to);
            n++;
        }
        return n;
    }

    /**
     * Only the word hashes of a text (equal to {@link #hash(int)} of {@link #of}), without keeping offsets or
     * strings: the fast path for indexing a corpus.
     */
    public static long[] hashes(String text) {
        long[] out = new long[Math.max(16, text.length() / 6)];
        int n = 0, i = 0, to = text.length();
        while (i < to) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) { i += Character.charCount(cp); continue; }
            int s = i;
            boolean ascii = true;
            long h = 0xcbf29ce484222325L;
            while (i < to) {
                cp = text.codePointAt(i);
                boolean apostrophe = (cp == '\'' || cp == '’' || cp == 'ʼ') && i + 1 < to && isWordChar(text.codePointAt(i + 1)) && i > s;
                if (!isWordChar(cp) && !apostrophe) break;
                if (cp >= 128) ascii = false;
                else { char c = (char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp); h ^= c; h *= 0x100000001b3L; }
                i += apostrophe ? 1 : Character.charCount(cp);
            }
            if (ascii) { h ^= h >>> 33; h *= 0xff51afd7ed558ccdL; h ^= h >>> 33; }
            else h = hash(normalize(text, s, i));
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = h;
        }
        return Arrays.copyOf(out, n);
    }

    /** Hash of the n-gram of word hashes starting at i; the same as {@link #shingle(int, int)}. */
    public static long shingle(long[] hashes, int i, int n) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < n; k++) { h = (h ^ hashes[i + k]) * 0xbf58476d1ce4e5b9L; h ^= h >>> 31; }
        return h;
    }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private void add(int s, int e) {
        if (size == start.length) {
            int n = size * 2;
            start = Arrays.copyOf(start, n); end = Arrays.copyOf(end, n);
            hash = Arrays.copyOf(hash, n); stop = Arrays.copyOf(stop, n);
        }
        // the normalised form itself is made only when asked for (word(i)): an ASCII word's hash needs none
        start[size] = s; end[size] = e; hash[size] = hash(text, s, e);
        stop[size] = isStopHash(hash[size]); // asked for in the inner loops of alignment: looked up once per word
        size++;
    }

    /** Lower case, NFKC, no diacritics, one apostrophe. ASCII words (most of them) take a fast path. */
    public static String normalize(CharSequence text, int s, int e) {
        boolean ascii = true;
        for (int i = s; i < e; i++) if (text.charAt(i) >= 128) { ascii = false; break; }
        if (ascii) {
            char[] c = new char[e - s];
            for (int i = s; i < e; i++) {
                char ch = text.charAt(i);
                c[i - s] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
            }
            return new String(c);
        }
        String x = NFD.normalize(NFKC_CF.normalize(text.subSequence(s, e)));
        StringBuilder sb = new StringBuilder(x.length());
        for (int i = 0; i < x.length(); ) {
            int cp = x.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) continue;
            if (cp == '’' || cp == 'ʼ') cp = '\'';
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** The hash of the normalised word text[s, e), as {@link #hash(String)} of {@link #normalize}. */
    static long hash(String text, int s, int e) {
        long h = 0xcbf29ce484222325L;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= 128) return hash(normalize(text, s, e));
            if (c >= 'A' && c <= 'Z') c += 32;
            h ^= c; h *= 0x100000001b3L;
        }
        h ^= h >>> 33; h *= 0xff51afd7ed558ccdL; h ^= h >>> 33;
        return h;
    }

    /** FNV-1a 64 with a final mix; collisions between distinct words are negligible at corpus scale. */
    public static long hash(String w) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < w.length(); i++) { h ^= w.charAt(i); h *= 0x100000001b3L; }
        h ^= h >>> 33; h *= 0xff51afd7ed558ccdL; h ^= h >>> 33;
        return h;
    }

    public int size() { return size; }
    public int start(int i) { return start[i]; }
    public int end(int i) { return end[i]; }
    public long hash(int i) { return hash[i]; }
    public String word(int i) { return normalize(text, start[i], end[i]); }
    public String text() { return text; }
    public boolean stop(int i) { return stop[i]; }

    /** Index of the first word starting at or after offset. */
    public int indexAt(int offset) {
        int lo = 0, hi = size;
        while (lo < hi) { int m = (lo + hi) >>> 1; if (start[m] < offset) lo = m + 1; else hi = m; }
        return lo;
    }

    /** Hash of the n-gram starting at word i. */
    public long shingle(int i, int n) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < n; k++) { h = (h ^ hash[i + k]) * 0xbf58476d1ce4e5b9L; h ^= h >>> 31; }
        return h;
    }
}
