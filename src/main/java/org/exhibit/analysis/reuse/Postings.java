package org.exhibit.analysis.reuse;

/** Sorting of parallel primitive arrays (a long key and a long value), without boxing. */
public final class Postings {
    private Postings() {}

    /** Sorts keys[0, n) ascending, permuting vals alike. */
    public static void sort(long[] keys, long[] vals, int n) { quick(keys, vals, 0, n - 1); }

    private static void quick(long[] k, long[] v, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            // median of three
            if (k[mid] < k[lo]) swap(k, v, mid, lo);
            if (k[hi] < k[lo]) swap(k, v, hi, lo);
            if (k[hi] < k[mid]) swap(k, v, hi, mid);
            long pivot = k[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (k[i] < pivot) i++;
                while (k[j] > pivot) j--;
                if (i <= j) { swap(k, v, i, j); i++; j--; }
            }
            // recurse into the smaller half to bound the stack
            if (j - lo < hi - i) { quick(k, v, lo, j); lo = i; } else { quick(k, v, i, hi); hi = j; }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long kk = k[i], vv = v[i];
            int j = i - 1;
            while (j >= lo && k[j] > kk) { k[j + 1] = k[j]; v[j + 1] = v[j]; j--; }
            k[j + 1] = kk; v[j + 1] = vv;
        }
    }

    private static void swap(long[] k, long[] v, int a, int b) {
        long t = k[a]; k[a] = k[b]; k[b] = t;
        t = v[a]; v[a] = v[b]; v[b] = t;
    }
}
