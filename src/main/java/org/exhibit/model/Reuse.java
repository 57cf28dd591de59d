package org.exhibit.model;

import java.util.List;

/**
 * Text that appears more than once: a verbatim repeat, an altered copy, or one source reaching the thread by two
 * routes. {@code alignment} is a compact word-level edit script (see ReuseAlignment docs); may be null.
 */
public record Reuse(String kind, List<Part> parts, double similarity, String alignment) {
    /** One witness of the reused passage. {@code document} is null inside a single document. */
    public record Part(String document, String post, Span span, String text, String quote) {}
}
