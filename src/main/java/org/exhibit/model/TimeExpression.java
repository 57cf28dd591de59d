package org.exhibit.model;

import java.util.regex.Pattern;

/**
 * A temporal expression normalised to TIMEX3: its {@code type} (DATE, TIME, DURATION, SET) and {@code value}
 * (ISO 8601 dates with SP/SU/FA/WI seasons, Q1-Q4 quarters, H1/H2 halves, 1998-W08 weeks, 198X decades, 19
 * centuries, TMO/TAF/TEV/TNI parts of a day, P3D/P18M/PXY durations, PRESENT_REF/PAST_REF/FUTURE_REF, a/b ranges),
 * an optional mod (START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS),
 * for a set its quant (EVERY, EACH), the expression it was anchored to, if relative, and the range it is an end
 * of, if any.
 */
public record TimeExpression(Span span, String text, String value, String mod, Span anchor, String anchorText,
                             String type, String quant, Range range) {
    /**
     * The range an expression is one end of: TimeML draws "between 1994 and 1997" as two dates; the edition keeps
     * the whole ("1994/1997") on each, so that a time line can still draw one range.
     */
    public record Range(Span span, String text, String value) {}

    public TimeExpression(Span span, String text, String value, String mod, Span anchor, String anchorText, String type, String quant) {
        this(span, text, value, mod, anchor, anchorText, type, quant, null);
    }

    private static final Pattern TIME = Pattern.compile("T(?:\\d|MO|AF|EV|NI|DT)");
    private static final Pattern DURATION = Pattern.compile("PT?[\\dX]");

    public TimeExpression(Span span, String text, String value, String mod, Span anchor, String anchorText) {
        this(span, text, value, mod, anchor, anchorText, typeOf(value), null, null);
    }

    /** The TIMEX3 type a value implies when nothing else is known: P.. DURATION, ..T.. TIME, else DATE. */
    public static String typeOf(String value) {
        if (value == null) return "DATE";
        if (DURATION.matcher(value).lookingAt()) return "DURATION"; // P3D, PXY, PT24H; not PRESENT_REF
        if (TIME.matcher(value).find()) return "TIME";
        return "DATE";
    }

    /** A duration or a set: listed on a time line, not placed on it as a point. */
    public boolean unplaced() { return "DURATION".equals(type) || "SET".equals(type); }
}
