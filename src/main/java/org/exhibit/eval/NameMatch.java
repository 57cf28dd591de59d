package org.exhibit.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lenient comparison of names and work titles as people write them: case, punctuation, diacritics and initials do
 * not matter; a surname or a content word may differ by one letter (Chuev/Chuyev); a descriptive title matches when
 * most of its content words are in the other.
 */
public final class NameMatch {
    private NameMatch() {}

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "and", "with", "by", "to", "for", "from", "at");

    public static List<String> tokens(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String t : n.split("[^\\p{L}\\p{N}]+")) if (t.length() > 1 && !STOP.contains(t)) out.add(t);
        return out;
    }

    static boolean tokenEq(String a, String b) {
        if (a.equals(b)) return true;
        return Math.min(a.length(), b.length()) >= 5 && distance(a, b) <= 1;
    }

    /** Same person: same surname (last token) and, when both give more, compatible other tokens. */
    public static boolean samePerson(String a, String b) {
        if (a == null || b == null) return a == b;
        List<String> x = tokens(a), y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        if (tokenEq(x.get(x.size() - 1), y.get(y.size() - 1))) return true;
        return overlap(x, y) >= 0.6 && overlap(y, x) >= 0.6;
    }

    /** Same work: most content words of the shorter title are in the longer one. */
    public static boolean sameWork(String a, String b) {
        if (a == null || b == null) return a == b;
        List<String> x = tokens(a), y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) return false;
        return Math.max(overlap(x, y), overlap(y, x)) >= 0.6 && Math.min(overlap(x, y), overlap(y, x)) >= 0.4;
    }

    /** Fraction of a's tokens found in b. */
    static double overlap(List<String> a, List<String> b) {
        int n = 0;
        for (String t : a) for (String u : b) if (tokenEq(t, u)) { n++; break; }
        return n / (double) a.size();
    }

    public static int distance(String a, String b) { return org.exhibit.authority.NameKey.edits(a, b); }
}
