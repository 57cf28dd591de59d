package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A server no client can freeze or kill: half-sent requests and trickled bodies hold a connection thread each,
 * never the others; hostile uploads get a status and the next page still comes; compressed uploads are capped
 * after inflating; every POST needs the token; error pages carry the same headers as pages.
 */
class ServerHardeningTest {
    static final String THREAD = "Ruth Fischer\n3rd March 2004, 10:15\nHe said \"the confessions were the price\" and left.\n";
    static final long MAX = 256 * 1024;

    @TempDir static Path dir;
    static ThreadStore store;
    static Uploads uploads;
    static WebServer server;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll static void start() throws Exception {
        store = new ThreadStore();
        store.add("thread.txt", org.exhibit.read.Readers.read("thread.txt", THREAD.getBytes(StandardCharsets.UTF_8), "auto"));
        uploads = new Uploads(store, dir.resolve("kept"), MAX);
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(null, uploads));
    }

    @AfterAll static void stop() { if (server != null) server.close(); }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token() throws Exception {
        return JsonWriter.mapper().readTree(get("/api/token").body()).get("token").asText();
    }

    static HttpResponse<String> postRaw(String path, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("X-Exhibit-Token", token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The slowest of a few fetches of the front page, in seconds. */
    static double slowestPage() throws Exception {
        double worst = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            assertEquals(200, get("/").statusCode());
            worst = Math.max(worst, (System.nanoTime() - t) / 1e9);
        }
        return worst;
    }

    @Test void silentSocketsAfterHalfARequestDoNotDelayPages() throws Exception {
        for (int n : new int[]{4, 100}) {
            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                    s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    silent.add(s);
                }
                Thread.sleep(300);
                double worst = slowestPage();
                assertTrue(worst < 1.0, n + " silent sockets delayed a page by " + worst + " s");
            } finally {
                for (Socket s : silent) s.close();
            }
        }
    }

    @Test void aTrickledBodyDoesNotDelayPages() throws Exception {
        String t = token();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                OutputStream o = s.getOutputStream();
                o.write(("POST /api/threads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nX-Exhibit-Token: " + t
                        + "\r\nContent-Length: 10000\r\n\r\nab").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                slow.add(s);
            }
            double worst = slowestPage();
            assertTrue(worst < 1.0, "trickled bodies delayed a page by " + worst + " s");
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    @Test void hostileUploadsGetAnAnswerAndTheNextPageComes() throws Exception {
        String t = token();
        byte[][] hostile = {
                ("[quote]".repeat(15_000) + "x" + "[/quote]".repeat(15_000)).getBytes(StandardCharsets.UTF_8),
                "[quote=\"a\"]x\n".repeat(10_000).getBytes(StandardCharsets.UTF_8),
                ("<html><body>" + "<span><b>".repeat(3_000) + "x").getBytes(StandardCharsets.UTF_8),
        };
        String[] names = {"nest.bbcode", "unclosed.bbcode", "deep.html"};
        for (int i = 0; i < hostile.length; i++) {
            var r = postRaw("/api/threads?name=" + names[i], hostile[i], t);
            assertTrue(r.statusCode() == 201 || r.statusCode() == 422 || r.statusCode() == 400, names[i] + ": " + r.statusCode() + " " + r.body());
            assertEquals(200, get("/").statusCode(), "the server answers after " + names[i]);
        }
    }

    @Test void theUploadCapAppliesToDecompressedBytes() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            byte[] line = "Anna\n1st May 2005, 10:00\nthe same words again and again\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 4 * MAX; n += line.length) z.write(line);
        }
        assertTrue(gz.size() < MAX, "the compressed body itself is under the cap");
        var r = postRaw("/api/threads?name=big.txt.gz", gz.toByteArray(), token());
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("decompresses"), r.body());

        ByteArrayOutputStream small = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(small)) { z.write(THREAD.replace("Ruth", "Rosa").getBytes(StandardCharsets.UTF_8)); }
        assertEquals(201, postRaw("/api/threads?name=small.txt.gz", small.toByteArray(), token()).statusCode(), "a small .gz is read");
    }

    @Test void everyPostNeedsTheTokenWhateverItsType() throws Exception {
        for (String type : new String[]{"text/plain", "application/json", "application/octet-stream"}) {
            var r = http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/threads")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(THREAD)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode(), type);
        }
        assertEquals(403, postRaw("/api/threads?name=x.txt", THREAD.getBytes(StandardCharsets.UTF_8), "0".repeat(48)).statusCode());
        assertEquals(201, postRaw("/api/threads?name=x.txt", THREAD.replace("Ruth", "Rahel").getBytes(StandardCharsets.UTF_8), token()).statusCode());
    }

    @Test void errorPagesCarryTheSecurityHeaders() throws Exception {
        for (var r : List.of(get("/nothing-here"), get("/threads/no-such-thread"), get("/api/threads/none"),
                postRaw("/api/threads", "x".getBytes(StandardCharsets.UTF_8), null))) {
            assertTrue(r.statusCode() >= 400, r.uri() + ": " + r.statusCode());
            assertEquals(WebServer.CSP, r.headers().firstValue("Content-Security-Policy").orElse(null), r.uri().toString());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), r.uri().toString());
        }
    }

    @Test void uploadsInMemoryAreBoundedAndComeBackFromTheDirectory() throws Exception {
        String t = token();
        String first = null;
        for (int i = 0; i < Uploads.MEMORY_ENTRIES + 20; i++) {
            var r = postRaw("/api/threads?name=t" + i + ".txt", (THREAD + "Post number " + i + " of many.\n").getBytes(StandardCharsets.UTF_8), t);
            assertEquals(201, r.statusCode(), r.body());
            if (first == null) first = JsonWriter.mapper().readTree(r.body()).get("id").asText();
        }
        assertTrue(uploads.inMemory() <= Uploads.MEMORY_ENTRIES, "in memory: " + uploads.inMemory());
        assertNull(store.get(first), "the oldest upload left memory");
        JsonNode back = JsonWriter.mapper().readTree(get("/api/threads/" + first).body());
        assertTrue(back.path("text").asText().contains("Post number 0 of many"), "read back from its file");
    }

    /** Reads one raw HTTP response's status line. */
    static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) sb.append((char) c);
        return sb.toString().strip();
    }

    @Test void aHalfSentRequestIsClosedAtTheRequestDeadline() throws Exception {
        // The deadline is read once per JVM; whatever it is here, the connection must end rather than hang.
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((int) (WebServer.requestSeconds() + 15) * 1000);
            s.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long t = System.nanoTime();
            int r;
            try { r = s.getInputStream().read(); } catch (java.net.SocketException reset) { r = -1; }
            assertEquals(-1, r, "the server closes the connection without answering");
            assertTrue((System.nanoTime() - t) / 1e9 < WebServer.requestSeconds() + 12);
        }
    }

    /** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Requests the JDK server refuses before any of our code sees them (SECURITY.md, "What the JDK server answers
     * itself"). Its answer has only these headers and a fixed body naming the kind of fault, never bytes of the request,
     * so there is nothing in it to inject; the connection is closed and the next request is answered with all of ours.
     */
    @Test void theJdksOwnRefusalsCarryNothingFromTheRequestAndTheNextPageHasOurHeaders() throws Exception {
        String marker = "<svg/onload=alert(1)>";
        String[][] cases = {
                {"GET /" + marker + "%zz HTTP/1.1\r\nHost: localhost\r\n\r\n", "400", "URISyntaxException thrown"},
                {"GET/" + marker + "\r\nHost: localhost\r\n\r\n", "400", "Bad request line"},
                {"POST /threads HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + marker + "\r\n\r\n", "400", "NumberFormatException thrown"},
                {"GET / HTTP/1.1\r\nHost: localhost\r\n" + marker + " x\r\n\r\n", "400", "Header key contains illegal characters"},
                {"POST /threads HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: " + marker + "\r\n\r\n", "501", "Unsupported Transfer-Encoding value"},
        };
        for (String[] c : cases) {
            String answer = raw(c[0]);
            int split = answer.indexOf("\r\n\r\n");
            assertTrue(split > 0, "no answer to " + c[0]);
            List<String> head = answer.substring(0, split).lines().toList();
            String body = answer.substring(split + 4);
            assertTrue(head.get(0).startsWith("HTTP/1.1 " + c[1] + " "), head.get(0));
            for (String h : head.subList(1, head.size()))
                assertTrue(h.startsWith("Content-Length: ") || h.equals("Content-Type: text/html") || h.equals("Connection: close"),
                        "a header the JDK was not known to send (update SECURITY.md): " + h);
            assertTrue(body.endsWith("</h1>" + c[2]), body);
            assertFalse(answer.contains("svg") || answer.contains("alert"), "the refusal repeats the request: " + answer);
            var next = get("/");
            assertEquals(200, next.statusCode());
            assertEquals(WebServer.CSP, next.headers().firstValue("Content-Security-Policy").orElse(null));
        }
    }

    @Test void ourOwnRefusalsOfMethodsAndHostsCarryTheSecurityHeaders() throws Exception {
        for (String request : List.of("DELETE / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
                "POST /static/view.css HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
            String answer = raw(request).toLowerCase(java.util.Locale.ROOT);
            assertTrue(answer.startsWith("http/1.1 4"), answer);
            assertTrue(answer.contains("content-security-policy: " + WebServer.CSP.toLowerCase(java.util.Locale.ROOT)), answer);
            assertTrue(answer.contains("x-content-type-options: nosniff") && answer.contains("x-frame-options: deny"), answer);
        }
    }
}
