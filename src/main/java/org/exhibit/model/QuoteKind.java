package org.exhibit.model;

/**
 * What a quoted span is: a passage presented as someone's words (set off as a block, or run in with a citation),
 * a phrase quoted in passing inside running prose, a short scare quote, or the title of a work.
 */
public enum QuoteKind {
    PASSAGE, PHRASE, SCARE, TITLE;

    public String json() { return name().toLowerCase(); }
}
