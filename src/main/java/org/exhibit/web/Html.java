package org.exhibit.web;

/**
 * Escaping for untrusted thread text. Everything a thread supplies goes through {@link #text} or {@link #attr}.
 * Invisible bidirectional controls and C0 controls are shown as visible code labels, so a right-to-left
 * override cannot reorder what the reader sees and the text reads literally.
 */
public final class Html {
    private Html() {}

    /** Escapes text for element content; control characters become visible {@code U+XXXX} labels. */
    public static String text(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        appendText(sb, s, 0, s.length());
        return sb.toString();
    }

    public static void appendText(StringBuilder sb, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (isHiddenControl(c)) {
                        String code = String.format("U+%04X", (int) c);
                        sb.append("<span class=\"ctl\" title=\"invisible control character ").append(code)
                                .append("\">").append(code).append("</span>");
                    } else sb.append(c);
                }
            }
        }
    }

    /** Escapes a value for a double-quoted attribute; control characters are replaced by their code. */
    public static String attr(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> {
                    if (isHiddenControl(c)) sb.append(String.format("[U+%04X]", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    /** Bidi embeddings, overrides, isolates and marks, and C0/C1 controls other than line breaks and tabs. */
    static boolean isHiddenControl(char c) {
        if (c == '\n' || c == '\r' || c == '\t') return false;
        return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
