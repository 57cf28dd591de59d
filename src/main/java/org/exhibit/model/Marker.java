package org.exhibit.model;

/** How a quote is marked in the text. The JSON name is the lower-case label. */
public enum Marker {
    QUOTE_HEADER("QUOTE"),          // Invision text copy: a bare QUOTE line or QUOTE(name @ date)
    QUOTE_CLOSING_ONLY("closing QUOTE only"), // a pasted passage ended by a glued QUOTE, never opened
    BBCODE("bbcode"),
    HTML("blockquote"),
    MARKDOWN("markdown"),
    DOUBLE("double"),               // "..." or “...”
    SINGLE("single"),               // '...' or ‘...’
    DOUBLED_SINGLE("doubled single"), // ''...''
    BACKTICK("backtick"),           // `...' (TeX style)
    GUILLEMET("guillemet"),
    BLOCK("block"),                 // an indented or set-off block quotation inside a quote
    INTERVIEW("interview"),         // question/answer transcript introduced as such
    NONE("none");

    private final String label;

    Marker(String label) { this.label = label; }

    public String label() { return label; }
}
