package org.exhibit.read;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are; other bytes are
 * identified with ICU's charset detector, so legacy Windows-125x, ISO-8859-x and KOI8-R copies still read.
 * Binary files are refused.
 */
public final class Decoder {
    private Decoder() {}

    /** The decoded text and the charset it was read as. */
    public record Decoded(String text, String charset) {}

    public static Decoded decode(byte[] bytes, String name) throws InputException {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF)
            return strict(bytes, 3, StandardCharsets.UTF_8, name);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
            return strict(bytes, 2, StandardCharsets.UTF_16LE, name);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
            return strict(bytes, 2, StandardCharsets.UTF_16BE, name);
        if (looksBinary(bytes))
            throw new InputException(name + ": looks like a binary file, not text (it contains NUL or control bytes); give a text, HTML or JSON export of the thread");
        try {
            return strict(bytes, 0, StandardCharsets.UTF_8, name);
        } catch (InputException notUtf8) {
            CharsetDetector d = new CharsetDetector();
            d.setText(bytes);
            CharsetMatch m = d.detect();
            if (m == null || m.getConfidence() < 10 || m.getName().startsWith("UTF-"))
                throw new InputException(name + ": is not UTF-8 and its encoding could not be recognised; convert it to UTF-8 (e.g. iconv -f CP1252 -t UTF-8)");
            Charset cs;
            try { cs = Charset.forName(m.getName()); } catch (RuntimeException e) {
                throw new InputException(name + ": is in encoding " + m.getName() + ", which this Java cannot decode; convert it to UTF-8");
            }
            return new Decoded(new String(bytes, cs), cs.name());
        }
    }

    private static Decoded strict(byte[] bytes, int skip, Charset cs, String name) throws InputException {
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
            return new Decoded(s, cs.name());
        } catch (CharacterCodingException e) {
            throw new InputException(name + ": is not valid " + cs.name());
        }
    }

    /** NUL bytes, or many C0 controls other than tab/newline/CR/form feed, mean the file is not text. */
    static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 64 * 1024), control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) return true;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) control++;
        }
        return n > 0 && control * 100 > n; // more than 1% control bytes
    }
}
