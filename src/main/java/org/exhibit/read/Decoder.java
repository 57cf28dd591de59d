package org.exhibit.read;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text. UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognised by where its zero bytes fall) are
 * taken as they are; UTF-8 with a few invalid runs stays UTF-8, the runs replaced and listed; other bytes are
 * identified with ICU's charset detector, so legacy Windows-125x, ISO-8859-x and KOI8-R copies still read.
 * Binary files are refused.
 */
public final class Decoder {
    private Decoder() {}

    /**
     * The decoded text and the charset it was read as; {@code replaced} lists the invalid byte runs a mostly valid
     * UTF-8 file had, each as {byte offset, byte length, char offset of its U+FFFD in the text}.
     */
    public record Decoded(String text, String charset, List<int[]> replaced) {
        public Decoded(String text, String charset) { this(text, charset, List.of()); }

        /** "3 invalid UTF-8 byte runs ... at bytes 10 (2 bytes), 77, 120": what a {@code decoding} flag says. */
        public String describeReplaced() {
            StringBuilder sb = new StringBuilder();
            sb.append(replaced.size()).append(replaced.size() == 1 ? " invalid UTF-8 byte run was" : " invalid UTF-8 byte runs were")
                    .append(" replaced with U+FFFD (the rest is valid UTF-8) at byte offset").append(replaced.size() == 1 ? " " : "s ");
            for (int i = 0; i < replaced.size() && i < 20; i++) {
                if (i > 0) sb.append(", ");
                sb.append(replaced.get(i)[0]);
                if (replaced.get(i)[1] > 1) sb.append(" (").append(replaced.get(i)[1]).append(" bytes)");
            }
            if (replaced.size() > 20) sb.append(", and ").append(replaced.size() - 20).append(" more");
            return sb.toString();
        }
    }

    public static Decoded decode(byte[] bytes, String name) throws InputException {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF)
            return utf8(bytes, 3, name);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
            return strict(bytes, 2, StandardCharsets.UTF_16LE, name);
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
            return strict(bytes, 2, StandardCharsets.UTF_16BE, name);
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            try {
                Decoded d = strict(bytes, 0, utf16, name);
                if (!looksBinary(d.text())) return d;
            } catch (InputException notUtf16) { /* not UTF-16 after all: the checks below say what it is */ }
        }
        if (looksBinary(bytes))
            throw new InputException(name + ": looks like a binary file, not text (it contains NUL or control bytes); give a text, HTML or JSON export of the thread");
        try {
            return strict(bytes, 0, StandardCharsets.UTF_8, name);
        } catch (InputException notUtf8) {
            // Valid multi-byte sequences mean UTF-8 with some damage, not a legacy encoding: read it as UTF-8 and say where.
            int valid = validMultibyte(bytes);
            if (valid > 0) {
                Decoded d = utf8(bytes, 0, name);
                if (d.replaced().size() <= valid) return d; // more damage than valid text: a legacy encoding after all
            }
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

    /** UTF-8, each invalid byte run replaced with one U+FFFD and recorded. */
    private static Decoded utf8(byte[] bytes, int skip, String name) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length - skip + 16);
        List<int[]> replaced = new ArrayList<>();
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isUnderflow()) break;
            if (r.isError()) {
                int at = in.position(), len = r.length();
                int[] last = replaced.isEmpty() ? null : replaced.get(replaced.size() - 1);
                if (last != null && last[0] + last[1] == at && last[2] == out.position() - 1) last[1] += len; // one run
                else { replaced.add(new int[]{at, len, out.position()}); out.put('\uFFFD'); }
                in.position(at + len);
            } else break; // overflow cannot happen: one char per byte at most, plus room
        }
        dec.flush(out);
        out.flip();
        return new Decoded(out.toString(), "UTF-8", replaced);
    }

    /** Multi-byte UTF-8 sequences that are valid (a lead byte followed by the right number of continuation bytes). */
    static int validMultibyte(byte[] b) {
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            int more = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
            if (more == 0) continue;
            boolean ok = true;
            for (int k = 1; k <= more; k++) if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) { ok = false; break; }
            if (ok) { n++; i += more; }
        }
        return n;
    }

    /**
     * UTF-16 without a byte order mark: in text, the zero bytes (the high byte of every Latin character, space and
     * line break) fall almost all at odd offsets (little-endian) or even ones (big-endian). Null when neither.
     */
    static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 64 * 1024) & ~1;
        if (n < 4) return null;
        int even = 0, odd = 0;
        for (int i = 0; i < n; i++) if (b[i] == 0) { if ((i & 1) == 0) even++; else odd++; }
        int pairs = n / 2, zeros = even + odd;
        // Latin text in UTF-16 has a zero byte in nearly every character, Cyrillic or Greek in its spaces, digits and
        // line breaks: under a sixth, or a handful, is a text file with a stray NUL, not UTF-16.
        if (zeros < 4 || zeros * 6 < pairs) return null;
        if (odd * 100 >= zeros * 95) return StandardCharsets.UTF_16LE;
        if (even * 100 >= zeros * 95) return StandardCharsets.UTF_16BE;
        return null;
    }

    private static boolean looksBinary(String text) {
        int n = Math.min(text.length(), 32 * 1024), control = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) control++;
        }
        return n > 0 && control * 100 > n;
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
