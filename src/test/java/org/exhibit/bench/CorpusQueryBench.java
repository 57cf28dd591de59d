package org.exhibit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.index.Search;
import org.exhibit.output.JsonWriter;

import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Search latency on a real corpus (bench/iac-corpus.sh): N queries drawn from the corpus itself — author names as a
 * filter, rare words, two- and three-word phrases, people named in the posts, some with a date or kind filter —
 * run in process over the index, then (with a URL) through the web API by C concurrent clients on loopback.
 * Prints p50/p95/p99 and errors. Not a test.
 * usage: CorpusQueryBench INDEX_DIR NDJSON_DIR QUERIES [BASE_URL CLIENTS]
 *   -Dbench.inProcess=false: the web API only; -Dbench.warmup=N: N queries through the API first, not timed (the
 *   server's JIT warms up); -Dbench.serverPid=PID: the server's CPU seconds for the timed requests (from /proc).
 */
public final class CorpusQueryBench {
    record Q(String kind, String query, Search.Filters filters) {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]), input = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        List<Q> queries = draw(input, n, new Random(42));
        String inProcess = System.getProperty("bench.inProcess", "true");
        if (!inProcess.equals("0") && !inProcess.equals("false")) inProcess(index, queries);
        if (args.length > 4) web(args[3], Integer.parseInt(args[4]), queries);
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    static void inProcess(Path index, List<Q> queries) throws Exception {
        try (Search s = Search.open(index)) {
            System.out.printf(Locale.ROOT, "index: %d Lucene documents (posts and quotes); %d queries drawn from the corpus%n", s.size(), queries.size());
            for (Q q : queries.subList(0, Math.min(200, queries.size())))
                try { s.search(q.query(), q.filters(), 10, false); } catch (Exception e) { /* counted below */ } // warm-up
            Map<String, List<Long>> byKind = new TreeMap<>(), byKindCpu = new TreeMap<>();
            List<Long> all = new ArrayList<>(), cpu = new ArrayList<>();
            long hits = 0, refused = 0;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (Q q : queries) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try {
                    hits += s.search(q.query(), q.filters(), 10, false).total() > 0 ? 1 : 0;
                } catch (Exception e) {
                    refused++; // a query the parser refuses (a user name of punctuation only): a one-line error for a user
                }
                long t = System.nanoTime() - t0;
                long c = mx.getCurrentThreadCpuTime() - c0;
                cpu.add(c);
                byKindCpu.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(c);
                all.add(t);
                byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(t);
            }
            for (var e : byKind.entrySet())
                System.out.printf(Locale.ROOT, "  in process  %-16s %s; CPU %s%n", e.getKey(), pct(e.getValue()), cpuPct(byKindCpu.get(e.getKey())));
            System.out.printf(Locale.ROOT, "in process, all: %s; %d of %d queries found something, %d refused as unreadable%n", pct(all), hits, queries.size(), refused);
            // on a shared machine the wall times above include waiting for a core; the CPU time of the query does not
            System.out.printf(Locale.ROOT, "in process, CPU time of each query: %s%n", pct(cpu));
        }
    }

    /** The API requests (path and query, from "/api/search?") of N queries drawn from the corpus as the bench draws them. */
    public static List<String> urls(Path input, int n) throws Exception {
        List<String> out = new ArrayList<>();
        for (Q q : draw(input, n, new Random(42))) out.add(url("/", q));
        return out;
    }

    /** User + system CPU seconds of a process so far (Linux /proc), or -1. */
    static double cpuSeconds(String pid) {
        if (pid == null) return -1;
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // fields 14 and 15; USER_HZ is 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    static String url(String base, Q q) {
        return base + "api/search?limit=10&q=" + enc(q.query()) + param("author", q.filters().author())
                + param("person", q.filters().person()) + param("kind", q.filters().kind())
                + param("from", q.filters().from()) + param("to", q.filters().to());
    }

    static void web(String base, int clients, List<Q> queries) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(clients)).build();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger(), next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int warm = Integer.getInteger("bench.warmup", 0);
        if (warm > 0) {
            // the same kinds of query, drawn afresh, from 4 clients: the server's code is compiled before the timed run
            List<Q> w = draw(QUERY_SOURCE, warm, new Random(7));
            List<Future<?>> ws = new ArrayList<>();
            AtomicInteger wi = new AtomicInteger();
            for (int c = 0; c < 4; c++)
                ws.add(pool.submit(() -> {
                    for (int i; (i = wi.getAndIncrement()) < w.size(); )
                        try { http.send(HttpRequest.newBuilder(URI.create(url(base, w.get(i)))).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()); }
                        catch (Exception e) { /* counted in the timed run */ }
                    return null;
                }));
            for (Future<?> f : ws) f.get();
        }
        String pid = System.getProperty("bench.serverPid");
        double cpu0 = cpuSeconds(pid);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++)
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < queries.size(); ) {
                    String url = url(base, queries.get(i));
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 && r.statusCode() != 400) errors.incrementAndGet(); // 400: the query refused, as in process
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    times.add(System.nanoTime() - s);
                }
                return null;
            }));
        for (Future<?> f : done) f.get();
        pool.shutdown();
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu1 = cpuSeconds(pid);
        System.out.printf(Locale.ROOT, "web API, %d concurrent clients: %s; %d errors; %.0f requests/s%s%n", clients, pct(times), errors.get(), queries.size() / secs,
                cpu0 >= 0 && cpu1 >= 0 ? String.format(Locale.ROOT, "; server %.1f CPU-s for the %d requests (%.1f ms each)%s", cpu1 - cpu0, queries.size(),
                        (cpu1 - cpu0) * 1000 / queries.size(), warm > 0 ? " after " + warm + " warm-up requests" : "") : "");
    }

    /** Queries from a sample of the corpus's own posts. */
    private static Path QUERY_SOURCE;

    static List<Q> draw(Path input, int n, Random rnd) throws Exception {
        QUERY_SOURCE = input;
        List<Path> files;
        try (Stream<Path> s = Files.list(input)) { files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList(); }
        Collections.shuffle(files = new ArrayList<>(files), rnd);
        List<String> authors = new ArrayList<>(), bodies = new ArrayList<>();
        Map<String, Integer> freq = new HashMap<>();
        for (Path f : files.subList(0, Math.min(400, files.size()))) {
            try (BufferedReader r = Files.newBufferedReader(f)) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode o = JsonWriter.mapper().readTree(line);
                    authors.add(o.path("author").asText());
                    String body = o.path("body").asText();
                    bodies.add(body);
                    for (String w : words(body)) freq.merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        List<String> rare = new ArrayList<>(), capitalised = new ArrayList<>();
        for (String body : bodies)
            for (String w : words(body)) {
                int f = freq.getOrDefault(w.toLowerCase(Locale.ROOT), 0);
                if (w.length() >= 6 && f >= 2 && f <= 5) rare.add(w.toLowerCase(Locale.ROOT));
                if (w.length() >= 4 && Character.isUpperCase(w.charAt(0)) && f >= 20 && f <= 2000) capitalised.add(w);
            }
        List<Q> out = new ArrayList<>();
        String[] years = {"2005", "2006", "2007", "2008", "2009", "2010", "2011"};
        while (out.size() < n) {
            switch (out.size() % 6) {
                case 0 -> out.add(new Q("rare word", pick(rare, rnd), Search.Filters.NONE));
                case 1 -> {
                    List<String> w = words(pick(bodies, rnd));
                    if (w.size() < 4) continue;
                    int at = rnd.nextInt(w.size() - 3), len = 2 + rnd.nextInt(2);
                    out.add(new Q("phrase", "\"" + String.join(" ", w.subList(at, at + len)) + "\"", Search.Filters.NONE));
                }
                case 2 -> out.add(new Q("author filter", pick(rare, rnd), new Search.Filters(null, pick(authors, rnd), null, null, null, null, null)));
                case 3 -> out.add(new Q("person filter", "*", new Search.Filters(null, null, null, null, pick(capitalised, rnd), null, null)));
                case 4 -> {
                    String y = years[rnd.nextInt(years.length)];
                    out.add(new Q("word + dates", pick(rare, rnd), new Search.Filters(null, null, null, null, null, y, y)));
                }
                default -> out.add(new Q("word + kind", pick(capitalised, rnd), new Search.Filters(null, null, null, "quote", null, null, null)));
            }
        }
        return out;
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}]+")) if (w.length() >= 2) out.add(w);
        return out;
    }

    static String pick(List<String> l, Random rnd) { return l.isEmpty() ? "the" : l.get(rnd.nextInt(l.size())); }

    static String param(String k, String v) { return v == null ? "" : "&" + k + "=" + enc(v); }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static String cpuPct(List<Long> ns) {
        long[] a = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.2f ms p99 %.2f ms", a[a.length / 2] / 1e6, a[(int) Math.ceil(a.length * 0.99) - 1] / 1e6);
    }

    static String pct(List<Long> ns) {
        long[] a = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        if (a.length == 0) return "no requests";
        return String.format(Locale.ROOT, "p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (n=%d)", a[a.length / 2] / 1e6,
                a[(int) Math.ceil(a.length * 0.95) - 1] / 1e6, a[(int) Math.ceil(a.length * 0.99) - 1] / 1e6, a.length);
    }
}
