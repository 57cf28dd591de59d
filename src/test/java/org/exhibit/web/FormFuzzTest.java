package org.exhibit.web;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The upload form parser on any body and any Content-Type: it returns fields or refuses with an
 * {@link IllegalArgumentException} carrying a message (the server's 400), nothing else. A form built correctly from
 * fuzzed names, file names and contents (as a browser would send it) must come back field for field, bytes intact.
 * Seeds: src/test/resources/org/exhibit/web/FormFuzzTestInputs/parse/.
 */
class FormFuzzTest {
    private static final String[] TYPES = {"multipart/form-data; boundary=", "multipart/form-data; boundary=\"",
            "MULTIPART/FORM-DATA;boundary=", "application/x-www-form-urlencoded", "multipart/form-data"};

    @FuzzTest(maxDuration = "5m")
    // libFuzzer's dictionary syntax: \xNN for bytes, \" for a quote
    @DictionaryEntries({"\\x0D\\x0A", "\\x0D\\x0A\\x0D\\x0A", "--", "Content-Disposition: form-data; ", "name=\\\"", "filename=\\\"", "\\\"; ",
            "Content-Type: text/plain", "csrf", "file", "text", "format", "%", "%2", "%zz", "&", "=", "+", "boundary="})
    void parse(FuzzedDataProvider data) {
        if (data.consumeBoolean()) wellFormed(data);
        else anyBytes(data);
    }

    /** Hostile bytes: fields, or a refusal with a message. */
    private static void anyBytes(FuzzedDataProvider data) {
        String type = data.pickValue(TYPES);
        if (type.endsWith("=")) type += data.consumeString(40);
        else if (type.endsWith("\"")) type += data.consumeString(40) + "\"";
        byte[] body = data.consumeRemainingAsBytes();
        Form form;
        try {
            form = Form.parse(type, body);
        } catch (IllegalArgumentException refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) throw new AssertionError("a refusal without a message", refused);
            return;
        }
        for (String name : new String[]{"csrf", "file", "text", "format"}) {
            Form.Field f = form.get(name);
            if (f == null) continue;
            if (f.data() == null || !f.name().equals(name)) throw new AssertionError("field " + name + " read as " + f);
            if (f.data().length > body.length * 3L + 3) throw new AssertionError("field " + name + " longer than the body could make it");
        }
    }

    /** A form a browser could send: each field must come back as it went in. */
    private static void wellFormed(FuzzedDataProvider data) {
        int n = data.consumeInt(1, 4);
        String[] names = new String[n], filenames = new String[n];
        byte[][] values = new byte[n][];
        for (int i = 0; i < n; i++) {
            names[i] = i + clean(data.consumeString(20)); // distinct names: the first of each name wins
            filenames[i] = data.consumeBoolean() ? clean(data.consumeString(30)) : null;
            values[i] = data.consumeBytes(data.consumeInt(0, 4096));
        }
        // RFC 2046: up to 70 of these characters, not ending in a space (browsers send letters, digits and dashes)
        String boundary = "----ExhibitFuzz" + Long.toHexString(data.consumeLong())
                + data.consumeAsciiString(30).replaceAll("[^0-9A-Za-z'()+_,./:=? -]", "-").stripTrailing();
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.UTF_8);
        for (byte[] v : values) if (contains(v, delimiter) || startsWith(v, ("--" + boundary).getBytes(StandardCharsets.UTF_8))) return; // a browser picks another boundary
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + names[i] + "\""
                    + (filenames[i] == null ? "" : "; filename=\"" + filenames[i] + "\"") + "\r\n"
                    + (filenames[i] == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(values[i]);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String type = data.consumeBoolean() ? "multipart/form-data; boundary=" + boundary : "multipart/form-data; boundary=\"" + boundary + "\"";
        Form form = Form.parse(type, body.toByteArray());
        for (int i = 0; i < n; i++) {
            Form.Field f = form.get(names[i]);
            if (f == null) throw new AssertionError("field " + names[i] + " lost");
            if (!Arrays.equals(f.data(), values[i])) throw new AssertionError("field " + names[i] + " changed: " + values[i].length + " bytes sent, " + f.data().length + " read");
            if (!java.util.Objects.equals(f.filename(), filenames[i])) throw new AssertionError("file name of " + names[i] + " read as " + f.filename() + ", sent " + filenames[i]);
        }
    }

    /** What a browser puts between quotes in Content-Disposition: no quote, CR or LF (it sends those as %22, %0D, %0A). */
    private static String clean(String s) {
        String t = s.replaceAll("[\"\\r\\n]", "_");
        return new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8); // unpaired surrogates as a browser sends them
    }

    private static boolean startsWith(byte[] hay, byte[] needle) {
        return hay.length >= needle.length && Arrays.equals(hay, 0, needle.length, needle, 0, needle.length);
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
