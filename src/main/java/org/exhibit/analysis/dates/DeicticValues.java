package org.exhibit.analysis.dates;

import org.exhibit.analysis.dates.TimexNormalizer.Tense;
import org.exhibit.analysis.dates.TimexNormalizer.Timex;
import org.exhibit.analysis.dates.TimexValue.Granularity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Values of expressions relative to the time of writing (the document creation time, DCT): "Friday", "last week",
 * "the third quarter", "yesterday morning", "9 a.m.". The anchor is the DCT's TIMEX3 value; without a day-exact
 * one the expression keeps an underspecified value (XXXX-WXX-5) or none.
 */
final class DeicticValues {
    private DeicticValues() {}

    /** The anchor as a day, or null when it is not one (absent, or only a year). */
    static LocalDate day(String anchor) {
        TimexValue v = TimexValue.parse(anchor);
        if (v == null || v.granularity().ordinal() < Granularity.DAY.ordinal()) return null;
        return v.start();
    }

    static String week(LocalDate d) {
        return String.format("%04d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String quarterOf(LocalDate d) {
        return String.format("%04d-Q%d", d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
    }

    private static int direction(String w) {
        if (w == null) return 0;
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "next", "coming" -> 1;
            case "last", "past", "previous" -> -1;
            default -> 0;
        };
    }

    /** "last week", "this month", "next year", "last October", "this summer", "next quarter". */
    static Timex thisUnit(String anchor, String w, String unit, String season, int month) {
        int k = direction(w);
        String u0 = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (k < 0 && (u0.equals("decade") || u0.equals("century"))) return null; // "the past decade" is a duration
        LocalDate d = day(anchor);
        if (d == null) {
            // anchored to a coarser date of a story ("in March 1953. Next year ..."): a step from it
            if (TimexValue.parse(anchor) != null && (u0.equals("week") || u0.equals("month") || u0.equals("year")))
                return TimexNormalizer.step(anchor, k < 0 ? "previous" : k > 0 ? "next" : "same", u0);
            return new Timex(null, null);
        }
        if (season != null) return new Timex(season(d, season, k), null);
        if (month > 0) {
            int y = d.getYear();
            int cur = d.getMonthValue();
            if (k < 0 && month >= cur) y--;
            if (k > 0 && month <= cur) y++;
            return new Timex(String.format("%04d-%02d", y, month), null);
        }
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (u) {
            case "week" -> new Timex(week(d.plusWeeks(k)), null);
            case "weekend" -> new Timex(week(d.plusWeeks(k)) + "-WE", null);
            case "month" -> { LocalDate x = d.plusMonths(k); yield new Timex(String.format("%04d-%02d", x.getYear(), x.getMonthValue()), null); }
            case "quarter" -> new Timex(quarterOf(d.plusMonths(3L * k)), null);
            case "year" -> new Timex(String.format("%04d", d.getYear() + k), null);
            case "decade" -> k < 0 ? null : new Timex(String.format("%03dX", (d.getYear() + 10 * k) / 10), null);
            case "century" -> k < 0 ? null : new Timex(String.format("%02d", (d.getYear() + 100 * k) / 100), null);
            default -> null;
        };
    }

    /** The season of the DCT (k = 0), the one before it of that name (k < 0) or after it (k > 0). */
    private static String season(LocalDate d, String s, int k) {
        int m = d.getMonthValue();
        // the current season and the year it is counted in (winter: the year of its December)
        String cur = m >= 3 && m <= 5 ? "SP" : m >= 6 && m <= 8 ? "SU" : m >= 9 && m <= 11 ? "FA" : "WI";
        int curYear = m <= 2 ? d.getYear() - 1 : d.getYear();
        int idx = "SP SU FA WI".indexOf(cur) / 3, want = "SP SU FA WI".indexOf(s) / 3;
        int y = curYear;
        if (k == 0) {
            if (s.equals("WI") && !cur.equals("WI")) y = d.getYear(); // "this winter" said in autumn: the coming one
        } else if (k < 0) {
            if (want >= idx) y--;
        } else if (want <= idx) y++;
        return String.format("%04d-%s", y, s);
    }

    /** "today", "yesterday", "tomorrow morning", "last night", "this afternoon", "tonight". */
    static Timex dayRef(String anchor, String d, boolean lastNight, String daypart) {
        LocalDate x = day(anchor);
        String part = daypart == null ? null : TimexWords.DAYPARTS.get(TimexWords.key(daypart));
        if (lastNight) { d = "yesterday"; part = "NI"; }
        if (d == null) d = "today";
        String w = d.toLowerCase(Locale.ROOT);
        if (w.equals("tonight")) part = "NI";
        String type = part == null ? "DATE" : "TIME";
        if (x == null) return new Timex(null, null, type);
        int k = w.equals("yesterday") ? -1 : w.equals("tomorrow") ? 1 : 0;
        return new Timex(x.plusDays(k) + (part == null ? "" : "T" + part), null, type);
    }

    /**
     * A weekday: with "last" the one before the DCT's week day, "next" the one after; bare, the most recent one
     * (the DCT itself included) unless the clause is in the future tense.
     */
    static Timex weekday(String anchor, Integer dow, String w, String daypart, Tense tense) {
        if (dow == null) return null;
        String part = daypart == null ? null : TimexWords.DAYPARTS.get(TimexWords.key(daypart));
        LocalDate x = day(anchor);
        String type = part == null ? "DATE" : "TIME";
        String suffix = part == null ? "" : "T" + part;
        if (x == null) return new Timex("XXXX-WXX-" + dow + suffix, null, type);
        DayOfWeek target = DayOfWeek.of(dow);
        String ww = w == null ? "" : w.toLowerCase(Locale.ROOT);
        LocalDate d;
        switch (ww) {
            case "last", "past" -> d = x.with(TemporalAdjusters.previous(target));
            case "next", "coming" -> d = x.with(TemporalAdjusters.next(target));
            case "this" -> d = x.with(DayOfWeek.MONDAY).plusDays(dow - 1);
            default -> d = tense == Tense.FUTURE ? x.with(TemporalAdjusters.nextOrSame(target)) : x.with(TemporalAdjusters.previousOrSame(target));
        }
        return new Timex(d + suffix, null, type);
    }

    /**
     * "the previous Friday", "the following Monday": the weekday before or after the anchor's day (the anchor is a
     * date of the narrative, or the time of writing when the clause speaks of the future); unresolved without a day.
     */
    static Timex relativeWeekday(String anchor, Integer dow, String w, String daypart) {
        if (dow == null) return null;
        String part = daypart == null ? null : TimexWords.DAYPARTS.get(TimexWords.key(daypart));
        String type = part == null ? "DATE" : "TIME", suffix = part == null ? "" : "T" + part;
        LocalDate x = day(anchor);
        if (x == null) return new Timex(null, null, type);
        DayOfWeek target = DayOfWeek.of(dow);
        boolean back = w.equalsIgnoreCase("previous") || w.equalsIgnoreCase("preceding");
        LocalDate d = x.with(back ? TemporalAdjusters.previous(target) : TemporalAdjusters.next(target));
        return new Timex(d + suffix, null, type);
    }

    /** "the next morning", "that evening", "the previous night": a part of the anchor's day, or of the day after or before. */
    static Timex relativeDaypart(String anchor, String w, String daypart) {
        String part = TimexWords.DAYPARTS.get(TimexWords.key(daypart));
        if (part == null) return null;
        LocalDate x = day(anchor);
        if (x == null) return new Timex(null, null, "TIME");
        String ww = w == null ? "" : w.toLowerCase(Locale.ROOT);
        int k = switch (ww) { case "next", "following" -> 1; case "previous", "preceding" -> -1; default -> 0; };
        return new Timex(x.plusDays(k) + "T" + part, null, "TIME");
    }

    /** "the third quarter", "this year's second half": of the DCT's year, or the year before when it lies ahead. */
    static Timex quarter(String anchor, int n, boolean half, String yearWord, Tense tense) {
        if (n < 1 || n > (half ? 2 : 4)) return null;
        String tag = (half ? "H" : "Q") + n;
        TimexValue a = TimexValue.parse(anchor);
        if (a == null) return new Timex("XXXX-" + tag, null);
        int y = a.year();
        LocalDate d = day(anchor);
        if (yearWord != null) y += direction(yearWord.equalsIgnoreCase("this") ? null : yearWord);
        else if (d != null) {
            int startMonth = half ? 1 + 6 * (n - 1) : 1 + 3 * (n - 1);
            // the latest such quarter begun by the time of writing: results are reported after it ends
            if (startMonth > d.getMonthValue()) y--;
        }
        return new Timex(String.format("%04d-%s", y, tag), null);
    }

    /**
     * "the quarter", "the latest quarter", "the year-ago quarter": the quarter last spoken of (the anchor, when it is
     * one), else the last complete quarter before the DCT ("current": the DCT's); year-ago ones a year before.
     */
    static Timex theQuarter(String anchor, String w) {
        TimexValue a = TimexValue.parse(anchor);
        if (a == null) return new Timex(null, null);
        String q;
        if (a.granularity() == Granularity.PART && a.part().startsWith("Q")) q = String.format("%04d-%s", a.year(), a.part());
        else {
            LocalDate d = day(anchor);
            if (d == null) return new Timex(null, null);
            q = quarterOf(w.equals("current") ? d : d.minusMonths(3));
        }
        if (w.startsWith("year")) q = String.format("%04d", Integer.parseInt(q.substring(0, 4)) - 1) + q.substring(4);
        return new Timex(q, null);
    }

    /** "the 1988 quarter" (the quarter of that number last completed), "the year-ago third quarter". */
    static Timex yearQuarter(String anchor, String year, boolean yearAgo, int n, boolean half) {
        LocalDate d = day(anchor);
        TimexValue a = TimexValue.parse(anchor);
        if (n == 0) {
            // the quarter spoken of: the anchor's, else the last complete one before the time of writing
            if (a != null && a.granularity() == Granularity.PART && a.part().startsWith("Q")) n = a.part().charAt(1) - '0';
            else if (d != null) n = (d.minusMonths(3).getMonthValue() - 1) / 3 + 1;
            else return year == null ? new Timex(null, null) : new Timex(year, null);
            if (half) n = n <= 2 ? 1 : 2;
        }
        int y;
        if (year != null) y = Integer.parseInt(year);
        else if (d != null) {
            Timex q = quarter(anchor, n, half, null, Tense.PAST);
            y = Integer.parseInt(q.value().substring(0, 4)) - (yearAgo ? 1 : 0);
        } else return new Timex(null, null);
        return new Timex(String.format("%04d-%s%d", y, half ? "H" : "Q", n), null);
    }

    /** "the weekend": the last before the time of writing (that of the week, said on a weekend), or the next. */
    static Timex weekend(String anchor, Tense tense) {
        LocalDate d = day(anchor);
        if (d == null) return new Timex(null, null);
        LocalDate sat = tense == Tense.FUTURE ? d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                : d.getDayOfWeek().getValue() >= 6 ? d : d.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        return new Timex(week(sat) + "-WE", null);
    }

    /** "the year", "the fiscal year", "the full year": the year of writing. */
    static Timex theYear(String anchor, String which) {
        TimexValue a = TimexValue.parse(anchor);
        if (a == null) return new Timex(null, null);
        return new Timex(String.format("%04d", a.year()), null);
    }

    /** A holiday of holidays.txt: "12-25", or "4-4-11" (the fourth Thursday of November; L = the last). */
    static Timex holiday(String anchor, String spec, Tense tense) {
        if (spec == null) return null;
        String[] p = spec.split("-");
        LocalDate d = day(anchor);
        if (d == null) return new Timex(null, null);
        LocalDate best = null;
        long bestCost = Long.MAX_VALUE;
        for (int y = d.getYear() - 1; y <= d.getYear() + 1; y++) {
            LocalDate h = p.length == 2 ? LocalDate.of(y, Integer.parseInt(p[0]), Integer.parseInt(p[1]))
                    : nth(y, p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            long cost = cost(d.toEpochDay(), h.toEpochDay(), tense);
            if (cost < bestCost) { bestCost = cost; best = h; }
        }
        return new Timex(best.toString(), null);
    }

    private static LocalDate nth(int y, String n, int dow, int month) {
        LocalDate first = LocalDate.of(y, month, 1);
        if (n.equals("L")) return first.with(TemporalAdjusters.lastInMonth(DayOfWeek.of(dow)));
        return first.with(TemporalAdjusters.dayOfWeekInMonth(Integer.parseInt(n), DayOfWeek.of(dow)));
    }

    /**
     * How unlikely a date (as an epoch day or month count) is meant, said at {@code now} in a clause of this tense:
     * in the past tense earlier ones, in the future later ones, unless the other is four times nearer; else the
     * nearer one, a future one counting half as far again (news reports more than it announces).
     */
    static long cost(long now, long when, Tense tense) {
        long diff = when - now;
        if (tense == Tense.PAST) return diff <= 0 ? -2 * diff : 8 * diff;
        if (tense == Tense.FUTURE) return diff >= 0 ? 2 * diff : -8 * diff;
        return diff <= 0 ? -2 * diff : 3 * diff;
    }

    /** The year of a yearless month (day 0) or day, said at the DCT in a clause of this tense. */
    static int yearOf(LocalDate dct, int month, int day, Tense tense) {
        int best = dct.getYear();
        long bestCost = Long.MAX_VALUE;
        for (int y = dct.getYear() - 1; y <= dct.getYear() + 1; y++) {
            long cost;
            if (day == 0) cost = cost(dct.getYear() * 12L + dct.getMonthValue(), y * 12L + month, tense == Tense.PAST && month == dct.getMonthValue() ? Tense.PRESENT : tense);
            else {
                LocalDate x;
                try { x = LocalDate.of(y, month, day); } catch (java.time.DateTimeException e) { continue; }
                cost = cost(dct.toEpochDay(), x.toEpochDay(), tense);
            }
            if (cost < bestCost) { bestCost = cost; best = y; }
        }
        return best;
    }

    /** The time of day on the day it is said with (or the DCT): "9 a.m." → 1998-10-13T09:00. */
    static Timex clock(String anchor, String h, String mi, String ap, String noon, String day, Tense tense) {
        int hour, min = mi == null ? 0 : Integer.parseInt(mi);
        if (noon != null) hour = noon.equalsIgnoreCase("noon") ? 12 : 0;
        else {
            hour = Integer.parseInt(h);
            if (hour < 1 || hour > 12) return null;
            boolean pm = Character.toLowerCase(ap.charAt(0)) == 'p';
            hour = hour == 12 ? (pm ? 12 : 0) : (pm ? hour + 12 : hour);
        }
        String t = String.format("T%02d:%02d", hour, min);
        String date = null;
        if (day != null && day.startsWith("=")) {
            date = day.substring(1);
            if (date.startsWith("X")) return new Timex(date + t, null, "TIME");
        } else if (day != null) {
            Integer dow = TimexWords.EN_WEEKDAYS.get(day.toLowerCase(Locale.ROOT));
            Timex dt = dow != null ? weekday(anchor, dow, null, null, tense) : dayRef(anchor, day, false, null);
            date = dt == null ? null : dt.value();
        } else {
            LocalDate x = day(anchor);
            if (x != null) date = x.toString();
        }
        if (date == null) return new Timex(null, null, "TIME");
        return new Timex(date + t, null, "TIME");
    }
}
