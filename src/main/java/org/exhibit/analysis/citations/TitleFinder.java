package org.exhibit.analysis.citations;

import org.exhibit.analysis.entities.PersonNames;
import org.exhibit.model.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works named by their title: a quoted or italic title-cased string introduced as a work ("in his book 'Mission
 * to Moscow'", "his "The Tanaka Memorial" article", "an article titled 'X'", "wrote in 'X'", "in the pages of the
 * 'Times Literary Supplement'", "Richard Pipes 'The Russian Revolution'"). Titles of sections or chapters, and
 * scare quotes after "so called", are not works. The author is the name the sentence gives: right before the
 * title, "by X" after it, or for "his book" the person the sentence or the one before it names.
 */
final class TitleFinder {
    private TitleFinder() {}

    record Title(int start, int end, String title, String author, Integer year) {}

    private static final int MAX_TITLE = 160;
    private static final String WORK_NOUN = "(?:book|books|novel|novels|article|articles|essay|essays|memoirs?|review|reviews|"
            + "pamphlet|pamphlets|newspaper|newspapers|journal|journals|magazine|magazines|paper|biography|autobiography|"
            + "study|studies|work|works|history|histories|report|speech|column|editorial|monograph|film|documentary|"
            + "volume|collection|diary|diaries|treatise|thesis|dissertation|anthology|accounts?|sources?|classic|"
            + "piece|poem|play|bestseller|best-seller|publication|periodical|daily|weekly|tract|manifesto|letter|trilogy|"
            + "series|textbook|novella|chronicle|testament|broadcast|lecture|address)";
    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final Pattern SO_CALLED = Pattern.compile("\\bso[- ]called\\s*$", CI);
    private static final Pattern SECTION_BEFORE = Pattern.compile(
            "\\b(?:sections?|chapters?|parts?|headings?|sub-?headings?|subtitles?|paragraphs?|entry|entries|heads?)\\b[^.!?\"“”'‘’]{0,25}$", CI);
    private static final Pattern SECTION_AFTER = Pattern.compile("^\\s*,?\\s*(?:section|chapter|part|heading)\\b", CI);
    private static final Pattern NOUN_BEFORE = Pattern.compile("\\b" + WORK_NOUN
            + "\\s*[,:]?\\s*(?:(?:titled|entitled|called|named)\\s*,?\\s*)?(?:\\(\\s*(?:like|e\\.g\\.,?|such as|see|try|i\\.e\\.,?)\\s*)?$", CI);
    private static final Pattern TITLED = Pattern.compile("\\b(?:titled|entitled)\\s*[,:]?\\s*$", CI);
    private static final Pattern CALLED = Pattern.compile("\\b" + WORK_NOUN + "\\b[^.!?]{0,30}\\b(?:called|named)\\s*$", CI);
    private static final Pattern VERB_IN = Pattern.compile(
            "\\b(?<verb>wrote|writes|written|write|writing|published|publishes|appeared|appears|printed|reported|reviewed|"
            + "serialised|serialized|said|stated|argued|argues|claimed|claims)\\b[^.!?\"“”]{0,60}?\\bin\\s+(?:the\\s+)?$", CI);
    private static final Pattern PAGES_OF = Pattern.compile(
            "\\b(?:pages|columns|issue|issues|edition|editor|editors|reviewer|review|reviews|correspondent|readers)\\s+(?:of|in)\\s+(?:the\\s+)?$", CI);
    private static final Pattern POSSESSIVE = Pattern.compile("\\b(?:his|her|their)\\s+(?:\\d{4}\\s+|(?:new|last|first|latest|famous|own)\\s+)?$", CI);
    private static final Pattern IN_POSSESSIVE = Pattern.compile("\\b(?:from|in)\\s+(?:his|her|their)\\s+$", CI);
    private static final Pattern POSSESSIVE_NOUN = Pattern.compile("\\b(?:his|her|their)\\b[^.!?\"“”]{0,30}$", CI);
    private static final Pattern POSSESSOR_NOUN = Pattern.compile("(?<![\\p{L}])([A-Z][\\p{L}’'\\-]*\\p{L}(?:\\s+[A-Z][\\p{L}’'\\-]*\\p{L}){0,3})(?:['’]s|(?<=s)['’])\\s+"
            + "(?:[\\p{L}\\-]+\\s+){0,2}" + WORK_NOUN + "\\s*[,:]?\\s*(?:(?:titled|entitled|called)\\s*,?\\s*)?$");
    private static final Pattern POSSESSIVE_WORD = Pattern.compile("(?<![\\p{L}])([A-Z][\\p{L}\\-]*\\p{L})['’]s$");
    private static final Pattern NOUN_AFTER = Pattern.compile("^\\s*,?\\s*" + WORK_NOUN + "\\b", CI);
    private static final Pattern YEAR_AFTER = Pattern.compile("^\\s*,?\\s*(?:in\\s+|\\(\\s*)(" + ReferenceParser.YEAR + ")(?!\\d)\\s*\\)?");
    private static final Pattern YEAR_BEFORE = Pattern.compile("\\b(" + ReferenceParser.YEAR + ")\\s+" + WORK_NOUN + "\\s*,?\\s*$", CI);
    private static final Pattern BY_AFTER = Pattern.compile("^\\s*,?\\s*by\\s+");
    private static final Pattern JOIN = Pattern.compile("^\\s*(?:,|and|or|&|, and|, or)\\s*$");

    private enum Cue { NONE, SECTION, WORK, WORK_POSSESSIVE, WORK_VERB, NAME }

    /** Titles in [from, to), in order. */
    static List<Title> find(Document doc, int from, int to) {
        String t = doc.text();
        List<Title> out = new ArrayList<>();
        int prevEnd = -1;
        Cue prevCue = Cue.NONE;
        String prevAuthor = null;
        for (int i = from; i < to; i++) {
            int[] pair = pairAt(t, i, to);
            if (pair == null) continue;
            int cs = pair[0], ce = pair[1], end = pair[2];
            String title = ReferenceParser.cleanTitle(t.substring(cs, ce));
            if (!looksLikeTitle(title)) continue;
            int sent = ReferenceSentences.start(t, i, from);
            String before = t.substring(Math.max(sent, i - 120), i);
            String after = t.substring(end, Math.min(to, end + 60));
            Cue cue = Cue.NONE;
            int nameStart = -1;
            String author = null;
            if (prevCue != Cue.NONE && prevEnd >= 0 && prevEnd <= i && JOIN.matcher(t.substring(prevEnd, i)).matches()) {
                cue = prevCue;
                author = prevAuthor;
            } else if (SO_CALLED.matcher(before).find()) {
                cue = Cue.NONE;
            } else if (SECTION_BEFORE.matcher(before).find() || SECTION_AFTER.matcher(after).find()) {
                cue = Cue.SECTION;
            } else if (IN_POSSESSIVE.matcher(before).find() || POSSESSIVE.matcher(before).find() && NOUN_AFTER.matcher(after).find()
                    || NOUN_BEFORE.matcher(before).find() && POSSESSIVE_NOUN.matcher(before).find()) {
                cue = Cue.WORK_POSSESSIVE;
            } else if (NOUN_BEFORE.matcher(before).find() || TITLED.matcher(before).find() || CALLED.matcher(before).find()
                    || PAGES_OF.matcher(before).find() || NOUN_AFTER.matcher(after).find()) {
                cue = Cue.WORK;
            } else {
                Matcher v = VERB_IN.matcher(before);
                if (v.find()) {
                    cue = Cue.WORK_VERB;
                    author = nameEndingAt(doc, Math.max(sent, i - 120) + v.start("verb"), sent);
                } else {
                    PersonNames.Name n = nameRightBefore(doc, i, sent);
                    if (n != null && title.split("\\s+").length >= 2 && strongTitle(title)) {
                        cue = Cue.NAME;
                        author = n.text();
                        nameStart = n.start();
                    }
                }
            }
            prevEnd = end;
            prevCue = cue;
            prevAuthor = null;
            if (cue == Cue.NONE || cue == Cue.SECTION) { if (cue == Cue.SECTION) i = end - 1; continue; }
            if (author == null) {
                Matcher by = BY_AFTER.matcher(after);
                if (by.find()) {
                    List<PersonNames.Name> ns = PersonNames.runs(doc, end + by.end(), Math.min(to, end + by.end() + 60));
                    if (!ns.isEmpty() && ns.get(0).start() == end + by.end()) author = ns.get(0).text();
                }
            }
            if (author == null && cue == Cue.WORK) {
                Matcher po = POSSESSOR_NOUN.matcher(before);       // Deutscher's trilogy "The Prophet Armed"
                if (po.find()) {
                    PersonNames.Name n = PersonNames.clean(t, Math.max(sent, i - 120) + po.start(1), Math.max(sent, i - 120) + po.end(1));
                    if (n != null) author = n.text();
                }
            }
            if (author == null && cue == Cue.WORK_POSSESSIVE) author = possessor(doc, sent, i, end, from, to);
            author = PersonNames.expand(doc, author);
            Integer year = null;
            int stop = end;
            Matcher y = YEAR_AFTER.matcher(after);
            if (y.find()) { year = Integer.parseInt(y.group(1)); stop = end + y.end(); }
            else {
                Matcher yb = YEAR_BEFORE.matcher(before);
                if (yb.find()) year = Integer.parseInt(yb.group(1));
            }
            out.add(new Title(nameStart >= 0 ? nameStart : i, stop, title, author, year));
            prevAuthor = author;
            i = end - 1;
        }
        return out;
    }

    /**
     * The last quoted title-cased string of two or more words before pos (not a scare quote after "so called", not
     * a section title), for an Ibid. that follows no cited work; null when there is none.
     */
    static Title lastQuotedTitle(Document doc, int from, int pos) {
        String t = doc.text();
        Title last = null;
        for (int i = from; i < pos; i++) {
            int[] pair = pairAt(t, i, pos);
            if (pair == null) continue;
            String title = ReferenceParser.cleanTitle(t.substring(pair[0], pair[1]));
            if (!looksLikeTitle(title) || title.split("\\s+").length < 2 || !strongTitle(title)) continue;
            int sent = ReferenceSentences.start(t, i, from);
            String before = t.substring(Math.max(sent, i - 120), i);
            String after = t.substring(pair[2], Math.min(pos, pair[2] + 60));
            if (SO_CALLED.matcher(before).find() || SECTION_BEFORE.matcher(before).find() || SECTION_AFTER.matcher(after).find()) continue;
            String author = POSSESSIVE_NOUN.matcher(before).find() ? possessor(doc, sent, i, pair[2], from, pos) : null;
            last = new Title(i, pair[2], title, PersonNames.expand(doc, author), null);
            i = pair[2] - 1;
        }
        return last;
    }

    /** True when the quotation mark at i follows "so called" or opens a section title: not a work. */
    static boolean notAWork(Document doc, int i, int end) {
        String t = doc.text();
        String before = t.substring(Math.max(0, i - 120), i);
        String after = t.substring(end, Math.min(t.length(), end + 60));
        return SO_CALLED.matcher(before).find() || SECTION_BEFORE.matcher(before).find() || SECTION_AFTER.matcher(after).find();
    }

    /** [contentStart, contentEnd, end] of a quoted or italic stretch opening at i, or null. */
    static int[] pairAt(String t, int i, int to) {
        char c = t.charAt(i);
        if (i > 0 && (Character.isLetterOrDigit(t.charAt(i - 1)))) return null;
        String closers;
        int open = 1;
        switch (c) {
            case '"': closers = "\"”"; break;
            case '“': closers = "”\""; break;
            case '‘': closers = "’'"; break;
            case '\'': closers = "'’"; if (i + 1 < to && t.charAt(i + 1) == '\'') open = 2; break;
            case '`': closers = "'’"; if (i + 1 < to && t.charAt(i + 1) == '`') open = 2; break;
            case '«': closers = "»"; break;
            case '*': case '_': closers = String.valueOf(c); break;
            case '[':
                if (t.startsWith("[i]", i)) return tagged(t, i, to, "[i]", "[/i]");
                return null;
            case '<':
                if (t.startsWith("<i>", i)) return tagged(t, i, to, "<i>", "</i>");
                if (t.startsWith("<em>", i)) return tagged(t, i, to, "<em>", "</em>");
                return null;
            default: return null;
        }
        int cs = i + open;
        if (cs >= to || Character.isWhitespace(t.charAt(cs))) return null;
        int newlines = 0;
        for (int k = cs + 1; k < Math.min(to, cs + MAX_TITLE); k++) {
            char d = t.charAt(k);
            if (d == '\n' && ++newlines > 1) return null;
            if (closers.indexOf(d) < 0) continue;
            if (k + 1 < t.length() && Character.isLetterOrDigit(t.charAt(k + 1))) continue; // People's
            int end = k + 1;
            if (open == 2 && end < t.length() && closers.indexOf(t.charAt(end)) >= 0) end++;
            return new int[]{cs, k, end};
        }
        return null;
    }

    private static int[] tagged(String t, int i, int to, String open, String close) {
        int k = t.indexOf(close, i + open.length());
        if (k < 0 || k > Math.min(to, i + MAX_TITLE)) return null;
        return new int[]{i + open.length(), k, k + close.length()};
    }

    static boolean looksLikeTitle(String title) {
        if (title == null || title.length() > 150 || !ReferenceParser.titleLike(title)) return false;
        if (title.split("\\s+").length > 16) return false;
        // A sentence of speech ("We are ready to act now.") is not a title.
        return !title.matches(".*[a-z]{3,}\\.\\s+[A-Z].*");
    }

    /** Most content words capitalised: "Mission to Moscow", not "Well people could be found". */
    static boolean strongTitle(String title) {
        int content = 0, caps = 0;
        for (String w : title.split("\\s+")) {
            if (ReferenceParser.FUNCTION.contains(w.toLowerCase())) continue;
            content++;
            if (!Character.isLowerCase(w.charAt(0))) caps++;
        }
        return content > 0 && caps * 4 >= content * 3;
    }

    private static PersonNames.Name nameRightBefore(Document doc, int i, int sent) {
        String t = doc.text();
        int e = i;
        while (e > sent && (t.charAt(e - 1) == ' ' || t.charAt(e - 1) == ',')) e--;
        List<PersonNames.Name> ns = PersonNames.runs(doc, Math.max(sent, e - 60), e);
        if (ns.isEmpty() || ns.get(ns.size() - 1).end() < e - 2) {
            // "Stalin's 'Short Course'": a possessive right before a title makes a single word a name.
            Matcher po = POSSESSIVE_WORD.matcher(t).region(Math.max(sent, e - 40), e);
            if (po.find()) {
                PersonNames.Name n = PersonNames.clean(t, po.start(1), po.end(1));
                if (n != null) return n;
            }
            return null;
        }
        PersonNames.Name n = ns.get(ns.size() - 1);
        String gap = t.substring(n.end(), e);
        return gap.isEmpty() || gap.equals("'s") || gap.equals("’s") || gap.equals("'") || gap.equals("’") ? n : null;
    }

    private static String nameEndingAt(Document doc, int verbStart, int sent) {
        String t = doc.text();
        int e = verbStart;
        while (e > sent && t.charAt(e - 1) == ' ') e--;
        List<PersonNames.Name> ns = PersonNames.runs(doc, Math.max(sent, e - 60), e);
        if (ns.isEmpty()) return null;
        PersonNames.Name n = ns.get(ns.size() - 1);
        return t.substring(n.end(), e).matches("\\s*(?:also|later|then|once)?\\s*") ? n.text() : null;
    }

    /** Who "his" is: a name earlier in the sentence, the sentence's subject after the title, or the sentences before. */
    private static String possessor(Document doc, int sent, int i, int end, int from, int to) {
        List<PersonNames.Name> before = outsideQuotes(doc, PersonNames.runs(doc, sent, i));
        if (!before.isEmpty()) return before.get(before.size() - 1).text();
        int se = ReferenceSentences.end(doc.text(), end, to);
        List<PersonNames.Name> after = outsideQuotes(doc, PersonNames.runs(doc, end, se));
        if (!after.isEmpty()) return after.get(0).text();
        int s = sent;
        for (int k = 0; k < 2 && s > from; k++) {
            int ps = ReferenceSentences.start(doc.text(), s - 1, from);
            if (sent - ps > 500) break;
            List<PersonNames.Name> prev = outsideQuotes(doc, PersonNames.runs(doc, ps, s));
            if (!prev.isEmpty()) return prev.get(prev.size() - 1).text();
            s = ps;
        }
        return null;
    }

    /** Drops names inside a quoted stretch (a title is not a person). */
    private static List<PersonNames.Name> outsideQuotes(Document doc, List<PersonNames.Name> names) {
        List<PersonNames.Name> out = new ArrayList<>();
        String t = doc.text();
        for (PersonNames.Name n : names) {
            int q = 0;
            int ls = ReferenceSentences.lineStart(t, n.start());
            for (int k = ls; k < n.start(); k++) {
                char c = t.charAt(k);
                if (c == '"' ) q ^= 1;
                else if (c == '“') q = 1;
                else if (c == '”') q = 0;
            }
            if (q == 0) out.add(n);
        }
        return out;
    }
}
