package org.exhibit.model;

/** What a quoted span is: a passage of someone's words, or a short scare quote, or the title of a work. */
public enum QuoteKind {
    PASSAGE, SCARE, TITLE;

    public String json() { return name().toLowerCase(); }
}
