package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.exhibit.output.GraphWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The web reading view on the JDK's HTTP server: {@code /} lists the threads, {@code /threads/ID} shows one,
 * {@code /threads/ID/sources} its provenance graph and timeline alone, {@code /api/threads} and {@code /api/threads/ID}
 * give the same as JSON ({@code /api/threads/ID/graph} and {@code .../graph.graphml} the graph), {@code /static/} the stylesheet and
 * script; {@code /new} opens a thread (POST to {@code /threads} or {@code /api/threads}, the only POST); with a
 * corpus, {@code /search}, {@code /people}, {@code /works}, {@code /reuse} and the same under {@code /api/}.
 * Every response forbids inline script through its Content-Security-Policy.
 */
public final class WebServer implements AutoCloseable {
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, String> STATIC = Map.of(
            "/static/view.css", "text/css; charset=utf-8",
            "/static/view.js", "text/javascript; charset=utf-8");

    /**
     * Threads that read requests and write responses. The JDK server reads a request's headers on these, so a
     * client that sends half a request holds one until the request deadline closes its connection; with this many
     * a few hundred such clients do not keep others waiting. Past it a connection is closed unanswered.
     */
    static final int CONNECTION_THREADS = 256;
    /** Uploads analysed at once (analysis is CPU-bound), and uploads allowed to wait for a turn: past that, 503. */
    static final int ANALYSES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final int ANALYSIS_QUEUE = 4;
    /** Upload bodies being received at once: each may hold up to the upload limit in memory. */
    static final int UPLOADS_RECEIVING = 8;
    /** Rendered pages of files and uploads kept for the next request. */
    static final int PAGE_CACHE = 32;

    /** Seconds a client has to send a whole request (headers and body), and to take the whole response. */
    public static long requestSeconds() { return Long.getLong("exhibit.request-seconds", 20); }
    public static long responseSeconds() { return Long.getLong("exhibit.response-seconds", 60); }
    /** Seconds the analysis of one upload may take before it is stopped and the client told (422). */
    public static long analysisSeconds() { return Long.getLong("exhibit.upload-seconds", 20); }

    /** Seconds between the watchdog's checks that the server answers ({@code -Dexhibit.watchdog-seconds}; 0: no watchdog). */
    public static long watchdogSeconds() { return Long.getLong("exhibit.watchdog-seconds", 5); }
    /** Checks in a row the server may fail to answer before the watchdog restarts it. */
    static final int WATCHDOG_MISSES = 3;
    private static final String DISPATCHER = "HTTP-Dispatcher";

    private final ThreadStore store;
    /** Replaced by a fresh server on the same address when the watchdog finds this one dead or stuck. */
    private volatile HttpServer server;
    private volatile Thread dispatcher;
    private final InetSocketAddress address;
    private final java.util.concurrent.ScheduledExecutorService watchdog;
    private final java.util.concurrent.atomic.AtomicInteger restarts = new java.util.concurrent.atomic.AtomicInteger();
    private int misses;
    private boolean closed;
    private final ExecutorService pool;
    private final java.util.concurrent.ThreadPoolExecutor analyses;
    private final java.util.concurrent.Semaphore receiving = new java.util.concurrent.Semaphore(UPLOADS_RECEIVING);
    private final boolean loopback;
    private final Map<String, byte[]> pages = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) { return size() > PAGE_CACHE; }
    });
    private final CorpusView corpus;
    private final Uploads uploads;
    /** Proves a form came from a page this server made: other sites cannot read our pages to learn it. */
    private final String token;

    /** What a server offers beyond its threads: a corpus (may be null) and uploads (null: none accepted). */
    public record Options(CorpusView corpus, Uploads uploads) {}

    private WebServer(ThreadStore store, HttpServer server, ExecutorService pool, boolean loopback, Options options) {
        this.store = store;
        this.server = server;
        this.address = server.getAddress();
        this.pool = pool;
        this.loopback = loopback;
        this.corpus = options.corpus();
        this.uploads = options.uploads();
        this.analyses = new java.util.concurrent.ThreadPoolExecutor(ANALYSES, ANALYSES, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(ANALYSIS_QUEUE), r -> {
                    Thread t = new Thread(r, "exhibit-analysis");
                    t.setDaemon(true);
                    return t;
                });
        byte[] t = new byte[24];
        new SecureRandom().nextBytes(t);
        this.token = HexFormat.of().formatHex(t);
        long every = watchdogSeconds();
        this.watchdog = every <= 0 ? null : java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread w = new Thread(r, "exhibit-watchdog");
            w.setDaemon(true);
            return w;
        });
        if (watchdog != null) watchdog.scheduleWithFixedDelay(this::watch, every, every, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Serves the threads, read-only: no corpus, no uploads. */
    public static WebServer start(ThreadStore store, InetAddress bind, int port) throws IOException {
        return start(store, bind, port, new Options(null, null));
    }

    /** Binds and starts serving; port 0 picks a free port. Throws IOException when the address cannot be bound. */
    public static WebServer start(ThreadStore store, InetAddress bind, int port, Options options) throws IOException {
        timeouts();
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 256);
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(8, CONNECTION_THREADS,
                30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "exhibit-web");
            t.setDaemon(true);
            return t;
        });
        WebServer ws = new WebServer(store, http, pool, bind.isLoopbackAddress(), options);
        ws.dispatcher = ws.serve(http);
        return ws;
    }

    /** Starts a server on our handler and connection threads; returns its dispatcher thread, or null if it cannot be told apart. */
    private Thread serve(HttpServer http) {
        http.createContext("/", this::handle);
        http.setExecutor(pool);
        java.util.Set<Thread> before = dispatchers();
        http.start();
        java.util.Set<Thread> mine = dispatchers();
        mine.removeAll(before);
        return mine.size() == 1 ? mine.iterator().next() : null;
    }

    private static java.util.Set<Thread> dispatchers() {
        java.util.Set<Thread> d = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().equals(DISPATCHER) && t.isAlive()) d.add(t);
        return d;
    }

    /** Times the watchdog restarted the server. */
    public int restarts() { return restarts.get(); }

    /**
     * The watchdog's check: the JDK server accepts connections and reads requests on one dispatcher thread, and if
     * that thread dies (an {@code OutOfMemoryError} while it allocates) or stops answering, the server keeps its port
     * and never answers again. So: if the dispatcher has died, or {@link #WATCHDOG_MISSES} health requests in a row
     * get no answer, the old server is stopped and a new one listens on the same address; the restart is reported on
     * one line.
     */
    private void watch() {
        try {
            if (restarting != null) { restart(restarting); return; }
            Thread d = dispatcher;
            if (d != null && !d.isAlive()) { restart("its dispatcher thread stopped"); return; }
            if (answers()) misses = 0;
            else if (++misses >= WATCHDOG_MISSES) restart("it did not answer " + misses + " health checks in a row");
        } catch (Throwable e) { // NOPMD: the watchdog must outlive whatever it meets
            misses = 0;
        }
    }

    /** Whether the server answers GET /api/health within twice the watchdog interval. */
    private boolean answers() {
        InetSocketAddress a = address.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()) : address;
        int timeout = (int) Math.min(60_000, Math.max(1000, 2000 * watchdogSeconds()));
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(a, timeout);
            s.setSoTimeout(timeout);
            s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] head = s.getInputStream().readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    /** Why the server is being restarted while it waits for its port to come free; null when it is not. */
    private volatile String restarting;

    boolean restarting() { return restarting != null; }

    private synchronized void restart(String why) {
        if (closed) return;
        misses = 0;
        if (restarting == null) {
            restarting = why;
            HttpServer old = server;
            // Each may block on a hung dispatcher, so neither is waited for: stop() closes the listening channel and
            // waits for the dispatcher; closing the selector is what releases the socket of a channel registered with it.
            daemon("exhibit-web-stop", () -> old.stop(0));
            daemon("exhibit-web-release", () -> release(old));
        }
        HttpServer fresh = null;
        String problem = null;
        for (int attempt = 0; attempt < 20 && fresh == null; attempt++) {
            try {
                fresh = HttpServer.create(address, 256);
            } catch (IOException e) {
                problem = e.getMessage();
                try { Thread.sleep(250); } catch (InterruptedException stop) { Thread.currentThread().interrupt(); return; }
            }
        }
        if (fresh == null) {
            if (misses++ == 0) // once: the watchdog tries again at each check until the port is free
                System.err.println("exhibit: the web server stopped answering (" + why + "); it will listen again on " + url()
                        + " once the port is free (" + problem + ")");
            return;
        }
        dispatcher = serve(fresh);
        server = fresh;
        String cause = restarting;
        restarting = null;
        misses = 0;
        restarts.incrementAndGet();
        System.err.println("exhibit: the web server stopped answering (" + cause + "); it was restarted on " + url());
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Closes the selector of a stopped JDK server, which releases its listening socket (a channel closed while
     * registered with a selector keeps its socket until that selector selects again, which a dead dispatcher never
     * does). Needs {@code --add-opens jdk.httpserver/sun.net.httpserver=ALL-UNNAMED} (the launcher and the tests give
     * it); without it the port stays taken and the watchdog says so.
     */
    private static void release(HttpServer old) {
        try {
            java.lang.reflect.Field impl = old.getClass().getDeclaredField("server");
            impl.setAccessible(true);
            Object s = impl.get(old);
            java.lang.reflect.Field selector = s.getClass().getDeclaredField("selector");
            selector.setAccessible(true);
            ((java.nio.channels.Selector) selector.get(s)).close();
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            // not opened to us, or another JDK: the port is freed only if the old dispatcher selects again
        }
    }

    /**
     * The JDK server's deadlines, read once when its first server is made: a request (headers and body) must
     * arrive within {@link #requestSeconds()}, a response be taken within {@link #responseSeconds()}, else the
     * connection is closed; idle keep-alive connections close after 30 s. A value set on the command line wins.
     */
    private static void timeouts() {
        setIfAbsent("sun.net.httpserver.maxReqTime", Long.toString(requestSeconds()));
        setIfAbsent("sun.net.httpserver.maxRspTime", Long.toString(responseSeconds()));
        setIfAbsent("sun.net.httpserver.idleInterval", "30");
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    public int port() { return address.getPort(); }

    /** The address to give a browser. */
    public String url() {
        InetSocketAddress a = address;
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + a.getPort() + "/";
    }

    @Override public synchronized void close() {
        closed = true;
        if (watchdog != null) watchdog.shutdownNow();
        server.stop(0);
        pool.shutdownNow();
        analyses.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            boolean uploadPath = path.equals("/threads") || path.equals("/api/threads");
            boolean post = method.equals("POST") && uploadPath && uploads != null;
            if (!method.equals("GET") && !method.equals("HEAD") && !post) {
                ex.getResponseHeaders().set("Allow", uploadPath && uploads != null ? "GET, HEAD, POST" : "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"));
                return;
            }
            if (loopback && !localHost(ex.getRequestHeaders().getFirst("Host"))) {
                // A page on another site that rebinds its name to 127.0.0.1 must not read the threads.
                send(ex, 421, "text/plain; charset=utf-8", bytes("this server answers only to localhost\n"));
                return;
            }
            if (post) upload(ex, path.startsWith("/api/"));
            else route(ex, path);
        } catch (IOException e) {
            throw e; // the client went away or timed out: nothing to answer
        } catch (Throwable e) { // NOPMD: a malformed edition, or a page too big for the heap, costs one page, not the server
            try { send(ex, 500, "text/html; charset=utf-8", bytes(SitePages.error(500, "This page could not be shown: " + e.getClass().getSimpleName()))); }
            catch (Throwable ignored) { /* the response was already under way */ }
        }
    }

    private void route(HttpExchange ex, String path) throws IOException {
        if (path.equals("/") || path.equals("/threads") || path.equals("/threads/")) {
            send(ex, 200, "text/html; charset=utf-8", bytes(SitePages.index(store, corpus, uploads != null)));
        } else if (path.equals("/api/health")) {
            send(ex, 200, "text/plain; charset=utf-8", bytes("ok\n"));
        } else if (path.equals("/api/token") && uploads != null) {
            // For scripts that POST raw files: only a page on this origin can read it (no CORS; Host checked).
            ObjectNode o = JsonWriter.mapper().createObjectNode();
            o.put("token", token);
            o.put("header", "X-Exhibit-Token");
            json(ex, 200, o);
        } else if (path.equals("/new") && uploads != null) {
            send(ex, 200, "text/html; charset=utf-8", bytes(CorpusPages.upload(token, uploads.maxBytes(), Readers.formats(), null)));
        } else if (path.startsWith("/threads/") && path.endsWith("/sources")) {
            ThreadStore.Entry e = entry(path.substring("/threads/".length(), path.length() - "/sources".length()));
            if (e == null) { notFound(ex, false, path); return; }
            send(ex, 200, "text/html; charset=utf-8", bytes(new ThreadPage(e.id(), e.name(), e.edition()).renderSources()));
        } else if (path.startsWith("/api/threads/") && (path.endsWith("/graph") || path.endsWith("/graph.graphml"))) {
            boolean xml = path.endsWith(".graphml");
            String rest = path.substring("/api/threads/".length());
            ThreadStore.Entry e = entry(rest.substring(0, rest.lastIndexOf('/')));
            if (e == null) { notFound(ex, true, path); return; }
            if (xml) send(ex, 200, "application/graphml+xml; charset=utf-8", bytes(GraphWriter.graphml(e.edition())));
            else json(ex, 200, GraphWriter.json(e.edition()));
        } else if (path.startsWith("/threads/")) {
            ThreadStore.Entry e = entry(path.substring("/threads/".length()));
            if (e == null) { notFound(ex, false, path); return; }
            byte[] page = e.id().startsWith("c-") ? bytes(new ThreadPage(e.id(), e.name(), e.edition()).render())
                    : pages.computeIfAbsent(e.id(), id -> bytes(new ThreadPage(e.id(), e.name(), e.edition()).render()));
            send(ex, 200, "text/html; charset=utf-8", page);
        } else if (corpus != null && CorpusRoutes.handles(path)) {
            CorpusRoutes.Reply r = CorpusRoutes.route(corpus, path, query(ex));
            if (r.json() != null) json(ex, r.status(), r.json());
            else send(ex, r.status(), "text/html; charset=utf-8", bytes(r.html()));
        } else if (path.equals("/api/threads") || path.equals("/api/threads/")) {
            ArrayNode list = JsonWriter.mapper().createArrayNode();
            for (ThreadStore.Entry e : store.all()) list.add(summary(e));
            json(ex, 200, list);
        } else if (path.startsWith("/api/threads/")) {
            ThreadStore.Entry e = entry(path.substring("/api/threads/".length()));
            if (e == null) { notFound(ex, true, path); return; }
            json(ex, 200, e.edition());
        } else if (STATIC.containsKey(path)) {
            try (InputStream in = WebServer.class.getResourceAsStream(path.substring("/static/".length()))) {
                if (in == null) { notFound(ex, false, path); return; }
                ex.getResponseHeaders().set("Cache-Control", "no-cache");
                send(ex, 200, STATIC.get(path), in.readAllBytes());
            }
        } else {
            notFound(ex, path.startsWith("/api/"), path);
        }
    }

    private ThreadStore.Entry entry(String id) {
        if (!ThreadStore.ID.matcher(id).matches()) return null;
        ThreadStore.Entry e = store.get(id);
        if (e == null && uploads != null && Uploads.ID.matcher(id).matches()) e = uploads.get(id); // left memory: read back
        return e == null && corpus != null ? corpus.thread(id) : e;
    }

    private static Map<String, String> query(HttpExchange ex) {
        return query(ex.getRequestURI().getRawQuery());
    }

    /** The parameters of a raw query string: the first of each name wins; one with a malformed escape is left out. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new java.util.HashMap<>();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                q.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) { /* a malformed escape: the parameter is left out */ }
        }
        return q;
    }

    // ---- opening a thread

    private void upload(HttpExchange ex, boolean api) throws IOException {
        var headers = ex.getRequestHeaders();
        String origin = headers.getFirst("Origin"), host = headers.getFirst("Host"), site = headers.getFirst("Sec-Fetch-Site");
        // Browsers send Origin with every cross-site POST: a page elsewhere cannot submit threads here.
        if ((origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host)))
                || (site != null && !site.equals("same-origin") && !site.equals("none"))) {
            refuse(ex, api, 403, "Refused: the submission came from another site.");
            return;
        }
        long max = uploads.maxBytes();
        String limit = "The upload is larger than the server's limit of " + megabytes(max) + " (exhibit serve --max-upload-mb).";
        String length = headers.getFirst("Content-Length");
        String type = headers.getFirst("Content-Type");
        if (!Form.isForm(type) && !tokenMatches(headers.getFirst("X-Exhibit-Token"))) {
            // Every POST carries the token, whatever its type: a raw body in the X-Exhibit-Token header (GET /api/token).
            ex.getResponseHeaders().set("Connection", "close");
            refuse(ex, api, 403, "Refused: a POST needs the server's token in the X-Exhibit-Token header (GET /api/token) or the form's field.");
            return;
        }
        if (!receiving.tryAcquire()) {
            ex.getResponseHeaders().set("Retry-After", "5");
            ex.getResponseHeaders().set("Connection", "close");
            refuse(ex, api, 503, "The server is receiving as many uploads as it can; try again in a few seconds.");
            return;
        }
        byte[] body;
        try {
            if (length != null && Long.parseLong(length.strip()) > max) body = null;
            else body = readAtMost(ex.getRequestBody(), max);
        } catch (NumberFormatException e) {
            refuse(ex, api, 400, "The request's Content-Length is not a number.");
            return;
        } finally {
            receiving.release();
        }
        if (body == null) {
            drain(ex.getRequestBody(), Math.min(16 * max, 64L << 20));
            ex.getResponseHeaders().set("Connection", "close");
            refuse(ex, api, 413, limit);
            return;
        }
        Map<String, String> q = query(ex);
        String name, format;
        byte[] data;
        if (Form.isForm(type)) {
            Form form;
            try {
                form = Form.parse(type, body);
            } catch (IllegalArgumentException e) {
                refuse(ex, api, 400, "The upload could not be read: " + e.getMessage() + ".");
                return;
            }
            String given = form.string("csrf") != null ? form.string("csrf") : headers.getFirst("X-Exhibit-Token");
            if (!tokenMatches(given)) {
                refuse(ex, api, 403, "Refused: this form is out of date or came from another page; reload the page and try again.");
                return;
            }
            format = form.string("format");
            Form.Field file = form.get("file"), text = form.get("text");
            if (file != null && file.data().length > 0) {
                name = Uploads.cleanName(file.filename(), "upload");
                data = file.data();
            } else if (text != null && !text.string().isBlank()) {
                name = "pasted text";
                data = text.data();
            } else {
                refuse(ex, api, 400, "Nothing to analyse: paste a thread or choose a file.");
                return;
            }
        } else {
            name = Uploads.cleanName(q.get("name"), "upload");
            format = q.get("format");
            data = body;
        }
        ThreadStore.Entry e;
        String fmt = format == null || format.isBlank() ? "auto" : format.strip();
        java.util.concurrent.Future<ThreadStore.Entry> job;
        try {
            // Analysed off the connection threads, a few at a time, each within its time budget.
            job = analyses.submit(() -> uploads.open(name, data, fmt));
        } catch (java.util.concurrent.RejectedExecutionException busy) {
            ex.getResponseHeaders().set("Retry-After", "10");
            refuse(ex, api, 503, "The server is analysing as many uploads as it can; try again in a few seconds.");
            return;
        }
        try {
            e = job.get(analysisSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            job.cancel(true); // the pipeline stops at its next stage
            refuse(ex, api, 422, "The analysis of " + name + " took longer than the server allows (" + analysisSeconds()
                    + " s); analyse it with 'exhibit analyze' instead.");
            return;
        } catch (InterruptedException stop) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException failed) {
            Throwable c = failed.getCause();
            if (c instanceof Uploads.TooLarge big) refuse(ex, api, 413, big.getMessage());
            else if (c instanceof InputException bad && bad.getCause() instanceof Error) refuse(ex, api, 422, bad.getMessage());
            else if (c instanceof InputException bad) refuse(ex, api, 400, bad.getMessage());
            else if (c instanceof IOException io) refuse(ex, api, 500, "The thread was read but could not be stored: " + io.getMessage());
            else refuse(ex, api, 500, "The thread could not be analysed: " + org.exhibit.read.Failures.describe(c));
            return;
        }
        if (api) {
            ObjectNode o = summary(e);
            ex.getResponseHeaders().set("Location", "/threads/" + e.id());
            json(ex, 201, o);
        } else {
            ex.getResponseHeaders().set("Location", "/threads/" + e.id());
            send(ex, 303, "text/plain; charset=utf-8", bytes("see /threads/" + e.id() + "\n"));
        }
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private void refuse(HttpExchange ex, boolean api, int status, String message) throws IOException {
        if (api) {
            ObjectNode o = JsonWriter.mapper().createObjectNode();
            o.put("error", message);
            json(ex, status, o);
        } else if (status == 400 || status == 413 || status == 422) {
            send(ex, status, "text/html; charset=utf-8", bytes(CorpusPages.upload(token, uploads.maxBytes(), Readers.formats(), message)));
        } else send(ex, status, "text/html; charset=utf-8", bytes(SitePages.error(status, message)));
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes % 1024 == 0 ? (bytes >> 10) + " KB" : bytes + " bytes";
    }

    /** The whole body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return b.length > max ? null : b;
    }

    /** Reads and drops what the client is still sending (within reason) so it gets to read our answer. */
    private static void drain(InputStream in, long max) throws IOException {
        byte[] buf = new byte[65536];
        long n = 0;
        for (int r; n < max && (r = in.read(buf)) > 0; ) n += r;
    }

    static ObjectNode summary(ThreadStore.Entry e) {
        ObjectNode o = JsonWriter.mapper().createObjectNode();
        JsonNode ed = e.edition();
        o.put("id", e.id());
        o.put("name", e.name());
        o.put("url", "/threads/" + e.id());
        o.put("api", "/api/threads/" + e.id());
        o.set("source", ed.path("source").isObject() ? ed.get("source") : JsonWriter.mapper().nullNode());
        for (String f : new String[]{"posts", "quotes", "citations", "entities", "dates", "reuse", "flags"})
            o.put(f, Edition.array(ed, f).size());
        return o;
    }

    private void notFound(HttpExchange ex, boolean api, String path) throws IOException {
        String what = path.startsWith("/threads/") || path.startsWith("/api/threads/") ? "No thread with this id." : "Nothing here.";
        if (api) {
            ObjectNode o = JsonWriter.mapper().createObjectNode();
            o.put("error", what);
            json(ex, 404, o);
        } else send(ex, 404, "text/html; charset=utf-8", bytes(SitePages.error(404, what)));
    }

    private static void json(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json; charset=utf-8", JsonWriter.mapper().writeValueAsBytes(body));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own form posts.
        h.set("Referrer-Policy", "same-origin");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        if (!h.containsKey("Cache-Control")) h.set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) try (OutputStream out = ex.getResponseBody()) { out.write(body); }
    }

    static boolean localHost(String host) {
        if (host == null) return true; // HTTP/1.0 clients send none; a browser always does
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) h = h.substring(0, h.indexOf(']') + 1);
        else if (h.indexOf(':') >= 0) h = h.substring(0, h.indexOf(':'));
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
