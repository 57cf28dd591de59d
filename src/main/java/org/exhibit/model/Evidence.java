package org.exhibit.model;

/** The span of text that justifies an answer, with its text copied for readers of the output. */
public record Evidence(Span span, String text) {}
