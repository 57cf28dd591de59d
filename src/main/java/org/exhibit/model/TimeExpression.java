package org.exhibit.model;

/**
 * A date expression normalised to a TIMEX3 value (ISO 8601 with SP/SU/FA/WI seasons, 193X decades, a/b ranges),
 * an optional mod (START, MID, END, APPROX, BEFORE, AFTER), and the expression it was anchored to, if relative.
 */
public record TimeExpression(Span span, String text, String value, String mod, Span anchor, String anchorText) {}
