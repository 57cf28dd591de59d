package org.exhibit.output;

import java.util.HashSet;
import java.util.Set;

/** Minimal XML writing: escaping of untrusted text, characters XML 1.0 forbids, and well-formed ids. */
final class Xml {
    private Xml() {}

    /** Text content: escapes markup characters and replaces characters XML 1.0 cannot carry with U+FFFD. */
    static String text(CharSequence s) { return escape(s, false); }

    /** An attribute value in double quotes. */
    static String attr(CharSequence s) { return escape(s, true); }

    private static String escape(CharSequence s, boolean attr) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append(attr ? "&quot;" : "\"");
                case '\r' -> b.append("&#13;"); // a literal CR would be normalised away by parsers
                case '\t' -> b.append(attr ? "&#9;" : "\t");
                case '\n' -> b.append(attr ? "&#10;" : "\n");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Text for a comment: no "--", no trailing "-". */
    static String comment(String s) {
        String t = text(s).replace("--", "- -");
        return t.endsWith("-") ? t + " " : t;
    }

    /** A token usable in a TEI data.word / enumerated attribute: no white space or control characters. */
    static String token(String s) {
        String t = s == null ? "" : s.strip().replaceAll("[\\p{C}\\p{Z}\\s]+", "-");
        return t.isEmpty() ? "unknown" : t;
    }

    /** Hands out unique NCName ids (xml:id values) built from a prefix and an arbitrary string. */
    static final class Ids {
        private final Set<String> used = new HashSet<>();

        String make(String prefix, String raw) {
            String base = prefix + (raw == null ? "" : raw.replaceAll("[^A-Za-z0-9._-]+", "_"));
            if (base.length() > 60) base = base.substring(0, 60);
            String id = base;
            for (int n = 2; !used.add(id); n++) id = base + "-" + n;
            return id;
        }
    }
}
