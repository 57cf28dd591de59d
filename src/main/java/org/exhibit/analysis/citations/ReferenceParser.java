package org.exhibit.analysis.citations;

import org.exhibit.analysis.entities.PersonNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free-form bibliographic references: finds them in running text by their publication facts (an imprint
 * "(Moscow, 1937)", "London: Macmillan, 1968", an APA "(1985).", an author-date "Getty (1985: 112)", a page
 * reference ", p. 45") and reads author, title, place, year and pages from the reference around them. Styles read:
 * Chicago/MLA ("Conquest, Robert. The Great Terror. London: Macmillan, 1968, p. 45."), APA, notes with an imprint
 * in parentheses ("R. Conquest, The Great Terror (London, 1968), 45-47"; a corporate author ending in a dotted
 * abbreviation, "... of the U.S.S.R. Report of ..."), comma-separated notes ("Trotsky, The Revolution Betrayed,
 * 1937, p. 45") and author-date ("Getty (1985: 112)", "(Getty 1985, p. 112)", "Cohen 1973, pp. 12-15").
 */
final class ReferenceParser {
    private ReferenceParser() {}

    /** A reference found at [start, end) of the text. */
    record Ref(int start, int end, String author, String title, String place, Integer year, String pages) {}

    static final String YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";
    private static final String CAP = "[A-Z][\\p{L}'’\\-]*\\p{L}";
    private static final String INITIAL = "[A-Z]\\.";
    private static final String PLACE = "[A-Z][\\p{L}'’\\-]*(?:(?:[ .]+|\\s*/\\s*|\\s+(?:and|&)\\s+)[A-Z][\\p{L}'’\\-]*){0,6}";
    /** Words that make a name in the imprint a publisher, not a place. */
    private static final Pattern PUBLISHER = Pattern.compile("\\b(?:Press|Publishers?|Publishing|Books|University|UP|Verlag|House|Editions?|Izdat\\p{L}*|Politizdat|Library)\\b");
    private static final Pattern POSSESSIVE_TITLE = Pattern.compile("([^\"“‘']*?\\p{L})['’]s\\s+([\"“‘'].+[\"”’'])\\s*$");
    private static final Pattern LAST_INITIALS = Pattern.compile("^(" + CAP + ",\\s+(?:[A-Z]\\.\\s?){1,4}),?\\s+(.+)$");
    private static final String PAGES_AFTER = "(?:\\s*[,.:]?\\s*(?:" + PageRanges.PREFIX + "\\s*|(?=\\d))(?<pages>" + PageRanges.LIST + "))?";

    // Anchors: publication facts that make the text around them worth parsing as a reference.
    private static final Pattern ANCHOR = Pattern.compile(
            "\\(\\s*" + PLACE + "\\s*(?::[^(),\\n]{1,60})?,\\s*" + YEAR + "\\s*\\)"     // (Moscow, 1937)
            + "|\\b" + PLACE + "\\s*:\\s*[A-Z][^,:;()\\n]{1,60},\\s*" + YEAR + "\\b"       // London: Macmillan, 1968
            + "|\\(\\s*" + YEAR + "[a-z]?\\s*\\)\\s*\\."                                    // (1985).
            + "|,[^,()\\n]{3,200}\\(\\s*" + YEAR + "\\s*\\)"                                  // Sayers & Kahn, Title (1946)
            + "|,\\s*" + YEAR + "\\s*,\\s*" + PageRanges.PREFIX + "\\s*\\d"                       // , 1937, p. 4
            + "|,\\s*" + PageRanges.PREFIX + "\\s*\\d");                                           // , p. 45

    private static final Pattern TRIGGER = Pattern.compile(YEAR + "(?!\\d)|" + PageRanges.PREFIX + "\\s*\\d");

    // Chicago / MLA: Last, First. Title. [Place:] Publisher, Year[, p. N].
    private static final Pattern CHICAGO = Pattern.compile(
            "(?<author>" + CAP + ",\\s+(?:(?:" + INITIAL + "\\s?){1,4}|" + CAP + "(?:\\s+" + CAP + "){0,3}(?:\\s+" + INITIAL + "){1,3}|" + CAP + "(?:\\s+(?:" + INITIAL + "|" + CAP + ")){0,4}?\\.))"
            + "\\s+(?<title>[^\\n]+?)[.?!]\\s+(?:(?<place>" + PLACE + ")\\s*:\\s*)?(?<pub>[A-Z][^,:;()\\n]{0,60}?),\\s*(?<year>" + YEAR + ")"
            + PAGES_AFTER + "\\.?");

    // APA: Author, A. B. (Year). Title. [Place: Publisher.]
    private static final Pattern APA = Pattern.compile(
            "(?<author>" + CAP + ",\\s+(?:" + INITIAL + "\\s?){1,4}(?:,?\\s*(?:&|and)\\s+" + CAP + ",\\s+(?:" + INITIAL + "\\s?){1,4}){0,6})"
            + "\\s*\\((?<year>" + YEAR + ")[a-z]?\\)\\.\\s+(?<title>[^\\n]+?)[.?!](?:\\s+(?:(?<place>" + PLACE + ")\\s*:\\s*)(?<pub>[^.\\n]{1,60})\\.)?"
            + "(?:\\s*" + PageRanges.PREFIX + "\\s*(?<pages>" + PageRanges.LIST + ")\\.?)?");

    // Imprint in parentheses: <author and title> (Place[: Publisher], Year)[, pp. N].
    private static final Pattern IMPRINT = Pattern.compile(
            "(?<pre>[^()\\n]{3,300}?)\\s*\\(\\s*(?:(?<place>" + PLACE + ")\\s*(?::\\s*(?<pub>[^(),\\n]{1,60}))?,\\s*)?(?<year>" + YEAR + ")\\s*\\)"
            + PAGES_AFTER + "\\.?");

    // Comma note: Author, Title[, Place][, Year], p. N.
    private static final Pattern COMMA = Pattern.compile(
            "(?<author>[^,\\n]{2,80}),\\s+(?<title>[^,\\n]{2,200}?)(?:,\\s*(?<place>[A-Z][^,\\n]{1,60}?))??(?:[,\\s]\\s*(?<year>" + YEAR + "))?"
            + ",\\s*" + PageRanges.PREFIX + "\\s*(?<pages>" + PageRanges.LIST + ")\\.?");

    private static final String SURNAMES = "(?<author>" + CAP + "(?:(?:,\\s*|,?\\s+(?:and|&)\\s+)" + CAP + "){0,5}(?:\\s+et\\s+al\\.?)?)";
    private static final String AD_TAIL = "(?<year>" + YEAR + ")[a-z]?(?:\\s*[:,]\\s*(?:" + PageRanges.PREFIX + "\\s*)?(?<pages>" + PageRanges.LIST + "))?";
    private static final Pattern AUTHOR_DATE = Pattern.compile(
            "(?<![\\p{L}])" + SURNAMES + "\\s+\\(" + AD_TAIL + "\\)");                        // Getty (1985: 112)
    private static final Pattern PAREN_AUTHOR_DATE = Pattern.compile(
            "\\(" + SURNAMES + ",?\\s+" + AD_TAIL + "\\)");                                   // (Getty 1985, p. 112)
    private static final Pattern AUTHOR_YEAR_PAGES = Pattern.compile(
            "(?<![\\p{L}])" + SURNAMES + ",?\\s+(?<year>" + YEAR + ")[a-z]?,\\s*" + PageRanges.PREFIX + "\\s*(?<pages>" + PageRanges.LIST + ")"); // Cohen 1973, pp. 12-15

    /** A reference is never longer than this; longer stretches are prose. */
    private static final int MAX_SEGMENT = 600;

    private static final Pattern LEAD = Pattern.compile(
            "^(?:(?:\\d{1,3}[.)]|\\[\\d{1,3}]|\\(\\d{1,3}\\))\\s*)?(?:(?:[Ss]ee(?: also)?|[Cc]f\\.|[Vv]gl\\.|[Ss]ources?:|[Qq]uoted in|[Cc]ited in|[Ff]rom|[Ii]n)\\s+)?");
    private static final Pattern NOT_BEFORE_AUTHOR = Pattern.compile(
            "(?:\\b(?:of|in|at|on|from|to|near|during|since|until|till|outside|inside|across|between|the|by the)\\s+)$");

    /** Every reference in [from, to) of text, in order, none overlapping. */
    static List<Ref> find(String text, int from, int to) {
        List<Ref> out = new ArrayList<>();
        // Every anchor holds a year or a page number: look only around those, not at every capitalised word.
        RegionScan trig = new RegionScan(TRIGGER.matcher(text), text, from, to, i -> mayTrigger(text, i));
        int scanned = from;
        while (trig.find()) {
            if (trig.start() > from && Character.isDigit(text.charAt(trig.start() - 1))) continue;
            Matcher a = ANCHOR.matcher(text).region(Math.max(scanned, Math.max(from, trig.start() - 200)), Math.min(to, trig.end() + 80));
            a.useTransparentBounds(true);
            while (a.find()) {
                scanned = Math.max(scanned, a.end());
                if (covered(out, a.start())) continue;
                Ref r = around(text, a.start(), a.end(), from, to);
                if (r != null) add(out, r);
            }
        }
        List<Integer> years = years(text, from, to);
        authorDate(text, from, to, years, AUTHOR_DATE, out, true);
        authorDate(text, from, to, years, PAREN_AUTHOR_DATE, out, false);
        authorDate(text, from, to, years, AUTHOR_YEAR_PAGES, out, true);
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static boolean covered(List<Ref> l, int pos) {
        for (Ref r : l) if (r.start() <= pos && pos < r.end()) return true;
        return false;
    }

    private static void add(List<Ref> l, Ref r) {
        for (int i = 0; i < l.size(); i++) {
            Ref o = l.get(i);
            if (o.start() < r.end() && r.start() < o.end()) {
                if (r.end() - r.start() > o.end() - o.start()) l.set(i, r);
                return;
            }
        }
        l.add(r);
    }

    /** Tries the segments around an anchor, longest first: the whole line, enclosing parentheses, sentences. */
    private static Ref around(String t, int as, int ae, int from, int to) {
        int ls = Math.max(from, ReferenceSentences.lineStart(t, as)), le = Math.min(to, ReferenceSentences.lineEnd(t, as));
        List<int[]> segs = new ArrayList<>();
        if (le - ls <= 400) segs.add(new int[]{ls, le});
        int open = enclosingOpen(t, as, ls);
        if (open >= 0) {
            int close = t.indexOf(')', ae);
            if (close > 0 && close <= le) segs.add(new int[]{open + 1, close});
        }
        int s0 = ReferenceSentences.start(t, as, ls), e0 = ReferenceSentences.end(t, ae, le);
        int s1 = s0 > ls ? ReferenceSentences.start(t, s0 - 1, ls) : s0;
        int s2 = s1 > ls ? ReferenceSentences.start(t, s1 - 1, ls) : s1;
        segs.add(new int[]{s2, e0});
        segs.add(new int[]{s1, e0});
        segs.add(new int[]{s0, e0});
        for (int[] seg : segs) {
            if (seg[0] >= seg[1] || seg[0] > as || seg[1] - seg[0] > MAX_SEGMENT) continue;
            Ref r = parse(t, seg[0], seg[1], as);
            if (r != null) return r;
        }
        return null;
    }

    /** Parses the reference in [s, e) that contains the anchor at {@code anchor}; null when no style fits. */
    static Ref parse(String t, int s, int e, int anchor) {
        Matcher lead = LEAD.matcher(t).region(s, e);
        int b = lead.lookingAt() ? lead.end() : s;
        for (Pattern p : new Pattern[]{CHICAGO, APA}) {
            Matcher m = p.matcher(t).region(b, e);
            if (m.lookingAt() && m.end() > anchor) {
                String author = naturalOrder(m.group("author"));
                String title = cleanTitle(m.group("title"));
                if (!titleLike(title)) continue;
                String place = m.group("place");
                if (place == null && m.group("pub") != null && !PUBLISHER.matcher(m.group("pub")).find()) place = m.group("pub").strip();
                return new Ref(b, m.end(), author, title, place, Integer.parseInt(m.group("year")),
                        PageRanges.normalise(m.group("pages")));
            }
        }
        Matcher m = IMPRINT.matcher(t).region(b, e);
        while (m.find()) {
            if (m.end() <= anchor) continue;
            Ref r = imprint(t, m);
            if (r != null) return r;
            break;
        }
        // The comma note's page cue is the one fixed part of it: without one in the segment, no start can match.
        m = COMMA.matcher(t).region(b, e);
        boolean cue = PAGE_CUE.matcher(t).region(b, e).find();
        while (cue && m.find()) {
            if (m.end() <= anchor) continue;
            int as = m.start("author");
            String author = t.substring(as, m.end("author"));
            int ns = nameSuffix(author);
            if (ns >= 0) {
                String title = cleanTitle(m.group("title"));
                String place = m.group("place") == null || PUBLISHER.matcher(m.group("place")).find() ? null : m.group("place").strip();
                if (titleLike(title))
                    return new Ref(as + ns, m.end(), author.substring(ns).strip(), title, place,
                            m.group("year") == null ? null : Integer.parseInt(m.group("year")), PageRanges.normalise(m.group("pages")));
            }
            break;
        }
        return null;
    }

    private static final Pattern PAGE_CUE = Pattern.compile(",\\s*" + PageRanges.PREFIX);

    /** Does {@code s} hold what {@link #POSSESSIVE_TITLE} needs in its middle: "'s", spaces, an opening quotation mark? */
    static boolean possessiveBeforeQuote(String s) {
        for (int i = 0; i + 3 < s.length(); i++) {
            char c = s.charAt(i);
            if ((c != '\'' && c != '’') || s.charAt(i + 1) != 's' || !regexSpace(s.charAt(i + 2))) continue;
            int k = i + 2;
            while (k < s.length() && regexSpace(s.charAt(k))) k++;
            if (k < s.length() && "\"“‘'".indexOf(s.charAt(k)) >= 0) return true;
        }
        return false;
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    private static boolean regexSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'; }

    /** Splits what precedes "(Place, Year)" into author and title. */
    private static Ref imprint(String t, Matcher m) {
        int ps = m.start("pre");
        String pre = m.group("pre");
        String author = null, title;
        int start = ps;
        int comma = pre.indexOf(", ");
        int dot = splitAfterAbbreviation(pre);
        Matcher li = LAST_INITIALS.matcher(pre);
        Matcher po = POSSESSIVE_TITLE.matcher(pre);
        boolean possessive = possessiveBeforeQuote(pre); // the pattern backtracks through all of pre: test its one fixed part first
        if (li.matches()) {                                   // Trotsky, L., The Revolution Betrayed
            author = naturalOrder(li.group(1));
            title = li.group(2);
        } else if (possessive && po.find() && nameSuffix(po.group(1)) >= 0) {  // Robert Thurston's "Life and Terror"
            int ns = nameSuffix(po.group(1));
            author = po.group(1).substring(ns).strip();
            start = ps + po.start(1) + ns;
            title = po.group(2);
        } else if (comma > 0 && (dot < 0 || comma < dot || nameSuffix(pre.substring(dot, comma).strip()) == 0)) {
            String left = pre.substring(0, comma);
            int ns = nameSuffix(left);
            if (ns < 0) return null;
            author = left.substring(ns).strip();
            start = ps + ns;
            title = pre.substring(comma + 2);
        } else if (dot > 0) {
            author = pre.substring(0, dot).strip();
            title = pre.substring(dot + 1);
            int q = corporateStart(author);
            if (q < 0) return null;
            start = ps + q;
            author = author.substring(q).strip();
        } else {
            int ts = titleSuffix(pre);
            if (ts < 0) return null;
            start = ps + ts;
            title = pre.substring(ts);
        }
        title = cleanTitle(title);
        if (!titleLike(title)) return null;
        if (m.group("place") == null && author == null) return null;   // "The trial of Pyatakov (1937)" is prose
        if (author != null && author.endsWith(".") && !author.matches(".*(?:\\b[A-Z]|\\.[A-Z])\\.$")) author = author.substring(0, author.length() - 1);
        String place = m.group("place") == null ? null : m.group("place").strip();
        if (place != null && PUBLISHER.matcher(place).find()) place = null;   // (Oxford University Press, 1990)
        return new Ref(start, m.end(), author, title, place, Integer.parseInt(m.group("year")),
                PageRanges.normalise(m.group("pages")));
    }

    /** Index of the '.' after which a title starts: "... of the U.S.S.R. Report of ...", or -1. */
    static int splitAfterAbbreviation(String pre) {
        for (int i = 0; i + 2 < pre.length(); i++) {
            if (pre.charAt(i) != '.' || pre.charAt(i + 1) != ' ' || !Character.isUpperCase(pre.charAt(i + 2))) continue;
            String tok = ReferenceSentences.tokenBefore(pre, i);
            if (tok.length() == 1) continue; // an initial inside a name
            return i + 1;
        }
        return -1;
    }

    private static final String NAME_TOKEN = "(?:[A-Z][\\p{L}'’\\-]*\\p{L}|[A-Z]\\.|de|von|van|der|du|la|le|di|da|et al\\.?)";
    private static final Pattern NAME_SUFFIX = Pattern.compile("(?:(?:" + NAME_TOKEN + "|and|&)\\s+){0,12}" + NAME_TOKEN + "$");

    /** Start of the longest person-like suffix of s ("discussed in R. Conquest" gives "R. Conquest"), or -1. */
    static int nameSuffix(String s) {
        String x = s.stripTrailing();
        Matcher m = NAME_SUFFIX.matcher(x);
        int best = -1;
        for (int i = 0; i < x.length(); i++) {
            if (i > 0 && !Character.isWhitespace(x.charAt(i - 1))) continue;
            m.region(i, x.length());
            if (m.matches()) { best = i; break; }
        }
        if (best < 0) return -1;
        // Drop sentence words that happen to be capitalised ("See", "In") from the front.
        String[] toks = x.substring(best).split("\\s+");
        int at = best, k = 0;
        while (k < toks.length - 1 && (PersonNames.STOP.contains(toks[k]) || toks[k].equals("and") || toks[k].equals("&"))) {
            at = x.indexOf(toks[k], at) + toks[k].length();
            k++;
        }
        while (at < x.length() && Character.isWhitespace(x.charAt(at))) at++;
        String name = x.substring(at);
        return name.replaceAll("[A-Z]\\.", "").strip().length() >= 2 && toks.length - k <= 12 ? at : -1;
    }

    private static final Pattern CORPORATE = Pattern.compile("(?:[A-Z][\\p{L}'’.\\-]*(?:\\s+(?:of|the|and|for|on|de|du|des)\\b){0,3}\\s*){1,16}$");

    /** Start of a corporate or personal author that ends at the end of s, or -1. */
    static int corporateStart(String s) {
        // Capitalised words joined by "of", "the", "and", "for": "People's Commissariat of Justice of the U.S.S.R."
        Matcher m = CORPORATE.matcher(s.strip());
        if (!m.find()) return -1;
        int st = m.start();
        String[] toks = s.strip().substring(st).split("\\s+");
        int at = st, k = 0;
        while (k < toks.length - 1 && PersonNames.STOP.contains(toks[k])) { at = s.indexOf(toks[k], at) + toks[k].length(); k++; }
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) at++;
        return at;
    }

    /** The '(' that encloses position pos within the line, or -1. */
    private static int enclosingOpen(String t, int pos, int lineStart) {
        int depth = 0;
        for (int i = pos - 1; i >= lineStart && pos - i < 300; i--) {
            char c = t.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && depth-- == 0) return i;
        }
        return -1;
    }

    private static final Pattern NON_SPACE = Pattern.compile("\\S+");

    /** Start of the longest title-cased suffix of s ("discussed in The Great Terror" gives "The Great Terror"), or -1. */
    static int titleSuffix(String s) {
        Matcher m = NON_SPACE.matcher(s);
        List<int[]> toks = new ArrayList<>();
        while (m.find()) toks.add(new int[]{m.start(), m.end()});
        int best = -1;
        for (int i = toks.size() - 1; i >= 0; i--) {
            String tok = s.substring(toks.get(i)[0], toks.get(i)[1]);
            String bare = tok.replaceAll("^[\"'‘“*_(\\[]+", "");
            boolean cap = !bare.isEmpty() && (Character.isUpperCase(bare.charAt(0)) || Character.isDigit(bare.charAt(0)));
            if (cap) best = toks.get(i)[0];
            else if (!FUNCTION.contains(bare.toLowerCase())) break;
        }
        return best;
    }

    static final java.util.Set<String> FUNCTION = java.util.Set.of("a", "an", "the", "of", "in", "on", "and", "or", "to",
            "for", "with", "by", "at", "from", "as", "into", "de", "la", "le", "du", "von", "under", "over", "against",
            "after", "before", "without", "between", "is", "are", "was", "its", "it's", "his", "her", "their", "our", "my",
            "vs", "vs.", "v.", "&");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern OPENING = Pattern.compile("^(?:\\[i]|<i>|[*_\"'‘“«`]+)");
    private static final Pattern CLOSING = Pattern.compile("(?:\\[/i]|</i>|[*_\"'’”»]+)$");
    private static final Pattern TRAILING = Pattern.compile("[,;:]+$");
    private static final Pattern TWO_LETTERS = Pattern.compile("\\p{L}{2}");

    static String cleanTitle(String title) {
        if (title == null) return null;
        String x = SPACES.matcher(title.strip()).replaceAll(" ");
        x = CLOSING.matcher(OPENING.matcher(x).replaceFirst("")).replaceFirst("");
        x = TRAILING.matcher(x).replaceFirst("").strip();
        return x.isEmpty() ? null : x;
    }

    /** Starts with a capital or a digit, at most 40 words, mostly capitalised content words. */
    static boolean titleLike(String title) {
        if (title == null || title.length() < 2 || !TWO_LETTERS.matcher(title).find()) return false;
        char c = title.charAt(0);
        if (!Character.isUpperCase(c) && !Character.isDigit(c)) return false;
        String[] w = SPACES.split(title);
        if (w.length > 40) return false;
        int content = 0, caps = 0;
        for (String x : w) {
            if (FUNCTION.contains(x.toLowerCase())) continue;
            content++;
            if (!x.isEmpty() && (Character.isUpperCase(x.charAt(0)) || !Character.isLetter(x.charAt(0)))) caps++;
        }
        return content == 0 || caps * 2 >= content;
    }

    /** "Conquest, Robert" becomes "Robert Conquest"; "Getty, J. A." becomes "J. A. Getty"; others are kept. */
    static String naturalOrder(String author) {
        if (author == null) return null;
        String a = author.strip().replaceAll("\\.$", "");
        if (a.matches(".*[A-Z]$") && author.strip().endsWith(".")) a = a + ".";
        if (a.contains("&") || a.contains(" and ")) return a;
        Matcher m = Pattern.compile("^([^,]+),\\s+(.+)$").matcher(a);
        return m.matches() ? m.group(2) + " " + m.group(1) : a;
    }

    /** Cities that appear in imprints; an "author" among them is a place of publication. */
    static final java.util.Set<String> CITIES = java.util.Set.of("London", "Moscow", "Paris", "Oxford", "Cambridge", "Berlin",
            "Leningrad", "Petrograd", "Chicago", "Boston", "Princeton", "Toronto", "Stanford", "Berkeley", "Washington",
            "Leipzig", "Vienna", "Madrid", "Rome", "Tokyo", "Beijing", "Peking", "Kiev", "Kyiv", "Warsaw", "Prague",
            "Budapest", "Geneva", "Zurich", "Amsterdam", "Stockholm", "Harmondsworth", "Edinburgh", "Dublin", "Sydney",
            "Melbourne", "Delhi", "Calcutta", "Bombay", "Shanghai", "Philadelphia", "Baltimore", "Ithaca", "Bloomington",
            "Pittsburgh", "Munich", "München", "Frankfurt", "Hamburg", "Milan", "Barcelona", "Lisbon", "Brussels",
            "Copenhagen", "Oslo", "Helsinki", "Jerusalem", "Cairo", "Havana", "Minsk", "Tbilisi", "Kharkov", "Kharkiv",
            "Stuttgart", "Munchen", "Basel", "Bern", "Lausanne", "Florence", "Turin", "Naples", "Athens", "Istanbul",
            "Ankara", "Tehran", "Harbin", "Nanking", "Nanjing", "Hanoi", "Montreal", "Ottawa", "Vancouver");

    private static final Pattern PAGES_NEXT = Pattern.compile(",\\s*" + PageRanges.PREFIX + "\\s*(" + PageRanges.LIST + ")");
    private static final Pattern A_YEAR = Pattern.compile(YEAR + "(?!\\d)");

    /** A cheap test for TRIGGER: a year's first two digits, or the start of a page prefix followed by what it needs. */
    private static boolean mayTrigger(String t, int i) {
        char c = t.charAt(i);
        if (c == '1' || c == '2') return RegionScan.digit(t, i + 1);
        if (c == 'p') {
            if (i + 1 >= t.length()) return false;
            char d = t.charAt(i + 1);
            return d == '.' || d == 'p' || d == 'a';
        }
        return c == 'S' && i + 1 < t.length() && t.charAt(i + 1) == '.';
    }

    /** The starts of the years (A_YEAR) in [from, to), in order, as successive finds report them. */
    private static List<Integer> years(String t, int from, int to) {
        List<Integer> out = new ArrayList<>();
        Matcher y = A_YEAR.matcher(t);
        RegionScan scan = new RegionScan(y, t, from, to, i -> (t.charAt(i) == '1' || t.charAt(i) == '2') && RegionScan.digit(t, i + 1));
        while (scan.find()) out.add(scan.start());
        return out;
    }

    private static void authorDate(String t, int from, int to, List<Integer> years, Pattern p, List<Ref> out, boolean checkBefore) {
        // Every form has a year: look only around years, not at every capitalised word.
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int ys : years) {
            int ye = ys + 4; // A_YEAR matches four digits
            if (ys > from && Character.isDigit(t.charAt(ys - 1))) continue;
            Matcher m = p.matcher(t).region(Math.max(from, ys - 200), Math.min(to, ye + 80));
            m.useTransparentBounds(true);
            while (m.find()) if (m.start() <= ys && ye <= m.end() && seen.add(m.start())) authorDateMatch(t, from, m, out, checkBefore);
        }
    }

    private static void authorDateMatch(String t, int from, Matcher m, List<Ref> out, boolean checkBefore) {
        String author = m.group("author");
        String first = author.split("\\s+")[0];
        if (PersonNames.STOP.contains(first) || PersonNames.NOT_PERSON.contains(first)) return;
        if (checkBefore) {
            String before = t.substring(Math.max(from, m.start() - 12), m.start());
            if (NOT_BEFORE_AUTHOR.matcher(before).find() && m.group("pages") == null) return;
        }
        if (covered(out, m.start()) || covered(out, m.end() - 1)) return;
        // "(Moscow, 1937)" is an imprint whose title went unread, not an author and a year.
        boolean city = CITIES.contains(author);
        String pages = m.group("pages");
        int end = m.end();
        Matcher more = PAGES_NEXT.matcher(t).region(end, Math.min(t.length(), end + 40));
        if (pages == null && more.lookingAt()) { pages = more.group(1); end = more.end(); }   // (Moscow, 1937), p. 4
        add(out, new Ref(m.start(), end, city ? null : author, null, city ? author : null, Integer.parseInt(m.group("year")),
                PageRanges.normalise(pages)));
    }
}
