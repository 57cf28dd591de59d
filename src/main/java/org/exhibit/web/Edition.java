package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Read access to a JSON edition that tolerates missing or malformed fields (editions may come from files on disk),
 * and converts its code point offsets back to char offsets into its text.
 */
final class Edition {
    final JsonNode root;
    final String text;
    private final int[] cpToChar; // empty when the text has no surrogate pairs
    private final int cpLength;

    Edition(JsonNode root) {
        this.root = root;
        this.text = root.path("text").isTextual() ? root.path("text").asText() : "";
        this.cpLength = text.codePointCount(0, text.length());
        if (cpLength == text.length()) cpToChar = new int[0];
        else {
            cpToChar = new int[cpLength + 1];
            int c = 0;
            for (int cp = 0; cp < cpLength; cp++) { cpToChar[cp] = c; c += Character.charCount(text.codePointAt(c)); }
            cpToChar[cpLength] = text.length();
        }
    }

    JsonNode array(String field) { return array(root, field); }

    static JsonNode array(JsonNode n, String field) {
        JsonNode a = n == null ? null : n.get(field);
        return a != null && a.isArray() ? a : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** A field as text, or null when absent, null, or a container. */
    static String str(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    static Double num(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** Char offset of a code point offset field, or -1 when it is missing or out of range. */
    int charAt(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.canConvertToInt()) return -1;
        int cp = v.asInt();
        if (cp < 0 || cp > cpLength) return -1;
        return cpToChar.length == 0 ? cp : cpToChar[cp];
    }

    /** [start, end) in chars of a node with start/end fields, or null when not a valid span of the text. */
    int[] span(JsonNode n) {
        int s = charAt(n, "start"), e = charAt(n, "end");
        return s < 0 || e < s ? null : new int[]{s, e};
    }
}
