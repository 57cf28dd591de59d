package org.exhibit.hardening;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Found by fuzzing: a timestamp line followed by another timestamp line read as a name line plus a timestamp,
 * so two headers overlapped and the first post's body ended before it started (IllegalArgumentException out of
 * Readers.read, which stopped the whole run).
 */
class BoardHeaderTest {
    @Test void timestampLineIsNotAlsoTheNextHeadersName() throws InputException {
        String text = "Poster One\n16.06.2007 14:19\n06/17/2007 09:00\nReply one.\n\nPoster Two\n06/18/2007 09:00\nReply two.\n";
        Document doc = Readers.read("t.txt", text.getBytes(StandardCharsets.UTF_8), "auto");
        assertEquals(2, doc.posts().size());
        Post first = doc.posts().get(0);
        assertEquals("Poster One", first.author());
        assertEquals("2007-06-16T14:19", first.published());
        assertTrue(doc.slice(first.body()).startsWith("06/17/2007 09:00\nReply one."), doc.slice(first.body()));
        assertEquals("Poster Two", doc.posts().get(1).author());
    }
}
