package org.exhibit.model;

import java.util.List;

/**
 * A reference in the text: a free-form bibliographic reference, an Ibid./op. cit., a title introduced as a
 * work, or a footnote marker. {@code resolvesTo} names the work an Ibid. repeats.
 */
public record Citation(Span span, String text, Kind kind, String author, String title, String place, Integer year,
                       String pages, String resolvesTo, List<String> flags) {
    public enum Kind {
        REFERENCE, IBID, OP_CIT, TITLE, FOOTNOTE_MARKER;

        public String json() { return name().toLowerCase(); }
    }
}
