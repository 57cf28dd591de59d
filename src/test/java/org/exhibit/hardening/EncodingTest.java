package org.exhibit.hardening;

import org.exhibit.model.Document;
import org.exhibit.output.TeiWriter;
import org.exhibit.read.Decoder;
import org.exhibit.read.InputException;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Broken, mixed and hostile encodings: each input is either read (and then analysed and written like any other)
 * or refused with one line naming the file; nothing else escapes, and XML output stays well-formed whatever
 * control characters the text carries.
 */
class EncodingTest {
    static final String THREAD = post("Anna Petrova", "He said “the court was fair” and she said ‘no’.");

    @Test void bomsAreHonouredAndStripped() throws Exception {
        for (Charset cs : new Charset[]{StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            byte[] bom = cs == StandardCharsets.UTF_8 ? new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                    : cs == StandardCharsets.UTF_16LE ? new byte[]{(byte) 0xFF, (byte) 0xFE} : new byte[]{(byte) 0xFE, (byte) 0xFF};
            Document doc = Hostile.analyse("bom-" + cs + ".txt", concat(bom, THREAD.getBytes(cs)), "auto");
            assertTrue(doc.text().startsWith("Anna Petrova"), cs + ": " + doc.text().substring(0, 20));
            assertEquals("Anna Petrova", doc.posts().get(0).author());
        }
    }

    @Test void brokenBomContentIsRefusedNamingTheFile() {
        // UTF-16 with an odd byte count (a UTF-8 BOM before invalid bytes is UTF-8 with a decoding flag: DecodingTest).
        assertRefused("odd-utf16.txt", new byte[]{(byte) 0xFF, (byte) 0xFE, 'a', 0, 'b'});
        // A lone surrogate in UTF-16.
        assertRefused("lone-surrogate.txt", new byte[]{(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xD8, 'b', 0});
    }

    @Test void nulBytesAtTheStartAreRefusedAsBinary() {
        String msg = assertRefused("nul.txt", ("Anna\0Petrova\n" + THREAD).getBytes(StandardCharsets.UTF_8));
        assertTrue(msg.contains("binary"), msg);
    }

    @Test void nulAndControlBytesPastTheSniffWindowStayWellFormedInXml() throws Exception {
        // The binary check looks at the first 64 KB; later NULs and controls reach the text and must not break TEI.
        String text = THREAD + "x ".repeat(40_000) + "\n\nHe said \"nul\0 here\u0001 and \u001b esc \uFFFE\" now.\n";
        Document doc = Hostile.analyse("late-nul.txt", text.getBytes(StandardCharsets.UTF_8), "auto");
        assertTrue(doc.text().indexOf('\0') > 0);
        parseXml(TeiWriter.toString(doc));
    }

    @Test void mixedEncodingsAreReadOrRefusedNeverCrash() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("Anna Petrova\n16.06.2007 14:19\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("UTF-8: “quoted” — ".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("cp1252: \u201cquoted\u201d caf\u00e9 ".getBytes(Charset.forName("windows-1252")));
        b.writeBytes("KOI8-R: \u0446\u0438\u0442\u0430\u0442\u0430 ".getBytes(Charset.forName("KOI8-R")));
        b.writeBytes("UTF-16: ".getBytes(StandardCharsets.UTF_16LE));
        Hostile.readOrRefusal("mixed.txt", b.toByteArray());
    }

    @Test void legacyEncodingIsDetected() throws Exception {
        String text = post("Jean Dupont", "Il a dit « le procès était public » et c'était vrai. Le témoin a répondu : « non ».".repeat(5));
        Decoder.Decoded d = Decoder.decode(text.getBytes(Charset.forName("windows-1252")), "latin.txt");
        assertTrue(d.text().contains("procès"), d.charset() + ": " + d.text().substring(0, 60));
    }

    @Test void overlongAndInvalidUtf8IsRefusedOrDecodedNeverCrash() {
        byte[][] inputs = {
                {(byte) 0xC0, (byte) 0xAF, 'x', 'y'},                 // overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x'},         // UTF-8-encoded surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                {0x00, 0x00, (byte) 0xFE, (byte) 0xFF, 0, 0, 0, 'a'}, // UTF-32 BE BOM
        };
        for (int i = 0; i < inputs.length; i++) Hostile.readOrRefusal("invalid-" + i + ".txt", inputs[i]);
    }

    @Test void jsonWithHugeNumbersAndDeepNestingIsReadOrRefusedInBoundedTime() {
        // No JSON reader is registered yet: these must still be read as text or refused, never hang or crash.
        String huge = "{\"posts\":[{\"id\":" + "9".repeat(100_000) + ",\"created_utc\":1e999999999,\"body\":\"x\"}]}";
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObjects = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
        Hostile.readOrRefusal("huge.json", huge.getBytes(StandardCharsets.UTF_8));
        Hostile.readOrRefusal("deep.json", deep.getBytes(StandardCharsets.UTF_8));
        Hostile.readOrRefusal("deep-objects.json", deepObjects.getBytes(StandardCharsets.UTF_8));
        Hostile.readOrRefusal("comments.ndjson", ("{\"id\":1,\"body\":\"" + "\\u0000".repeat(10_000) + "\"}\n").repeat(100).getBytes(StandardCharsets.UTF_8));
    }

    static String assertRefused(String name, byte[] bytes) {
        String msg = Hostile.readOrRefusal(name, bytes);
        assertNotNull(msg, name + " was accepted");
        assertTrue(msg.startsWith(name + ": "), msg);
        assertFalse(msg.contains("\n"), msg);
        return msg;
    }

    static org.w3c.dom.Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
