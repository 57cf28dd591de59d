package org.exhibit.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a submitted form: {@code multipart/form-data} (file uploads) or
 * {@code application/x-www-form-urlencoded}. Values stay bytes: an uploaded file is decoded by the readers, as a
 * file on disk is. The first part of each name wins.
 */
final class Form {
    record Field(String name, String filename, byte[] data) {
        String string() { return new String(data, StandardCharsets.UTF_8); }
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"?)([^\";]{1,200})\\1");

    private final Map<String, Field> fields = new LinkedHashMap<>();

    Field get(String name) { return fields.get(name); }

    String string(String name) {
        Field f = fields.get(name);
        return f == null ? null : f.string();
    }

    static boolean isForm(String contentType) {
        String t = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("multipart/form-data") || t.startsWith("application/x-www-form-urlencoded");
    }

    /** Parses a form body; throws IllegalArgumentException naming what is malformed. */
    static Form parse(String contentType, byte[] body) {
        Form f = new Form();
        if (contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                f.fields.putIfAbsent(k, new Field(k, null, v.getBytes(StandardCharsets.UTF_8)));
            }
            return f;
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) throw new IllegalArgumentException("the form has no multipart boundary");
        byte[] delim = ("--" + b.group(2)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + b.group(2)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delim, 0);
        if (at < 0) throw new IllegalArgumentException("the form's parts are not delimited by its boundary");
        int pos = at + delim.length;
        while (true) {
            if (pos + 2 <= body.length && body[pos] == '-' && body[pos + 1] == '-') return f; // closing delimiter
            int headStart = indexOf(body, new byte[]{'\r', '\n'}, pos);
            if (headStart < 0) throw new IllegalArgumentException("the form ends inside a part");
            headStart += 2;
            int headEnd = indexOf(body, new byte[]{'\r', '\n', '\r', '\n'}, headStart);
            if (headEnd < 0) throw new IllegalArgumentException("the form ends inside a part's headers");
            int end = indexOf(body, next, headEnd + 4);
            if (end < 0) throw new IllegalArgumentException("the form is cut off (no closing boundary)");
            String headers = new String(body, headStart, headEnd - headStart, StandardCharsets.UTF_8);
            String name = null, filename = null;
            for (String line : headers.split("\r\n")) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) continue;
                Map<String, String> params = parameters(line.substring(line.indexOf(':') + 1));
                name = params.get("name");
                filename = params.get("filename");
            }
            if (name != null) f.fields.putIfAbsent(name, new Field(name, filename, Arrays.copyOfRange(body, headEnd + 4, end)));
            pos = end + next.length;
        }
    }

    /**
     * The parameters of a Content-Disposition value ({@code form-data; name="a"; filename="b"}), names lower-cased,
     * the first of each name kept. A quoted value runs to the next quote, whatever it holds ({@code ;}, {@code =},
     * a backslash): browsers send a quote in a name as {@code %22} and escape nothing else.
     */
    static Map<String, String> parameters(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0, n = value.length();
        while (i < n) {
            int keyStart = i;
            while (i < n && value.charAt(i) != '=' && value.charAt(i) != ';') i++;
            String key = value.substring(keyStart, i).strip().toLowerCase(Locale.ROOT);
            String v = null;
            if (i < n && value.charAt(i) == '=') {
                i++;
                while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) i++;
                if (i < n && value.charAt(i) == '"') {
                    int close = value.indexOf('"', i + 1);
                    if (close < 0) close = n;
                    v = value.substring(i + 1, close);
                    i = Math.min(n, close + 1);
                    while (i < n && value.charAt(i) != ';') i++; // anything after the closing quote
                } else {
                    int start = i;
                    while (i < n && value.charAt(i) != ';') i++;
                    v = value.substring(start, i).strip();
                }
            }
            if (v != null && !key.isEmpty()) params.putIfAbsent(key, v);
            i++; // past the ';'
        }
        return params;
    }

    /** The first place {@code needle} occurs in {@code hay} from {@code from}, or -1: Knuth–Morris–Pratt, linear whatever the bytes. */
    static int indexOf(byte[] hay, byte[] needle, int from) {
        int m = needle.length;
        if (m == 0) return Math.max(0, Math.min(from, hay.length));
        int[] fail = new int[m];
        for (int i = 1, k = 0; i < m; i++) {
            while (k > 0 && needle[i] != needle[k]) k = fail[k - 1];
            if (needle[i] == needle[k]) k++;
            fail[i] = k;
        }
        for (int i = Math.max(0, from), k = 0; i < hay.length; i++) {
            while (k > 0 && hay[i] != needle[k]) k = fail[k - 1];
            if (hay[i] == needle[k]) k++;
            if (k == m) return i - m + 1;
        }
        return -1;
    }
}
