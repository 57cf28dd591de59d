package org.exhibit.analysis.reuse;

import java.util.Arrays;

/** An open-addressing map from long keys to int counts: 12 bytes an entry, no boxing. Key Long.MIN_VALUE is reserved. */
final class LongIntMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private int[] vals;
    private int size;

    LongIntMap(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        keys = new long[c];
        Arrays.fill(keys, EMPTY);
        vals = new int[c];
    }

    private static int mix(long k) {
        k ^= k >>> 33; k *= 0xff51afd7ed558ccdL; k ^= k >>> 33;
        return (int) k;
    }

    /** Adds delta to the key's value and returns the new value. */
    int add(long key, int delta) {
        if (size * 2 >= keys.length) grow();
        int m = keys.length - 1, i = mix(key) & m;
        while (keys[i] != EMPTY && keys[i] != key) i = (i + 1) & m;
        if (keys[i] == EMPTY) { keys[i] = key; size++; }
        return vals[i] += delta;
    }

    int get(long key) {
        int m = keys.length - 1, i = mix(key) & m;
        while (keys[i] != EMPTY) { if (keys[i] == key) return vals[i]; i = (i + 1) & m; }
        return 0;
    }

    int size() { return size; }

    /** Keys whose value is at least min, sorted. */
    long[] keysAtLeast(int min) {
        long[] out = new long[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY && vals[i] >= min) out[n++] = keys[i];
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = vals;
        keys = new long[ok.length * 2];
        Arrays.fill(keys, EMPTY);
        vals = new int[ok.length * 2];
        size = 0;
        for (int i = 0; i < ok.length; i++) if (ok[i] != EMPTY) add(ok[i], ov[i]);
    }
}
