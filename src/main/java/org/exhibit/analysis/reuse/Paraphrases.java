package org.exhibit.analysis.reuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Short claims told twice in different words ("If it wasn't for Comrade Stalin then we would of crushed you" /
 * "If it weren't for Comrade Stalin we would of buried you"): too short and too changed to share 5-word anchors.
 * Anchors here are word trigrams with at least one content word, occurring at most a few times; two or more
 * anchors on one diagonal open a window that a Smith-Waterman local alignment (content words weigh double) must
 * confirm with at least {@link #minWords} shared words, {@link #minContent} content words and Dice similarity
 * {@link #minSimilarity}. Findings are lower-confidence than shingle matches.
 */
public final class Paraphrases {
    public int minWords = 10;
    public int minContent = 6;
    public double minSimilarity = 0.6;
    public int maxOccurrences = 4;
    public int maxLength = 80;

    public List<Alignment> find(NormalisedWords w) {
        int n = 3, count = Math.max(0, w.size() - n + 1);
        long[] keys = new long[count], pos = new long[count];
        int m = 0;
        for (int i = 0; i < count; i++) {
            if (w.stop(i) && w.stop(i + 1) && w.stop(i + 2)) continue;
            keys[m] = w.shingle(i, n); pos[m] = i; m++;
        }
        Postings.sort(keys, pos, m);
        long[] seeds = new long[16];
        int ns = 0;
        for (int i = 0; i < m; ) {
            int j = i;
            while (j < m && keys[j] == keys[i]) j++;
            if (j - i >= 2 && j - i <= maxOccurrences) {
                long[] p = Arrays.copyOfRange(pos, i, j);
                Arrays.sort(p);
                for (int x = 0; x < p.length; x++)
                    for (int y = x + 1; y < p.length; y++) {
                        if (p[y] - p[x] < 2 * n) continue;
                        if (ns == seeds.length) seeds = Arrays.copyOf(seeds, ns * 2);
                        seeds[ns++] = p[x] << 32 | p[y];
                    }
            }
            i = j;
        }
        long[] s = Arrays.copyOf(seeds, ns);
        Arrays.sort(s);
        List<Alignment> out = new ArrayList<>();
        boolean[] used = new boolean[ns];
        for (int k = 0; k < ns; k++) {
            if (used[k]) continue;
            int a0 = (int) (s[k] >>> 32), b0 = (int) s[k], a1 = a0, b1 = b0, anchors = 1, lastA = a0;
            for (int q = k + 1; q < ns; q++) {
                int sa = (int) (s[q] >>> 32), sb = (int) s[q];
                if (sa - a1 > 15 || sa - a0 > maxLength) break; // a retelling is short: never grow a window past it
                if (Math.abs((sb - sa) - (b0 - a0)) > 6 || sb < b1) continue;
                used[q] = true;
                if (sa >= lastA + n) anchors++;
                lastA = Math.max(lastA, sa);
                a1 = Math.max(a1, sa); b1 = Math.max(b1, sb);
            }
            if (anchors < 2 || a1 - a0 > maxLength || b1 - b0 > 2 * maxLength) continue;
            int wb0 = Math.max(a1 + n, b0 - 8), wa1 = Math.min(wb0, a1 + n + 8);
            Alignment al = local(w, Math.max(0, a0 - 8), wa1, wb0, Math.min(w.size(), b1 + n + 8));
            if (al != null && al.matched() >= minWords && al.matchedContent(w) >= minContent && al.similarity() >= minSimilarity
                    && longestRun(al) * 2 <= al.matched() && al.aEnd() - al.aStart() <= maxLength)
                out.add(al);
        }
        return out;
    }

    /** A retelling scatters its shared words; one long shared run plus a few small words is a stock phrase. */
    static int longestRun(Alignment al) {
        int m = 0;
        for (Alignment.Op o : al.ops()) if (o.type() == '=') m = Math.max(m, o.aTo() - o.aFrom());
        return m;
    }

    /** Smith-Waterman over words of [a0, a1) and [b0, b1): +2 content match, +1 function-word match, -1 otherwise. */
    static Alignment local(NormalisedWords w, int a0, int a1, int b0, int b1) {
        int na = a1 - a0, nb = b1 - b0;
        if (na <= 0 || nb <= 0) return null;
        int[][] h = new int[na + 1][nb + 1];
        int best = 0, bi = 0, bj = 0;
        for (int i = 1; i <= na; i++)
            for (int j = 1; j <= nb; j++) {
                boolean eq = w.hash(a0 + i - 1) == w.hash(b0 + j - 1);
                int diag = h[i - 1][j - 1] + (eq ? (w.stop(a0 + i - 1) ? 1 : 2) : -1);
                int v = Math.max(0, Math.max(diag, Math.max(h[i - 1][j], h[i][j - 1]) - 1));
                h[i][j] = v;
                if (v > best) { best = v; bi = i; bj = j; }
            }
        if (best == 0) return null;
        StringBuilder ops = new StringBuilder();
        int i = bi, j = bj;
        while (i > 0 && j > 0 && h[i][j] > 0) {
            boolean eq = w.hash(a0 + i - 1) == w.hash(b0 + j - 1);
            int sc = eq ? (w.stop(a0 + i - 1) ? 1 : 2) : -1;
            if (h[i][j] == h[i - 1][j - 1] + sc) { ops.append(eq ? '=' : '~'); i--; j--; }
            else if (h[i][j] == h[i - 1][j] - 1) { ops.append('-'); i--; }
            else { ops.append('+'); j--; }
        }
        ops.reverse();
        // trim leading non-matches
        int k = 0;
        while (k < ops.length() && ops.charAt(k) != '=') {
            char o = ops.charAt(k++);
            if (o != '+') i++;
            if (o != '-') j++;
        }
        Alignment al = new Alignment();
        int x = a0 + i, y = b0 + j;
        for (; k < ops.length(); k++) {
            char o = ops.charAt(k);
            switch (o) {
                case '=', '~' -> { al.add(o, x, y, 1, 1); x++; y++; }
                case '-' -> { al.add('-', x, y, 1, 0); x++; }
                default -> { al.add('+', x, y, 0, 1); y++; }
            }
        }
        return al.ops().isEmpty() ? null : al;
    }
}
