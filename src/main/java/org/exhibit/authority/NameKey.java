package org.exhibit.authority;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normal forms of names, so that spellings of one name meet. {@link #plain} is the name in lower-case ASCII with
 * initials joined ("L. M. Kaganovich" and "L.M. Kaganovich" both give "lm kaganovich"); {@link #fold} further
 * collapses the pairs that English, German and French renderings of Russian names alternate between
 * (kh/ch, w/v, -off/-ov, -sky/-ski, ya/ia, y/i, ie/e, j/y, doubled letters) and drops spaces and hyphens, so
 * Bucharin, Boukharine and Bukharin, or Piatakoff and Pyatakov, share a key.
 */
public final class NameKey {

    private static final Pattern SKY = Pattern.compile("sk(?:ii|iy|ij|yi|y)$");
    private static final Pattern IY = Pattern.compile("(?<=[a-z]{3})(?:ii|iy|ij|yi)$");

    private NameKey() {}

    // Keys of the short strings a document asks for again and again (every capitalised word, every phrase tried
    // against the authority): computed once per process. Cleared when full, so memory stays bounded.
    private static final int CACHE_MAX = 200_000;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FOLD = new java.util.concurrent.ConcurrentHashMap<>();

    private static String cached(java.util.concurrent.ConcurrentHashMap<String, String> cache, String key,
                                 java.util.function.Function<String, String> f) {
        if (key.length() > 80) return f.apply(key);
        String v = cache.get(key);
        if (v != null) return v;
        if (cache.size() >= CACHE_MAX) cache.clear();
        v = f.apply(key);
        cache.put(key, v);
        return v;
    }

    /** Lower-case ASCII words separated by single spaces; hyphens and apostrophes removed; initials joined. */
    public static String plain(String name) {
        // One word of ASCII letters and digits (most words of a text) is its own key in lower case: no cache needed,
        // and looking one up in a large shared map costs more than the conversion.
        boolean simple = !name.isEmpty(), upper = false;
        for (int i = 0; i < name.length() && simple; i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') upper = true;
            else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) simple = false;
        }
        if (simple) return upper ? name.toLowerCase(Locale.ROOT) : name;
        return cached(PLAIN, name, NameKey::computePlain);
    }

    private static String computePlain(String name) {
        String latin = ascii(name).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(latin.length());
        int i = 0, n = latin.length();
        while (i < n) {
            char c = latin.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(latin.charAt(j)) || latin.charAt(j) == '-' || latin.charAt(j) == '\'')) j++;
                String word = latin.substring(i, j).replace("-", "").replace("'", "");
                boolean initial = word.length() == 1 && j < n && latin.charAt(j) == '.';
                boolean prevInitial = sb.length() >= 1 && sb.charAt(sb.length() - 1) == '.';
                if (prevInitial) sb.setLength(sb.length() - 1);
                if (sb.length() > 0 && !(prevInitial && initial)) sb.append(' '); // join "l." "m." -> "lm"
                sb.append(word);
                if (initial) { sb.append('.'); j++; }
                i = j;
            } else i++;
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '.') sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** The romanisation-folded key: see the class comment. Spaces are dropped. */
    public static String fold(String name) { return cached(FOLD, name, NameKey::computeFold); }

    private static String computeFold(String name) {
        String p = plain(name);
        StringBuilder out = new StringBuilder(p.length());
        for (String w : p.split(" ")) out.append(foldWord(w));
        return out.toString();
    }

    /** Folds one lower-case ASCII word. */
    public static String foldWord(String w) {
        if (w.isEmpty()) return w;
        String s = w;
        s = s.replace("tsch", "ch").replace("tch", "ch").replace("sch", "sh").replace("kh", "ch")
                .replace("ks", "x").replace("ph", "f").replace('w', 'v').replace("ou", "u");
        if (s.endsWith("ff")) s = s.substring(0, s.length() - 2) + "v";
        s = SKY.matcher(s).replaceFirst("ski");
        s = IY.matcher(s).replaceFirst("i");
        if (s.endsWith("ine") && s.length() > 5) s = s.substring(0, s.length() - 1); // French Staline, Boukharine
        s = s.replace('j', 'y').replace('y', 'i').replace("ie", "e");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && c == s.charAt(i - 1)) continue; // doubled letters
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Latin-script ASCII rendering, case kept: accents are stripped by Unicode decomposition; other scripts
     * (Cyrillic, Greek, ...) go through ICU's Russian-Latin/BGN; Any-Latin; Latin-ASCII, loaded only when such text turns up.
     */
    public static String ascii(String s) {
        boolean plainAscii = true, latin = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127) { plainAscii = false; if (c > 0x24F && !(c >= 0x2000 && c <= 0x206F) && Character.isLetter(c)) latin = false; }
        }
        if (plainAscii) return s;
        String t = s.replace('’', '\'').replace('‘', '\'');
        if (!latin) {
            Transliterator tr = toLatin();
            synchronized (tr) { return tr.transliterate(t); }
        }
        String d = Normalizer.normalize(t, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            switch (c) {
                case 'ł' -> sb.append('l');
                case 'Ł' -> sb.append('L');
                case 'ß' -> sb.append("ss");
                case 'æ' -> sb.append("ae");
                case 'Æ' -> sb.append("Ae");
                case 'ø' -> sb.append('o');
                case 'Ø' -> sb.append('O');
                case 'đ' -> sb.append('d');
                case 'Đ' -> sb.append('D');
                case 'ı' -> sb.append('i');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Transliterator translit;

    private static synchronized Transliterator toLatin() {
        // BGN/PCGN for Cyrillic gives the English renderings (kh, zh, ya) that threads use; Any-Latin for the rest
        if (translit == null) translit = Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
        return translit;
    }

    /** Is the character a vowel (for the cheap vowel substitutions of {@link #distance})? */
    static boolean vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

    /**
     * Damerau-Levenshtein distance (optimal string alignment) in which one vowel standing for another costs 0.5:
     * transliterations and hurried typing swap vowels far more often than consonants (Bakhurin for Bukharin).
     */
    public static double distance(String a, String b) { return distance(a, b, Double.MAX_VALUE); }

    /** {@link #distance(String, String)}, stopping early (with some value above {@code max}) once it exceeds max. */
    public static double distance(String a, String b, double max) {
        int n = a.length(), m = b.length();
        if (Math.abs(n - m) > max) return Math.abs(n - m);
        double[][] d = new double[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        double prevMin = 0;
        for (int i = 1; i <= n; i++) {
            char ca = a.charAt(i - 1);
            double rowMin = d[i][0];
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                double sub = ca == cb ? 0 : vowel(ca) && vowel(cb) ? 0.5 : 1;
                double v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + sub);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) v = Math.min(v, d[i - 2][j - 2] + 1);
                d[i][j] = v;
                if (v < rowMin) rowMin = v;
            }
            // every later cell builds on one of the last two rows (transpositions reach back two)
            if (rowMin > max && prevMin > max) return rowMin;
            prevMin = rowMin;
        }
        return d[n][m];
    }

    /** The largest distance accepted between a written name and a key, by the key's length (precision first). */
    /** Plain Levenshtein distance: insertions, deletions and substitutions all cost 1. */
    public static int edits(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }

    public static double threshold(int length) {
        if (length <= 4) return 0;
        if (length <= 6) return 1;
        if (length == 7) return 1.5;
        if (length <= 9) return 2;
        return 2.5;
    }
}
