package org.exhibit.analysis.quotes;

import org.exhibit.model.Marker;
import org.exhibit.model.Span;

/**
 * A quote block declared by text markup (Invision {@code QUOTE} tags, a vBulletin "Quote: Originally Posted by"
 * copy) over paragraphs [first, last] of a segment, with the marker spans and any name and date the header gives.
 */
record Block(int first, int last, Span open, Span close, Marker marker, String name, String date) {}
