package org.exhibit.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TextLayerTest {
    static final String TEXT = "Mr. Ilin wrote in 1937 (pp. 12-14) that the NKVD's files were lost. Nobody checked.\n"
            + "Second line without a full stop\nThird: Ωmega café №5 ⅻ.";

    @Test
    void tokensAreRunsOfLettersAndNumbersWithShapeAndNormalForm() {
        Tokens t = Tokens.of(TEXT);
        assertEquals("Mr", t.surface(0));
        assertEquals("mr", t.norm(0));
        assertEquals("mr".hashCode(), t.hash(0));
        assertTrue(t.is(0, Tokens.CAPITALISED));
        int year = t.at(TEXT.indexOf("1937"));
        assertEquals("1937", t.surface(year));
        assertTrue(t.is(year, Tokens.ALL_DIGITS));
        int nkvd = t.at(TEXT.indexOf("NKVD"));
        assertEquals("NKVD", t.surface(nkvd), "the apostrophe ends the word");
        assertTrue(t.is(nkvd, Tokens.ALL_UPPER));
        assertEquals("s", t.surface(nkvd + 1));
        assertTrue(t.is(t.at(TEXT.indexOf("files")), Tokens.ALL_LOWER));
        assertEquals("ωmega", t.norm(t.at(TEXT.indexOf("Ωmega"))));
        assertEquals("café", t.surface(t.at(TEXT.indexOf("café"))));
        assertEquals("ⅻ", t.surface(t.at(TEXT.indexOf("ⅻ"))), "a letter number is a word");
        assertEquals(-1, t.at(TEXT.indexOf('(')));
    }

    @Test
    void offsetsFoundByBinarySearch() {
        Tokens t = Tokens.of(TEXT);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(i, t.at(t.start(i)));
            assertEquals(i, t.at(t.end(i) - 1));
            assertEquals(i, t.firstEndingAfter(t.start(i)));
        }
        int from = TEXT.indexOf("wrote"), to = TEXT.indexOf("that") + 4;
        assertEquals(7, t.count(from, to), "wrote in 1937 pp 12 14 that");
        assertEquals(6, t.count(from + 1, to), "a word cut at the edge is not counted");
        assertEquals(0, t.count(5, 5));
    }

    @Test
    void sentencesKeepAbbreviationsAndBreakAtLines() {
        Sentences s = Sentences.of(TEXT);
        String first = TEXT.substring(s.start(0), s.end(0));
        assertTrue(first.startsWith("Mr. Ilin") && first.strip().endsWith("lost."), first);
        assertTrue(first.contains("(pp. 12-14)"), "pp. ends no sentence");
        assertEquals("Nobody checked.\n", TEXT.substring(s.start(1), s.end(1)));
        assertEquals("Second line without a full stop\n", TEXT.substring(s.start(2), s.end(2)), "a line break ends a sentence");
        assertEquals(TEXT.length(), s.end(s.size() - 1));
        for (int i = 1; i < s.size(); i++) assertEquals(s.end(i - 1), s.start(i), "no gaps");
        assertEquals(1, s.at(TEXT.indexOf("Nobody")));
        assertEquals(s.size() - 1, s.at(TEXT.length()));
    }

    @Test
    void builtOncePerDocument() {
        var doc = new org.exhibit.model.Document(new org.exhibit.model.Source("t.txt", "text", "0"), TEXT, java.util.List.of());
        TextLayer a = TextLayer.of(doc);
        assertSame(a, TextLayer.of(doc));
        assertSame(a.tokens(), TextLayer.of(doc).tokens());
        assertNotSame(a, TextLayer.of(new org.exhibit.model.Document(new org.exhibit.model.Source("t.txt", "text", "0"), TEXT, java.util.List.of())));
    }
}
