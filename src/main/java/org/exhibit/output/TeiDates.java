package org.exhibit.output;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TIMEX3 values and ISO timestamps as TEI att.datable attributes (W3C XML Schema dates): a day, month or year
 * becomes {@code when}; seasons, quarters, weeks (1998-W08, weekends 1998-W08-WE), decades, centuries and a/b ranges become {@code from}/{@code to};
 * mod BEFORE/AFTER become {@code notAfter}/{@code notBefore}. Values with no calendar meaning give no attributes.
 */
final class TeiDates {
    private TeiDates() {}

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T(?:MO|AF|EV|NI))?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})X");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})(-WE)?");
    private static final Pattern CENTURY = Pattern.compile("(\\d{2})XX");
    private static final Pattern NO_YEAR = Pattern.compile("XXXX-(\\d{2})(?:-(\\d{2}))?");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

    /** Attributes for a TIMEX3 value and mod, in a stable order; empty when the value cannot be expressed. */
    static Map<String, String> attributes(String value, String mod) {
        Map<String, String> a = new LinkedHashMap<>();
        String[] range = range(value);
        if (range == null) return a;
        String from = range[0], to = range[1];
        if ("BEFORE".equals(mod)) { a.put("notAfter", from); return a; }
        if ("AFTER".equals(mod)) { a.put("notBefore", to); return a; }
        if (from.equals(to)) a.put("when", from);
        else { a.put("from", from); a.put("to", to); }
        if ("APPROX".equals(mod)) a.put("precision", "low");
        return a;
    }

    /** [from, to] as W3C dates; equal when the value is one day, month or year; null when not a calendar value. */
    static String[] range(String value) {
        if (value == null) return null;
        String v = value.strip();
        int slash = v.indexOf('/');
        if (slash > 0) {
            String[] a = range(v.substring(0, slash)), b = range(v.substring(slash + 1));
            return a == null || b == null ? null : new String[]{a[0], b[1]};
        }
        Matcher m;
        if ((m = DAY.matcher(v)).matches()) return valid(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
        if ((m = MONTH.matcher(v)).matches()) return valid(v);
        if (YEAR.matcher(v).matches()) return new String[]{v, v};
        if ((m = SEASON.matcher(v)).matches()) {
            int y = Integer.parseInt(m.group(1));
            return switch (m.group(2)) {
                case "SP" -> new String[]{y + "-03", y + "-05"};
                case "SU" -> new String[]{y + "-06", y + "-08"};
                case "FA" -> new String[]{y + "-09", y + "-11"};
                default -> new String[]{y + "-12", String.format("%04d-02", y + 1)};
            };
        }
        if ((m = QUARTER.matcher(v)).matches()) {
            int q = Integer.parseInt(m.group(2));
            return new String[]{String.format("%s-%02d", m.group(1), q * 3 - 2), String.format("%s-%02d", m.group(1), q * 3)};
        }
        if ((m = HALF.matcher(v)).matches()) {
            return m.group(2).equals("1") ? new String[]{m.group(1) + "-01", m.group(1) + "-06"} : new String[]{m.group(1) + "-07", m.group(1) + "-12"};
        }
        if ((m = WEEK.matcher(v)).matches()) {
            int w = Integer.parseInt(m.group(2));
            if (w < 1 || w > 53) return null;
            LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4)
                    .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(java.time.DayOfWeek.MONDAY);
            LocalDate first = m.group(3) != null ? monday.plusDays(5) : monday;
            return new String[]{first.toString(), monday.plusDays(6).toString()};
        }
        if ((m = DECADE.matcher(v)).matches()) return new String[]{m.group(1) + "0", m.group(1) + "9"};
        if ((m = CENTURY.matcher(v)).matches()) return new String[]{m.group(1) + "00", m.group(1) + "99"};
        if ((m = NO_YEAR.matcher(v)).matches()) {
            String d = "--" + m.group(1) + (m.group(2) == null ? "" : "-" + m.group(2));
            int month = Integer.parseInt(m.group(1));
            return month >= 1 && month <= 12 ? new String[]{d, d} : null;
        }
        String dt = dateTime(v);
        return dt == null ? null : new String[]{dt, dt};
    }

    /** An ISO 8601 timestamp (seconds and zone optional) as an xsd:dateTime or xsd:date, or null. */
    static String dateTime(String iso) {
        if (iso == null) return null;
        String v = iso.strip();
        Matcher m = DAY.matcher(v);
        if (m.matches()) { String[] d = valid(v); return d == null ? null : d[0]; }
        m = DATE_TIME.matcher(v);
        if (!m.matches() || valid(m.group(1)) == null) return null;
        if (Integer.parseInt(m.group(2)) > 23 || Integer.parseInt(m.group(3)) > 59) return null;
        String zone = m.group(6) == null ? "" : m.group(6).equals("Z") ? "Z" : m.group(6).replaceFirst("^([+-]\\d{2}):?(\\d{2})$", "$1:$2");
        return m.group(1) + "T" + m.group(2) + ":" + m.group(3) + ":" + (m.group(4) == null ? "00" : m.group(4))
                + (m.group(5) == null ? "" : m.group(5)) + zone;
    }

    private static String[] valid(String ymd) {
        try {
            if (ymd.length() == 7) YearMonth.parse(ymd); else LocalDate.parse(ymd);
            return new String[]{ymd, ymd};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
