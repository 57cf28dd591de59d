package org.exhibit.analysis.reuse;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-level alignment of two passages A and B, as a list of operations over word indexes. Its compact
 * {@link #script()} is a sequence of {@code OPn} items separated by spaces, read left to right over both passages:
 * <ul>
 *   <li>{@code =n}: the next n words are the same in A and B (after normalisation: case, diacritics, punctuation
 *       and quotation marks are ignored);</li>
 *   <li>{@code ~n}: the next n words of A are replaced by the next n words of B;</li>
 *   <li>{@code -n}: the next n words of A are missing from B;</li>
 *   <li>{@code +n}: the next n words of B are not in A.</li>
 * </ul>
 * Example: {@code =12 ~1 =30 +1 =5} is 12 shared words, one changed word, 30 shared, one word added in B, 5 shared.
 */
public final class Alignment {
    /** One operation: words [aFrom, aTo) of A and [bFrom, bTo) of B. */
    public record Op(char type, int aFrom, int aTo, int bFrom, int bTo) {
        public int length() { return Math.max(aTo - aFrom, bTo - bFrom); }
    }

    private final List<Op> ops = new ArrayList<>();
    /** Words shared so far, kept up to date by add and prepend: asked for in every sort and filter of alignments. */
    private int matched;

    /** Appends na words of A from a and nb words of B from b. */
    public void add(char type, int a, int b, int na, int nb) {
        if (na == 0 && nb == 0) return;
        if (type == '=') matched += na;
        if (!ops.isEmpty()) {
            Op last = ops.get(ops.size() - 1);
            if (last.type == type && last.aTo == a && last.bTo == b) {
                ops.set(ops.size() - 1, new Op(type, last.aFrom, a + na, last.bFrom, b + nb));
                return;
            }
        }
        ops.add(new Op(type, a, a + na, b, b + nb));
    }

    /** Puts one operation before the first; the caller keeps the indexes contiguous. */
    public void prepend(char type, int a, int b, int na, int nb) {
        if (na == 0 && nb == 0) return;
        if (type == '=') matched += na;
        if (!ops.isEmpty() && ops.get(0).type == type && ops.get(0).aFrom == a + na && ops.get(0).bFrom == b + nb)
            ops.set(0, new Op(type, a, ops.get(0).aTo, b, ops.get(0).bTo));
        else ops.add(0, new Op(type, a, a + na, b, b + nb));
    }

    public List<Op> ops() { return java.util.Collections.unmodifiableList(ops); }

    public int aStart() { return ops.isEmpty() ? 0 : ops.get(0).aFrom; }
    public int aEnd() { return ops.isEmpty() ? 0 : ops.get(ops.size() - 1).aTo; }
    public int bStart() { return ops.isEmpty() ? 0 : ops.get(0).bFrom; }
    public int bEnd() { return ops.isEmpty() ? 0 : ops.get(ops.size() - 1).bTo; }

    /** Words shared by A and B. */
    public int matched() { return matched; }

    /** Dice similarity over words: 2 * shared / (|A| + |B|). */
    public double similarity() {
        int n = (aEnd() - aStart()) + (bEnd() - bStart());
        return n == 0 ? 0 : 2.0 * matched() / n;
    }

    public boolean identical() {
        return ops.size() == 1 && ops.get(0).type == '=';
    }

    /** Shared words of A that are not function words. */
    public int matchedContent(NormalisedWords a) {
        int m = 0;
        for (Op o : ops) if (o.type == '=') for (int i = o.aFrom; i < o.aTo; i++) if (!a.stop(i)) m++;
        return m;
    }

    public String script() {
        StringBuilder sb = new StringBuilder();
        for (Op o : ops) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(o.type).append(o.length());
        }
        return sb.toString();
    }

    /** The differences as readable edits, e.g. {@code Muscovite → Moscovite}, {@code − ed}, {@code + and simply talk}. */
    public List<String> differences(NormalisedWords a, NormalisedWords b) {
        List<String> l = new ArrayList<>();
        for (Op o : ops) {
            switch (o.type) {
                case '~' -> l.add(surface(a, o.aFrom, o.aTo) + " → " + surface(b, o.bFrom, o.bTo));
                case '-' -> l.add("− " + surface(a, o.aFrom, o.aTo));
                case '+' -> l.add("+ " + surface(b, o.bFrom, o.bTo));
                default -> { }
            }
        }
        return l;
    }

    static String surface(NormalisedWords w, int from, int to) {
        if (from >= to) return "";
        if (to - from > 12) return w.text().substring(w.start(from), w.end(from + 5)) + " … " + w.text().substring(w.start(to - 5), w.end(to - 1));
        return w.text().substring(w.start(from), w.end(to - 1));
    }

    @Override public String toString() { return script(); }
}
