package org.exhibit.web;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.index.Corpus;
import org.exhibit.model.Document;
import org.exhibit.store.StoreTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The search path of the server, whole: a raw query string (what follows {@code ?} in the URL) is split into
 * parameters, the {@code q} parameter parsed as a Lucene query, narrowed by the filters, run against a small
 * corpus and rendered (the HTML page or the JSON of {@code /api/search}). Whatever the string, the answer is 200 or
 * a 400 naming the problem, never a 500 or an exception, and no snippet carries markup beyond {@code <mark>}
 * and the marking of invisible control characters.
 * Seeds: src/test/resources/org/exhibit/web/SearchQueryFuzzTestInputs/search/.
 */
class SearchQueryFuzzTest {
    private static final Pattern TAG = Pattern.compile("<(/?)([^>]*)>");
    /** What Html.appendText makes visible: an invisible control character (a bidi override in the hostile thread). */
    private static final Pattern CONTROL = Pattern.compile("span class=\"ctl\" title=\"invisible control character U\\+[0-9A-F]{4,6}\"");

    /** A corpus made once per run: the annotated and the hostile fixture threads, as ingest stores them. */
    private static final class Fixture {
        static final CorpusView CORPUS = open();

        static CorpusView open() {
            try {
                Path dir = Files.createTempDirectory("exhibit-search-fuzz");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Document[] docs = {WebFixtures.annotated(), WebFixtures.hostile(), WebFixtures.read("krivitsky.txt", UploadTest.THREAD)};
                try (Corpus c = Corpus.open(StoreTarget.parse(dir.toString()), dir.resolve("index"))) {
                    for (Document d : docs) c.put(d, d.text().length());
                }
                return CorpusView.open(dir);
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the fuzzing corpus", e);
            }
        }

        static void delete(Path dir) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"q=", "&speaker=", "&author=", "&work=", "&kind=", "&person=", "&from=", "&to=", "&limit=", "%22", "%28", "%29",
            "%2F", "%5C", "%3A", "%7E", "%2A", "%3F", "%5B", "%5D", "%7B", "%7D", "+", "AND", "OR", "NOT", "TO", "text:", "speaker:",
            "~2", "^3", "*", "?", "/", "[a TO z]", "{1937 TO 1938}", "\\\"Davies\\\"", "Davies", "Bukharin", "Moscow", "quote", "1937-03"})
    void search(byte[] bytes) {
        if (bytes.length == 0) return;
        boolean api = (bytes[0] & 1) == 0;
        String raw = new String(bytes, 1, bytes.length - 1, StandardCharsets.ISO_8859_1); // what a URL's raw query can carry
        Map<String, String> params = WebServer.query(raw);
        CorpusRoutes.Reply r = CorpusRoutes.route(Fixture.CORPUS, api ? "/api/search" : "/search", params);
        if (r.status() != 200 && r.status() != 400) throw new AssertionError("status " + r.status() + " for ?" + raw + ": " + r.html() + r.json());
        if (api) {
            JsonNode j = r.json();
            if (r.status() == 400) {
                if (j.path("error").asText().isBlank()) throw new AssertionError("a 400 without the problem for ?" + raw);
                return;
            }
            for (JsonNode hit : j.path("hits")) onlyMarks(hit.path("snippet").asText(), raw);
        } else if (r.html() == null || !r.html().contains("</html>")) throw new AssertionError("no page for ?" + raw);
    }

    private static void onlyMarks(String snippet, String raw) {
        Matcher m = TAG.matcher(snippet);
        while (m.find())
            if (!m.group(2).equals("mark") && !(m.group(1).isEmpty() ? CONTROL.matcher(m.group(2)).matches() : m.group(2).equals("span"))) throw new AssertionError("markup " + m.group() + " in a snippet for ?" + raw);
    }
}
