package org.exhibit.read;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class FormatDetectionTest {
    @ParameterizedTest
    @CsvSource({
            "bbcode-thread.txt, bbcode", "markdown-thread.md, markdown", "phpbb-thread.html, html",
            "xenforo-thread.html, html", "ipb4-thread.html, html", "vbulletin-thread.html, html",
            "discourse-topic.json, discourse", "reddit-comments.ndjson, ndjson"})
    void exampleThreads(String file, String format) throws Exception {
        String text = new String(Threads.bytes(file), StandardCharsets.UTF_8);
        // From content alone: the file name plays no part.
        assertEquals(format, Readers.choose(text, "thread", "auto").format(), file);
    }

    static Stream<Arguments> ambiguous() {
        return Stream.of(
                Arguments.of("Anna\n27th July 2003, 12:08\nHe said 'no'.\nQUOTE\nA passage.", "text"),
                Arguments.of("[quote]BBCode starts with a bracket but is not JSON[/quote]", "bbcode"),
                Arguments.of("[QUOTE=Boris;77]unclosed", "bbcode"),
                Arguments.of("> one line of prose that starts with a sign\nand more", "text"),
                Arguments.of("> first quoted\n> second quoted\n\nreply", "markdown"),
                Arguments.of("<p>a</p><p>b</p><blockquote>c</blockquote>", "html"),
                Arguments.of("<div class=\"post\">\n<p>a</p>\n<blockquote>c</blockquote>\n<p>b</p>\n</div>", "html"),
                Arguments.of("Anna\n27th July 2003, 12:08\nIn <i>Mission to Moscow</i> Davies says so.\nSo does <i>Pravda</i>.\n"
                        + "And <b>Pitt</b>.\nA line.\nAnother line.\nA third line.\nA fourth.\nA fifth.\nA sixth.\nA seventh.", "text"),
                Arguments.of("{\"foo\": 1}", "ndjson"),
                Arguments.of("[1, 2, 3]", "ndjson"),
                Arguments.of("[1]: https://example.org/pritt\n\n> Pritt wrote it.\n> In 1937.", "markdown"),
                Arguments.of("[2003-07-27] Anna: the trials were fair.", "text"),
                Arguments.of("{\"author\": \"a\", \"body\": \"[quote]x[/quote] <p>y</p>\"}", "ndjson"),
                Arguments.of("{\"post_stream\": {\"posts\": [{\"cooked\": \"<blockquote>x</blockquote>\"}]}}", "discourse"));
    }

    @ParameterizedTest
    @MethodSource("ambiguous")
    void ambiguousContent(String text, String format) throws Exception {
        assertEquals(format, Readers.choose(text, "x", "auto").format(), text);
    }

    @Test void formatOptionOverridesDetection() throws Exception {
        var doc = Threads.readText("t.md", "[quote]x[/quote]\n> y\n> z", "markdown");
        assertEquals("markdown", doc.source().format());
        assertEquals(1, doc.quotes().size());
    }

    @Test void theSampleThreadStaysBoardText() throws Exception {
        Path sample = Path.of("../shared/samples/show-trials-thread.txt");
        Assumptions.assumeTrue(org.exhibit.Shared.has(sample), "../shared/samples not present: skipping");
        assertEquals("text", Readers.choose(Files.readString(sample), sample.toString(), "auto").format());
    }
}
