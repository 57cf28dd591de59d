package org.exhibit.analysis.dates;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed TIMEX3 value, enough to do arithmetic with it and to put it on a time line: the first day it covers
 * and how fine it is. Handles {@code 1936-09-23T12:08}, {@code 1936-09-23}, {@code 1936-09}, {@code 1931-SP},
 * {@code 1937-H1}, {@code 1937-Q2}, {@code 1998-W08} (week), {@code 1998-W08-WE} (weekend), {@code 1998-08-07TMO}
 * (part of a day), {@code 1936}, {@code 193X} or {@code 193} (decade), {@code 19} (century) and {@code a/b} ranges
 * (by their first part). Underspecified values ({@code XXXX-05-11}) and null do not parse.
 */
public record TimexValue(int year, int month, int day, String part, Granularity granularity, String time) {
    public enum Granularity { CENTURY, DECADE, YEAR, PART, MONTH, WEEK, DAY, TIME }

    private static final Pattern POINT = Pattern.compile(
            "(\\d{4})(?:-(?:(\\d{2})(?:-(\\d{2})(?:T(\\d{2}:\\d{2}(?::\\d{2})?.*|MO|AF|EV|NI|DT))?)?|(SP|SU|FA|WI|H[12]|Q[1-4])|W(\\d{1,2})(-WE)?))?");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})X?"), CENTURY = Pattern.compile("\\d{2}");

    /** The value's first part when it is a range, parsed; null when it is not a concrete date. */
    public static TimexValue parse(String value) {
        if (value == null) return null;
        String v = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
        Matcher dec = DECADE.matcher(v);
        if (dec.matches()) return new TimexValue(Integer.parseInt(dec.group(1)) * 10, 0, 0, null, Granularity.DECADE, null);
        if (CENTURY.matcher(v).matches()) return new TimexValue(Integer.parseInt(v) * 100, 0, 0, null, Granularity.CENTURY, null);
        Matcher m = POINT.matcher(v);
        if (!m.matches()) return null;
        int y = Integer.parseInt(m.group(1));
        if (m.group(5) != null) return new TimexValue(y, 0, 0, m.group(5), Granularity.PART, null);
        if (m.group(6) != null) {
            int w = Integer.parseInt(m.group(6));
            if (w < 1 || w > 53) return null;
            LocalDate monday = LocalDate.of(y, 1, 4).with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(java.time.DayOfWeek.MONDAY);
            if (m.group(7) != null) monday = monday.plusDays(5);
            return new TimexValue(monday.getYear(), monday.getMonthValue(), monday.getDayOfMonth(), m.group(7) != null ? "WE" : "W", Granularity.WEEK, null);
        }
        if (m.group(2) == null) return new TimexValue(y, 0, 0, null, Granularity.YEAR, null);
        int mo = Integer.parseInt(m.group(2));
        if (mo < 1 || mo > 12) return null;
        if (m.group(3) == null) return new TimexValue(y, mo, 0, null, Granularity.MONTH, null);
        int d = Integer.parseInt(m.group(3));
        if (d < 1 || d > 31) return null;
        return new TimexValue(y, mo, d, null, m.group(4) == null ? Granularity.DAY : Granularity.TIME, m.group(4));
    }

    /** The last part of a range value (or the value itself), parsed. */
    public static TimexValue parseEnd(String value) {
        if (value == null) return null;
        return parse(value.contains("/") ? value.substring(value.indexOf('/') + 1) : value);
    }

    /** The first day the value covers. */
    public LocalDate start() {
        return switch (granularity) {
            case CENTURY, DECADE, YEAR -> LocalDate.of(year, 1, 1);
            case PART -> LocalDate.of(year, partMonth(part), part.equals("SP") || part.equals("SU") || part.equals("FA") || part.equals("WI") ? 21 : 1);
            case MONTH -> LocalDate.of(year, month, 1);
            case WEEK -> LocalDate.of(year, month, day);
            case DAY, TIME -> LocalDate.of(year, month, Math.min(day, LocalDate.of(year, month, 1).lengthOfMonth()));
        };
    }

    /** How many days the value covers, roughly; used to place START/MID/END inside it. */
    public int lengthInDays() {
        return switch (granularity) {
            case CENTURY -> 36525;
            case DECADE -> 3652;
            case YEAR -> 365;
            case PART -> part.startsWith("H") ? 182 : 91;
            case MONTH -> 30;
            case WEEK -> "WE".equals(part) ? 2 : 7;
            case DAY, TIME -> 1;
        };
    }

    static int partMonth(String part) {
        return switch (part) {
            case "SP" -> 3;
            case "SU" -> 6;
            case "FA" -> 9;
            case "WI" -> 12;
            case "H1", "Q1" -> 1;
            case "H2", "Q3" -> 7;
            case "Q2" -> 4;
            case "Q4" -> 10;
            default -> 1;
        };
    }

    /**
     * A day to sort by: the start of the value, moved into it for MID and END so that "late 1936" follows
     * "1936-06". Null when the value is not a concrete date.
     */
    public static LocalDate sortKey(String value, String mod) {
        TimexValue v = parse(value);
        if (v == null) return null;
        LocalDate s = v.start();
        if ("MID".equals(mod)) return s.plusDays(v.lengthInDays() * 2L / 5);
        if ("END".equals(mod)) return s.plusDays(v.lengthInDays() * 7L / 10);
        return s;
    }
}
