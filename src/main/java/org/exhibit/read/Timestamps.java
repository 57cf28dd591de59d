package org.exhibit.read;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post timestamps as boards print them, to ISO 8601 local date-times: {@code 27th July 2003, 12:08},
 * {@code Jun 16 2007, 02:19 PM}, {@code Mon Jun 16, 2007 2:19 pm}, {@code 16.06.2007 14:19}, {@code 2007-06-16 14:19}.
 */
public final class Timestamps {
    private Timestamps() {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final String TIME = "(?:[,\\s]+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?)?";
    private static final String WEEKDAY = "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+)?";
    private static final String PREFIX = "^\\s*(?:(?:Posted|Post|Date|Sent)\\s*(?:on|:)?\\s*)?" + WEEKDAY;
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(PREFIX + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})" + TIME + "\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(PREFIX + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME + "\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile(PREFIX + "(\\d{4})-(\\d{2})-(\\d{2})(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?\\s*$");
    private static final Pattern DOTTED = Pattern.compile(PREFIX + "(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})" + TIME + "\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern TOKEN_START = Pattern.compile("(?i)\\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|posted|post|date|sent)");
    private static final Pattern TOKEN_END = Pattern.compile("(?i)(?:\\d|[ap]\\.?m\\.?|Z)$");
    private static final Pattern EPOCH = Pattern.compile("\\d{9,14}(\\.\\d+)?");
    private static final Pattern ISO_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[89]|20)\\d\\d(?!\\d)");

    /** The ISO form of a line that is only a timestamp, or null. */
    public static String parse(String line) {
        if (line == null || line.length() > 60) return null;
        Matcher m = DAY_MONTH_YEAR.matcher(line);
        if (m.matches()) return iso(m.group(3), month(m.group(2)), m.group(1), m.group(4), m.group(5), m.group(6), m.group(7));
        m = MONTH_DAY_YEAR.matcher(line);
        if (m.matches()) return iso(m.group(3), month(m.group(1)), m.group(2), m.group(4), m.group(5), m.group(6), m.group(7));
        m = ISO.matcher(line);
        if (m.matches()) {
            String base = iso(m.group(1), Integer.parseInt(m.group(2)), m.group(3), m.group(4), m.group(5), m.group(6), null);
            if (base != null && m.group(7) != null && m.group(4) != null)
                base += m.group(7).equals("Z") ? "Z" : m.group(7).replaceFirst("^([+-]\\d{2})(\\d{2})$", "$1:$2");
            return base;
        }
        m = DOTTED.matcher(line);
        if (m.matches()) {
            // 16.06.2007 is day.month (European); 06/16/2007 and vBulletin's 06-16-2007 are month first (American),
            // unless the first field cannot be a month.
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3));
            boolean us = m.group(2).equals(".") ? a <= 12 && b > 12 : a <= 12;
            return iso(m.group(4), us ? a : b, String.valueOf(us ? b : a), m.group(5), m.group(6), m.group(7), m.group(8));
        }
        return null;
    }

    /** Unix time (seconds, or milliseconds when the number is that large) as an ISO instant in UTC, or null. */
    public static String fromEpoch(String value) {
        if (value == null || !EPOCH.matcher(value.strip()).matches()) return null;
        long n = (long) Double.parseDouble(value.strip());
        if (n > 100_000_000_000L) n /= 1000; // milliseconds, as Discourse writes them
        return java.time.Instant.ofEpochSecond(n).toString();
    }

    /**
     * Any machine or board time to ISO 8601: an ISO date-time (kept with its offset), Unix time, or a visible
     * board timestamp such as {@code 16 June 2007 - 02:19 PM}; null when none of these.
     */
    public static String any(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (ISO_START.matcher(v).lookingAt()) try {
            return java.time.OffsetDateTime.parse(v).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (java.time.format.DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(v).toString();
            } catch (java.time.format.DateTimeParseException notLocal) { /* try the other forms */ }
        }
        String epoch = fromEpoch(v);
        if (epoch != null) return epoch;
        String p = parse(v);
        if (p != null) return p;
        return parse(v.replaceAll("\\s+-\\s+", ", ")); // IPB: "16 June 2007 - 02:19 PM"
    }

    /** The first board timestamp inside a longer line ("by name » Mon Jun 16, 2007 2:19 pm"), as ISO, or null. */
    public static String find(String line) {
        if (line == null) return null;
        if (!YEAR.matcher(line).find()) return null; // every form this reads has a four-digit year
        String[] w = line.replaceAll("[«»|•·–—]", " ").strip().split("\\s+");
        if (w.length > 40) return null;
        for (int i = 0; i < w.length; i++) {
            if (!TOKEN_START.matcher(w[i]).lookingAt()) continue;
            StringBuilder sb = new StringBuilder();
            String best = null;
            for (int j = i; j < w.length && sb.length() < 60; j++) {
                if (j > i) sb.append(' ');
                sb.append(w[j]);
                String c = sb.toString().replaceAll("[,.:]$", "");
                if (!TOKEN_END.matcher(c).find() || c.matches("\\d+")) continue; // a bare number is a post id, not a time
                String iso = parse(c);
                if (iso == null && c.contains(" - ")) iso = parse(c.replaceAll("\\s+-\\s+", ", "));
                if (iso != null) best = iso; // the longest match from here keeps the time of day
            }
            if (best != null) return best;
        }
        return null;
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 0);
    }

    private static String iso(String year, int month, String day, String hour, String minute, String second, String ampm) {
        int y = Integer.parseInt(year), d = Integer.parseInt(day);
        if (month < 1 || month > 12 || d < 1 || y < 1900 || y > 2100) return null;
        if (d > java.time.YearMonth.of(y, month).lengthOfMonth()) return null; // 31 June, 29 February 2007: not a date
        String date = pad(y, 4) + "-" + pad(month, 2) + "-" + pad(d, 2); // String.format parses its format at every call
        if (hour == null) return date;
        int h = Integer.parseInt(hour), min = Integer.parseInt(minute);
        if (ampm != null) {
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            if (h == 12) h = pm ? 12 : 0;
            else if (pm) h += 12;
        }
        if (h > 23 || min > 59 || second != null && Integer.parseInt(second) > 59) return null;
        String t = date + "T" + pad(h, 2) + ":" + pad(min, 2);
        return second == null ? t : t + ":" + pad(Integer.parseInt(second), 2);
    }

    /** n in decimal, zero-padded to at least width digits (n is not negative here), as %0Nd prints it. */
    private static String pad(int n, int width) {
        String s = Integer.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
