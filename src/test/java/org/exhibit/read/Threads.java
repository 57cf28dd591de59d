package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Quote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Test helpers: the example threads under src/test/resources/threads/, read with format detection. */
final class Threads {
    private Threads() {}

    static byte[] bytes(String name) {
        try (InputStream in = Threads.class.getResourceAsStream("/threads/" + name)) {
            assertNotNull(in, "missing test resource threads/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document read(String name) throws InputException {
        return Readers.read(name, bytes(name), "auto");
    }

    static Document readText(String name, String text, String format) throws InputException {
        return Readers.read(name, text.getBytes(StandardCharsets.UTF_8), format);
    }

    static Quote quote(Document doc, String id) {
        Quote q = doc.quote(id);
        assertNotNull(q, "no quote " + id + " in " + doc.quotes());
        return q;
    }

    /** Asserts the raw span, the marker-free text, the post and the parent of a quote. */
    static void assertQuote(Document doc, String id, String post, String parent, String slice, String text) {
        Quote q = quote(doc, id);
        assertEquals(slice, doc.slice(q.span()), id + " span");
        assertEquals(text, q.text(doc), id + " text");
        assertEquals(post, q.post(), id + " post");
        assertEquals(parent, q.parent(), id + " parent");
        assertNotNull(doc.postAt(q.span().start()), id + " lies in a post");
        assertEquals(post, doc.postAt(q.span().start()).id(), id + " lies in its own post");
    }

    static List<String> authors(Document doc) {
        return doc.posts().stream().map(p -> p.author()).collect(Collectors.toList());
    }

    static List<String> times(Document doc) {
        return doc.posts().stream().map(p -> p.published()).collect(Collectors.toList());
    }
}
