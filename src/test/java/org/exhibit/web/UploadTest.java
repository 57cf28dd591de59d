package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Opening a thread over HTTP: the form, raw bodies, same-origin and token checks, limits, bad input, persistence. */
class UploadTest {
    static final String THREAD = """
            Ruth Fischer
            3rd March 2004, 10:15
            Krivitsky, the defector, tells it in his memoir In Stalin's Secret Service (1939), p. 203:

            "The confessions were the price of the promise that their families would be spared."

            Anna Larina
            3rd March 2004, 11:40
            That is hearsay; Krivitsky was not in Moscow in 1937.
            """;

    @TempDir static Path dir;
    static ThreadStore store;
    static WebServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final long MAX = 64 * 1024;

    @BeforeAll static void start() throws Exception {
        store = new ThreadStore();
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(null, new Uploads(store, dir.resolve("kept"), MAX)));
    }

    @AfterAll static void stop() { if (server != null) server.close(); }

    static String token() throws Exception {
        var page = Jsoup.parse(get("/new").body());
        return page.selectFirst("form input[name=csrf]").attr("value");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart form as a browser sends it; {@code fields} alternate name, value; a value of byte[] is a file. */
    static HttpRequest.Builder form(String path, Object... fields) {
        String boundary = "----exhibitTest7MA4YWxkTrZu0gW";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\""
                    + (fields[i + 1] instanceof byte[] ? "; filename=\"../../etc/" + fields[i] + ".txt\"\r\nContent-Type: application/octet-stream" : "") + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(fields[i + 1] instanceof byte[] b ? b : fields[i + 1].toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(server.url()).resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cliMessage(String name, byte[] bytes) {
        InputException e = assertThrows(InputException.class, () -> Readers.read(name, bytes, "auto"));
        return e.getMessage();
    }

    @Test void pastedTextLandsOnAStableUrlThatSurvivesARestart() throws Exception {
        String token = token();
        var r = send(form("/threads", "csrf", token, "format", "auto", "text", THREAD));
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/threads/u-[0-9a-f]{20}"), location);
        var again = send(form("/threads", "csrf", token, "text", THREAD));
        assertEquals(location, again.headers().firstValue("Location").orElseThrow(), "the same text, the same URL");
        var page = Jsoup.parse(get(location).body());
        assertEquals(2, page.select("article.post").size());
        assertTrue(page.select(".q").text().contains("The confessions were the price"), page.select(".q").text());
        // Stored under its id: a new server reading the same directory serves the same URL.
        String id = location.substring("/threads/".length());
        assertTrue(Files.isRegularFile(dir.resolve("kept").resolve(id + ".exhibit.json")));
        ThreadStore fresh = new ThreadStore();
        assertTrue(new Uploads(fresh, dir.resolve("kept"), MAX).load(m -> fail(m)) >= 1);
        assertNotNull(fresh.get(id));
        assertEquals(store.get(id).edition(), fresh.get(id).edition());
    }

    @Test void aFileUploadNamesTheThreadByItsFileNameOnly() throws Exception {
        var r = send(form("/threads", "csrf", token(), "text", "", "file", THREAD.replace("Ruth Fischer", "Boris Souvarine").getBytes(StandardCharsets.UTF_8)));
        assertEquals(303, r.statusCode(), r.body());
        String id = r.headers().firstValue("Location").orElseThrow().substring("/threads/".length());
        assertEquals("file.txt", store.get(id).name(), "directories in a client's file name are dropped");
    }

    @Test void rawBodiesGoToTheApi() throws Exception {
        var r = send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/threads?name=plain.txt&format=text"))
                .header("X-Exhibit-Token", token()).header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(THREAD.replace("Ruth", "Ruthie"))));
        assertEquals(201, r.statusCode(), r.body());
        JsonNode o = JsonWriter.mapper().readTree(r.body());
        assertEquals("plain.txt", o.get("name").asText());
        assertEquals(2, o.get("posts").asInt());
        assertEquals(200, get(o.get("api").asText()).statusCode());
    }

    @Test void crossSiteSubmissionsAreRefused() throws Exception {
        String token = token();
        var foreign = send(form("/threads", "csrf", token, "text", THREAD).header("Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode());
        var site = send(form("/threads", "csrf", token, "text", THREAD).header("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, site.statusCode());
        var noToken = send(form("/threads", "text", THREAD));
        assertEquals(403, noToken.statusCode());
        assertTrue(Jsoup.parse(noToken.body()).text().contains("reload the page"), noToken.body());
        String forged = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1); // always differs from the real token
        var wrong = send(form("/threads", "csrf", forged, "text", THREAD));
        assertEquals(403, wrong.statusCode());
        var rawForeign = send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/threads")).header("Origin", "null")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(THREAD)));
        assertEquals(403, rawForeign.statusCode());
        var same = send(form("/threads", "csrf", token, "text", THREAD + "\n").header("Origin", server.url().replaceAll("/$", "")));
        assertEquals(303, same.statusCode(), "the page's own origin may post");
    }

    @Test void tooLargeIs413NamingTheLimit() throws Exception {
        byte[] big = ("Anon\n1st May 2005, 10:00\n" + "word ".repeat((int) MAX / 4)).getBytes(StandardCharsets.UTF_8);
        var r = send(form("/threads", "csrf", token(), "file", big));
        assertEquals(413, r.statusCode());
        assertTrue(Jsoup.parse(r.body()).select(".problem").text().contains("limit of 64 KB"), r.body());
        assertTrue(r.body().contains("--max-upload-mb"));
        var api = send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/threads")).header("X-Exhibit-Token", token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertEquals(413, api.statusCode());
        assertTrue(JsonWriter.mapper().readTree(api.body()).get("error").asText().contains("limit"));
    }

    @Test void badInputGetsTheCommandLinesOneLineMessage() throws Exception {
        byte[] binary = new byte[600];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 37);
        var r = send(form("/threads", "csrf", token(), "file", binary));
        assertEquals(400, r.statusCode());
        String shown = Jsoup.parse(r.body()).selectFirst(".problem").text();
        assertEquals(cliMessage("file.txt", binary), shown);
        assertFalse(r.body().contains("Exception") || r.body().contains("at org."), "no stack trace");

        byte[] json = "{\"kind\": \"Listing\", \"data\": {\"children\": 3}}".getBytes(StandardCharsets.UTF_8);
        var j = send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/api/threads?name=dump.json")).header("X-Exhibit-Token", token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
        assertEquals(400, j.statusCode());
        assertEquals(cliMessage("dump.json", json), JsonWriter.mapper().readTree(j.body()).get("error").asText());

        var empty = send(form("/threads", "csrf", token(), "text", "   "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("Nothing to analyse"));
        var unknown = send(form("/threads", "csrf", token(), "format", "<b>rtf</b>", "text", THREAD));
        assertEquals(400, unknown.statusCode());
        assertTrue(Jsoup.parse(unknown.body()).selectFirst(".problem").text().contains("unknown format '<b>rtf</b>'"));
        assertTrue(Jsoup.parse(unknown.body()).select(".problem b").isEmpty(), "the format is escaped");
        var torn = send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/threads")).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunfinished")));
        assertEquals(400, torn.statusCode());
    }

    @Test void hostileUploadsAreInert() throws Exception {
        var r = send(form("/threads", "csrf", token(), "text", ThreadPageTest.HOSTILE));
        assertEquals(303, r.statusCode(), r.body());
        WebFixtures.assertInert(get(r.headers().firstValue("Location").orElseThrow()).body());
    }

    @Test void onlyTheUploadEndpointTakesPost() throws Exception {
        for (String path : new String[]{"/", "/new", "/threads/x", "/api/threads/x", "/static/view.js"}) {
            var r = send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).POST(HttpRequest.BodyPublishers.ofString("x")));
            assertEquals(405, r.statusCode(), path);
        }
        var put = send(HttpRequest.newBuilder(URI.create(server.url()).resolve("/threads")).PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, put.statusCode());
        assertEquals("GET, HEAD, POST", put.headers().firstValue("Allow").orElse(""));
    }

    @Test void theFormPageAllowsOnlyItsOwnFormTarget() throws Exception {
        var r = get("/new");
        assertEquals(200, r.statusCode());
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("form-action 'self'") && !csp.contains("unsafe-inline"), csp);
        var form = Jsoup.parse(r.body()).selectFirst("form");
        assertEquals("/threads", form.attr("action"));
        assertEquals("multipart/form-data", form.attr("enctype"));
    }
}
