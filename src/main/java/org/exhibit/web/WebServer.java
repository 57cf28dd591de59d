package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.exhibit.output.JsonWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The web reading view on the JDK's HTTP server: {@code /} lists the threads, {@code /threads/ID} shows one,
 * {@code /api/threads} and {@code /api/threads/ID} give the same as JSON, {@code /static/} the stylesheet and
 * script. Read-only: GET and HEAD only. Every response forbids inline script through its Content-Security-Policy.
 */
public final class WebServer implements AutoCloseable {
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> STATIC = Map.of(
            "/static/view.css", "text/css; charset=utf-8",
            "/static/view.js", "text/javascript; charset=utf-8");

    private final ThreadStore store;
    private final HttpServer server;
    private final ExecutorService pool;
    private final boolean loopback;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    private WebServer(ThreadStore store, HttpServer server, ExecutorService pool, boolean loopback) {
        this.store = store;
        this.server = server;
        this.pool = pool;
        this.loopback = loopback;
    }

    /** Binds and starts serving; port 0 picks a free port. Throws IOException when the address cannot be bound. */
    public static WebServer start(ThreadStore store, InetAddress bind, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "exhibit-web");
            t.setDaemon(true);
            return t;
        });
        WebServer ws = new WebServer(store, http, pool, bind.isLoopbackAddress());
        http.createContext("/", ws::handle);
        http.setExecutor(pool);
        http.start();
        return ws;
    }

    public int port() { return server.getAddress().getPort(); }

    /** The address to give a browser. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return "http://" + host + ":" + a.getPort() + "/";
    }

    @Override public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", bytes("method not allowed\n"));
                return;
            }
            if (loopback && !localHost(ex.getRequestHeaders().getFirst("Host"))) {
                // A page on another site that rebinds its name to 127.0.0.1 must not read the threads.
                send(ex, 421, "text/plain; charset=utf-8", bytes("this server answers only to localhost\n"));
                return;
            }
            route(ex, ex.getRequestURI().getRawPath());
        } catch (RuntimeException e) {
            // A malformed edition should cost one page, not the server.
            try { send(ex, 500, "text/html; charset=utf-8", bytes(Pages.error(500, "This page could not be shown: " + e.getClass().getSimpleName()))); }
            catch (IOException | RuntimeException ignored) { /* the response was already under way */ }
        }
    }

    private void route(HttpExchange ex, String path) throws IOException {
        if (path.equals("/") || path.equals("/threads") || path.equals("/threads/")) {
            send(ex, 200, "text/html; charset=utf-8", bytes(Pages.index(store)));
        } else if (path.startsWith("/threads/")) {
            ThreadStore.Entry e = entry(path.substring("/threads/".length()));
            if (e == null) { notFound(ex, false, path); return; }
            byte[] page = pages.computeIfAbsent(e.id(), id -> bytes(new ThreadPage(e.id(), e.name(), e.edition()).render()));
            send(ex, 200, "text/html; charset=utf-8", page);
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
        return ThreadStore.ID.matcher(id).matches() ? store.get(id) : null;
    }

    private static ObjectNode summary(ThreadStore.Entry e) {
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
        } else send(ex, 404, "text/html; charset=utf-8", bytes(Pages.error(404, what)));
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
        h.set("Referrer-Policy", "no-referrer");
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
