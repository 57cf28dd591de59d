package org.exhibit.bench;

import org.exhibit.index.Search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search latency over a corpus index (bench/corpus.sh): a mix of word, phrase, fuzzy, prefix and filtered queries,
 * each run many times after a warm-up; prints p50 and p99 in milliseconds. Not a test.
 */
public final class SearchBench {
    record Q(String query, Search.Filters filters) {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<Q> queries = List.of(
                new Q("confessions", Search.Filters.NONE),
                new Q("\"German munitions\"", Search.Filters.NONE),
                new Q("Malmesbery~", Search.Filters.NONE),
                new Q("commiss*", Search.Filters.NONE),
                new Q("Stalin AND Molotov", Search.Filters.NONE),
                new Q("famine OR genocide", Search.Filters.NONE),
                new Q("evidence", new Search.Filters(null, "Hunter", null, null, null, null, null)),
                new Q("Dresden", new Search.Filters(null, null, null, "quote", null, "2008", "2012")),
                new Q("*", new Search.Filters(null, null, null, "post", null, "2010-02", "2010-02")));
        try (Search s = Search.open(index)) {
            System.out.printf(Locale.ROOT, "index: %d Lucene documents (posts and quotes)%n", s.size());
            for (int i = 0; i < 5; i++) for (Q q : queries) s.search(q.query(), q.filters(), 10, false);
            List<Long> all = new ArrayList<>();
            for (Q q : queries) {
                long[] t = new long[rounds];
                long total = 0;
                for (int i = 0; i < rounds; i++) {
                    long t0 = System.nanoTime();
                    total = s.search(q.query(), q.filters(), 10, false).total();
                    t[i] = System.nanoTime() - t0;
                    all.add(t[i]);
                }
                Arrays.sort(t);
                System.out.printf(Locale.ROOT, "  %-24s %-28s %9d hits  p50 %7.2f ms  p99 %7.2f ms%n", q.query(),
                        filters(q.filters()), total, t[rounds / 2] / 1e6, t[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.99) - 1)] / 1e6);
            }
            long[] a = all.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "all queries (top 10 with highlighted snippets): p50 %.2f ms  p99 %.2f ms over %d searches%n",
                    a[a.length / 2] / 1e6, a[(int) Math.ceil(a.length * 0.99) - 1] / 1e6, a.length);
        }
    }

    private static String filters(Search.Filters f) {
        List<String> l = new ArrayList<>();
        if (f.author() != null) l.add("author=" + f.author());
        if (f.kind() != null) l.add("kind=" + f.kind());
        if (f.from() != null) l.add(f.from() + ".." + f.to());
        return String.join(" ", l);
    }
}
