package org.exhibit.analysis.quotes;

import org.exhibit.model.Marker;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * A displayed quotation found by {@link DisplayedQuotes}: a passage set off as its own paragraph(s) by quotation
 * marks (or, for {@link Marker#BLOCK}, by position alone). {@code usedMarks} are the positions of the marks that
 * belong to it (its opener, closer and the openers repeated at each continued paragraph).
 */
record Displayed(Marker marker, Span span, Span open, Span close, int firstPara, int lastPara, List<Integer> usedMarks,
                 List<Displayed> nested) {
    Displayed {
        usedMarks = new ArrayList<>(usedMarks);
        nested = new ArrayList<>(nested);
    }
}
