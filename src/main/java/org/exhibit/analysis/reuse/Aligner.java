package org.exhibit.analysis.reuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Seeded alignment in the manner of passim: shared word n-grams (anchors) are chained along a diagonal band, the
 * gaps between consecutive anchors are aligned by a small word-level edit-distance table, and the matched run is
 * extended over identical words at both ends. Cost is linear in the length of the aligned passages.
 */
public final class Aligner {
    /** Shingle length in words. */
    public int n = 5;
    /** Largest gap, in words, between two anchors of one chain. */
    public int maxGap = 24;
    /** Largest drift of the diagonal between two anchors (words inserted or dropped between them). */
    public int band = 12;

    /**
     * Chains anchors into aligned passage pairs. {@code seeds} are packed {@code (long) a << 32 | b} (word indexes
     * in A and B), any order; when {@code same} is true A and B are one text, every seed has a < b and the two
     * passages of a pair may not overlap.
     */
    public List<Alignment> align(NormalisedWords a, NormalisedWords b, long[] seeds, int count, boolean same) {
        long[] s = Arrays.copyOf(seeds, count);
        Arrays.sort(s);
        List<List<Integer>> members = new ArrayList<>();
        List<int[]> open = new ArrayList<>(); // {chainIndex, lastA, lastB}
        int pruned = Integer.MIN_VALUE;
        for (int k = 0; k < s.length; k++) {
            int sa = (int) (s[k] >>> 32), sb = (int) s[k];
            final int cur = sa;
            if (cur != pruned) { open.removeIf(c -> cur - c[1] > maxGap); pruned = cur; } // seeds come sorted by a
            int best = -1, bestDrift = Integer.MAX_VALUE;
            for (int o = open.size() - 1; o >= 0; o--) {
                int[] c = open.get(o);
                if (sa <= c[1] && sb <= c[2]) continue;
                if (sb <= c[2] || sb - c[2] > maxGap + band) continue;
                int drift = Math.abs((sb - sa) - (c[2] - c[1]));
                if (drift <= band && drift < bestDrift) { best = o; bestDrift = drift; }
            }
            if (best >= 0) {
                int[] c = open.get(best);
                members.get(c[0]).add(k);
                c[1] = sa; c[2] = sb;
            } else {
                members.add(new ArrayList<>(List.of(k)));
                open.add(new int[]{members.size() - 1, sa, sb});
            }
        }
        List<Alignment> out = new ArrayList<>();
        // Chains come in the order of their first anchor, so the start in A only grows: an alignment that ends before
        // it can cover no later chain and leaves the list that is searched, which keeps this step linear.
        List<Alignment> reach = new ArrayList<>();
        for (List<Integer> m : members) {
            long first = s[m.get(0)];
            int fa = (int) (first >>> 32), fb = (int) first;
            reach.removeIf(o -> o.aEnd() <= fa);
            boolean covered = false;
            // a chain starting inside an alignment already built is a piece of it, or implied by it
            for (Alignment o : reach)
                if (fa >= o.aStart() && fb >= o.bStart() && fb < o.bEnd()) { covered = true; break; }
            if (covered) continue;
            Alignment al = build(a, b, s, m, same);
            if (al != null) { out.add(al); reach.add(al); }
        }
        return out;
    }

    /**
     * The most anchors of one chain, chained as {@link #align} chains them (along a diagonal, gaps of at most
     * {@code maxGap} words, drift of at most {@code band}), without reading the texts: a cheap test of whether two
     * documents share a passage or only scattered phrases. {@code seeds} are packed as for {@link #align}; the first
     * {@code count} are read and not changed.
     */
    public static int longestChain(long[] seeds, int count, int maxGap, int band) {
        if (seeds == null || count == 0) return 0;
        long[] s = Arrays.copyOf(seeds, count);
        Arrays.sort(s);
        int bestLen = 0;
        int[] lastA = new int[8], lastB = new int[8], len = new int[8];
        int open = 0;
        for (int k = 0; k < s.length; k++) {
            int sa = (int) (s[k] >>> 32), sb = (int) s[k];
            int w = 0;
            for (int o = 0; o < open; o++)
                if (sa - lastA[o] <= maxGap) { lastA[w] = lastA[o]; lastB[w] = lastB[o]; len[w] = len[o]; w++; }
            open = w;
            int best = -1, bestDrift = Integer.MAX_VALUE;
            for (int o = open - 1; o >= 0; o--) {
                if (sa <= lastA[o] && sb <= lastB[o]) continue;
                if (sb <= lastB[o] || sb - lastB[o] > maxGap + band) continue;
                int drift = Math.abs((sb - sa) - (lastB[o] - lastA[o]));
                if (drift <= band && drift < bestDrift) { best = o; bestDrift = drift; }
            }
            if (best >= 0) {
                lastA[best] = sa; lastB[best] = sb;
                bestLen = Math.max(bestLen, ++len[best]);
            } else {
                if (open == lastA.length) { lastA = Arrays.copyOf(lastA, open * 2); lastB = Arrays.copyOf(lastB, open * 2); len = Arrays.copyOf(len, open * 2); }
                lastA[open] = sa; lastB[open] = sb; len[open] = 1;
                open++;
                bestLen = Math.max(bestLen, 1);
            }
        }
        return bestLen;
    }

    private Alignment build(NormalisedWords a, NormalisedWords b, long[] s, List<Integer> m, boolean same) {
        int pa = (int) (s[m.get(0)] >>> 32), pb = (int) s[m.get(0)];
        if (!eq(a, b, pa, pb)) {
            // first anchor is a hash collision: start from the first real match
            boolean ok = false;
            for (int idx : m) { pa = (int) (s[idx] >>> 32); pb = (int) s[idx]; if (eq(a, b, pa, pb)) { ok = true; break; } }
            if (!ok) return null;
        }
        while (pa > 0 && pb > 0 && eq(a, b, pa - 1, pb - 1) && (!same || pb - 1 > pa - 1)) { pa--; pb--; }
        int limitA = same ? pb : a.size();
        Alignment al = new Alignment();
        int ca = pa, cb = pb;
        for (int idx : m) {
            int sa = (int) (s[idx] >>> 32), sb = (int) s[idx];
            if (sa < ca || sb < cb || sa >= limitA) continue;
            if (!eq(a, b, sa, sb)) continue;
            if (sa > ca || sb > cb) gap(a, b, ca, sa, cb, sb, al);
            ca = sa; cb = sb;
            int run = 0;
            while (ca < limitA && cb < b.size() && eq(a, b, ca, cb)) { ca++; cb++; run++; }
            al.add('=', ca - run, cb - run, run, run);
        }
        if (al.ops().isEmpty()) return null;
        extendForward(a, b, al, limitA);
        extendBackward(a, b, al, same);
        return al;
    }

    /** Past the last anchor: one changed, added or dropped word followed by at least two shared words. */
    static void extendForward(NormalisedWords a, NormalisedWords b, Alignment al, int limitA) {
        while (true) {
            int ca = al.aEnd(), cb = al.bEnd();
            int[][] tries = {{1, 1, '~'}, {1, 0, '-'}, {0, 1, '+'}};
            boolean moved = false;
            for (int[] t : tries) {
                int na = ca + t[0], nb = cb + t[1], run = 0;
                while (na + run < limitA && nb + run < b.size() && eq(a, b, na + run, nb + run)) run++;
                if (run >= 2) {
                    al.add((char) t[2], ca, cb, t[0], t[1]);
                    al.add('=', na, nb, run, run);
                    moved = true;
                    break;
                }
            }
            if (!moved) return;
        }
    }

    /** Before the first anchor, the same. */
    static void extendBackward(NormalisedWords a, NormalisedWords b, Alignment al, boolean same) {
        while (true) {
            int ca = al.aStart(), cb = al.bStart();
            int[][] tries = {{1, 1, '~'}, {1, 0, '-'}, {0, 1, '+'}};
            boolean moved = false;
            for (int[] t : tries) {
                int na = ca - t[0], nb = cb - t[1], run = 0;
                while (na - run - 1 >= 0 && nb - run - 1 >= (same ? al.aEnd() : 0) && eq(a, b, na - run - 1, nb - run - 1)) run++;
                if (run >= 2) {
                    al.prepend((char) t[2], na, nb, t[0], t[1]);
                    al.prepend('=', na - run, nb - run, run, run);
                    moved = true;
                    break;
                }
            }
            if (!moved) return;
        }
    }

    static boolean eq(NormalisedWords a, NormalisedWords b, int i, int j) { return a.hash(i) == b.hash(j); }

    /** Levenshtein over words for a short gap; substitutions are preferred over an insert plus a delete. */
    static void gap(NormalisedWords a, NormalisedWords b, int a0, int a1, int b0, int b1, Alignment al) {
        int na = a1 - a0, nb = b1 - b0;
        if (na == 0) { al.add('+', a0, b0, 0, nb); return; }
        if (nb == 0) { al.add('-', a0, b0, na, 0); return; }
        int[][] d = new int[na + 1][nb + 1];
        for (int i = 0; i <= na; i++) d[i][0] = i;
        for (int j = 0; j <= nb; j++) d[0][j] = j;
        for (int i = 1; i <= na; i++)
            for (int j = 1; j <= nb; j++) {
                int sub = d[i - 1][j - 1] + (eq(a, b, a0 + i - 1, b0 + j - 1) ? 0 : 1);
                d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        char[] ops = new char[na + nb];
        int k = 0, i = na, j = nb;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (eq(a, b, a0 + i - 1, b0 + j - 1) ? 0 : 1)) {
                ops[k++] = eq(a, b, a0 + i - 1, b0 + j - 1) ? '=' : '~'; i--; j--;
            } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) { ops[k++] = '-'; i--; }
            else { ops[k++] = '+'; j--; }
        }
        int x = a0, y = b0;
        for (int q = k - 1; q >= 0; q--) {
            char o = ops[q];
            switch (o) {
                case '=', '~' -> { al.add(o, x, y, 1, 1); x++; y++; }
                case '-' -> { al.add('-', x, y, 1, 0); x++; }
                default -> { al.add('+', x, y, 0, 1); y++; }
            }
        }
    }
}
