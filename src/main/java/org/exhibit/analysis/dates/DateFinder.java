package org.exhibit.analysis.dates;

import org.exhibit.analysis.Layer;
import org.exhibit.analysis.Stage;
import org.exhibit.analysis.dates.TimexNormalizer.Kind;
import org.exhibit.analysis.dates.TimexNormalizer.Match;
import org.exhibit.analysis.dates.TimexNormalizer.Timex;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.Work;
import org.exhibit.model.Span;
import org.exhibit.model.TimeExpression;
import org.exhibit.read.Timestamps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds temporal expressions in the text and adds them to {@link Document#dates()} with TIMEX3 values.
 *
 * <p>The grammar is {@link TimexNormalizer}'s; this stage decides which matches are dates in their context and
 * what the relative ones are anchored to:
 * <ul>
 *   <li>A bare four-digit number is a year only in a year-like context: not a count ("1500 votes", "over 1200"),
 *       a page ("p. 1937"), an amount ("$1900"), part of a longer number ("725,000", "1.1937") or of a URL.</li>
 *   <li>"May" and "March" without a day or year are months only after a preposition ("in May"), since
 *       otherwise they are usually a verb or a noun, or as an adjective after a determiner ("the October
 *       slaying"); "the thirties" needs its "the" (else it is an age).</li>
 *   <li>Not dates in news either: index values ("close at 2082.1"), ages ("a 52-year-old", "37 years old"), rates
 *       ("$1.76 a year"), "a second", titles ("This Week"). A dateline's date ("WASHINGTON, May 5 (Reuters)") is a
 *       date of the report, as TimeBank annotates it.</li>
 *   <li>Anaphoric expressions ("Three days later", "the next year") take the nearest preceding resolved date
 *       of the same post as anchor, so a narrative chains ("On May 11 ... two days later"); with nothing before
 *       them they stay without a value. "The quarter", "a year earlier" and "the year-ago quarter" count from
 *       the quarter last named ("third-quarter ... a year earlier" = the third quarter of the year before).</li>
 *   <li>Deictic expressions ("Friday", "yesterday", "last week", "the third quarter", "ten years ago") and
 *       yearless days and months ("Oct. 23", "in December") in the poster's own words count from the post's
 *       published time (the document creation time), choosing the past or the next one by the tense of the
 *       clause ({@link #tense}). A yearless day takes instead a year written close by in the same sentence
 *       ("On May 11 and June 2, 1937"), and in a post that tells a story of another time (most of its years far
 *       from its own) the year of the story's last date in the paragraph.</li>
 *   <li>Inside a passage pasted from another time (a board quote, a block, a quotation introduced as writing)
 *       the post's time is not the passage's: deictic expressions stay unresolved (weekdays as XXXX-WXX-5) and
 *       yearless ones take the passage's own dates. A quotation of speech run into a report ("We will decide on
 *       Friday," he said) is of the report's time.</li>
 *   <li>A range of two written-out dates ("between 1994 and 1997") is two dates, as TimeML draws it, each
 *       keeping the whole range.</li>
 *   <li>Post timestamps in post headers are dates anchored to nothing.</li>
 * </ul>
 * An expression that cannot be resolved keeps a null value (anaphoric) or an XXXX year (yearless).
 */
public final class DateFinder implements Stage {
    @Override public String name() { return "dates"; }
    @Override public Set<Layer> requires() { return Layer.withReader(Layer.QUOTES, Layer.CITATIONS); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.DATES); }

    /** One expression on its way to a TimeExpression. */
    private static final class Found {
        final int start, end;
        final String text;
        final Kind kind;
        final Post header; // set for post timestamps
        String value, mod, type, rule;
        TimeExpression.Range range;
        Span anchor;
        String anchorText;
        Post post;

        Found(int start, int end, String text, Kind kind, Post header) {
            this.start = start; this.end = end; this.text = text; this.kind = kind; this.header = header;
        }

        /**
         * Usable as an anchor: a concrete date at year granularity or finer, and not a timestamp (a quoted post's
         * "QUOTE(name @ 27th July 2003, 12:08)" dates the quoting, not the events told).
         */
        private static final Pattern DAY_PART = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T(?:MO|AF|EV|NI)$");

        boolean concrete() {
            TimexValue v = TimexValue.parse(value);
            // a part of a day ("the next morning") is of the story; a clock time may be a timestamp's
            return v != null && v.granularity().ordinal() >= TimexValue.Granularity.YEAR.ordinal()
                    && (v.granularity() != TimexValue.Granularity.TIME || DAY_PART.matcher(value).find());
        }
    }

    @Override public void apply(Document doc) {
        String text = doc.text();
        List<Found> found = new ArrayList<>();
        List<Span> headers = new ArrayList<>();
        TimexNormalizer.Scanner scanner = TimexNormalizer.scanner(text);
        for (Post p : doc.posts()) {
            if (p.header() == null) continue;
            headers.add(p.header());
            Found ts = timestamp(text, scanner, p);
            if (ts != null) found.add(ts);
        }
        headers.sort(null);
        int h = 0;
        for (int i = 0; i < text.length(); i++) {
            while (h < headers.size() && headers.get(h).end() <= i) h++;
            if (h < headers.size() && headers.get(h).contains(i)) { i = headers.get(h).end() - 1; continue; }
            if (!mayStart(text, i)) continue;
            Found f = best(text, scanner, i);
            if (f != null) {
                found.addAll(split(f));
                i = f.end - 1;
            }
        }
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        for (Found f : found) f.post = f.header != null ? f.header : doc.postAt(f.start);
        resolve(doc, found);
        for (Found f : found)
            doc.dates().add(new TimeExpression(new Span(f.start, f.end), f.text, f.value, f.mod, f.anchor, f.anchorText,
                    f.type != null ? f.type : TimexNormalizer.typeOf(f.value), quant(f), f.range));
    }

    // ---- finding ------------------------------------------------------------------------------------------------

    /** The post's timestamp line in its header, with the reader's reading of it. */
    private static Found timestamp(String text, TimexNormalizer.Scanner scanner, Post p) {
        if (p.published() == null) return null;
        int s = p.header().start();
        while (s < p.header().end()) {
            int e = text.indexOf('\n', s);
            if (e < 0 || e > p.header().end()) e = p.header().end();
            int a = s, b = e;
            while (a < b && Character.isWhitespace(text.charAt(a))) a++;
            while (b > a && Character.isWhitespace(text.charAt(b - 1))) b--;
            String line = text.substring(a, b);
            String iso = a < b ? Timestamps.parse(line) : null;
            if (iso != null) {
                Found f = new Found(a, b, line, Kind.ABSOLUTE, p);
                f.value = iso;
                return f;
            }
            s = e + 1;
        }
        // A header that says more than the timestamp ("Posted by X on June 16, 2007 at 2:19 pm"): the first full
        // date in it that agrees with the reader's reading.
        for (int i = p.header().start(); i < p.header().end(); i++) {
            if (!mayStart(text, i)) continue;
            for (Match m : scanner.matchesAt(i)) {
                if (m.end() > p.header().end() || m.kind() != Kind.ABSOLUTE) continue;
                Timex t = TimexNormalizer.normalize(text.substring(m.start(), m.end()));
                if (t != null && t.value() != null && t.value().length() >= 10 && p.published().startsWith(t.value().substring(0, 10))) {
                    Found f = new Found(m.start(), m.end(), text.substring(m.start(), m.end()), Kind.ABSOLUTE, p);
                    f.value = p.published();
                    return f;
                }
            }
        }
        return null;
    }

    private static final Set<String> START_WORDS = startWords();

    private static Set<String> startWords() {
        Set<String> w = new java.util.HashSet<>(TimexWords.firstWords());
        w.addAll(List.of(("the early late mid middle beginning start end close around circa ca c about approximately approx roughly "
                + "perhaps maybe before after prior possibly probably some sometime from between either that later earlier next last this "
                + "spring summer autumn fall winter twenties thirties forties fifties sixties seventies eighties nineties ad today tonight "
                + "yesterday tomorrow past present coming previous current fiscal every each per more less fewer at nearly almost over "
                + "under up no only just barely first second third fourth year years decade decades century centuries months weeks days "
                + "hours for within noon midnight following final latest full entire whole").split(" ")));
        return Set.copyOf(w);
    }

    /** A cheap test before trying the grammar: a word start that can begin an expression. */
    private static boolean mayStart(String text, int i) {
        char c = text.charAt(i);
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) return false;
        if (Character.isDigit(c)) return true;
        if (c == '\'' || c == '’' || c == '‘') return i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
        if (!Character.isLetter(c)) return false;
        int e = i;
        while (e < text.length() && e - i < 12 && Character.isLetter(text.charAt(e))) e++;
        if (!mayBegin(text, i, e)) return false;
        // an ASCII word is first judged by the hash its lower case would have (String.hashCode): most fail there,
        // without a copy of the word
        int h = 0;
        for (int k = i; k < e; k++) {
            char x = text.charAt(k);
            if (x >= 128) break;
            h = 31 * h + (x >= 'A' && x <= 'Z' ? x + 32 : x);
            if (k == e - 1 && java.util.Arrays.binarySearch(START_HASHES, h) < 0) return false;
        }
        return START_WORDS.contains(text.substring(i, e).toLowerCase(Locale.ROOT));
    }

    private static final int[] START_HASHES = START_WORDS.stream().mapToInt(String::hashCode).sorted().toArray();

    /** The first two letters (lower case a-z) of the start words: [26 * first + second], [26 * 26 + first] for one letter. */
    private static final boolean[] START_PAIRS = startPairs();

    private static boolean[] startPairs() {
        boolean[] out = new boolean[26 * 27];
        for (String w : START_WORDS) {
            int a = w.charAt(0) - 'a';
            if (a < 0 || a >= 26) continue;
            if (w.length() == 1) { out[26 * 26 + a] = true; continue; }
            int b = w.charAt(1) - 'a';
            if (b >= 0 && b < 26) out[26 * a + b] = true;
        }
        return out;
    }

    /**
     * Can the letters [i, e) be a start word, judged on their first two when these are ASCII letters (the set lookup
     * copies and lower-cases the word; most words fail here)? Anything else goes to the set.
     */
    private static boolean mayBegin(String text, int i, int e) {
        int a = ascii(text.charAt(i));
        if (a < 0) return true;
        if (e - i == 1) return START_PAIRS[26 * 26 + a];
        int b = ascii(text.charAt(i + 1));
        return b < 0 || START_PAIRS[26 * a + b];
    }

    private static int ascii(char c) { return c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? c - 'A' : -1; }

    /**
     * A range of two written-out dates as TimeML draws it: its two ends, each a date of its own that keeps the
     * whole range ("between 1994 and 1997": 1994 and 1997, each with the range 1994/1997).
     */
    private static List<Found> split(Found f) {
        if (!"range".equals(f.rule) || f.value == null || f.value.indexOf('/') < 0) return List.of(f);
        int[] ends = TimexNormalizer.rangeEnds(f.text);
        if (ends == null) return List.of(f);
        String[] v = f.value.split("/", 2);
        TimeExpression.Range r = new TimeExpression.Range(new Span(f.start, f.end), f.text, f.value);
        List<Found> out = new ArrayList<>(2);
        for (int k = 0; k < 2; k++) {
            int s = f.start + ends[2 * k], e = f.start + ends[2 * k + 1];
            Found part = new Found(s, e, f.text.substring(ends[2 * k], ends[2 * k + 1]), Kind.ABSOLUTE, null);
            part.value = v[k];
            part.mod = f.mod;
            part.rule = "rangepart";
            part.type = "DATE";
            part.range = r;
            out.add(part);
        }
        return out;
    }

    /** The longest expression starting at i that is a date in its context. */
    private static Found best(String text, TimexNormalizer.Scanner scanner, int i) {
        for (Match m : scanner.matchesAt(i)) {
            String s = text.substring(m.start(), m.end());
            Timex t = TimexNormalizer.normalize(s);
            if (t == null) continue;
            if (!plausible(text, m, s, t)) continue;
            Found f = new Found(m.start(), m.end(), s, m.kind(), null);
            f.rule = m.rule();
            Timex c = TimexNormalizer.contextual(m.rule());
            if (c != null) t = c;
            f.type = t.type();
            if (m.kind() == Kind.ABSOLUTE) { f.value = t.value(); f.mod = t.mod(); }
            else f.mod = t.mod();
            return f;
        }
        return null;
    }

    private static final Pattern PAGE_OR_NUMBER = Pattern.compile(
            "(?i)(?:^|[^\\p{L}])(?:pp?|pages?|nos?|nr|vols?|art|arts|ch|chap|chapter|fig|tel|isbn|issn|number|col|cols|sec|section|para|lines?|"
                    + "verse|room|flat|apt|order|decree|file|fond|op|item|no)\\.?\\s*$");
    private static final Set<String> QUANTITY = set("over", "under", "nearly", "almost", "than", "least", "total", "exactly",
            "numbering", "numbered", "some", "only", "just", "another", "additional", "extra");
    private static final Set<String> LABELS = set("posts", "messages", "replies", "views", "reputation", "rep", "karma", "score",
            "points", "id", "total", "count", "members", "users", "likes", "kudos", "post", "number", "no", "page", "pages");
    private static final Set<String> POSITIVE = set("in", "of", "since", "until", "till", "uptil", "upto", "by", "during",
            "from", "after", "before", "to", "and", "or", "between", "year", "years", "early", "late", "mid", "spring", "summer",
            "autumn", "fall", "winter", "the", "circa", "around", "c.", "ca.", "through", "throughout", "born", "died", "dated",
            "written", "published", "ed.", "edn", "edition", "printed", "till", "when", "then", "as", "at", "for", "on");
    private static final Set<String> COUNT = set(("people persons person men man women children dead killed wounded deaths "
            + "victims casualties prisoners soldiers troops officers workers peasants members delegates votes voters copies pages "
            + "words speeches letters documents cases arrests executions km kilometres kilometers miles metres meters feet ft yards "
            + "tons tonnes rubles roubles dollars pounds marks francs acres hectares times agents tanks planes aircraft guns rifles "
            + "units items posts points hours minutes seconds days weeks months years households families villages kulaks "
            + "communists calories grams kg mm cm rpm hp bc bce b.c. b.c.e. percent per").split(" "));
    private static final Set<String> WEAK_COUNT = set("of", "more", "others", "strong", "other", "less", "fewer", "to");
    private static final Set<String> VERBS = set("was", "is", "has", "does", "saw", "sees", "marks", "remains", "brings",
            "begins", "ends", "represents", "proves", "shows", "means", "changes", "becomes", "witnesses", "gives", "takes",
            "makes", "goes", "comes", "stands", "seems", "looks", "as", "plus", "always", "perhaps", "thus", "its", "his", "this",
            "yes", "us", "less", "unless", "across", "towards", "afterwards", "onwards", "upwards", "besides", "whereas");
    private static final Set<String> DETERMINERS = set("the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
            "of", "every", "each", "whole", "entire");
    private static final Set<String> MONTH_PREPS = set("in", "for", "by", "since", "until", "till", "uptil", "from", "during", "of",
            "before", "after", "through", "to", "and", "or", "early", "late", "mid", "throughout");
    private static final Set<String> SHORT_YEAR_PREPS = set("in", "of", "since", "until", "till", "by", "from", "to", "during",
            "after", "before", "and", "early", "late", "mid", "circa", "around", "c.");
    private static final Set<String> ABOUT_PREPS = set("in", "from", "since", "until", "till", "by", "to", "at", "around", "born",
            "died", "written", "dated", "built", "published", "and", "or", "was", "is", "(", "");
    private static final Set<String> SEASON_PREPS = set("in", "during", "by", "until", "till", "through", "throughout", "over",
            "since", "for", "after", "before", "from", "to");

    private static Set<String> set(String... words) { return Set.copyOf(java.util.Arrays.asList(words)); }

    /** Context checks: the false dates that the grammar alone would take. */
    /** The patterns of the context checks, compiled once (they ran through String.matches on every candidate). */
    private static final java.util.regex.Pattern YEAR_VALUE = java.util.regex.Pattern.compile("\\d{4}(/\\d{4})?");
    private static final java.util.regex.Pattern DECADE_VALUE = java.util.regex.Pattern.compile("\\d{3}X");
    private static final java.util.regex.Pattern DIGITS_THEN_S = java.util.regex.Pattern.compile("(?s).*\\d{4}['’]?s");
    private static final java.util.regex.Pattern THE_FIRST = java.util.regex.Pattern.compile("(?s)the\\s.*");
    private static final java.util.regex.Pattern SHORT_YEAR = java.util.regex.Pattern.compile("['’‘]\\d{2}");
    private static final java.util.regex.Pattern PREFIXED_DAY = java.util.regex.Pattern.compile("(?s)(?:the\\s+)?(?:early|late|mid|middle|beginning|start|end|close|around|about|circa|c\\.|ca\\.|perhaps|maybe|possibly|probably|some\\s*time|before|after|prior).*");
    private static final java.util.regex.Pattern CAPITALISED_WORDS = java.util.regex.Pattern.compile("(?s)(?:\\p{L}+[\\s-]+)*\\p{Lu}\\p{L}+");
    private static final java.util.regex.Pattern THE_SEASON = java.util.regex.Pattern.compile("(?s)the\\s+(?:spring|summer|autumn|fall|winter)");
    private static final java.util.regex.Pattern NEXT_LAST_THIS = java.util.regex.Pattern.compile("(?s)(?:next|last|this)\\s.*");
    private static final java.util.regex.Pattern EMAIL_TOKEN = java.util.regex.Pattern.compile(".*\\w@\\w.*");
    private static final java.util.regex.Pattern WEB_PAGE_TOKEN = java.util.regex.Pattern.compile(".*(?:\\.(?:php|html?|aspx?|jsp)|[?&]\\w+=).*");

    static boolean plausible(String text, Match m, String s, Timex t) {
        if (insideUrl(text, m.start(), m.end())) return false;
        String prev = prevToken(text, m.start());
        char before = m.start() > 0 ? text.charAt(m.start() - 1) : ' ';
        char before2 = m.start() > 1 ? text.charAt(m.start() - 2) : ' ';
        boolean digitStart = Character.isDigit(s.charAt(0));
        boolean digitEnd = Character.isDigit(s.charAt(s.length() - 1));
        if (digitStart) {
            if (".,/:-–".indexOf(before) >= 0 && Character.isDigit(before2)) return false; // 1.1937, 12/1937
            if (before == '=' || before == '/' || before == '\\' || before == '_') return false; // post_id=1937, pull/1937
            if ("*×+<>^".indexOf(prevNonSpace(text, m.start())) >= 0) return false; // 4 * 1024
            if ("$£€¥#№§".indexOf(before) >= 0 || "$£€¥#№§".indexOf(before2) >= 0 && before == ' ') return false;
        }
        if (digitEnd && !rightEdgeOk(text, m.end())) return false;
        if (digitEnd && "*×+=<>^".indexOf(nextNonSpace(text, m.end())) >= 0) return false; // 1024 * 1024
        String lower = s.toLowerCase(Locale.ROOT);
        if (t.value() != null && YEAR_VALUE.matcher(t.value()).matches() && !yearLike(text, m, s, prev, digitStart)) return false;
        if (t.value() != null && DECADE_VALUE.matcher(t.value()).matches()) {
            if (!DIGITS_THEN_S.matcher(s).matches() && !THE_FIRST.matcher(lower).matches()) return false; // "in his thirties" is an age
            List<String> next = nextWords(text, m.end(), 1);
            if (!next.isEmpty() && next.get(0).equals("of") && !THE_FIRST.matcher(lower).matches()) return false; // "1000s of people"
        }
        if (SHORT_YEAR.matcher(s).matches() && !SHORT_YEAR_PREPS.contains(prev)) return false;
        // "in about 1930" is circa; "a book about 1937" is a topic: the plain year is then taken instead
        if (lower.startsWith("about") && !ABOUT_PREPS.contains(prev)) return false;
        if (m.kind() == Kind.YEARLESS) {
            boolean prefixed = PREFIXED_DAY.matcher(lower).matches();
            if (CAPITALISED_WORDS.matcher(s).matches() && !prefixed && !MONTH_PREPS.contains(prev) && !adjectiveMonth(text, m, s, prev))
                return false; // "May", "March"
            if (THE_SEASON.matcher(lower).matches() && !SEASON_PREPS.contains(prev)) return false;
        }
        if (m.kind() == Kind.DEICTIC && NEXT_LAST_THIS.matcher(lower).matches() && DETERMINERS.contains(prev)) return false;
        return m.rule() == null || plausibleForRule(text, m, s, lower, prev);
    }

    private static final Set<String> YEAR_PREPS = set("for", "in", "during", "throughout", "through", "of", "over");
    private static final Set<String> RATE_WORDS = set("million", "billion", "thousand", "hundred", "cents", "cent", "dollars",
            "times", "once", "twice", "percent", "%", "shares", "seats", "flights", "miles", "units");
    private static final Pattern AGE_AFTER = Pattern.compile("(?:-|\\h+)old(?!\\p{L})|-olds?(?!\\p{L})");
    private static final Pattern SECOND_UNIT = Pattern.compile("(?i)\\d.*seconds?|.*seconds");
    private static final Pattern QUARTER_UNIT = Pattern.compile("(?i).*quarters?");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** The checks of one class of expression: ages, rates and titles that look like durations and references. */
    private static boolean plausibleForRule(String text, Match m, String s, String lower, String prev) {
        String next = nextWords(text, m.end(), 1).stream().findFirst().orElse("");
        int e = m.end();
        switch (m.rule()) {
            case "duration", "durationbare" -> {
                if (AGE_AFTER.matcher(text).region(e, Math.min(text.length(), e + 8)).lookingAt()) return false; // "52 years old"
                if (lower.endsWith("second") || lower.endsWith("seconds")) { if (!SECOND_UNIT.matcher(s).matches()) return false; } // "a second term"
                if (QUARTER_UNIT.matcher(s).matches() && (next.equals("of") || s.contains("-") && !DIGIT.matcher(s).find()
                        || lower.endsWith(" quarter") && !DIGIT.matcher(s).find())) return false; // "three-quarters of", "a quarter of"
                if ((lower.startsWith("a ") || lower.startsWith("an ")) && (DIGIT.matcher(prev).find() || RATE_WORDS.contains(prev)))
                    return false; // "$1.76 a year", "700 seats a week": a rate
                String last = s.substring(s.lastIndexOf(' ') + 1);
                if (Character.isUpperCase(last.charAt(0)) && !Character.isUpperCase(s.charAt(0))) return false; // "60 Minutes"
                if (DIGIT.matcher(s).find() && Character.isUpperCase(last.charAt(0))) return false;
            }
            case "reference" -> {
                if ((lower.equals("soon") || lower.equals("now")) && (prev.equals("as") || next.equals("as") || next.equals("after") || next.equals("before")))
                    return false; // "as soon as", "soon after the bombings"
            }
            case "set" -> {
                if (lower.equals("daily") && !next.isEmpty() && Character.isUpperCase(text.charAt(skipSpace(text, e)))) return false; // "the party daily Granma"
            }
            case "theyear" -> {
                if (!YEAR_PREPS.contains(prev)) return false; // "for the year", "in the fiscal year"; not "the year he died"
                if (next.equals("before") || next.equals("after") || next.equals("of") || next.equals("when")) return false;
            }
            case "approx" -> {
                if (TimexNormalizer.kind(s) == Kind.DEICTIC) return false; // "get around Wednesday's ruling"
            }
            default -> { }
        }
        // A programme or a title: "This Week" in the middle of a sentence
        if (m.kind() == Kind.DEICTIC && !"holiday".equals(m.rule()) && Character.isUpperCase(s.charAt(0)) && s.indexOf(' ') > 0
                && Character.isUpperCase(s.charAt(s.indexOf(' ') + 1)) && !sentenceStart(text, m.start())) return false;
        return true;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() - 1 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        return Math.min(i, text.length() - 1);
    }

    private static boolean sentenceStart(String text, int i) {
        int k = i - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || "\"'‘“`(".indexOf(text.charAt(k)) >= 0)) k--;
        return k < 0 || ".!?\n:".indexOf(text.charAt(k)) >= 0;
    }

    private static final Set<String> ADJ_DETERMINERS = set("the", "a", "an", "its", "his", "her", "their", "this", "that", "last", "next");

    /** A month name before a noun, after a determiner: "the October slaying" (not "May", "March" as words). */
    private static boolean adjectiveMonth(String text, Match m, String s, String prev) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("may") || lower.equals("march")) return false;
        if (!ADJ_DETERMINERS.contains(prev)) return false;
        int k = m.end();
        if (k >= text.length() || text.charAt(k) != ' ') return false;
        return k + 1 < text.length() && Character.isLowerCase(text.charAt(k + 1));
    }

    /** The edge after a number: not more digits, a decimal part, a time, a percentage; a footnote "1928.2 The" is fine. */
    private static boolean rightEdgeOk(String text, int e) {
        if (e >= text.length()) return true;
        char c = text.charAt(e);
        char c2 = e + 1 < text.length() ? text.charAt(e + 1) : ' ';
        if (c == '%' || c == '°') return false;
        if ((c == ',' || c == ':' || c == '/' || c == '-' || c == '–') && Character.isDigit(c2)) return false;
        if (c == '.' && Character.isDigit(c2)) {
            int k = e + 1;
            while (k < text.length() && Character.isDigit(text.charAt(k))) k++;
            if (k - e - 1 > 2) return false;
            // a footnote after a year ("in 1928.2 The ...") is followed by a word; an index value ("2082.1, down")
            // or a decimal ("1678.5.") by punctuation
            if (k >= text.length() || text.charAt(k) != ' ' && text.charAt(k) != '\t') return false;
            while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
            return k < text.length() && Character.isUpperCase(text.charAt(k));
        }
        return true;
    }

    /** A bare number (or range or list of them) that reads as years where it stands. */
    private static boolean yearLike(String text, Match m, String s, String prev, boolean digitStart) {
        // A comma before the number ("(Moscow, 1937)") makes a year likely, but not a round number ("fn, 1000").
        boolean comma = digitStart && prev.endsWith(",");
        boolean positive = !digitStart || POSITIVE.contains(prev) || prev.endsWith("'s") || prev.endsWith("’s")
                || "([\"'‘“".indexOf(m.start() > 0 ? text.charAt(m.start() - 1) : ' ') >= 0;
        if (digitStart) {
            String left = text.substring(Math.max(0, m.start() - 12), m.start());
            if (PAGE_OR_NUMBER.matcher(left).find()) return false;
            if (QUANTITY.contains(prev)) return false;
            if (prev.endsWith(":") && LABELS.contains(prev.substring(0, prev.length() - 1))) return false; // "Posts: 1937"
        }
        List<String> next = nextWords(text, m.end(), 2);
        if (!next.isEmpty()) {
            String w1 = next.get(0);
            if (COUNT.contains(w1)) return false;
            if (!positive && !comma) {
                if (WEAK_COUNT.contains(w1)) return false;
                if (w1.length() > 3 && w1.endsWith("s") && !w1.endsWith("ss") && !VERBS.contains(w1) && Character.isLowerCase(w1.charAt(0))) return false;
                if (next.size() > 1 && COUNT.contains(next.get(1))) return false;
            }
        }
        if (!positive) {
            java.util.regex.Matcher d = Pattern.compile("\\d{4}").matcher(s);
            int y = d.find() ? Integer.parseInt(d.group()) : 1900;
            if (y % 100 == 0 && (y < 1800 || y > 2000)) return false; // 1500, 1200: more often a count
        }
        return true;
    }

    private static char prevNonSpace(String text, int pos) {
        int k = pos - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k--;
        return k >= 0 ? text.charAt(k) : ' ';
    }

    private static char nextNonSpace(String text, int pos) {
        int k = pos;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
        return k < text.length() ? text.charAt(k) : ' ';
    }

    /** The whitespace-separated token before pos, lower-cased ("pp.", "(moscow,", "stalin's"); "" at a start. */
    static String prevToken(String text, int pos) {
        int e = pos;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) e--;
        int s = e;
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) s--;
        String t = text.substring(s, e).toLowerCase(Locale.ROOT);
        return t.replaceAll("^[(\\[\"'‘“]+", "");
    }

    /** Up to n words right after pos, if the text goes on without punctuation. */
    private static List<String> nextWords(String text, int pos, int n) {
        List<String> out = new ArrayList<>();
        int i = pos;
        while (out.size() < n) {
            int k = i;
            while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t' || text.charAt(k) == '-')) k++;
            if (k == i || k >= text.length() || !Character.isLetter(text.charAt(k))) break;
            int e = k;
            while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '.' && e + 1 < text.length() && Character.isLetter(text.charAt(e + 1)))) e++;
            out.add(text.substring(k, e).toLowerCase(Locale.ROOT));
            i = e;
        }
        return out;
    }

    private static boolean insideUrl(String text, int s, int e) {
        int a = s, b = e;
        while (a > 0 && !Character.isWhitespace(text.charAt(a - 1))) a--;
        while (b < text.length() && !Character.isWhitespace(text.charAt(b))) b++;
        String token = text.substring(a, b);
        return token.contains("://") || token.startsWith("www.") || token.contains("@") && EMAIL_TOKEN.matcher(token).matches()
                || WEB_PAGE_TOKEN.matcher(token).matches();
    }

    // ---- anchoring ----------------------------------------------------------------------------------------------

    private static final Set<String> FUTURE_WORDS = words("future"), PAST_WORDS = words("past"), PAST_VERBS = words("pastverbs"),
            FUTURE_TO = words("futureto"), MODALS = words("modals"), PRESENT_AUX = Set.of("is", "are", "be", "am", "being");

    private static Set<String> words(String key) {
        return Set.of(TimexWords.TENSE.getOrDefault(key, "").split("\\s+"));
    }

    /**
     * The tense of the clause an expression stands in, from the words before it back to the sentence's start (at
     * most 200 characters): FUTURE on "will", "expected", "next"...; PAST on "was", "had", "ago" or a past verb right
     * before it ("resigned Friday"); "had been" before a plan is a plan that lapsed ("had been due to expire
     * Friday"). An expression that opens its sentence ("On Tuesday, the league plans ...", "Until Thursday, they
     * had not ...") takes the tense of the clause after it. Else PRESENT (unknown).
     */
    static TimexNormalizer.Tense tense(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < 200) {
            char c = text.charAt(from - 1);
            if (c == '\n' && from >= 2 && text.charAt(from - 2) == '\n') break;
            if ((c == '.' || c == '!' || c == '?' || c == ';') && from < text.length() && Character.isWhitespace(text.charAt(from))) break;
            from--;
        }
        boolean future = false, past = false, lapsed = false, fronted = true;
        String last = null, beforeLast = null, prev3 = null;
        int lastMarker = 0; // the tense of the last tense word before the expression: 1 future, -1 past
        int i = from;
        while (i < start) {
            while (i < start && !isWordChar(text.charAt(i))) {
                if (text.charAt(i) == '\n') fronted = true; // a line of its own: the fronting starts again after it
                i++;
            }
            int e = i;
            while (e < start && isWordChar(text.charAt(e))) e++;
            if (e > i) {
                String w = text.substring(i, e).toLowerCase(Locale.ROOT).replace('’', '\'');
                int ap = w.indexOf('\'');
                if (ap > 0 && w.endsWith("'ll")) { future = true; lastMarker = 1; }
                if (ap > 0 && !w.endsWith("n't")) w = w.substring(0, ap);
                boolean passiveHere = "be".equals(last) || "to".equals(last) || "been".equals(last);
                if ("to".equals(w) && last != null && FUTURE_TO.contains(last)) {
                    // "planned to leave Friday"; "had been due to expire Friday" is a plan that lapsed
                    if ("been".equals(beforeLast) && "had".equals(prev3)) lapsed = true;
                    else { future = true; lastMarker = 1; }
                }
                if (FUTURE_WORDS.contains(w)) { future = true; lastMarker = 1; }
                else if (PAST_WORDS.contains(w)) { past = true; lastMarker = -1; }
                else if (!passiveHere && (PAST_VERBS.contains(w) || w.length() > 4 && w.endsWith("ed"))) lastMarker = -1;
                if (!FRONTING.contains(w)) fronted = false;
                prev3 = beforeLast;
                beforeLast = last;
                last = w;
            }
            i = e;
        }
        if (fronted && commaAfter(text, end)) {
            TimexNormalizer.Tense after = tenseAfter(text, end);
            if (after != TimexNormalizer.Tense.PRESENT) return after;
        }
        if (lapsed) return TimexNormalizer.Tense.PAST;
        // the verb right before: "resigned Friday", "said on Friday"
        String verb = "on".equals(last) || "last".equals(last) ? beforeLast : last;
        String aux = verb == last ? beforeLast : null;
        boolean passive = "be".equals(aux) || "to".equals(aux); // "will be held Friday", "is to be signed"
        boolean pastVerb = verb != null && !passive && (PAST_VERBS.contains(verb) || verb.length() > 4 && verb.endsWith("ed"));
        // "as soon as Tuesday", "as early as next week"
        if ("as".equals(last) && ("soon".equals(beforeLast) || "early".equals(beforeLast))) return TimexNormalizer.Tense.FUTURE;
        // a past clause after the future one: "will begin the transfer from those who cared for him since he was
        // rescued in late November"
        if (future && !pastVerb && !(past && lastMarker < 0)) return TimexNormalizer.Tense.FUTURE;
        if (past || pastVerb || lastMarker < 0) return TimexNormalizer.Tense.PAST;
        return TimexNormalizer.Tense.PRESENT;
    }

    /** Words that may stand before an expression that opens its sentence: "On Tuesday,", "But until then,". */
    private static final Set<String> FRONTING = words("fronting");

    /** A comma right after the expression (a possessive or a day part may come between): "On Tuesday night, ...". */
    private static boolean commaAfter(String text, int end) {
        int i = end;
        while (i < text.length() && i - end < 12 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == ' ')) i++;
        return i < text.length() && text.charAt(i) == ',';
    }

    /**
     * The tense of the clause after a fronted expression, to the sentence's end (at most 120 characters): the first
     * modal ("will"), past form ("had", "said") or plan ("plans to"; "planned to" is a past plan) decides.
     */
    private static TimexNormalizer.Tense tenseAfter(String text, int end) {
        int limit = Math.min(text.length(), end + 120);
        String last = null, beforeLast = null;
        int i = end;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))) break;
            if (!isWordChar(c)) { i++; continue; }
            int e = i;
            while (e < limit && isWordChar(text.charAt(e))) e++;
            String w = text.substring(i, e).toLowerCase(Locale.ROOT).replace('’', '\'');
            if (w.endsWith("'ll")) return TimexNormalizer.Tense.FUTURE;
            int ap = w.indexOf('\'');
            if (ap > 0 && !w.endsWith("n't")) w = w.substring(0, ap);
            if ("to".equals(w) && last != null && (FUTURE_TO.contains(last) || FUTURE_WORDS.contains(last))) {
                // "plans to", "is due to", "is scheduled to": a plan; "planned to", "had been due to": a past one
                boolean pastPlan = beforeLast != null && PAST_WORDS.contains(beforeLast)
                        || last.endsWith("ed") && !PRESENT_AUX.contains(beforeLast == null ? "" : beforeLast);
                return pastPlan ? TimexNormalizer.Tense.PAST : TimexNormalizer.Tense.FUTURE;
            }
            if (MODALS.contains(w)) return TimexNormalizer.Tense.FUTURE;
            if (PAST_WORDS.contains(w) || PAST_VERBS.contains(w)) return TimexNormalizer.Tense.PAST;
            beforeLast = last;
            last = w;
            i = e;
        }
        return TimexNormalizer.Tense.PRESENT;
    }

    private static boolean isWordChar(char c) { return Character.isLetter(c) || c == '\'' || c == '’'; }

    /** Rules whose value is "the quarter in question": the quarter last named, if there is one. */
    private static final Set<String> QUARTER_ANAPHORS = Set.of("thequarter", "yearquarter");
    /** Rules that name a quarter outright, which the quarter anaphors may count from. */
    private static final Set<String> QUARTER_NAMES = Set.of("quarter", "part");

    private static void resolve(Document doc, List<Found> found) {
        String text = doc.text();
        java.util.Map<Post, Boolean> story = new java.util.HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            if (f.header != null || f.kind == Kind.ABSOLUTE) continue;
            Quote q = enclosingQuote(doc, new Span(f.start, f.end));
            Found prev = preceding(found, i);
            Integer dctYear = dctYear(f.post);
            // A passage pasted from elsewhere is of another time; a quotation run into the poster's prose is speech
            // of the poster's time unless it is introduced as writing or tells of another time itself.
            boolean passage = q != null && (pasted(q) || writtenIntro(text, q)
                    || prev != null && q.span().contains(new Span(prev.start, prev.end)) && historical(prev, dctYear));
            boolean ownTime = !passage && f.post != null && f.post.published() != null;
            TimexNormalizer.Tense tense = ownTime ? tense(text, f.start, f.end) : TimexNormalizer.Tense.NONE;
            switch (f.kind) {
                case ANAPHORIC -> {
                    Found qa = quarterAnchor(found, i, text, f);
                    if (qa != null) set(f, qa, TimexNormalizer.Tense.NONE);
                    // "we will meet the following Monday": in the poster's own future, from the time of writing
                    else if ("relweekday".equals(f.rule) && ownTime && tense == TimexNormalizer.Tense.FUTURE) published(doc, found, f, tense);
                    else if (prev != null) set(f, prev, TimexNormalizer.Tense.NONE);
                    // with nothing before it, "three days later" has no anchor: it stays without a value
                }
                case YEARLESS -> {
                    // a year written in the same sentence ("on February 23 and again on March 3, 1937"); in a report
                    // of its own time only one close by or of about that time ("redeem on Nov. 16 the notes due
                    // March 1, 2011" is no year for Nov. 16)
                    boolean storyPost = !ownTime || story(found, f.post, story, text);
                    Found a = prev;
                    boolean sentence = a != null && a.kind == Kind.ABSOLUTE && sameSentence(text, a.end, f.start)
                            && (storyPost || !historical(a, dctYear));
                    if (!sentence) {
                        Found b = following(found, i, text);
                        if (b != null && setting(text, b) && (q == null || q.span().contains(new Span(b.start, b.end))) && (storyPost || b.start - f.end <= 30 || !historical(b, dctYear))) { a = b; sentence = true; }
                    }
                    // the narrative's year: a date of the same sentence, of a pasted passage, or a written-out year of a
                    // story set in another time than the post's; else the post's time in the tense of the clause
                    boolean narrative = a != null && (sentence || !ownTime
                            || storyPost && (a.kind == Kind.ABSOLUTE || a.kind == Kind.YEARLESS) && historical(a, dctYear) && setting(text, a)
                               && sameParagraph(text, a.end, f.start));
                    if (narrative) setYearFrom(f, a);
                    else if (ownTime) published(doc, found, f, tense);
                    else if (!passageTime(f, q, null, text)) set(f, null, -1, -1, null, TimexNormalizer.Tense.NONE);
                }
                case DEICTIC -> {
                    Found qa = f.rule != null && (QUARTER_ANAPHORS.contains(f.rule) || "ago".equals(f.rule)) ? quarterAnchor(found, i, text, f) : null;
                    boolean next = f.text.toLowerCase(Locale.ROOT).startsWith("next");
                    if (qa != null) set(f, qa, TimexNormalizer.Tense.NONE);
                    // "Stalin died in 1953. Next year ..." tells a story: next counts from the story's date
                    else if (next && prev != null && sameLine(text, prev.end, f.start) && (!ownTime || story(found, f.post, story, text) && historical(prev, dctYear)))
                        set(f, prev, TimexNormalizer.Tense.NONE);
                    else if (ownTime) published(doc, found, f, tense);
                    else if (!passageTime(f, q, prev, text)) set(f, null, -1, -1, null, TimexNormalizer.Tense.NONE);
                }
                default -> { }
            }
        }
    }

    private static void set(Found f, Found a, TimexNormalizer.Tense tense) { set(f, a.value, a.start, a.end, a.text, tense); }

    /** A yearless expression takes its year from a; when a's own year came from an anchor, it points there too. */
    private static void setYearFrom(Found f, Found a) {
        if (a.kind == Kind.YEARLESS && a.anchorText != null) {
            if (a.anchor != null) set(f, a.value, a.anchor.start(), a.anchor.end(), a.anchorText, TimexNormalizer.Tense.NONE);
            else set(f, a.value, -1, -1, a.anchorText, TimexNormalizer.Tense.NONE);
        } else set(f, a, TimexNormalizer.Tense.NONE);
    }

    /**
     * Resolves a deictic or yearless expression of a passage from another time against that passage's own time: a
     * date written earlier in the passage ("On 2 March 1937 ... yesterday"), else the year of the work it is cited
     * from ("yesterday" needs a day, so a year alone resolves only what a year can: "last year", "May 11"). The
     * anchor points at that date or at the citation's evidence. False when the passage's time is not known.
     */
    private static boolean passageTime(Found f, Quote q, Found prev, String text) {
        if (q == null) return false;
        if (prev != null && q.span().contains(new Span(prev.start, prev.end)) && prev.value != null && !prev.value.startsWith("X")) {
            set(f, prev, tense(text, f.start, f.end));
            if (f.value != null && !f.value.startsWith("X")) return true;
        }
        Work w = q.work();
        if (w == null || w.year() == null) return false;
        Span ev = w.evidence() == null ? null : w.evidence().span();
        String evText = w.evidence() == null ? String.valueOf(w.year()) : w.evidence().text();
        set(f, String.valueOf(w.year()), ev == null ? -1 : ev.start(), ev == null ? -1 : ev.end(), evText, tense(text, f.start, f.end));
        TimexValue v = f.value == null || f.value.startsWith("X") ? null : TimexValue.parse(f.value);
        // a year tells the year of "May 11" and of "last year", not which day "yesterday" or "Friday" was
        if (v != null && (f.kind == Kind.YEARLESS || v.granularity().ordinal() <= TimexValue.Granularity.YEAR.ordinal())) return true;
        f.value = null;
        f.anchor = null;
        f.anchorText = null;
        return true;
    }

    /** The year of the post's time, or null. */
    private static Integer dctYear(Post p) {
        TimexValue v = p == null ? null : TimexValue.parse(p.published());
        return v == null ? null : v.year();
    }

    /**
     * A post that tells a story of another time: the years it writes out are more than two years from
     * its own time, but for a few (a thread on 1937; not a news report that mentions 1994). There a yearless "May 11" or a
     * "next year" continues the story; elsewhere it counts from the time of writing.
     */
    private static boolean story(List<Found> found, Post p, java.util.Map<Post, Boolean> memo, String text) {
        return memo.computeIfAbsent(p, post -> {
            Integer y = dctYear(post);
            if (y == null) return true;
            int far = 0, near = 0;
            for (Found f : found) {
                if (f.post != post || f.header != null || f.kind != Kind.ABSOLUTE || !setting(text, f)) continue;
                TimexValue v = TimexValue.parse(f.value);
                if (v == null) continue;
                if (Math.abs(v.year() - y) > 2) far++; else near++;
            }
            return far > 3 * near;
        });
    }

    /** Words before a date that bound a span or a term rather than set a scene: "since 1980", "bonds due 1993", "dating to 1994". */
    private static final Set<String> BOUNDING = words("bounding");

    /** A date that may set the time of a story: not one that only bounds a period or a term ("since 1980", "due 2011"). */
    private static boolean setting(String text, Found a) {
        int e = a.start;
        while (e > 0 && text.charAt(e - 1) == ' ') e--;
        int s = e;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) s--;
        return s == e || e - s > 8 || !BOUNDING.contains(text.substring(s, e).toLowerCase(Locale.ROOT));
    }

    /** A date of a story set in another time than the post's: more than a year away from it. */
    private static boolean historical(Found a, Integer dctYear) {
        TimexValue v = TimexValue.parse(a.value);
        return dctYear == null || v != null && Math.abs(v.year() - dctYear) > 1;
    }

    /** A passage set off from the post (a board quote, a block): its time is its own, not the poster's. */
    private static boolean pasted(Quote q) {
        return switch (q.marker()) {
            case DOUBLE, SINGLE, DOUBLED_SINGLE, BACKTICK, GUILLEMET -> q.work() != null && q.work().year() != null;
            default -> true;
        };
    }

    private static final Set<String> WRITING = words("writing");

    /** A run-in quotation introduced as writing ("The reviewer wrote: '...'"), not as speech. */
    private static boolean writtenIntro(String text, Quote q) {
        int s = q.outer().start();
        int from = Math.max(0, s - 40);
        int i = from;
        while (i < s) {
            while (i < s && !Character.isLetter(text.charAt(i))) i++;
            int e = i;
            while (e < s && Character.isLetter(text.charAt(e))) e++;
            if (e > i && WRITING.contains(text.substring(i, e).toLowerCase(Locale.ROOT))) return true;
            i = e;
        }
        return false;
    }

    /**
     * For "the quarter", "a year earlier", "a year ago": the quarter named last in the same paragraph, since
     * in a report of quarterly results these count from it ("the third quarter ... a year earlier" = 1988-Q3).
     */
    private static Found quarterAnchor(List<Found> found, int i, String text, Found f) {
        String lower = f.text.toLowerCase(Locale.ROOT);
        if ((f.rule == null || !QUARTER_ANAPHORS.contains(f.rule)) && !(lower.contains("year") && !lower.contains("years"))) return null;
        if (LATEST.matcher(lower).find()) return null; // "the latest quarter" counts from the time of writing
        for (int j = i - 1; j >= 0; j--) {
            Found a = found.get(j);
            if (a.post != f.post || f.start - a.end > 1500) return null;
            if (a.rule != null && QUARTER_NAMES.contains(a.rule) && a.value != null && a.value.length() == 7 && a.value.charAt(4) == '-' && a.value.charAt(5) == 'Q')
                return a;
        }
        return null;
    }

    private static final Pattern LATEST = Pattern.compile("latest|current|recent|just");

    private static boolean sameLine(String text, int from, int to) {
        int nl = text.indexOf('\n', from);
        return nl < 0 || nl >= to;
    }

    private static boolean sameParagraph(String text, int from, int to) {
        int nl = text.indexOf("\n\n", from);
        return nl < 0 || nl >= to;
    }

    /** The nearest earlier resolved date of the same post. */
    private static Found preceding(List<Found> found, int i) {
        Found f = found.get(i);
        for (int j = i - 1; j >= 0; j--) {
            Found a = found.get(j);
            if (a.post != f.post || a.header != null) {
                if (a.post != f.post) return null;
                continue;
            }
            if (a.concrete()) return a;
        }
        return null;
    }

    /** A later absolute date in the same sentence, for a yearless day that shares its year. */
    private static Found following(List<Found> found, int i, String text) {
        Found f = found.get(i);
        for (int j = i + 1; j < found.size(); j++) {
            Found b = found.get(j);
            if (b.post != f.post || !sameSentence(text, f.end, b.start)) return null;
            if (b.kind == Kind.ABSOLUTE && b.concrete()) return b;
        }
        return null;
    }

    private static boolean sameSentence(String text, int from, int to) {
        for (int k = from; k < to && k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') return false;
            if ((c == '.' || c == '!' || c == '?') && k + 1 < text.length() && Character.isWhitespace(text.charAt(k + 1))
                    && !(k > 0 && Character.isUpperCase(text.charAt(k - 1)) && (k < 2 || !Character.isLetter(text.charAt(k - 2)))))
                return false;
        }
        return true;
    }

    /** Anchors f to its post's publication date, pointing at the header timestamp when there is one. */
    private static boolean published(Document doc, List<Found> found, Found f, TimexNormalizer.Tense tense) {
        Post p = f.post;
        if (p == null || p.published() == null) return false;
        for (Found h : found)
            if (h.header == p) { set(f, p.published(), h.start, h.end, h.text, tense); return true; }
        set(f, p.published(), -1, -1, p.published(), tense);
        return true;
    }

    private static void set(Found f, String anchorValue, int s, int e, String anchorText, TimexNormalizer.Tense tense) {
        Timex t = TimexNormalizer.normalize(f.text, anchorValue, tense);
        f.value = t == null ? null : t.value();
        if (t != null && t.mod() != null) f.mod = t.mod();
        if (t != null) f.type = t.type();
        f.anchor = s >= 0 ? new Span(s, e) : null;
        f.anchorText = anchorText;
    }

    /** EVERY for a set said with "every" or "each" (TIMEX3 quant), else null. */
    private static String quant(Found f) {
        if (!"SET".equals(f.type)) return null;
        String w = f.text.toLowerCase(Locale.ROOT);
        return w.startsWith("every") ? "EVERY" : w.startsWith("each") ? "EACH" : null;
    }

    /** The smallest quoted passage that contains the span, or null. */
    public static Quote enclosingQuote(Document doc, Span s) {
        Quote best = null;
        for (Quote q : doc.quotes())
            if (q.span().contains(s) && (best == null || q.span().length() < best.span().length())) best = q;
        return best;
    }
}
