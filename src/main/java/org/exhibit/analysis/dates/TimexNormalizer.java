package org.exhibit.analysis.dates;

import org.exhibit.analysis.dates.TimexValue.Granularity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English temporal expressions to TIMEX3 values: {@code September 23, 1936} → 1936-09-23, {@code December 1927} →
 * 1927-12, {@code the spring of 1931} → 1931-SP, {@code the late 1980's} → 198 END, {@code 1936 to 1938} →
 * 1936/1938, {@code Perhaps 1933 or 1934 or 1935} → 1933/1935 APPROX, {@code before 1930} → 1930 BEFORE,
 * {@code 27th July 2003, 12:08} → 2003-07-27T12:08; and the four TIMEX3 types of news text: durations ({@code 18
 * months} → P18M, {@code more than four decades} → P40Y MORE_THAN), sets ({@code every week} → P1W), vague
 * references ({@code now} → PRESENT_REF), and, against the time of writing and the tense of the clause, weekdays
 * ({@code Friday}), days ({@code yesterday morning} → ..TMO), weeks ({@code last week} → 1998-W08), quarters
 * ({@code the third quarter} → 1989-Q3), clock times and holidays. German, French and Russian (Cyrillic and
 * transliterated) month and weekday names are read next to a day or a year, for pasted sources. The word lists
 * are resource files read by {@link TimexWords}. Expressions that need context ({@code Three days later}, {@code May 11}, {@code ten years ago})
 * are resolved against an anchor value given by the caller; without one they come back underspecified
 * ({@code XXXX-05-11}) or with a null value. This class knows the grammar only; which numbers in a text are years,
 * and which date anchors which, is the {@link DateFinder}'s business.
 *
 * <p>The grammar is a list of rules, each a regular expression with named groups and a function from the match
 * (and the anchor) to a value. Composite rules (ranges, "early X", "around X") reuse the simpler rules' patterns
 * and normalise their parts recursively.
 */
public final class TimexNormalizer {
    private TimexNormalizer() {}

    /** A normalised value and its TIMEX3 mod (START, MID, END, APPROX), either of which may be null. */
    public record Timex(String value, String mod, String type) {
        public Timex(String value, String mod) { this(value, mod, null); }

        /** The TIMEX3 type: the one the rule gave, else read off the value (P.. DURATION, ..T.. TIME, else DATE). */
        @Override public String type() { return type != null ? type : typeOf(value); }
    }

    /** TIMEX3 type of a value when nothing else is known: DURATION, TIME or DATE. */
    public static String typeOf(String value) { return org.exhibit.model.TimeExpression.typeOf(value); }

    /**
     * The tense of the clause around an expression, for resolving "Friday" or "Oct. 23" against the time of
     * writing: the last such day before it, or the next one. NONE: the anchor is a date of the narrative, not the
     * time of writing, and gives its year as it is.
     */
    public enum Tense { NONE, PAST, PRESENT, FUTURE }

    /** What an expression needs to be resolved. */
    public enum Kind {
        /** Complete in itself: {@code December 1927}. */
        ABSOLUTE,
        /** A day or month without a year, which the context supplies: {@code On May 11}, {@code in March}. */
        YEARLESS,
        /** Relative to an earlier date of the text: {@code Three days later}, {@code the next year}. */
        ANAPHORIC,
        /** Relative to the time of writing: {@code ten years ago}, {@code last year}. */
        DEICTIC
    }

    /** An expression recognised at a position of a text. */
    public record Match(int start, int end, Kind kind, String rule) {
        public Match(int start, int end, Kind kind) { this(start, end, kind, null); }
    }

    // ---- the grammar --------------------------------------------------------------------------------------------

    /** A gap between words: spaces, with at most one line break (hard-wrapped text), never a blank line. */
    static final String S = "(?:\\h+\\R?\\h*|\\R\\h*)";
    static final String MONTHS = TimexWords.monthNames();
    static final String ABBR = TimexWords.monthAbbreviations();
    /**
     * German, French and Russian month names (Russian in the nominative, in the genitive of dates and in the
     * prepositional of "в декабре 1927", in Cyrillic and transliterated), for pasted sources in those languages;
     * taken only next to a day or a year.
     */
    static final String FOREIGN_NAMES = TimexWords.alternation(TimexWords.FOREIGN_MONTHS.keySet(), " ");
    /** Any month, any case: safe next to a day and a year. */
    static final String M = "(?<m>(?:" + MONTHS + ")|(?:" + ABBR + ")\\.?|" + FOREIGN_NAMES + ")(?!\\p{L})";
    /** A capitalised month: without a year, "may" and "march" are far more often a verb and a noun. */
    static final String MC = "(?-i:(?<m>(?:" + cap(MONTHS) + ")|(?:" + cap(ABBR) + ")\\.?))(?!\\p{L})";
    static final String MC_FULL = "(?-i:(?<m>" + cap(MONTHS) + "))(?!\\p{L})";
    static final String D = "(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?![\\d\\p{L}])";
    /** A day before its month, also as German "1." and French "1er". */
    static final String DM = "(?<d>[0-3]?\\d)(?:st|nd|rd|th|er|\\.(?=\\h))?(?![\\d\\p{L}])";
    static final String YEAR = "(?:1\\d{3}|20\\d{2}|2100)(?!\\d)";
    static final String Y = "(?<y>" + YEAR + ")";
    static final String YY = "['’‘](?<yy>\\d{2})(?![\\d\\p{L}])";
    /** A weekday before a full date, English or (in pasted sources) German, French, Russian: "Freitag, 1. Dezember 1934". */
    static final String WEEKDAY = "(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?|"
            + TimexWords.alternation(TimexWords.FOREIGN_WEEKDAYS.keySet(), " ") + "),?" + S + ")?";
    static final String TIME = "(?:(?:,\\h*|\\h+)(?:at\\h+)?(?<h>[0-2]?\\d):(?<mi>[0-5]\\d)(?::(?<sec>[0-5]\\d))?(?:\\h*(?<ap>[ap]\\.?m\\.?)(?!\\p{L}))?)?";
    static final String SEASON = "(?<s>spring|summer|autumn|fall|winter)(?!\\p{L})";
    static final String UNIT = "(?<u>day|week|month|year|decade)s?(?!\\p{L})";
    /** A count: digits, or a number word of en/numbers.txt ("a", "two", "a couple of", "several"), "twenty-four". */
    /**
     * A count: digits ("18", "2 1/2", "2.5"), a number word of en/numbers.txt ("a", "two", "a couple of",
     * "several"), or a compound ("twenty-four", "twenty four").
     */
    static final String NUM = "(?<n>\\d{1,3}(?:\\.5|\\h+1/2|\\h*½)?(?![\\d/])|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\\h](?:one|two|three|four|five|six|seven|eight|nine)(?!\\p{L})|"
            + TimexWords.alternation(TimexWords.NUMBERS.keySet(), "\\h+") + ")(?<n2>)";
    static final String WEEKDAY_NAMES = cap(TimexWords.weekdayNames());
    /** A capitalised weekday name. */
    static final String WEEKDAY_C = "(?-i:(?<wd>" + WEEKDAY_NAMES + "))";
    static final String DAYPART = "(?<dp>" + TimexWords.alternation(TimexWords.DAYPARTS.keySet(), S) + ")";
    /** Any unit word, singular or plural. */
    static final String UNIT_ANY = "(?<u>" + TimexWords.alternation(TimexWords.UNITS.keySet(), S) + ")";
    /** Quantifiers of a duration: "more than two years" (MORE_THAN), "nearly a decade" (LESS_THAN). */
    static final String QUANT = "(?:more" + S + "than|less" + S + "than|fewer" + S + "than|at" + S + "least|at" + S + "most|nearly|almost|about|approximately|roughly"
            + "|over|under|up" + S + "to|no" + S + "more" + S + "than|some|barely)";
    static final String DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties";

    private static final Map<String, String> MOD_WORDS = Map.of("early", "START", "beginning", "START", "start", "START",
            "mid", "MID", "middle", "MID", "late", "END", "end", "END", "close", "END");
    private static final Map<String, Integer> ORDINAL_CENTURY = Map.ofEntries(Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19), Map.entry("twentieth", 20),
            Map.entry("twenty-first", 21));

    /** From a rule's match, the anchor value and the tense of the clause to a value. */
    private interface Resolver { Timex apply(Matcher m, String anchor, Tense tense); }

    private record Rule(String name, Pattern pattern, Kind kind, Resolver resolve) {}

    private static final List<Rule> RULES = new ArrayList<>();
    private static final List<Lead> LEADS = new ArrayList<>();
    private static final Map<String, String> PLAIN = new java.util.HashMap<>();

    /** Adds a rule; a null kind means "the kind of the group named core". */
    private static void rule(String name, Kind kind, String regex, Resolver r) {
        RULES.add(new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), kind, r));
        // The same pattern without group names, to embed in composite rules.
        PLAIN.put(name, regex.replaceAll("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>", "(?:"));
    }

    private static String any(String... names) {
        StringBuilder sb = new StringBuilder("(?:");
        for (int i = 0; i < names.length; i++) sb.append(i == 0 ? "" : "|").append(PLAIN.get(names[i]));
        return sb.append(')').toString();
    }

    static {
        // Day ranges inside one month: "1-3 March 1937", "March 1-3, 1937".
        String d2 = D.replace("<d>", "<d2>");
        rule("dayrange", Kind.ABSOLUTE, D + "\\h*(?:[-–]|to)\\h*" + d2 + S + M + ",?" + S + Y,
                (m, a, tn) -> dayRange(m));
        rule("dayrange2", Kind.ABSOLUTE, M + S + D + "\\h*(?:[-–]|to)\\h*" + d2 + "(?:,\\h*|" + S + ")" + Y,
                (m, a, tn) -> dayRange(m));
        // Month ranges sharing a year: "April–May 1940", "between April and May 1940".
        rule("monthrange", Kind.ABSOLUTE, "(?:(?<pre>from|between)" + S + ")?" + M.replace("<m>", "<m1>") + "(?:\\h*(?:--|[-–—/])\\h*|" + S + "(?<sepw>to|until|till|through|and)" + S + ")"
                        + M + ",?" + S + Y,
                (m, a, tn) -> {
                    boolean between = m.group("pre") != null && m.group("pre").equalsIgnoreCase("between");
                    if (m.group("sepw") != null && m.group("sepw").equalsIgnoreCase("and") != between) return null;
                    int m1 = month(m.group("m1")), m2 = month(m.group("m"));
                    if (m1 >= m2) return null;
                    return new Timex(String.format("%s-%02d/%s-%02d", m.group("y"), m1, m.group("y"), m2), null);
                });
        // Points, most specific first (an alternation of them takes the first that fits).
        rule("dmy", Kind.ABSOLUTE, WEEKDAY + "(?:the" + S + ")?" + DM + "(?:" + S + "of)?" + S + M + ",?" + S + Y + TIME,
                (m, a, tn) -> day(m.group("y"), month(m.group("m")), m.group("d"), m));
        rule("mdy", Kind.ABSOLUTE, WEEKDAY + M + S + D + "(?:,\\h*|" + S + ")" + Y + TIME,
                (m, a, tn) -> day(m.group("y"), month(m.group("m")), m.group("d"), m));
        rule("iso", Kind.ABSOLUTE, "(?<y>1\\d{3}|20\\d{2})-(?<mo>0[1-9]|1[0-2])-(?<d>[0-3]\\d)(?:[T\\h](?<h>[0-2]\\d):(?<mi>[0-5]\\d)(?::(?<sec>[0-5]\\d))?)?(?!\\d)",
                (m, a, tn) -> day(m.group("y"), Integer.parseInt(m.group("mo")), m.group("d"), m));
        // 23.9.1936 is day.month.year; 9/23/1936 is month/day unless the first field cannot be a month.
        rule("dotted", Kind.ABSOLUTE, "(?<d>[0-3]?\\d)\\.(?<mo>[01]?\\d)\\.(?<y>" + YEAR + ")",
                (m, a, tn) -> day(m.group("y"), Integer.parseInt(m.group("mo")), m.group("d"), null));
        rule("slashed", Kind.ABSOLUTE, "(?<p>[0-3]?\\d)/(?<q>[0-3]?\\d)/(?<y>" + YEAR + ")", (m, a, tn) -> {
            int p = Integer.parseInt(m.group("p")), q = Integer.parseInt(m.group("q"));
            return p > 12 ? day(m.group("y"), q, String.valueOf(p), null) : day(m.group("y"), p, String.valueOf(q), null);
        });
        rule("season", Kind.ABSOLUTE, "(?:the" + S + ")?" + SEASON + ",?" + S + "(?:of" + S + ")?(?:" + Y + "|" + YY + ")(?:\\h*[-–/]\\h*(?<y2>\\d{4}|\\d{2})(?!\\d))?",
                (m, a, tn) -> {
                    int y = year(m.group("y"), m.group("yy"));
                    if (y < 0) return null;
                    // "the winter of 1941-42" is one winter; other seasons do not straddle years.
                    if (m.group("y2") != null && !(season(m.group("s")).equals("WI") && nextYear(y, m.group("y2")))) return null;
                    return new Timex(String.format("%04d-%s", y, season(m.group("s"))), null);
                });
        rule("monthyear", Kind.ABSOLUTE, M + ",?" + S + "(?:of" + S + ")?(?:" + Y + "|" + YY + ")",
                (m, a, tn) -> {
                    int y = year(m.group("y"), m.group("yy"));
                    return y < 0 ? null : new Timex(String.format("%04d-%02d", y, month(m.group("m"))), null);
                });
        rule("century", Kind.ABSOLUTE, "(?:the" + S + ")?(?:(?<cn>1\\d|20|[1-9])(?:st|nd|rd|th)|(?<cw>eleventh|twelfth|thirteenth|fourteenth"
                        + "|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[-\\h]+century(?!\\p{L})",
                (m, a, tn) -> {
                    int c = m.group("cn") != null ? Integer.parseInt(m.group("cn")) : ORDINAL_CENTURY.get(m.group("cw").toLowerCase(Locale.ROOT));
                    return new Timex(String.format("%02d", c - 1), null);
                });
        rule("decade", Kind.ABSOLUTE, "(?:the" + S + ")?(?<dec>1\\d\\d|20\\d)0['’]?s(?!\\p{L})", (m, a, tn) -> new Timex(m.group("dec") + "X", null));
        // Two-digit and spelled-out decades are the 1900s; the finder asks for "the" before them ("in his thirties" is an age).
        rule("decade2", Kind.ABSOLUTE, "(?:the" + S + ")?['’‘]?(?<dd>[1-9])0['’]?s(?!\\p{L})", (m, a, tn) -> new Timex("19" + m.group("dd") + "X", null));
        rule("decadeword", Kind.ABSOLUTE, "(?:the" + S + ")?(?<dw>" + DECADE_WORDS + ")(?!\\p{L})",
                (m, a, tn) -> new Timex("19" + (List.of(DECADE_WORDS.split("\\|")).indexOf(m.group("dw").toLowerCase(Locale.ROOT)) + 2) + "X", null));
        rule("part", Kind.ABSOLUTE, "the" + S + "(?<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)" + S + "(?<part>half|quarter)" + S + "of" + S + Y,
                (m, a, tn) -> part(m.group("y"), m.group("ord"), m.group("part")));
        rule("year", Kind.ABSOLUTE, "(?:(?-i:AD|A\\.D\\.)" + S + ")?" + Y + "(?:" + S + "(?-i:AD|A\\.D\\.|CE|C\\.E\\.)(?!\\p{L}))?",
                (m, a, tn) -> new Timex(m.group("y"), null));

        // '37: the finder takes it only after "in", "of", "since" and the like.
        rule("yearshort", Kind.ABSOLUTE, YY, (m, a, tn) -> new Timex("19" + m.group("yy"), null));

        // Yearless: the year comes from the anchor.
        rule("monthday", Kind.YEARLESS, WEEKDAY + MC + "\\h+" + D + "(?!\\h*:\\d)",
                (m, a, tn) -> yearless(a, tn, String.format("-%02d-%02d", month(m.group("m")), Integer.parseInt(m.group("d"))), month(m.group("m")), Integer.parseInt(m.group("d"))));
        rule("daymonth", Kind.YEARLESS, WEEKDAY + "(?:the" + S + ")?" + D + "(?:" + S + "of)?\\h+" + MC,
                (m, a, tn) -> yearless(a, tn, String.format("-%02d-%02d", month(m.group("m")), Integer.parseInt(m.group("d"))), month(m.group("m")), Integer.parseInt(m.group("d"))));
        rule("month", Kind.YEARLESS, MC_FULL, (m, a, tn) -> yearless(a, tn, String.format("-%02d", month(m.group("m"))), month(m.group("m")), 0));
        rule("seasonbare", Kind.YEARLESS, "the" + S + SEASON, (m, a, tn) -> yearless(a, tn, "-" + season(m.group("s")), 0, 0));

        // Anaphoric: relative to an earlier date of the text.
        rule("nlater", Kind.ANAPHORIC, NUM + S + UNIT + S + "(?<dir>later|afterwards?|after" + S + "that|earlier|before" + S + "that|previously"
                        + "|on(?=\\h*(?:[,.;:!?)]|$))|after(?=\\h*(?:[,.;!?]|$)))",
                (m, a, tn) -> shift(a, shiftCount(m), unit(m.group("u")), direction(m.group("dir")), approx(m)));
        String unitOrSeason = "(?<u>day|week|month|year|spring|summer|autumn|fall|winter)(?!\\p{L})";
        rule("nextunit", Kind.ANAPHORIC, "the" + S + "(?<w>next|following|previous|preceding|subsequent|same)" + S + unitOrSeason,
                (m, a, tn) -> step(a, m.group("w"), m.group("u")));
        // "the summer of that year", "in May of the following year"
        rule("partofyear", Kind.ANAPHORIC, "(?:the" + S + ")?(?:" + SEASON + "|" + MC_FULL + ")" + S + "of" + S
                        + "(?:(?<that>that|the" + S + "same)|the" + S + "(?<w>next|following|previous|preceding|subsequent))" + S + "year(?!\\p{L})",
                (m, a, tn) -> {
                    Timex y = step(a, m.group("w") == null ? "same" : m.group("w"), "year");
                    if (y == null || y.value() == null || !y.value().matches("\\d{4}")) return y;
                    return new Timex(y.value() + (m.group("s") != null ? "-" + season(m.group("s")) : String.format("-%02d", month(m.group("m")))), null);
                });
        rule("thatunit", Kind.ANAPHORIC, "(?:(?<w>later|earlier)" + S + "(?:in" + S + ")?)?(?:that|the" + S + "same)" + S + unitOrSeason,
                (m, a, tn) -> step(a, "same", m.group("u")));
        // "the previous Friday", "the following Monday morning": the weekday before or after the date last spoken of
        rule("relweekday", Kind.ANAPHORIC, "the" + S + "(?<w>previous|preceding|following|next)" + S + WEEKDAY_C + "(?:" + S + DAYPART + ")?(?!\\p{L})",
                (m, a, tn) -> DeicticValues.relativeWeekday(a, TimexWords.EN_WEEKDAYS.get(m.group("wd").toLowerCase(Locale.ROOT).replace(".", "")),
                        m.group("w"), m.group("dp")));
        // "the next morning", "the following evening", "that night", "the same afternoon": a part of the day last
        // spoken of, or of the day after or before it
        rule("reldaypart", Kind.ANAPHORIC, "(?:the" + S + "(?<w>next|following|previous|preceding|same)|(?<that>that))" + S + DAYPART + "(?!\\p{L})",
                (m, a, tn) -> DeicticValues.relativeDaypart(a, m.group("w"), m.group("dp")));
        rule("unitafter", Kind.ANAPHORIC, "the" + S + "(?<u>day|week|month|year)" + S + "(?<w>after|before)(?=\\h*(?:[,.;:!?)]|$))",
                (m, a, tn) -> step(a, m.group("w").equalsIgnoreCase("after") ? "next" : "previous", m.group("u")));

        // Deictic: relative to when the post was written.
        // "more than thirty years ago" is before the date thirty years back, "less than a year ago" after it
        rule("ago", Kind.DEICTIC, "(?:(?<q>" + QUANT + ")" + S + ")?" + NUM + S + UNIT + S + "ago(?!\\p{L})",
                (m, a, tn) -> {
                    Timex t = shift(a, shiftCount(m), unit(m.group("u")), -1, approx(m));
                    // "six weeks ago" is a week: 1999-W47
                    if (unit(m.group("u")).equals("week") && t.value() != null && t.value().length() == 10)
                        t = new Timex(DeicticValues.week(LocalDate.parse(t.value())), t.mod());
                    String q = DurationValues.mod(m.group("q"));
                    if (q == null) return t;
                    return new Timex(t.value(), switch (q) {
                        case "MORE_THAN", "EQUAL_OR_MORE" -> "BEFORE";
                        case "LESS_THAN", "EQUAL_OR_LESS" -> "AFTER";
                        default -> q;
                    });
                });
        // "last week" (1998-W08), "this month", "next year", "last October", "this summer", "earlier this year".
        rule("thisunit", Kind.DEICTIC, "(?:(?<e>earlier|later)" + S + ")?(?:the" + S + "(?=past))?(?<w>next|last|this|past|coming|previous|current)" + S
                        + "(?:(?<u>week|weekend|month|quarter|year|decade|century)|" + SEASON + "|" + MC_FULL + ")(?!\\p{L})",
                (m, a, tn) -> {
                    Timex t = DeicticValues.thisUnit(a, m.group("w"), m.group("u"), m.group("s") == null ? null : season(m.group("s")),
                            m.group("m") == null ? 0 : month(m.group("m")));
                    if (t == null || m.group("e") == null) return t;
                    return new Timex(t.value(), m.group("e").equalsIgnoreCase("earlier") ? "START" : "END");
                });
        // Days named relative to the time of writing: "today", "yesterday morning", "last night", "this afternoon".
        rule("dayref", Kind.DEICTIC, "(?:(?<d>today|tonight|yesterday|tomorrow)(?:" + S + DAYPART + ")?"
                        + "|(?<ln>last" + S + "night)|this" + S + DAYPART.replace("<dp>", "<dp2>") + ")(?!\\p{L})",
                (m, a, tn) -> DeicticValues.dayRef(a, m.group("d"), m.group("ln") != null, m.group("dp") != null ? m.group("dp") : m.group("dp2")));
        // Weekdays: the last such day before the time of writing, or the next one in future tense.
        rule("weekday", Kind.DEICTIC, "(?:(?<w>last|this|next|coming|past)" + S + ")?" + WEEKDAY_C + "(?:" + S + DAYPART + ")?(?!\\p{L})",
                (m, a, tn) -> DeicticValues.weekday(a, TimexWords.EN_WEEKDAYS.get(m.group("wd").toLowerCase(Locale.ROOT).replace(".", "")),
                        m.group("w"), m.group("dp"), tn));
        // Quarters and halves of the year: "the third quarter", "third-quarter", "this year's first half".
        rule("quarter", Kind.DEICTIC, "(?:the" + S + "(?!(?:fiscal\\h+)?(?:first|second|third|fourth)-quarter))?(?:(?<yw>this|last|next)" + S + "year['’]s" + S + ")?(?:fiscal" + S + ")?"
                        + "(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?:[-\\h]+fiscal)?[-\\h]+(?<part>quarter|half)(?!\\p{L})",
                (m, a, tn) -> DeicticValues.quarter(a, ordinal(m.group("ord")), m.group("part").equalsIgnoreCase("half"), m.group("yw"), tn));
        // "the quarter", "the latest quarter", "the year-ago period", "year-earlier": the quarter in question.
        rule("thequarter", Kind.DEICTIC, "(?:the" + S + "(?:(?<w>latest|most" + S + "recent|recent|current|just[-\\h]ended|same|year[-\\h]ago|year[-\\h]earlier)" + S + ")?(?:fiscal" + S + ")?quarter"
                        + "|the" + S + "(?<w2>latest|year[-\\h]ago|year[-\\h]earlier)" + S + "period|(?<w3>year[-\\h]ago|year[-\\h]earlier))(?!\\p{L})",
                (m, a, tn) -> {
                    String w = m.group("w") != null ? m.group("w") : m.group("w2") != null ? m.group("w2") : m.group("w3");
                    return DeicticValues.theQuarter(a, w == null ? "" : w.toLowerCase(Locale.ROOT));
                });
        // "the 1988 quarter", "the 1988 third quarter", "the year-ago third quarter", "the 1989 period"
        rule("yearquarter", Kind.DEICTIC, "the" + S + "(?:comparable" + S + "|corresponding" + S + ")?(?:(?<y>" + YEAR + ")|(?<ya>year[-\\h]ago|year[-\\h]earlier|prior[-\\h]year))" + S
                        + "(?:(?<ord>first|second|third|fourth)" + S + ")?(?:fiscal" + S + ")?(?<part>quarter|period|half)(?!\\p{L})",
                (m, a, tn) -> DeicticValues.yearQuarter(a, m.group("y"), m.group("ya") != null,
                        m.group("ord") == null ? 0 : ordinal(m.group("ord")), m.group("part").equalsIgnoreCase("half")));
        // "January this year", "June last year"
        rule("monththisyear", Kind.DEICTIC, MC_FULL + S + "(?<w>this|last|next)" + S + "year(?!\\p{L})",
                (m, a, tn) -> {
                    Timex y = DeicticValues.thisUnit(a, m.group("w"), "year", null, 0);
                    return y == null || y.value() == null ? y : new Timex(y.value() + String.format("-%02d", month(m.group("m"))), null);
                });
        // "the week of March 6": the ISO week of that day
        rule("weekof", Kind.YEARLESS, "the" + S + "week" + S + "of" + S + MC + "\\h+" + D,
                (m, a, tn) -> {
                    Timex d = yearless(a, tn, String.format("-%02d-%02d", month(m.group("m")), Integer.parseInt(m.group("d"))), month(m.group("m")), Integer.parseInt(m.group("d")));
                    if (d == null || d.value().startsWith("X")) return new Timex("XXXX-WXX", null);
                    return new Timex(DeicticValues.week(LocalDate.parse(d.value())), null);
                });
        // "the weekend", "over the weekend": the last one before the time of writing, or the next in the future tense
        rule("theweekend", Kind.DEICTIC, "the" + S + "weekend(?!\\p{L})", (m, a, tn) -> DeicticValues.weekend(a, tn));
        // "for the year", "the full year", "the fiscal year": the year of writing (the finder asks for the preposition)
        // "the year ended Sept. 30", "the fiscal year ending in June": a year's length
        rule("theyearended", Kind.ABSOLUTE, "the" + S + "(?:(?:fiscal|financial|latest|full)" + S + ")?year(?=" + S + "(?:ended|ending|that" + S + "ended|to" + S + "date)(?!\\p{L}))",
                (m, a, tn) -> new Timex("P1Y", null, "DURATION"));
        rule("theyear", Kind.DEICTIC, "the" + S + "(?:(?<fy>full|fiscal|current|calendar|current" + S + "fiscal|latest" + S + "fiscal)" + S + ")?year(?!\\p{L})",
                (m, a, tn) -> DeicticValues.theYear(a, m.group("fy")));
        // "year-end", "year's end", "the end of the year"
        rule("yearend", Kind.DEICTIC, "(?:(?:the" + S + ")?year[-\\h]end|year['’]s" + S + "end|the" + S + "end" + S + "of" + S + "the" + S + "year)(?!\\p{L})",
                (m, a, tn) -> { Timex y = DeicticValues.theYear(a, null); return y == null ? null : new Timex(y.value(), "END"); });
        // Years spelled out: "nineteen ninety-six", "the year two thousand"
        rule("yearwords", Kind.ABSOLUTE, "(?:the" + S + "year" + S + "(?<tt>two" + S + "thousand)|(?<c>nineteen|eighteen)" + S + "(?:hundred" + S + ")?(?<t>ten|eleven|twelve|thirteen|fourteen|fifteen"
                        + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\h](?<u1>one|two|three|four|five|six|seven|eight|nine))?)(?!\\p{L})",
                (m, a, tn) -> {
                    if (m.group("tt") != null) return new Timex("2000", null);
                    int c = m.group("c").equalsIgnoreCase("nineteen") ? 19 : 18;
                    int y = Integer.parseInt(TimexWords.NUMBERS.get(m.group("t").toLowerCase(Locale.ROOT)));
                    if (m.group("u1") != null) { if (y < 20) return null; y += Integer.parseInt(TimexWords.NUMBERS.get(m.group("u1").toLowerCase(Locale.ROOT))); }
                    return new Timex(String.format("%02d%02d", c, y), null);
                });
        // Holidays: "Thanksgiving", "Christmas Eve", resolved like a yearless day.
        rule("holiday", Kind.DEICTIC, "(?<hd>" + TimexWords.alternation(TimexWords.HOLIDAYS.keySet(), S) + ")(?!\\p{L})",
                (m, a, tn) -> DeicticValues.holiday(a, TimexWords.HOLIDAYS.get(TimexWords.key(m.group("hd"))), tn));
        // Clock times: "9 a.m.", "10:30 p.m. EST", "noon", on the day they are said with ("9 a.m. Tuesday").
        rule("clock", Kind.DEICTIC, "(?:(?<h>[01]?\\d)(?::(?<mi>[0-5]\\d))?\\h*(?<ap>[ap]\\.m\\.?|[ap]m(?!\\p{L}))|(?<noon>(?-i:noon|midnight)))"
                        + "(?:\\h+(?<tz>(?-i:[ECMP][SD]T|GMT|UTC))(?!\\p{L}))?(?:,?" + S + "(?:on" + S + ")?(?:(?<day>today|tonight|yesterday|tomorrow|" + WEEKDAY_NAMES + ")|" + MC + "\\h+" + D + "))?",
                (m, a, tn) -> {
                    String day = m.group("day");
                    if (m.group("m") != null) {
                        Timex md = yearless(a, tn, String.format("-%02d-%02d", month(m.group("m")), Integer.parseInt(m.group("d"))), month(m.group("m")), Integer.parseInt(m.group("d")));
                        day = md == null ? null : "=" + md.value();
                    }
                    return DeicticValues.clock(a, m.group("h"), m.group("mi"), m.group("ap"), m.group("noon"), day, tn);
                });
        // Vague references: "now", "currently", "recently", "the past", "the future".
        rule("reference", Kind.ABSOLUTE, "(?<ref>" + TimexWords.alternation(TimexWords.REFERENCES.keySet(), S) + ")(?!\\p{L})",
                (m, a, tn) -> new Timex(TimexWords.REFERENCES.get(TimexWords.key(m.group("ref"))), null));
        // Sets: "daily", "every week", "each year", "every other month", "every three years", "twice a year".
        rule("set", Kind.ABSOLUTE, "(?:(?<sw>" + TimexWords.alternation(TimexWords.SETS.keySet(), S) + ")|(?<q>every|each|per)" + S
                        + "(?:(?<other>other)" + S + ")?(?:" + NUM + S + ")?" + UNIT_ANY + ")(?!\\p{L})",
                (m, a, tn) -> {
                    if (m.group("sw") != null) return new Timex(TimexWords.SETS.get(TimexWords.key(m.group("sw"))), null, "SET");
                    String n = m.group("n") == null ? (m.group("other") != null ? "2" : "1") : count(m);
                    String v = DurationValues.duration(n, TimexWords.UNITS.get(m.group("u").toLowerCase(Locale.ROOT)));
                    return v == null ? null : new Timex(v, null, "SET");
                });
        // Fiscal years: "fiscal 1989", "fiscal year 1990".
        rule("fiscal", Kind.ABSOLUTE, "fiscal" + S + "(?:year" + S + ")?" + Y, (m, a, tn) -> new Timex(m.group("y"), null));
        // Durations: "three days", "18 months", "a decade", "the past two months", "a two-year", "more than four decades".
        rule("duration", Kind.ABSOLUTE, "(?:(?<pre>(?:the" + S + ")?(?:past|last|next|coming|first|previous|final|following|latest|full|entire|whole)|the)" + S + ")?"
                        + "(?:(?<q>" + QUANT + ")" + S + ")?(?:(?<lo>\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\\h+few|several)" + S + "(?:to|or)" + S + ")?"
                        + NUM + "(?:" + S + "|\\h*-\\h*)(?:(?:more|additional|further|other|straight|consecutive|full)" + S + ")?"
                        + UNIT_ANY + "(?<half>" + S + "and" + S + "a" + S + "half)?(?:-long)?(?![\\p{L}-])",
                (m, a, tn) -> {
                    String n = m.group("lo") != null ? "X" : count(m); // "two to three weeks": a vague count
                    if (m.group("half") != null) n = n.equals("X") || n.contains(".") ? "X" : n + ".5";
                    String v = DurationValues.duration(n, TimexWords.UNITS.get(m.group("u").toLowerCase(Locale.ROOT)));
                    return v == null ? null : new Timex(v, DurationValues.mod(m.group("q")), "DURATION");
                });
        // Unnumbered: "the past decade", "for years", "decades-long", "the coming months".
        rule("durationbare", Kind.ABSOLUTE, "(?:(?<pre>(?:the" + S + ")?(?:past|last|next|coming|previous))" + S + "(?<u1>decade|century|months|years|weeks|days|decades|centuries|hours)"
                        + "|(?<u2>years|decades|centuries|months)-long|(?<=(?:for|over|within)\\h)(?<u3>hours|days|weeks|months|years|decades|centuries))(?!\\p{L})",
                (m, a, tn) -> {
                    String u = m.group("u1") != null ? m.group("u1") : m.group("u2") != null ? m.group("u2") : m.group("u3");
                    boolean plural = u.toLowerCase(Locale.ROOT).endsWith("s");
                    String v = DurationValues.duration(plural ? "X" : "1", TimexWords.UNITS.get(u.toLowerCase(Locale.ROOT)));
                    return v == null ? null : new Timex(v, null, "DURATION");
                });

        String[] points = {"dmy", "mdy", "iso", "dotted", "season", "monthyear", "year"};
        String[] moddables = {"dmy", "mdy", "iso", "dotted", "season", "monthyear", "century", "decade", "decade2", "decadeword", "year",
                "monthday", "daymonth", "month", "nextunit", "thatunit", "seasonbare", "thisunit", "dayref", "weekday", "quarter", "thequarter", "holiday"};
        String point = any(points);
        String moddable = any(moddables);
        // Composite: "two years after 1917" carries its own anchor.
        rule("nafter", Kind.ABSOLUTE, NUM + S + UNIT + S + "(?<dir>after|before)" + S + "(?<core>" + point + ")",
                (m, a, tn) -> {
                    Timex core = normalize(m.group("core"));
                    return core == null ? null : shift(core.value(), shiftCount(m), unit(m.group("u")), direction(m.group("dir")), approx(m));
                });
        rule("mod", null, "(?<pre>(?:the" + S + ")?(?:early|late|mid|middle)|(?:the" + S + ")?(?:beginning|start|middle|end|close)" + S + "of(?:" + S + "the)?)"
                        + "(?:\\h*[-–]\\h*|" + S + ")(?<core>" + moddable + ")",
                (m, a, tn) -> withMod(normalize(m.group("core"), a, tn), MOD_WORDS.get(lastWord(m.group("pre")))));
        rule("approx", null, "(?<pre>around|circa|ca\\.|c\\.|about|approximately|approx\\.|roughly|perhaps|maybe|possibly|probably|some\\h*time" + S + "(?:in|around))"
                        + "\\h*\\R?\\h*(?<core>" + moddable + ")",
                (m, a, tn) -> withMod(normalize(m.group("core"), a, tn), "APPROX"));
        rule("orso", null, "(?<core>" + moddable + ")(?:,?" + S + "or" + S + "so|-ish)(?!\\p{L})",
                (m, a, tn) -> withMod(normalize(m.group("core"), a, tn), "APPROX"));
        // "before 1930", "after the 1930s": the date with a BEFORE/AFTER mod, so a time line can say so.
        rule("signal", null, "(?<pre>before|prior" + S + "to|after)" + S + "(?<core>" + moddable + ")",
                (m, a, tn) -> withMod(normalize(m.group("core"), a, tn), m.group("pre").toLowerCase(Locale.ROOT).startsWith("after") ? "AFTER" : "BEFORE"));
        // Ranges: "1936 to 1938", "between 1928 and 1937", "1936-38", "December 1927 to January 1928".
        rule("range", Kind.ABSOLUTE, "(?:(?<pre>from|between)" + S + ")?(?<a>" + point + ")(?:\\h*(?<sep>--|[-–—/])\\h*|" + S + "(?<sepw>to|until|till|through|thru|and)" + S + ")"
                        + "(?<b>" + point + "|\\d{1,2}(?!\\d))",
                (m, a, tn) -> range(m, a));
        lead("orso", "", moddables);
        lead("range", "fFbB", points);
        // "Perhaps 1933 or 1934 or 1935": an uncertain year, as the range of the candidates.
        rule("disjunction", Kind.ABSOLUTE, "(?:(?:perhaps|maybe|possibly|probably|either)" + S + ")?" + YEAR + "(?:\\h*,\\h*" + YEAR + ")*,?" + S + "or" + S + YEAR
                        + "(?:,?" + S + "or" + S + YEAR + ")*",
                (m, a, tn) -> {
                    Matcher y = Pattern.compile("\\d{4}").matcher(m.group());
                    int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
                    while (y.find()) { int v = Integer.parseInt(y.group()); lo = Math.min(lo, v); hi = Math.max(hi, v); }
                    if (hi - lo > 10 || hi == lo) return null; // far-apart years are a choice, not one uncertain date
                    return new Timex(lo + "/" + hi, "APPROX");
                });
    }

    /**
     * Composite rules that begin with one of the simpler rules' patterns ("1936 to 1938" begins with a point,
     * "1930 or so" with a moddable expression): such a rule cannot match where none of those matches, so the
     * scanner tries it only where one did. A rule that may also begin with a word of its own ("from", "between")
     * lists the first letters of those words.
     */
    private record Lead(int rule, int[] parts, String letters) {}

    private static void lead(String rule, String letters, String... parts) {
        int[] idx = new int[parts.length];
        for (int i = 0; i < parts.length; i++) idx[i] = index(parts[i]);
        int r = index(rule);
        for (int i : idx) if (i >= r) throw new IllegalStateException(rule + " must come after its parts");
        LEADS.add(new Lead(r, idx, letters));
    }

    private static int index(String name) {
        for (int i = 0; i < RULES.size(); i++) if (RULES.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException(name);
    }

    // ---- the API ------------------------------------------------------------------------------------------------

    /** Normalises a complete expression without context; relative ones come back underspecified or with a null value. */
    public static Timex normalize(String expression) { return normalize(expression, null); }

    /**
     * Normalises a complete expression (the whole string must be one expression). {@code anchor} is the TIMEX3
     * value the expression is relative to: the earlier date for anaphoric expressions, the year-giving date for
     * yearless ones, the time of writing for deictic ones. Returns null when the string is not a date expression
     * this grammar knows, or its parts are impossible (30 February).
     */
    public static Timex normalize(String expression, String anchor) { return normalize(expression, anchor, Tense.NONE); }

    /**
     * As {@link #normalize(String, String)}, with the anchor being the time of writing and {@code tense} the
     * tense of the clause (NONE when the anchor is a date of the narrative).
     */
    public static Timex normalize(String expression, String anchor, Tense tense) {
        String x = expression.strip();
        // A rule that cannot match a text beginning with the first words of x cannot match x.
        boolean[] possible = x.isEmpty() ? null : possibleRules(x, 0, Math.min(x.length(), 160));
        for (int i = 0; i < RULES.size(); i++) {
            if (possible != null && !possible[i]) continue;
            Rule r = RULES.get(i);
            Matcher m = r.pattern().matcher(x);
            if (m.matches()) {
                try {
                    Timex t = r.resolve().apply(m, anchor, tense);
                    if (t != null) return t;
                } catch (DateTimeException | NumberFormatException e) {
                    // impossible parts (30 February): let a later rule try
                }
            }
        }
        return null;
    }

    /**
     * The value of a rule that is known from the words after the expression rather than its own ("the year" in "the
     * year ended Sept. 30" is a year's length), or null for other rules.
     */
    public static Timex contextual(String rule) {
        return "theyearended".equals(rule) ? new Timex("P1Y", null, "DURATION") : null;
    }

    /**
     * For a range of two written-out dates ("between 1994 and 1997", "from May 1937 to June 1938"), the offsets
     * of its two ends in the expression: {aStart, aEnd, bStart, bEnd}; null for anything else (also "1936-38").
     */
    public static int[] rangeEnds(String expression) {
        for (Rule r : RULES) {
            if (!r.name().equals("range")) continue;
            Matcher m = r.pattern().matcher(expression);
            if (!m.matches() || m.group("b").length() <= 2) return null;
            return new int[] {m.start("a"), m.end("a"), m.start("b"), m.end("b")};
        }
        return null;
    }

    /** What the expression needs to be resolved, or null when it is not one. */
    public static Kind kind(String expression) {
        String x = expression.strip();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(x);
            if (!m.matches()) continue;
            if (r.kind() != null) return r.kind();
            return kind(m.group("core"));
        }
        return null;
    }

    /**
     * Every expression of the grammar that starts at {@code start} of the text, longest first (one per length).
     * The caller decides which, if any, is a date in its context.
     */
    public static List<Match> matchesAt(CharSequence text, int start) { return scanner(text).matchesAt(start); }

    /** A reusable matcher set over one text, for callers that try many positions. */
    public static Scanner scanner(CharSequence text) { return new Scanner(text); }

    /**
     * Which rules can match at a position, judged by the first word there alone: a rule whose pattern fails on
     * that word without reaching its end fails on any text that begins with it. Cached by word, so that the
     * grammar is tried in full only where it may match (rules that look behind the position are always tried).
     * A first word that leaves many rules open ("the", "a", a number) is judged with the word after it as well
     * ("the following", "12 March"), by the same test on the longer prefix.
     */
    private static boolean[] possibleRules(CharSequence text, int start, int limit) {
        int e = start + 1;
        while (e < limit && e - start < 16 && Character.isLetterOrDigit(text.charAt(e))) e++;
        String word = text.subSequence(start, e).toString();
        boolean[] p = cachedPossible(FIRST_WORD, word, null);
        if (e - start >= 16 || open(p) < UNSELECTIVE) return p;
        int e2 = e;
        while (e2 < limit && e2 - e < 3 && !Character.isLetterOrDigit(text.charAt(e2))) e2++;
        if (e2 >= limit || !Character.isLetterOrDigit(text.charAt(e2))) return p;
        int w2 = e2;
        while (e2 < limit && e2 - w2 < 16 && Character.isLetterOrDigit(text.charAt(e2))) e2++;
        String two = text.subSequence(start, e2).toString();
        return cachedPossible(TWO_WORDS, two, p);
    }

    /** {@link #possible} through a bounded cache (cleared when full). */
    private static boolean[] cachedPossible(java.util.Map<String, boolean[]> cache, String prefix, boolean[] among) {
        boolean[] p = cache.get(prefix);
        if (p == null) {
            p = possible(prefix, among);
            if (cache.size() > 100_000) cache.clear();
            cache.put(prefix, p);
        }
        return p;
    }

    /** The rules that may match a text beginning with the prefix, among those of {@code among} (all when null). */
    private static boolean[] possible(String prefix, boolean[] among) {
        boolean[] p = new boolean[RULES.size()];
        for (int i = 0; i < p.length; i++) {
            if (among != null && !among[i]) continue;
            Rule r = RULES.get(i);
            if (LOOKS_BEHIND.contains(r.name())) { p[i] = true; continue; }
            Matcher m = r.pattern().matcher(prefix);
            p[i] = m.lookingAt() || m.hitEnd();
        }
        return p;
    }

    private static int open(boolean[] p) {
        int n = 0;
        for (boolean b : p) if (b) n++;
        return n;
    }

    /** How many open rules make a first word worth judging together with the next one. */
    private static final int UNSELECTIVE = 6;
    private static final java.util.concurrent.ConcurrentHashMap<String, boolean[]> TWO_WORDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final Lead[] LEAD_OF = leadOf();

    private static Lead[] leadOf() {
        Lead[] a = new Lead[RULES.size()];
        for (Lead l : LEADS) a[l.rule()] = l;
        return a;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, boolean[]> FIRST_WORD = new java.util.concurrent.ConcurrentHashMap<>();
    /** Rules whose pattern looks at the text before the position ("for years" is drawn as "years"). */
    private static final java.util.Set<String> LOOKS_BEHIND = java.util.Set.of("durationbare");

    /** Tries the grammar at positions of one text; not thread-safe. */
    public static final class Scanner {
        private final CharSequence text;
        private final Matcher[] matchers = new Matcher[RULES.size()];
        private final boolean[] hit = new boolean[RULES.size()];
        private final Lead[] leads = LEAD_OF;

        private Scanner(CharSequence text) {
            this.text = text;
            for (int i = 0; i < matchers.length; i++)
                matchers[i] = RULES.get(i).pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }

        public List<Match> matchesAt(int start) {
            List<Match> out = new ArrayList<>(4);
            int limit = Math.min(text.length(), start + 160);
            boolean[] possible = possibleRules(text, start, limit);
            boolean[] hit = this.hit;
            java.util.Arrays.fill(hit, false);
            for (int i = 0; i < matchers.length; i++) {
                if (!possible[i] || leadless(i, hit, start)) continue;
                Matcher m = matchers[i].region(start, limit);
                if (!m.lookingAt()) continue;
                hit[i] = true;
                if (m.end() == start) continue;
                int end = m.end();
                if (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && Character.isLetterOrDigit(text.charAt(end - 1))) continue;
                boolean seen = false;
                for (Match x : out) seen |= x.end() == end;
                if (seen) continue;
                Kind k = RULES.get(i).kind() != null ? RULES.get(i).kind() : kind(m.group("core"));
                if (k != null) out.add(new Match(start, end, k, RULES.get(i).name()));
            }
            out.sort((a, b) -> Integer.compare(b.end(), a.end()));
            return out;
        }

        /** Whether rule i is a composite none of whose leading parts matched at start (see {@link Lead}). */
        private boolean leadless(int i, boolean[] hit, int start) {
            Lead l = leads[i];
            if (l == null) return false;
            for (int p : l.parts()) if (hit[p]) return false;
            return l.letters().indexOf(text.charAt(start)) < 0;
        }
    }

    // ---- values -------------------------------------------------------------------------------------------------

    private static String cap(String alternation) {
        StringBuilder sb = new StringBuilder();
        for (String w : alternation.split("\\|")) {
            if (sb.length() > 0) sb.append('|');
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append('|').append(w.toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        Integer k = TimexWords.EN_MONTHS.get(n);
        if (k == null) k = TimexWords.FOREIGN_MONTHS.get(n);
        if (k != null) return k;
        String[] all = MONTHS.split("\\|");
        for (int i = 0; i < all.length; i++) if (all[i].startsWith(n.substring(0, 3))) return i + 1;
        throw new NumberFormatException(name);
    }

    private static String season(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "spring" -> "SP";
            case "summer" -> "SU";
            case "autumn", "fall" -> "FA";
            default -> "WI";
        };
    }

    /** A four-digit year, or a two-digit one ('37) taken as 19xx; -1 when neither is given. */
    private static int year(String y, String yy) {
        if (y != null) return Integer.parseInt(y);
        if (yy != null) return 1900 + Integer.parseInt(yy);
        return -1;
    }

    private static boolean nextYear(int y, String second) {
        int s = Integer.parseInt(second);
        return second.length() == 2 ? s == (y + 1) % 100 : s == y + 1;
    }

    private static Timex day(String y, int month, String d, Matcher time) {
        LocalDate date = LocalDate.of(Integer.parseInt(y), month, Integer.parseInt(d)); // throws on 30 February
        String v = date.toString();
        if (time != null && time.group("h") != null) {
            int h = Integer.parseInt(time.group("h")), min = Integer.parseInt(time.group("mi"));
            String ap = time.pattern().pattern().contains("(?<ap>") ? time.group("ap") : null;
            if (ap != null) {
                if (h < 1 || h > 12) return null;
                boolean pm = Character.toLowerCase(ap.charAt(0)) == 'p';
                h = h == 12 ? (pm ? 12 : 0) : (pm ? h + 12 : h);
            }
            if (h > 23) return null;
            v += String.format("T%02d:%02d", h, min);
            if (time.group("sec") != null) v += ":" + time.group("sec");
        }
        return new Timex(v, null);
    }

    private static Timex dayRange(Matcher m) {
        Timex a = day(m.group("y"), month(m.group("m")), m.group("d"), null), b = day(m.group("y"), month(m.group("m")), m.group("d2"), null);
        if (a == null || b == null || a.value().compareTo(b.value()) >= 0) return null;
        return new Timex(a.value() + "/" + b.value(), null);
    }

    private static Timex part(String y, String ord, String part) {
        String o = ord.toLowerCase(Locale.ROOT);
        int n = switch (o) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            case "fourth", "4th" -> 4;
            default -> part.equalsIgnoreCase("half") ? 2 : 4; // last
        };
        boolean half = part.equalsIgnoreCase("half");
        if (half && n > 2) return null;
        return new Timex(y + "-" + (half ? "H" : "Q") + n, null);
    }

    /** A yearless day or month: the anchor's year, or XXXX when there is none. */
    private static Timex yearless(String anchor, Tense tense, String rest, int month, int day) {
        TimexValue a = TimexValue.parse(anchor);
        if (tense != Tense.NONE && a != null && a.granularity().ordinal() >= Granularity.DAY.ordinal() && month > 0) {
            // said at the anchor: the nearest such day or month in the tense of the clause
            if (day > 0) LocalDate.of(2000, month, day); // reject 31 April (2000: a leap year)
            return new Timex(String.format("%04d", DeicticValues.yearOf(a.start(), month, day, tense)) + rest, null);
        }
        if (a == null || a.granularity().ordinal() < Granularity.YEAR.ordinal()) return new Timex("XXXX" + rest, null);
        if (day > 0) LocalDate.of(a.year(), month, day); // reject 31 April
        return new Timex(String.format("%04d", a.year()) + rest, null);
    }

    private static Timex withMod(Timex t, String mod) {
        return t == null ? null : new Timex(t.value(), mod);
    }

    private static String lastWord(String s) {
        String[] w = s.toLowerCase(Locale.ROOT).strip().split("\\s+");
        String last = w[w.length - 1];
        return last.equals("of") || last.equals("the") ? w[w.length - 1 - (last.equals("the") ? 2 : 1)] : last;
    }

    private static Timex range(Matcher m, String anchor) {
        String pre = m.group("pre"), sepw = m.group("sepw"), sep = m.group("sep");
        boolean between = pre != null && pre.equalsIgnoreCase("between");
        if (sepw != null && sepw.equalsIgnoreCase("and") != between) return null; // "between X and Y", never "between X to Y"
        if (between && sepw == null) return null;
        Timex a = normalize(m.group("a"));
        String bText = m.group("b");
        if (a == null) return null;
        Timex b;
        if (bText.matches("\\d{1,2}")) {
            // "1936-38", "1937-8": only after a bare year, only forwards, only with a dash or slash
            if (!a.value().matches("\\d{4}") || sep == null) return null;
            int y = Integer.parseInt(a.value()), scale = bText.length() == 1 ? 10 : 100;
            int end = y / scale * scale + Integer.parseInt(bText);
            if (end <= y) return null;
            b = new Timex(String.valueOf(end), null);
        } else b = normalize(bText);
        if (b == null) return null;
        if ("/".equals(sep) && !(a.value().matches("\\d{4}") && b.value().matches("\\d{4}"))) return null;
        TimexValue va = TimexValue.parse(a.value()), vb = TimexValue.parse(b.value());
        if (va == null || vb == null || vb.start().isBefore(va.start()) || a.value().equals(b.value())) return null;
        return new Timex(a.value() + "/" + b.value(), null);
    }

    private static final Pattern COUNT_DIGITS = Pattern.compile("\\d+"), HALF = Pattern.compile("(\\d+)(?:\\.5|\\h+1/2|\\h*½)");
    private static final Pattern COMPOUND = Pattern.compile("([a-z]+)[-\\h]([a-z]+)");

    /** The count of a NUM group; -1 for an unspecified one ("several", "a few") or a fraction. */
    private static int number(Matcher m) {
        String c = count(m);
        return COUNT_DIGITS.matcher(c).matches() ? Integer.parseInt(c) : -1;
    }

    /** The count as a string for a duration: "3", "X", "2.5". */
    private static String count(Matcher m) {
        String n = TimexWords.key(m.group("n"));
        if (COUNT_DIGITS.matcher(n).matches()) return String.valueOf(Integer.parseInt(n));
        Matcher h = HALF.matcher(n);
        if (h.matches()) return h.group(1) + ".5";
        String v = TimexWords.NUMBERS.get(n);
        if (v != null) return v;
        Matcher c = COMPOUND.matcher(n);
        if (c.matches() && TimexWords.NUMBERS.containsKey(c.group(1)) && TimexWords.NUMBERS.containsKey(c.group(2)))
            return String.valueOf(Integer.parseInt(TimexWords.NUMBERS.get(c.group(1))) + Integer.parseInt(TimexWords.NUMBERS.get(c.group(2))));
        return "X";
    }

    /** For arithmetic: an unspecified count ("a few days later") taken as three, with APPROX. */
    private static int shiftCount(Matcher m) {
        int n = number(m);
        return n < 0 ? 3 : n;
    }

    private static int ordinal(String o) {
        return switch (o.toLowerCase(Locale.ROOT)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            case "fourth", "4th" -> 4;
            default -> -1;
        };
    }

    private static boolean approx(Matcher m) {
        String n = m.group("n").toLowerCase(Locale.ROOT);
        return number(m) < 0 || n.startsWith("a couple");
    }

    private static String unit(String u) { return u.toLowerCase(Locale.ROOT).replaceAll("s$", ""); }

    private static int direction(String dir) {
        String d = dir.toLowerCase(Locale.ROOT);
        return d.startsWith("earlier") || d.startsWith("before") || d.startsWith("previously") ? -1 : 1;
    }

    private static Granularity granularityOf(String unit) {
        return switch (unit) {
            case "day", "week" -> Granularity.DAY;
            case "month" -> Granularity.MONTH;
            case "spring", "summer", "autumn", "fall", "winter" -> Granularity.PART;
            default -> Granularity.YEAR;
        };
    }

    /**
     * The anchor moved by n units, at the coarser of the unit's and the anchor's granularity ("three days
     * later" after "1937" is still only "1937"). Going forward starts from a range's end, going back from its start.
     */
    static Timex shift(String anchor, int n, String unit, int direction, boolean approx) {
        if (anchor == null || n < 0) return new Timex(null, approx ? "APPROX" : null);
        TimexValue a = direction > 0 ? TimexValue.parseEnd(anchor) : TimexValue.parse(anchor);
        if (a == null || a.granularity().ordinal() < Granularity.YEAR.ordinal()) return new Timex(null, null);
        long k = (long) n * direction;
        if (a.granularity() == Granularity.PART && !anchor.contains("/")) {
            // "a year earlier" than the third quarter of 1989 is the third quarter of 1988
            if (unit.equals("year") || unit.equals("decade"))
                return new Timex(String.format("%04d-%s", a.year() + k * (unit.equals("decade") ? 10 : 1), a.part()), approx ? "APPROX" : null);
            if (unit.equals("month") && a.part().startsWith("Q") && n % 3 == 0) {
                long q = a.year() * 4L + (a.part().charAt(1) - '1') + k / 3;
                return new Timex(String.format("%04d-Q%d", q / 4, q % 4 + 1), approx ? "APPROX" : null);
            }
        }
        LocalDate base = direction > 0 ? a.start() : a.start().plusDays(Math.max(0, a.lengthInDays() - 1));
        LocalDate d = switch (unit) {
            case "day" -> base.plusDays(k);
            case "week" -> base.plusWeeks(k);
            case "month" -> base.plusMonths(k);
            case "decade" -> base.plusYears(10 * k);
            default -> base.plusYears(k);
        };
        Granularity g = coarser(granularityOf(unit), a.granularity());
        if (g == Granularity.PART) return new Timex(anchor.contains("/") ? null : anchor, "APPROX"); // "three days after the spring of 1931"
        return new Timex(format(d, g), approx ? "APPROX" : null);
    }

    /** next / previous / same unit relative to the anchor; seasons step to the next or previous such season. */
    static Timex step(String anchor, String which, String unit) {
        String w = which.toLowerCase(Locale.ROOT);
        int dir = switch (w) {
            case "next", "following", "subsequent" -> 1;
            case "previous", "preceding" -> -1;
            default -> 0;
        };
        String u = unit.toLowerCase(Locale.ROOT);
        if (granularityOf(u) == Granularity.PART) {
            TimexValue a = dir > 0 ? TimexValue.parseEnd(anchor) : TimexValue.parse(anchor);
            if (a == null || a.granularity().ordinal() < Granularity.YEAR.ordinal()) return new Timex(null, null);
            String s = season(u);
            int y = a.year();
            if (a.granularity() != Granularity.YEAR) {
                int am = a.start().getMonthValue(), sm = TimexValue.partMonth(s);
                if (dir > 0 && am >= sm) y++;
                if (dir < 0 && am <= sm) y--;
            } else y += dir;
            return new Timex(String.format("%04d-%s", y, s), null);
        }
        if (dir == 0) {
            TimexValue a = TimexValue.parse(anchor);
            if (a == null || a.granularity().ordinal() < Granularity.YEAR.ordinal()) return new Timex(null, null);
            Granularity g = coarser(granularityOf(u), a.granularity());
            if (g == Granularity.PART) return new Timex(anchor, null);
            return new Timex(format(a.start(), g), null);
        }
        return shift(anchor, 1, u, dir, false);
    }

    private static Granularity coarser(Granularity a, Granularity b) {
        Granularity g = a.ordinal() < b.ordinal() ? a : b;
        return g == Granularity.TIME ? Granularity.DAY : g;
    }

    private static String format(LocalDate d, Granularity g) {
        return switch (g) {
            case DAY, TIME -> d.toString();
            case MONTH -> String.format("%04d-%02d", d.getYear(), d.getMonthValue());
            default -> String.format("%04d", d.getYear());
        };
    }
}
