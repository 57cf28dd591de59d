package org.exhibit.hardening;

import org.exhibit.model.Document;
import org.exhibit.model.Flag;
import org.exhibit.read.Decoder;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.*;

/** Decoding that fails loudly: damaged UTF-8 stays UTF-8 and says where; UTF-16 without a BOM is text. */
class DecodingTest {
    static final String THREAD = post("Anna Petrova", "Она сказала: «суд был честным» — and he said “no”, schön.\n".repeat(40));

    static byte[] withInvalidRuns(byte[] utf8, int... offsets) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int at = 0;
        for (int o : offsets) {
            while (o < utf8.length && (utf8[o] & 0xC0) == 0x80) o++; // between characters, as damage in transit lands
            b.write(utf8, at, o - at);
            b.write(0xFF);
            b.write(0xC3); // a lead byte with no continuation
            at = o;
        }
        b.write(utf8, at, utf8.length - at);
        return b.toByteArray();
    }

    @Test void invalidRunsInUtf8AreReplacedAndFlaggedWithTheirByteOffsets() throws Exception {
        byte[] good = THREAD.getBytes(StandardCharsets.UTF_8);
        byte[] bad = withInvalidRuns(good, 700, 1900, 3100);
        Decoder.Decoded d = Decoder.decode(bad, "damaged.txt");
        assertEquals("UTF-8", d.charset(), "never re-decoded as a legacy charset");
        assertEquals(3, d.replaced().size());
        assertEquals(3, d.text().chars().filter(c -> c == '\uFFFD').count());
        assertEquals(THREAD, d.text().replace("\uFFFD", ""), "everything else is as written");
        for (int[] r : d.replaced()) assertEquals(0xFF, bad[r[0]] & 0xff, "the offset is where the bad bytes are");

        Document doc = Readers.read("damaged.txt", bad, "auto");
        Flag f = doc.flags().stream().filter(x -> x.type().equals("decoding")).findFirst().orElseThrow();
        assertTrue(f.message().contains("damaged.txt") && f.message().contains(Integer.toString(d.replaced().get(0)[0])), f.message());
        assertEquals("\uFFFD", f.evidence().text());
        assertEquals(doc.text().indexOf('\uFFFD'), f.evidence().span().start());
    }

    @Test void aUtf8BomBeforeInvalidBytesIsUtf8WithAFlag() throws Exception {
        byte[] b = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xC3, 0x28, 'b'};
        Decoder.Decoded d = Decoder.decode(b, "bom.txt");
        assertEquals("a\uFFFD(b", d.text());
        assertEquals(4, d.replaced().get(0)[0], "offsets count the file's bytes, BOM included");
    }

    @Test void cleanFilesHaveNoDecodingFlag() throws Exception {
        Document doc = Readers.read("clean.txt", THREAD.getBytes(StandardCharsets.UTF_8), "auto");
        assertTrue(doc.flags().stream().noneMatch(x -> x.type().equals("decoding")));
    }

    @Test void legacyEncodingsAreStillDetected() throws Exception {
        String text = post("Jürgen Müller", "Er sagte, daß die Aussage über die Prozesse völlig erfunden war; schön wäre es.\n".repeat(20));
        Decoder.Decoded d = Decoder.decode(text.getBytes(Charset.forName("windows-1252")), "legacy.txt");
        assertNotEquals("UTF-8", d.charset());
        assertEquals(text, d.text());
        assertTrue(d.replaced().isEmpty());
    }

    @Test void utf16WithoutABomIsReadAsText() throws Exception {
        for (Charset cs : new Charset[]{StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            Decoder.Decoded d = Decoder.decode(THREAD.getBytes(cs), "no-bom.txt");
            assertEquals(cs.name(), d.charset());
            assertEquals(THREAD, d.text());
            String latin = post("Anna Petrova", "He said \"the court was fair\".");
            assertEquals(latin, Decoder.decode(latin.getBytes(cs), "latin.txt").text());
        }
    }

    @Test void aStrayNulIsStillBinaryNotUtf16() {
        InputException e = assertThrows(InputException.class, () -> Decoder.decode(("Anna\0Petrova\n" + THREAD).getBytes(StandardCharsets.UTF_8), "nul.txt"));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }
}
