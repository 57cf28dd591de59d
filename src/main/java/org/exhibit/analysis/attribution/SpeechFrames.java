package org.exhibit.analysis.attribution;

import org.exhibit.authority.CommonWords;
import org.exhibit.model.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speech frames: the words around a quotation that say who speaks it. A frame is a speech verb with a mention of
 * its speaker, after the quotation ({@code "...," said Miss Bartlett}, {@code "...," Ms. Maloney said}), before
 * it ({@code He said: "..."}, {@code According to Obama, "..."}), or between the two halves of an interrupted
 * quotation ({@code "...," she said, "..."}); in news, the clause that contains a quoted phrase
 * ({@code Graham said Trump was "crazy"}). The mention is typed (name, pronoun, description) and resolved: a name
 * stays as written (a bare surname takes the full name the document introduced earlier, when only one person
 * there bears it), a pronoun or description goes to the nearest compatible person named before it, a body
 * ("the campaign") speaks for itself. Every answer keeps the frame as evidence; no frame, no answer.
 */
public final class SpeechFrames {

    enum Type { NAME, PRONOUN, DESCRIPTION, INDEFINITE }

    /** A mention of the speaker in a frame. */
    record Mention(Span span, String text, Type type) {}

    /** A speaker found for a quotation: the resolved name, the mention as written, its evidence and confidence. */
    record Found(String name, String asWritten, Span evidence, double confidence) {}

    static final String CAP = "(?:[A-Z]\\.(?:\\s?[A-Z]\\.){0,4}|[A-Z][\\p{L}’'\\-]{0,40}[\\p{L}])";
    static final Pattern INDEFINITE_START = Pattern.compile("(?:a|an|another|one|A|An|Another|One)\\s");
    static final Pattern DESCRIPTION_START = Pattern.compile("(?:[a-z]\\S*|The|His|Her|My|Their|Our|Your|This|That)\\s+[a-z]");
    static final Pattern POSSESSIVE_DET = Pattern.compile("(?i)(?:his|her|my|their|our|your)\\b");
    static final Pattern INITIALS = Pattern.compile("[A-Z]\\.(?:[A-Z]\\.)*");
    static final Pattern POSSESSIVE_END = Pattern.compile("[’']s$");
    static final String PARTICLE = "(?:de|van|von|la|le|al|el|bin|ibn|del|der|da|di|du|St\\.)";
    /** A name with its titles: "the Rev. Al Sharpton", "Ms. Maloney", "Lucy", "Sen. Marco Rubio", "Democratic Rep. Dina Titus". */
    /** The space between two words of a name: a line may wrap there, a paragraph may not end there. */
    static final String GAP = "(?:[ \\t]+\\n?[ \\t]*|\\n[ \\t]*)";
    static final String NAME = "(?:(?:the" + GAP + ")?(?:(?:" + CAP + GAP + "){1,3}(?=(?:" + Lexicon.HONORIFIC_RX + ")\\s))?(?:" + Lexicon.HONORIFIC_RX + GAP + "){0,2}" + CAP + "(?:" + GAP + "(?:" + PARTICLE + GAP + ")?" + CAP + "){0,3})";
    static final Pattern PARTICLE_WORD = Pattern.compile("(?:de|van|von|la|le|al|el|bin|ibn|del|der|da|di|du|St\\.)");
    static final String PRONOUN = "(?:he|she|He|She)";
    /** "the old man", "the Florida senator", "the 46-year-old", "the senior Cruz adviser": a determiner, a lower-case head. */
    static final String DESCRIPTION = "(?:(?:the|The|his|His|her|Her|my|their|our|your|this|that)\\s+(?:[\\p{L}\\d][\\p{L}\\d’'.\\-]*\\s+){0,3}[a-z\\d][\\p{L}\\d\\-]*)";
    static final Pattern DETERMINER_START = Pattern.compile("(?:the|The|his|His|her|Her|my|My|their|Their|our|Our|your|Your|this|This|that|That)\\s");
    static final Pattern AGE_NOUN = Pattern.compile("\\d+-year-old");
    /** An unnamed source: "a New Hampshire Republican", "another senior official", "a high piping voice". */
    static final String INDEFINITE = "(?:(?:a|an|another|one|A|An|Another|One)\\s+(?:[\\p{L}\\d][\\p{L}\\d.\\-]*\\s+){0,4}[\\p{L}\\d][\\p{L}\\d\\-]*)";
    /** A name after the words that describe its bearer: "Democratic pollster Geoff Garin", "super PAC spokeswoman Kellyanne Conway". */
    static final String DESCRIBED_NAME = "(?:(?:" + CAP + "|[a-z][\\p{L}\\-]*)\\s+){0,3}(?:" + Lexicon.ROLE_RX + ")s?\\s+(" + NAME + ")";
    static final Pattern DESCRIBED_NAME_P = Pattern.compile(DESCRIBED_NAME);
    /** A name after an epithet the story gives its bearer: "poor Lucy", "little Bessie". */
    static final String EPITHET_NAME = "(?:(?:" + Lexicon.EPITHET_RX + ")" + GAP + "(?=\\p{Lu})" + NAME + ")";
    /** A name after "the" and a word that describes its bearer in the scene: "the motionless Syme", "the chaotic Gregory". */
    static final String THE_ADJECTIVE_NAME = "(?:(?:the|The)" + GAP + "[a-z][a-z\\-]{2,}" + GAP + "(?=\\p{Lu})" + NAME + ")";
    static final Pattern THE_ADJECTIVE_NAME_P = Pattern.compile(THE_ADJECTIVE_NAME);
    static final String MENTION = "(" + DESCRIBED_NAME.replace("(" + NAME + ")", NAME) + "|" + EPITHET_NAME + "|" + THE_ADJECTIVE_NAME + "|" + NAME + "|" + PRONOUN + "|" + DESCRIPTION + "|" + INDEFINITE + ")";
    static final String ADVERB = "(?:(?:[a-z]+ly|then|again|also|now|still|at\\s+last|at\\s+once|once\\s+more|presently|quickly|slowly|had|has|have|would|will|could|is|was|are|were|been|later|once|further|too)\\s+){0,2}";
    static final String SPEECH = "(?:" + Lexicon.SPEECH_RX + ")";
    /**
     * A party tag ("(R-Tex.)") and ", Sanders' campaign manager," between a name and its verb; a clause with its own
     * subject or speech verb (", though he used stronger language,") is no appositive.
     */
    static final String APPOSITIVE = "(?:\\s*\\([A-Z][^()\\n]{0,18}\\))?(?:\\s*,\\s*(?![^,;:\\n]*\\b(?:he|she|they|we|I|said|says|told|continued)\\b)[^,;:\"“”\\n]{2,90}?,)?";
    static final String REPORT = "(?:" + Lexicon.REPORT_RX + ")";

    /** After the closing mark: a verb then its subject ("said Lucy", "returned she"). */
    static final Pattern AFTER_VERB_FIRST = Pattern.compile("[ \\t\\n,—–-]*" + ADVERB + "(" + SPEECH + ")\\s+" + MENTION + "(?![\\p{L}])");
    /** After the closing mark: the subject then its verb ("Ms. Maloney said", "she said"). */
    static final Pattern AFTER_SUBJECT_FIRST = Pattern.compile("[ \\t\\n,—–-]*" + MENTION + APPOSITIVE + "\\s+" + ADVERB + "(" + SPEECH + ")(?![\\p{L}])");
    /** Before the opening mark: "He said:", "Lucy cried, ", "Trump told reporters that". */
    /**
     * What may stand between a speech verb and the quotation it introduces: whom it is said to, where, a participle
     * (", adding"), a manner (", with more restraint", "after a pause"), "that", and the closing comma or colon.
     */
    static final String BEFORE_TAIL = "(?:\\s+[a-z]+ly)?(?:\\s+(?:to\\s+)?(?:him|her|them|me|us|it|reporters|the\\s+[a-z]+|[A-Z][\\p{L}]+(?:\\s+[A-Z][\\p{L}]+)?))?"
            + "(?:\\s+(?:on|in|at)\\s+[A-Z\\p{Ll}][\\p{L}]*(?:\\s+[A-Z][\\p{L}]*)?)?(?:\\s*,\\s*[a-z]+ing(?:\\s+[a-z]+){0,3})?"
            + "(?:\\s*,?\\s+(?:with|after|without|in\\s+a|in\\s+an)\\s+(?:[a-z’'\\-]+\\s+){0,3}[a-z’'\\-]+)?(?:\\s+that)?\\s*[,:—–-]?\\s*$";
    /** The end of a paragraph that introduces the speech opening the next: "and then said abruptly", "crying out,". */
    static final Pattern SPEECH_BEFORE_BREAK = Pattern.compile("(?<![\\p{L}])(?:" + SPEECH + "|[a-z]+ing(?:\\s+out)?)(?:\\s+(?:[a-z]+ly|out|to\\s+(?:him|her|them|\\p{Lu}\\p{L}+)))?\\s*[,:]?\\s*$");
    static final Pattern BEFORE_SUBJECT_FIRST = Pattern.compile(MENTION + APPOSITIVE + "\\s+" + ADVERB + "(" + SPEECH + ")" + BEFORE_TAIL);
    /** Before the opening mark, a speech verb whose subject the sentence gave earlier: "..., and then said:", "but said to Alice, ". */
    static final Pattern BEFORE_NO_SUBJECT = Pattern.compile("(?:,[ \\t\\n]*|[ \\t\\n])(?:and|but)\\s+(?:then\\s+)?" + ADVERB + "(" + SPEECH + ")" + BEFORE_TAIL);
    /** After the closing mark, a document and "read": "the email read", "the ad reads". */
    static final Pattern DOCUMENT_READ = Pattern.compile("[ \\t\\n,—–-]*((?:the|The)[ \\t]+(?:[\\p{L}\\-]+[ \\t]+){0,2}[a-z]+)[ \\t]+(?:read|reads)(?![\\p{L}])");
    /** Before the opening mark: "said Lucy:", "asked Mr. Bennet, ". */
    static final Pattern BEFORE_VERB_FIRST = Pattern.compile("(?:^|[\\s,—–-])(" + SPEECH + ")\\s+" + MENTION + "\\s*[,:—–-]\\s*$");
    /** Before the opening mark, a name alone and a colon, as transcripts and digests give a source: "Clinton: ", "- Jane Roe and Ed Poe: ". */
    static final Pattern BEFORE_COLON = Pattern.compile("(?:^[ \\t]*|\\n|[.!?][\"”’]?[ \\t]+|[ \\t][-–—][ \\t])(" + NAME + ")(?:" + GAP + "and" + GAP + NAME + ")?[ \\t]*:[ \\t]*\\n?[ \\t]*$");
    /** Before the opening mark: "According to Obama, ". */
    static final Pattern BEFORE_PHRASE = Pattern.compile("(?i:" + Lexicon.FRAME_PHRASE_RX + ")\\s+" + MENTION + "\\s*,?\\s*$");
    /**
     * Inside the sentence before a quoted phrase: "Graham said Trump was", and with where or when the subject spoke
     * between it and its verb: "the mayor in her address called the plan".
     */
    static final Pattern CLAUSE = Pattern.compile(MENTION + APPOSITIVE + "(?:\\s+(?:in|at|during)\\s+(?:his|her|their|its|the|a|an)(?:\\s+[a-z][\\p{L}’'-]*){1,3})?\\s+" + ADVERB + "(" + REPORT + ")(?![\\p{L}])");
    /**
     * {@link #CLAUSE}, and a subject with its auxiliary contracted ("he’s predicting", "they’ve called"): enough to
     * make a quoted phrase someone's words, too loose a mention to name the speaker by.
     */
    static final Pattern CLAUSE_OR_CONTRACTED = Pattern.compile(MENTION + "(?:[’'](?:s|re|ve|d|ll)(?=\\s+[a-z]))?" + APPOSITIVE + "(?:\\s+(?:in|at|during)\\s+(?:his|her|their|its|the|a|an)(?:\\s+[a-z][\\p{L}’'-]*){1,3})?\\s+" + ADVERB + "(" + REPORT + ")(?![\\p{L}])");
    // The lookaheads name the letters a match can start with, so that the scan leaves every other position at once.
    static final Pattern PRONOUN_WORD = Pattern.compile("(?=[hs])\\b(he|she|him|his|her|hers|himself|herself)\\b", Pattern.CASE_INSENSITIVE);
    static final java.util.Set<String> SUBJECT_PRONOUNS = java.util.Set.of("he", "she", "himself", "herself");
    static final Pattern MORE_CAPS = Pattern.compile("(?:[ \\t]+" + CAP + "){1,3}(?![\\p{L}])");
    /** A name starts with "the", a title or a capital (every title in honorifics.txt is written with one). */
    static final Pattern PERSON_NAME = Pattern.compile("(?=[t\\p{Lu}])(?<![\\p{L}’'])" + NAME + "(?![\\p{L}])");
    static final Pattern SPACES = Pattern.compile("\\s+");
    static final Pattern HE_OR_SHE = Pattern.compile("(?i)he|she");
    static final Pattern POSSESSIVE_S = Pattern.compile("[’']s$");

    /** Is there a speech frame right after ({@code after} starts at the closing mark's end) or right before the quotation? */
    public static boolean adjacentFrame(String inner, String before, String after) {
        Matcher a = AFTER_VERB_FIRST.matcher(after);
        if (!tagFollows(inner, after)) a = null;
        if (a == null) return beforeFrame(before);
        if (a.lookingAt() && plausibleSubject(a.group(2))) return true;
        a = AFTER_SUBJECT_FIRST.matcher(after);
        if (a.lookingAt() && plausibleSubject(a.group(1))) return true;
        return beforeFrame(before);
    }

    /**
     * A tag can follow only a quotation that ends as an utterance ends (",", "!", "?", ".", a dash) or is followed by
     * a comma or dash: in "the 'Left' SRs proposed", the quoted word modifies a noun and "SRs" is no speaker.
     */
    static boolean tagFollows(String inner, String after) { return tagFollows(inner, 0, inner.length(), after); }

    /** {@link #tagFollows(String, String)} for the quotation {@code text[start, end)}, read backwards without copying it. */
    static boolean tagFollows(String text, int start, int end, String after) {
        // a quotation inside it may close with it ("... said, ‘We might have something here,’"): its punctuation counts
        int e = end;
        while (e > start && (Character.isWhitespace(text.charAt(e - 1)) || "’'\"”".indexOf(text.charAt(e - 1)) >= 0)) e--;
        if (e > start && ",.!?…—–-:;".indexOf(text.charAt(e - 1)) >= 0) return true;
        int i = 0;
        while (i < after.length() && (after.charAt(i) == ' ' || after.charAt(i) == '\t')) i++;
        return i < after.length() && ",—–-".indexOf(after.charAt(i)) >= 0;
    }

    static boolean beforeFrame(String before) {
        int from = Math.max(0, before.length() - 120);
        String b = before.substring(from);
        // Both patterns need a speech verb: without one in the window they would be tried from each position in vain.
        if (!Lexicon.hasSpeechWord(b)) return false;
        Matcher m = BEFORE_SUBJECT_FIRST.matcher(b);
        if (m.find() && plausibleSubject(m.group(1))) return true;
        m = BEFORE_VERB_FIRST.matcher(b);
        return m.find() && plausibleSubject(m.group(2));
    }

    /** Does the clause just before the quotation (its sentence) report speech ("Graham said Trump was ")? */
    public static boolean reportClause(String before) {
        int s = clauseStart(before);
        // "According to the senator, the speech was "a test"": a frame phrase opening the clause gives it a source.
        if (Lexicon.hasFramePhraseWord(before.subSequence(s, before.length()))) {
            Matcher f = FRAME_IN_CLAUSE.matcher(before).region(s, before.length());
            while (f.find()) if (plausible(f.group(1))) return true;
        }
        if (!Lexicon.hasReportWord(before.subSequence(s, before.length()))) return false;
        Matcher m = CLAUSE_OR_CONTRACTED.matcher(before);
        // A mention that is no subject ("his hatred of what he called", "Former Pennsylvania governor Ed Rendell")
        // must not hide the one inside it ("he called", "governor Ed Rendell"): after a failed one the search resumes
        // at its next word, not after it; the tail of a name ("the State Department" → "Department") must be a
        // speaker by itself.
        int failedNameEnd = -1; // inside a name that failed, only a mention that is a speaker by itself counts
        for (int from = s; from < before.length(); ) {
            m.region(from, before.length());
            if (!m.find()) break;
            if (m.start(1) < failedNameEnd ? plausible(m.group(1)) : plausibleSubject(m.group(1))) return true;
            if (type(m.group(1)) == Type.NAME) failedNameEnd = Math.max(failedNameEnd, m.end(1));
            int next = m.start(1);
            while (next < before.length() && !Character.isWhitespace(before.charAt(next))) next++;
            from = next + 1;
        }
        // A participle after a comma ("Rendell praised the senator, calling it "), whose subject opens the clause.
        Matcher p = PARTICIPLE.matcher(before).region(s, before.length());
        if (p.find()) {
            int a = s;
            while (a < before.length() && Character.isWhitespace(before.charAt(a))) a++;
            Matcher subject = CLAUSE_SUBJECT.matcher(before).region(a, before.length());
            return subject.lookingAt() && plausibleSubject(subject.group(1));
        }
        return false;
    }

    /** A frame phrase and its source anywhere in the clause: "according to the senator, ...". */
    static final Pattern FRAME_IN_CLAUSE = Pattern.compile("(?<![\\p{L}])(?i:" + Lexicon.FRAME_PHRASE_RX + ")\\s+" + MENTION + "(?![\\p{L}])");
    /** The end of a sentence after a quoted phrase: its speech tag ("..., he said", "..., said the mayor"). */
    static final Pattern TRAILING_TAG_SUBJECT_FIRST = Pattern.compile(",\\s*" + MENTION + "\\s+" + ADVERB + "(?:" + SPEECH + ")\\s*$"),
            TRAILING_TAG_VERB_FIRST = Pattern.compile(",\\s*(?:" + SPEECH + ")\\s+" + MENTION + "\\s*$");

    /**
     * Does the sentence the quotation stands in end in a speech tag ("... a "turbulent year" played out, he said.")?
     * Then the words quoted inside it are the speaker's too.
     */
    public static boolean trailingTag(String after) {
        int end = -1;
        for (int i = 0; i < after.length(); i++) {
            char c = after.charAt(i);
            if (c == '\n' || c == '"' || c == '“' || c == '”') break;
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == after.length() || Character.isWhitespace(after.charAt(i + 1))) && !abbreviation(after, i)) { end = i; break; }
        }
        if (end < 0) return false;
        CharSequence sentence = after.subSequence(0, end);
        for (Pattern p : new Pattern[] {TRAILING_TAG_SUBJECT_FIRST, TRAILING_TAG_VERB_FIRST}) {
            Matcher m = p.matcher(sentence);
            if (m.find() && plausibleSubject(m.group(1))) return true;
        }
        return false;
    }

    /** A report verb's participle after a comma, the last verb before a quoted phrase: ", calling it", ", dismissing them as". */
    static final Pattern PARTICIPLE = Pattern.compile(",\\s+(?=[a-z]+ing\\b)(" + REPORT + ")(?![\\p{L}])(?:\\s+[\\p{L}’'-]+){0,4}\\s*$");
    /** The mention that opens a clause, followed by a verb-like word: the clause's subject ("The old man" before "The"). */
    static final Pattern CLAUSE_SUBJECT = Pattern.compile("(" + DESCRIPTION + "|" + DESCRIBED_NAME.replace("(" + NAME + ")", NAME) + "|" + NAME + "|" + PRONOUN + "|" + INDEFINITE + ")" + APPOSITIVE + "\\s+" + ADVERB + "[a-z]+(?![\\p{L}])");

    static int clauseStart(String before) {
        for (int i = before.length() - 1; i > 0; i--) {
            char c = before.charAt(i);
            if (c == '\n' && i > 0 && before.charAt(i - 1) == '\n') return i + 1;
            if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < before.length() && Character.isWhitespace(before.charAt(i + 1))
                    && !(i >= 2 && Character.isUpperCase(before.charAt(i - 1)) && !Character.isLetter(before.charAt(i - 2)))
                    && !abbreviation(before, i)) return i + 1;
        }
        return 0;
    }

    static boolean abbreviation(String s, int dot) {
        int k = dot;
        while (k > 0 && Character.isLetter(s.charAt(k - 1))) k--;
        return Lexicon.honorific(s.substring(k, dot));
    }

    /**
     * For deciding whether a quotation is someone's words (its kind), before the document's names are known: as
     * {@link #plausible}, and also a capitalised word that is no listed non-name and no title, though it is an
     * English word too ("Trump insisted", "Rose said"); who it is is decided later, with the document's help.
     */
    static boolean plausibleSubject(String mention) {
        if (plausible(mention)) return true;
        if (type(mention) != Type.NAME) return false;
        String last = stripPossessive(lastWord(mention));
        return last.length() >= 3 && Character.isUpperCase(last.charAt(0)) && last.chars().skip(1).allMatch(Character::isLowerCase)
                && !Names.NOT_NAMES.contains(last) && !Lexicon.honorific(last) && !mention.strip().contains(" ");
    }

    /** A mention that can be a speaker without the document's help: a pronoun, a description with a person or body noun, a name. */
    static boolean plausible(String mention) {
        Type t = type(mention);
        if (t == Type.PRONOUN) return true;
        if (t == Type.INDEFINITE) return indefiniteHead(lastWord(mention));
        if (t == Type.DESCRIPTION) return headNoun(mention) != null;
        return core(mention) != null;
    }

    /**
     * The noun a description names its source by: the last word of it that is a person noun, a body or a document
     * ("the source familiar with" → source, "the 46-year-old" → year-old), or null when it has none.
     */
    static String headNoun(String mention) {
        String[] w = SPACES.split(mention.strip());
        for (int i = w.length - 1; i >= 1; i--) {
            String x = stripPossessive(w[i]);
            if (x.isEmpty() || !Character.isLowerCase(x.charAt(0)) && !Character.isDigit(x.charAt(0))) continue;
            if (AGE_NOUN.matcher(x).matches()) return x;
            if (Lexicon.roleGender(x) != 0 || Lexicon.organisationNoun(x)) return x;
        }
        return null;
    }

    static char roleGenderOf(String head) {
        return AGE_NOUN.matcher(head).matches() ? '-' : Lexicon.roleGender(head);
    }

    /** The head of an unnamed source: a person or body noun, or a capitalised one ("Republican"). */
    static boolean indefiniteHead(String head) {
        return Character.isUpperCase(head.charAt(0)) && !Lexicon.honorific(head) || Lexicon.roleGender(head) != 0 || Lexicon.organisationNoun(head);
    }

    static Type type(String mention) {
        String m = mention.strip();
        if (HE_OR_SHE.matcher(m).matches()) return Type.PRONOUN;
        if (DESCRIBED_NAME_P.matcher(m).matches() && !DETERMINER_START.matcher(m).lookingAt()) return Type.NAME;
        if (THE_ADJECTIVE_NAME_P.matcher(m).matches() && Character.isUpperCase(lastWord(m).charAt(0))) return Type.NAME;
        if (INDEFINITE_START.matcher(m).lookingAt()) return Type.INDEFINITE;
        if (DESCRIPTION_START.matcher(m).lookingAt()) return Type.DESCRIPTION; // "the old man", not "the Rev. Al Sharpton"
        if (DETERMINER_START.matcher(m).lookingAt()) { // "the Florida senator": the head decides
            String last = lastWord(m);
            if (Character.isLowerCase(last.charAt(0)) || Character.isDigit(last.charAt(0))) return Type.DESCRIPTION;
        }
        return Type.NAME;
    }

    static String lastWord(String s) {
        String[] w = SPACES.split(s.strip());
        return w[w.length - 1];
    }

    /**
     * The name inside a name mention, titles kept, sentence-start words dropped ("Presently Tony" → "Tony",
     * "the Rev. Al Sharpton" → "Rev. Al Sharpton"), or null when no word of it is a name ("Take", "Across").
     */
    static String core(String mention) { return core(mention, null); }

    /**
     * As above; {@code byUse} holds words the document itself uses as names (capitalised inside sentences, never in
     * lower case), so "Miller" or "Rose" count there. A word after a title is a name ("Miss Miller"), and so is a
     * word beside a listed given name ("Daisy Miller").
     */
    static String core(String mention, java.util.Set<String> byUse) {
        int dash = mention.indexOf("--");
        if (dash >= 0) mention = mention.substring(0, dash); // "Mrs. Walker--the": a dash ends the name
        if (mention.isBlank()) return null;
        String[] w = SPACES.split(mention.strip());
        int i = 0;
        boolean the = w[i].equals("the") || w[i].equals("The");
        if (the) i++;
        while (i < w.length && !Lexicon.honorific(w[i]) && w.length - i > 1 && notName(w[i], byUse)) i++;
        if (i >= w.length) return null;
        // words before a title describe its bearer ("Democratic Rep. Dina Titus"): the name starts at the title
        for (int k = i + 1; k < w.length - 1; k++) if (Lexicon.honorific(w[k])) { i = k; break; }
        // "the Queen", "the Mock Turtle": a capitalised title used as a name
        if (the && i == 1 && java.util.Arrays.stream(w, 1, w.length).allMatch(x -> Character.isUpperCase(x.charAt(0)))
                && java.util.Arrays.stream(w, 1, w.length).noneMatch(x -> x.endsWith(".")))
            return "the " + String.join(" ", java.util.Arrays.copyOfRange(w, 1, w.length));
        int names = 0;
        boolean titled = false, given = false;
        for (int k = i; k < w.length; k++) if (Lexicon.firstNameGender(stripPossessive(w[k])) != 0) given = true;
        for (int k = i; k < w.length; k++) {
            if (Lexicon.honorific(w[k]) && k < w.length - 1) { titled = true; continue; }
            if (PARTICLE_WORD.matcher(w[k]).matches()) continue;
            if (INITIALS.matcher(w[k]).matches()) continue;
            if (!titled && !given && notName(w[k], byUse)) return null;
            names++;
        }
        if (names == 0) return null;
        w[w.length - 1] = stripPossessive(w[w.length - 1]);
        return String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length));
    }

    static String stripPossessive(String w) { return w.endsWith("'s") || w.endsWith("’s") ? w.substring(0, w.length() - 2) : w; }

    static boolean notName(String w) { return notName(w, null); }

    static boolean notName(String w, java.util.Set<String> byUse) {
        String x = stripPossessive(w);
        if (x.length() > 2 && x.chars().allMatch(Character::isUpperCase) && CommonWords.notAName(x.charAt(0) + x.substring(1).toLowerCase(Locale.ROOT))) return true;
        if (byUse != null && byUse.contains(x) && !Names.NOT_NAMES.contains(x) && !Lexicon.honorific(x)) return false;
        return notName0(x);
    }

    /** A capitalised word that is an English word or a listed non-name, and not a listed given name. */
    private static boolean notName0(String x) {
        if (x.length() >= 2 && x.chars().allMatch(Character::isUpperCase)) // CNN, NBC; not a word set in capitals for stress ("WERE")
            return x.length() > 2 && CommonWords.notAName(x.charAt(0) + x.substring(1).toLowerCase(Locale.ROOT));
        if (x.length() >= 3 && x.charAt(0) == 'I' && (x.charAt(1) == '\'' || x.charAt(1) == '’')) return true; // I'm, I'll, I've
        if (x.length() <= 2 && INITIALS.matcher(x).matches() || x.length() == 1) return true; // an initial alone, or "I"
        if (Lexicon.firstNameGender(x) != 0) return false;
        return Names.NOT_NAMES.contains(x) || CommonWords.notAName(x) || Lexicon.honorific(x);
    }

    // ------------------------------------------------------------------------------------------------------------

    private final Document doc;
    private final String text;
    /** Person names outside quotations, in text order. */
    private final List<Person> people = new ArrayList<>();
    private final int[] peopleStarts;
    private final boolean[] inQuote;
    /** Offsets inside parentheses. */
    private final boolean[] inParens;
    /** Gender evidence per name key: counts of he/his and she/her right after its mentions. */
    private final Map<String, int[]> pronounVotes = new HashMap<>();
    /** Names the document writes capitalised mid-sentence, and words it writes in lower case: names by use. */
    private final Map<String, Integer> midSentenceCaps = new HashMap<>();

    /** A person named outside quotations; {@code object}: named where a subject is not (after a preposition, as a modifier, a possessor). */
    record Person(int start, int end, String name, char gender, boolean object) {
        Person(int start, int end, String name, char gender) { this(start, end, name, gender, false); }
    }

    /** A preposition or verb of motion just before a name: the name is an object there ("voted for Obama"). */
    static final Pattern OBJECT_BEFORE = Pattern.compile("(?i)\\b(?:for|to|with|against|of|by|about|than|like|over|under|from|toward|towards|on|behind|beside|between|among|after|before|into|beat|defeat|defeated|beat|endorsed|endorse|backed|back|support|supported|supporting|criticized|criticised|attacked)\\s+(?:the\\s+)?$");
    /** A lower-case noun right after a name makes the name a modifier ("an Obama supporter", "the Clinton campaign"). */
    static final Pattern MODIFIER_AFTER = Pattern.compile("^(?:[’']s\\b|\\s+(?:[a-z]+(?:er|or|ist|ant|ent|man|men|woman|women|ion|ign|ff|ly)s?|camp|team|aides?|allies|ally|family|people|voters|fans|backers|era|years?|White\\s+House)\\b)");

    boolean objectPosition(int start, int end) {
        if (start < 0 || end > text.length() || start >= end) return false;
        if (OBJECT_BEFORE.matcher(text).region(Math.max(0, start - 16), start).find()) return true;
        Matcher m = MODIFIER_AFTER.matcher(text).region(end, Math.min(text.length(), end + 30));
        if (!m.lookingAt()) return false;
        String w = m.group().strip();
        if (w.startsWith("'") || w.startsWith("’")) return true;
        return !Lexicon.reportVerb(w) && !w.equals("later") && !w.equals("only") && !w.equals("early") && !w.equals("recently") && !w.equals("then");
    }

    private final java.util.Set<String> byUse;
    /** Words the document writes in lower case and never capitalises inside a sentence. */
    private final java.util.Set<String> commonByUse;
    /** Does the text tell a story in dialogue (paragraphs of bare quotation, turn after turn), not report speech? */
    private final boolean dialogueText;

    boolean dialogueText() {
        int withQuotes = 0, bare = 0;
        for (int k = 0; k <= breakStarts.length; k++) {
            int ps = k == 0 ? 0 : breakStarts[k - 1], pe = k < breakEnds.length ? breakEnds[k] : text.length();
            if (pe <= ps) continue;
            boolean any = false, narrative = false;
            for (int i = ps; i < pe; i++) {
                if (inQuote[i]) any = true;
                else if (Character.isLetter(text.charAt(i))) narrative = true;
            }
            if (any) withQuotes++;
            if (any && !narrative) bare++;
        }
        return bare >= 4 && bare * 20 >= withQuotes;
    }
    private final java.util.Set<String> sharedSurnames = new java.util.HashSet<>();
    static final java.util.Set<String> FAMILY_TITLES = java.util.Set.of("Mr", "Mrs", "Miss", "Ms", "Master", "Mister", "Madame", "Mme", "Mlle", "Monsieur", "Lady", "Sir", "Lord");
    static final Pattern LOCATIVE = Pattern.compile("\\b(?:[Ii]n|[Aa]t|[Ff]rom|to|from|near|into|towards?|through|across|of|via|leaving|left|reach|reached|visit|visited)\\s+(?:the\\s+|St\\.\\s+)?$");
    /** "St. Clairsville", "San Jose": a saint's title starts place names as often as names of people. */
    static final Pattern SAINT = Pattern.compile("St\\.?|Saint|San|Santa|Sainte?");
    /**
     * How the document writes its words, from one scan of the text: {@code names}, the words it uses as names
     * (capitalised inside a sentence at least once, never written in lower case); {@code common}, the words it writes
     * in lower case and never capitalises inside a sentence.
     */
    record WordUse(java.util.Set<String> names, java.util.Set<String> common) {
        static WordUse of(String text) {
            java.util.Set<String> lower = new java.util.HashSet<>(), caps = new java.util.HashSet<>();
            // words are a letter then letters, apostrophes and hyphens, scanned by hand (a pattern tried at every
            // character cost more than the sets)
            for (int i = 0, n = text.length(); i < n; ) {
                int cp = text.codePointAt(i);
                if (!Character.isLetter(cp)) { i += Character.charCount(cp); continue; }
                int start = i;
                i += Character.charCount(cp);
                while (i < n) {
                    int c = text.codePointAt(i);
                    if (Character.isLetter(c) || c == '’' || c == '\'' || c == '-') i += Character.charCount(c);
                    else break;
                }
                String w = stripPossessive(text.substring(start, i));
                if (Character.isLowerCase(w.charAt(0))) { lower.add(w); continue; }
                int k = start - 1;
                while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k--;
                if (k < 0) continue;
                char p = text.charAt(k);
                if (Character.isLetterOrDigit(p) || p == ',' || p == ';') caps.add(w);
            }
            java.util.Set<String> names = new java.util.HashSet<>(), capsLower = new java.util.HashSet<>();
            for (String c : caps) {
                String l = c.toLowerCase(Locale.ROOT);
                capsLower.add(l);
                if (!lower.contains(l)) names.add(c);
            }
            lower.removeAll(capsLower);
            return new WordUse(names, lower);
        }
    }

    /** The words of a person's name, split once per name (never changed by the caller). */
    private final Map<String, String[]> nameWords = new HashMap<>();

    private String[] words(String name) { return nameWords.computeIfAbsent(name, n -> SPACES.split(n)); }

    SpeechFrames(Document doc) {
        this.doc = doc;
        this.text = doc.text().replace('\u00a0', ' '); // a no-break space ("writes\u00a0Nate Silver") separates words as a space does; offsets unchanged
        this.inQuote = new boolean[text.length() + 1];
        findParagraphs();
        for (Quote q : doc.quotes())
            if (q.kind() != QuoteKind.TITLE && isMarked(q))
                for (int i = q.outer().start(); i < q.outer().end() && i < text.length(); i++) inQuote[i] = true;
        WordUse use = WordUse.of(text);
        this.byUse = use.names();
        this.commonByUse = use.common();
        this.inParens = new boolean[text.length() + 1];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) { // one pass; a paragraph break closes any aside left open
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth = Math.max(0, depth - 1);
            else if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') depth = 0;
            inParens[i] = depth > 0;
        }
        this.dialogueText = dialogueText();
        Matcher m = PERSON_NAME.matcher(text);
        List<Person> raw = new ArrayList<>();
        int placeEnd = -1;
        while (m.find()) {
            if (inQuote[m.start()]) continue;
            String g0 = m.group();
            int from = m.start();
            int poss = Math.max(g0.lastIndexOf("’s "), g0.lastIndexOf("'s "));
            if (poss > 0) { from += poss + 3; g0 = g0.substring(poss + 3); } // "North Carolina’s Ada Fisher": the possessor is no person here
            String c = core(g0, byUse);
            if (c == null) continue;
            // one capitalised word the document otherwise writes in lower case, never capitalised inside a sentence:
            // a sentence-initial common word ("Fundraising was ..."), no person
            if (c.indexOf(' ') < 0 && commonByUse.contains(c.toLowerCase(Locale.ROOT))) continue;
            String title = SPACES.split(c)[0];
            int s = from + Math.max(0, g0.indexOf(title));
            // the words before the name's own, when the match took them in ("In St. Clairsville"), count as its context
            String lead = text.substring(m.start(), s);
            if ((Lexicon.honorificGender(title) == 0 || SAINT.matcher(title).matches())
                    && (LOCATIVE.matcher(text).region(Math.max(0, m.start() - 12), m.start()).find() || LOCATIVE.matcher(lead).find()
                    || placeEnd >= 0 && m.start() - placeEnd <= 2 && text.charAt(placeEnd) == ',')) {
                placeEnd = m.end(); // "in Rome", "at Vevey", and "in Grand Rapids, Michigan": a place
                continue;
            }
            raw.add(new Person(s, m.end(), c, (char) 0, objectPosition(m.start(), m.end())));
        }
        // Gender from the pronouns that follow each mention in its own sentence, before the next name.
        for (int k = 0; k < raw.size(); k++) {
            Person p = raw.get(k);
            // up to the next person named (the same name again does not end the span: "Winterbourne ... Winterbourne ... he")
            int next = k + 1;
            while (next < raw.size() && key(raw.get(next).name()).equals(key(p.name())) && raw.get(next).start() < p.end() + 200) next++;
            int limit = Math.min(text.length(), Math.min(next < raw.size() ? raw.get(next).start() : Integer.MAX_VALUE, p.end() + 200));
            Matcher pm = PRONOUN_WORD.matcher(text).region(p.end(), limit);
            boolean found = false; // the first pronoun of the narrative: one inside a quotation is someone's speech
            // a subject pronoun (he, she, himself, herself): "him" and "her" are as often someone else, the object
            while (pm.find()) if (!inQuote[pm.start()] && SUBJECT_PRONOUNS.contains(pm.group(1).toLowerCase(Locale.ROOT))) { found = true; break; }
            if (found) {
                int[] v = pronounVotes.computeIfAbsent(key(p.name()), x -> new int[2]);
                if (pm.group(1).toLowerCase(Locale.ROOT).startsWith("h") && !pm.group(1).toLowerCase(Locale.ROOT).startsWith("her")) v[0]++;
                else v[1]++;
            }
        }
        for (Person p : raw) people.add(new Person(p.start(), p.end(), p.name(), gender(p.name()), p.object()));
        // Surnames the document gives to more than one person: two given names, or two family titles (Mr., Mrs., Miss).
        Map<String, java.util.Set<String>> forms = new HashMap<>(), titles = new HashMap<>();
        for (Person p : people) {
            String[] w = words(p.name());
            if (w.length < 2 || w[0].equals("the")) continue;
            String first = w[0].endsWith(".") ? w[0].substring(0, w[0].length() - 1) : w[0];
            if (FAMILY_TITLES.contains(first)) { // Mr. and Mrs. Bennet: two family titles are two people
                titles.computeIfAbsent(w[w.length - 1], x -> new java.util.HashSet<>()).add(first);
                if (w.length < 3) continue;
                first = w[1];
            } else if (Lexicon.honorific(first)) { if (w.length < 3) continue; first = w[1]; }
            if (INITIALS.matcher(first).matches() || Lexicon.honorific(first)) continue;
            forms.computeIfAbsent(w[w.length - 1], x -> new java.util.HashSet<>()).add(first);
        }
        for (Map.Entry<String, java.util.Set<String>> e : forms.entrySet()) if (e.getValue().size() > 1) sharedSurnames.add(e.getKey());
        for (Map.Entry<String, java.util.Set<String>> e : titles.entrySet()) if (e.getValue().size() > 1) sharedSurnames.add(e.getKey());
        peopleStarts = new int[people.size()];
        for (int k = 0; k < people.size(); k++) peopleStarts[k] = people.get(k).start();
    }

    static boolean isMarked(Quote q) {
        Marker m = q.marker();
        return (m == Marker.DOUBLE || m == Marker.SINGLE || m == Marker.DOUBLED_SINGLE || m == Marker.BACKTICK || m == Marker.GUILLEMET)
                && q.openMarker() != null && q.closeMarker() != null;
    }

    static String key(String name) {
        return POSSESSIVE_S.matcher(name).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** 'm', 'f' or 0: from the honorific, the given name, or the pronouns the text uses after the name. */
    char gender(String name) {
        String[] w = words(name);
        for (String x : w) {
            char g = Lexicon.honorificGender(x);
            if (g == 'm' || g == 'f') return g;
            if (Lexicon.honorific(x)) continue;
            g = Lexicon.firstNameGender(x);
            if (g != 0) return g;
            break;
        }
        int[] v = pronounVotes.get(key(name));
        if (v != null && Math.max(v[0], v[1]) >= 2 && Math.max(v[0], v[1]) >= (Math.max(v[0], v[1]) >= 6 ? 2 : 3) * Math.min(v[0], v[1])) return v[0] > v[1] ? 'm' : 'f';
        return 0;
    }

    /**
     * A quotation that ends its sentence with a full stop inside the marks, followed by a sentence of its own that
     * names someone ("... for a long time.” Political analyst Ann Roe agreed."): that sentence is no tag of the
     * quotation, which a tag would have ended with a comma. A pronoun there ("She smiled.") mostly is the speaker
     * anyway and is left to the tag rules.
     */
    static boolean newSentenceAfter(String text, Quote q, String after) {
        int e = q.span().end();
        while (e > q.span().start() && Character.isWhitespace(text.charAt(e - 1))) e--;
        if (e == q.span().start() || text.charAt(e - 1) != '.') return false;
        int i = 0;
        while (i < after.length() && (Character.isWhitespace(after.charAt(i)) || after.charAt(i) == '\u00a0')) i++;
        return i > 0 && i < after.length() && Character.isUpperCase(after.charAt(i)) && after.indexOf('\n') != 0
                && !PRONOUN_START.matcher(after).region(i, after.length()).lookingAt();
    }

    static final Pattern PRONOUN_START = Pattern.compile("(?:He|She|I|We|They)\\s");

    /** The speaker a frame around the quotation gives, or null. */
    Found frame(Quote q, Quote previousInParagraph) {
        int close = q.closeMarker().end(), open = q.openMarker().start();
        int paraEnd = paragraphEnd(close);
        int paraStart = paragraphStart(open);
        int afterEnd = Math.min(paraEnd, close + 120);
        int nextOpen = nextQuoteStart(q, afterEnd);
        afterEnd = Math.min(afterEnd, nextOpen);
        String after = text.substring(close, afterEnd);
        if (tagFollows(text, q.span().start(), q.span().end(), after) && !newSentenceAfter(text, q, after)) {
            Matcher a = AFTER_VERB_FIRST.matcher(after);
            if (a.lookingAt()) { Found f = resolve(close + a.start(2), close + a.end(2), 0.9); if (f != null) return f; }
            a = AFTER_SUBJECT_FIRST.matcher(after);
            if (a.lookingAt()) { Found f = resolve(close + a.start(1), close + a.end(1), 0.9); if (f != null) return f; }
            // a document speaks by being read: "...," the email read.
            a = DOCUMENT_READ.matcher(after);
            if (a.lookingAt() && Lexicon.organisationNoun(lastWord(a.group(1)))) { Found f = resolve(close + a.start(1), close + a.end(1), 0.8); if (f != null) return f; }
        }
        // A quotation that opens its paragraph after one ending in a colon ("Miss Bartlett said, with more restraint:"):
        // the frame is the end of that paragraph.
        int at = open;
        if (previousInParagraph == null && paraStart > 0 && text.substring(paraStart, open).isBlank()) {
            int pe = paraStart - 1;
            while (pe > 0 && Character.isWhitespace(text.charAt(pe))) pe--;
            if (!inQuote[pe] && (text.charAt(pe) == ':' || text.charAt(pe) == ',' && SPEECH_BEFORE_BREAK.matcher(text).region(Math.max(0, pe - 60), pe + 1).find()
                    || SPEECH_BEFORE_BREAK.matcher(text).region(Math.max(0, pe - 60), pe + 1).find())) {
                int ps = paragraphStart(pe), lastQuote = ps;
                for (int i = pe; i > ps && pe - i < 200; i--) if (inQuote[i]) { lastQuote = i + 1; break; }
                at = pe + 1;
                paraStart = Math.max(ps, lastQuote);
            }
        }
        int floor = Math.max(paraStart, Math.max(at - 200, previousInParagraph == null ? 0 : previousInParagraph.closeMarker().end()));
        floor = Math.min(floor, at);
        String before = text.substring(floor, at);
        // A passage introduced by a pronoun ("He writes:") is left to the introduction rules, which read the sentences before.
        boolean namesOnly = q.kind() == QuoteKind.PASSAGE && !dialogueText;
        boolean speech = Lexicon.hasSpeechWord(before);
        Matcher b = BEFORE_SUBJECT_FIRST.matcher(before);
        // an indefinite description after a preposition is no subject ("thumped like a naughty child, and turned to his son,
        // saying"; "asked for a photo and Clinton said"): the next mention that can be one is tried instead
        if (speech) {
            int from = 0;
            while (from < before.length() && b.find(from)) {
                int st = floor + b.start(1);
                if (namesOnly && type(b.group(1)) != Type.NAME) break;
                // a possessor is no subject: "a source familiar with Cruz’s thinking said" is not Cruz speaking
                if (POSSESSIVE_END.matcher(b.group(1)).find()) { from = b.start(1) + 1; continue; }
                if (type(b.group(1)) == Type.INDEFINITE && OBJECT_BEFORE.matcher(text).region(Math.max(0, st - 16), st).find()) { from = b.start(1) + 1; continue; }
                Found f = resolve(st, floor + b.end(1), 0.85);
                if (f != null) return f;
                break;
            }
        }
        b = BEFORE_VERB_FIRST.matcher(before);
        if (speech && b.find() && (!namesOnly || type(b.group(2)) == Type.NAME)) { Found f = resolve(floor + b.start(2), floor + b.end(2), 0.85); if (f != null) return f; }
        b = BEFORE_COLON.matcher(before);
        if (before.indexOf(':') >= 0 && b.find() && type(b.group(1)) == Type.NAME) {
            // two sources named together speak as one ("Jane Roe and Ed Poe:"): the whole phrase, as written
            int end = b.end(1);
            Matcher both = BOTH.matcher(before).region(b.end(1), before.length());
            Found f = both.lookingAt() ? named(floor + b.start(1), floor + b.end(1) + both.end(1) - b.end(1), 0.8) : resolve(floor + b.start(1), floor + end, 0.8);
            if (f != null) return f;
        }
        // "Chief Williams asked the council to act, saying, "...": the subject of the sentence the participle ends
        b = PARTICIPLE_END.matcher(before);
        if (speech && b.find() && Lexicon.speechVerb(b.group(1))) {
            Found f = sentenceSubject(sentenceStart(at), floor + b.start(), 0.75);
            if (f != null) return f;
        }
        // "Toomey refused, responding that he's "...": a speech participle whose that-clause holds the quotation
        b = PARTICIPLE_THAT.matcher(before);
        if (speech && b.find() && Lexicon.speechVerb(b.group(1))) {
            Found f = sentenceSubject(sentenceStart(at), floor + b.start(), 0.7);
            if (f != null) return f;
        }
        // "Lucy was pleased, and said:": the subject of the sentence the verb ends
        b = BEFORE_NO_SUBJECT.matcher(before);
        if (speech && b.find()) {
            int ss = sentenceStart(floor + b.start());
            Found f = ss >= floor || !namesOnly ? sentenceSubject(ss, floor + b.start(), 0.7) : null;
            if (f != null) return f;
        }
        // "Kasich resisted: "...": a sentence ending in a colon right before the quotation is its subject's introduction
        // a passage's introduction is read by the attribution rules proper; here only one whose subject is a name
        if (COLON_END.matcher(before).find()) {
            int ss = sentenceStart(at);
            Found f = ss >= floor ? sentenceSubject(ss, at, 0.6) : null;
            // for a passage, one sentence on one line: a forum header above ("Sasha_R\n12-06-2011 ...") opens no sentence
            boolean oneLine = ss >= 0 && text.substring(ss, floor + before.lastIndexOf(':')).indexOf('\n') < 0;
            if (f != null && (!namesOnly || oneLine && type(f.asWritten()) == Type.NAME && (f.evidence().start() == ss + leadingSpace(ss, at)
                    || WHO_SPOKE.matcher(text).region(f.evidence().end(), at).lookingAt()))) return f;
            // "... Attorney General Ann Roe, who told Congress:": the person the relative clause of speech follows
            for (int j = upper(at) - 1, lo = upper(Math.max(ss, floor)); j >= lo && j >= 0; j--) {
                Person p = people.get(j);
                if (p.start() < Math.max(ss, floor) || !character(p)) continue;
                if (WHO_SPOKE.matcher(text).region(p.end(), at).lookingAt())
                    return new Found(fullName(p.name(), p.start()), p.name(), new Span(p.start(), p.end()), 0.6);
            }
        }
        b = BEFORE_PHRASE.matcher(before);
        if (Lexicon.hasFramePhraseWord(before) && b.find() && (!namesOnly || type(b.group(1)) == Type.NAME)) { Found f = resolve(floor + b.start(1), floor + b.end(1), 0.85); if (f != null) return f; }
        // A phrase quoted inside a clause that reports speech: the subject of its first reporting verb ("X said that once Y goes, ...").
        if (q.kind() != QuoteKind.PASSAGE) { // a passage's introduction is read by the attribution rules proper
            int s = floor + clauseStart(before);
            Matcher c = CLAUSE.matcher(text).region(s, at);
            Found last = null;
            boolean report = Lexicon.hasReportWord(text.subSequence(s, at));
            while (report && c.find()) {
                if (type(c.group(1)) == Type.INDEFINITE && OBJECT_BEFORE.matcher(text).region(Math.max(0, c.start(1) - 16), c.start(1)).find()) continue;
                if (POSSESSIVE_END.matcher(c.group(1)).find() && type(c.group(1)) == Type.NAME) continue; // "Cruz’s thinking": a possessor
                Found f = resolve(c.start(1), c.end(1), 0.6);
                if (f != null) { last = f; break; }
            }
            if (last != null) return last;
        }
        return sentenceEndTag(close, paraEnd);
    }

    /** The end of a sentence that a tag closes: ", Gilbert said." / ", he said." / ", said Ann Roe." */
    static final Pattern SENTENCE_END_TAG = Pattern.compile(",[ \\t\\n]+(?:(?<s1>" + MENTION + ")" + APPOSITIVE + "\\s+" + ADVERB + SPEECH + "|" + SPEECH + "\\s+(?<s2>" + MENTION + "))[ \\t]*[.!?]$");

    /**
     * A quotation inside a sentence that goes on past it and ends with a tag ("The fund was "stagnant for a month" as
     * donors waited, he said."; ""There is a sense of stability," and gifts rose again, Gilbert said."): the tag's
     * subject, when no other quotation comes between and the sentence ends within 200 characters.
     */
    Found sentenceEndTag(int close, int paraEnd) {
        int limit = Math.min(paraEnd, Math.min(text.length(), close + 200));
        for (int i = close; i < limit; i++) {
            if (inQuote[i]) return null;
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') return null;
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1))) && !abbreviation(text, i)) {
                if (i == close) return null; // the quotation ends its sentence itself
                Matcher m = SENTENCE_END_TAG.matcher(text).region(close, i + 1);
                if (!m.find()) return null;
                String g = m.start("s1") >= 0 ? "s1" : "s2";
                int ms = m.start(g), me = m.end(g);
                if (ms < 0) return null;
                return resolve(ms, me, 0.7);
            }
        }
        return null;
    }

    static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean l = Character.isLetterOrDigit(s.charAt(i));
            if (l && !in) n++;
            in = l;
        }
        return n;
    }

    int nextQuoteStart(Quote q, int limit) {
        for (int i = q.closeMarker().end(); i < limit; i++) if (inQuote[i]) return i;
        return limit;
    }

    /** A mention in text[s, e) resolved to a speaker, or null. */
    Found resolve(int s, int e, double conf) {
        String m = text.substring(s, e);
        switch (type(m)) {
            case PRONOUN -> {
                char g = Character.toLowerCase(m.charAt(0)) == 'h' ? 'm' : 'f';
                return pronoun(s, e, g, conf);
            }
            case INDEFINITE -> {
                // the text names no one: the source is the description as written, never a guessed person
                if (!indefiniteHead(lastWord(m))) return null;
                return new Found(m.strip(), m.strip(), new Span(s, e), conf * 0.55);
            }
            case DESCRIPTION -> {
                Matcher other = THE_OTHER.matcher(m);
                if (other.matches()) return otherParty(s, s + other.end(1), conf);
                String head = headNoun(m);
                if (head == null) return null;
                int cut = m.toLowerCase(Locale.ROOT).lastIndexOf(head.toLowerCase(Locale.ROOT)) + head.length();
                String d = m.substring(0, Math.max(cut, 0) > 0 ? cut : m.length()).strip(); // "the source familiar with" → "the source"
                Span ev = new Span(s, s + d.length());
                if (Lexicon.organisationNoun(head) && d.toLowerCase(Locale.ROOT).startsWith("the "))
                    return new Found(d, d, ev, conf * 0.6);
                // "her mother", "his wife": a relation of the person last named, not that person; a parent or spouse
                // is the one the document names by the family title and the family name of the person it belongs to
                if (POSSESSIVE_DET.matcher(d).lookingAt()) {
                    String title = Lexicon.kinTitle(head);
                    String[] dw = SPACES.split(d);
                    if (title == null || dw.length != 2) return null;
                    char pg = dw[0].equalsIgnoreCase("his") ? 'm' : dw[0].equalsIgnoreCase("her") ? 'f' : 0;
                    if (pg == 0) return null;
                    Found owner = pronoun(s, s + dw[0].length(), pg, conf);
                    String member = owner == null ? null : familyMember(owner.name(), title, s);
                    return member == null ? null : new Found(member, d, ev, conf * 0.6);
                }
                char g = roleGenderOf(head);
                // the person the text introduced with this description ("Brian Fallon, a spokesman for ...")
                Person p = introducedAs(s, head, g);
                if (p != null && !carriesModifiers(d, head, p)) p = null; // "the Florida senator" is not the Vermont one
                if (p != null) return new Found(fullName(p.name(), p.start()), d, ev, conf * 0.6);
                // a man, a woman, a lady of a story: the nearest of that gender
                if (g == 'm' || g == 'f') {
                    p = nearest(s, g, head);
                    if (p != null) return new Found(p.name(), d, ev, conf * 0.5);
                    // none of that gender named near: as a pronoun of that gender would ("said the young man" as "said he")
                    Found f = pronoun(s, s + d.length(), g, conf * 0.8);
                    return f == null ? null : new Found(f.name(), d, ev, f.confidence());
                }
                // the text names no one: the source is the description as written
                if (!d.toLowerCase(Locale.ROOT).startsWith("the ")) return null;
                // with the name it is described by: "the former top aide to President Ada Lund"
                Matcher of = OF_NAME.matcher(text).region(s + d.length(), Math.min(text.length(), s + d.length() + 80));
                if (of.lookingAt() && !inQuote[of.end() - 1]) { d = d + text.substring(s + d.length(), of.end()).replaceAll("\\s+", " "); ev = new Span(s, of.end()); }
                return new Found(d, d, ev, conf * 0.5);
            }
            default -> {
                // a name runs on past the pattern's four words: "Watchdog Group President Tom Fitton"
                Matcher more = MORE_CAPS.matcher(text).region(e, Math.min(text.length(), e + 60));
                if (more.lookingAt() && !inQuote[Math.min(more.end(), text.length() - 1)]) { e = more.end(); m = text.substring(s, e); }
                Matcher dn = DESCRIBED_NAME_P.matcher(m);
                if (dn.matches()) { s += dn.start(1); m = dn.group(1); } // the name, not the words describing its bearer
                String c = core(m, byUse);
                if (c == null) return null;
                String firstWord = c.startsWith("the ") ? c.substring(4).split(" ")[0] : c.split(" ")[0];
                int off = s + Math.max(0, m.indexOf(firstWord));
                int end = e;
                if (text.startsWith("'s", end - 2) || text.startsWith("’s", end - 2)) end -= 2;
                return new Found(fullName(c, off), c, new Span(off, Math.max(off + 1, end)), conf);
            }
        }
    }

    /** ", saying, ", ", adding: ", ", telling reporters, " at the end of the words before a quotation. */
    /** ", responding that he's ", ", saying the plan was " at the end of the words before a quoted phrase. */
    static final Pattern PARTICIPLE_THAT = Pattern.compile(",[ \\t]*([a-z]+ing)[ \\t]+(?:that[ \\t]+)?(?:he|she|they|it|the[ \\t]+[a-z]+)(?:[’'][a-z]+)?(?:[ \\t]+[a-z]+){0,4}[ \\t]*$");
    static final Pattern PARTICIPLE_END = Pattern.compile(",[ \\t]*([a-z]+ing)(?:[ \\t]+(?:to[ \\t]+)?(?:him|her|them|us|me|reporters|the[ \\t]+[a-z]+))?[ \\t]*[,:]?[ \\t]*\\n?[ \\t]*$");
    static final Pattern SUBJECT_PRONOUN = Pattern.compile("(?:[A-Z][^,.;:!?\"“”\\n]{0,60},[ \\t]*)?([Hh]e|[Ss]he)\\b");

    /**
     * The subject of the sentence from {@code from} to {@code to}: the first person it names who is not named as an
     * object, a modifier or a possessor, or its opening pronoun (after an opening phrase and its comma). Null when neither.
     */
    Found sentenceSubject(int from, int to, double conf) {
        for (int j = upper(from), hi = upper(to); j < hi; j++) {
            Person p = people.get(j);
            if (p.object()) continue;
            if (!character(p)) return null;
            return new Found(fullName(p.name(), p.start()), p.name(), new Span(p.start(), p.end()), conf);
        }
        Matcher m = SUBJECT_PRONOUN.matcher(text).region(from, to);
        if (m.lookingAt()) return resolve(m.start(1), m.end(1), conf);
        return null;
    }

    /**
     * A quotation whose frame names its speaker by name in the quotation's own sentence ("Kasich resisted: "..."",
     * after a sentence that quoted someone else): that name is the sentence's own evidence, not a weaker guess the
     * paragraph's stronger frame overrules.
     */
    boolean ownSentenceName(Quote q) {
        Speaker s = q.speaker();
        if (s == null || s.evidence() == null || s.asWritten() == null || type(s.asWritten()) != Type.NAME) return false;
        int ev = s.evidence().span().start(), open = q.openMarker().start();
        if (ev >= open) return false;
        return sentenceStart(open) <= ev && !inQuote[ev];
    }

    /** A relative clause of speech after a name: "Lynch, who told Congress". */
    static final Pattern WHO_SPOKE = Pattern.compile(",\\s+who\\s+" + ADVERB + SPEECH + "(?![\\p{L}])");

    int leadingSpace(int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) i++;
        return i - from;
    }

    static final Pattern COLON_END = Pattern.compile(":[ \\t]*\\n?[ \\t]*$");
    static final Pattern BOTH = Pattern.compile(GAP + "and" + GAP + "(" + NAME + ")");

    /** Two names joined by "and", each a name, as one source as written; null when either is no name. */
    Found named(int s, int e, double conf) {
        String m = text.substring(s, e);
        String[] two = m.split("\\s+and\\s+", 2);
        if (two.length != 2 || core(two[0], byUse) == null || core(two[1], byUse) == null) return null;
        String w = m.replaceAll("\\s+", " ").strip();
        return new Found(w, w, new Span(s, e), conf);
    }

    /** Speakers already found, in text order: where their frame is, the name, the gender the text gives them. */
    record Said(int at, int paragraph, String name, char gender) {}
    private final List<Said> said = new ArrayList<>();

    /**
     * A pronoun in a frame: a person the quotation's own paragraph names before it; else, in a run of dialogue, the
     * last speaker of that gender (the other party when two of that gender take turns); else the nearest person
     * of that gender named before.
     */
    Found pronoun(int s, int e, char g, double conf) {
        int para = paragraphStart(s);
        Person sub = subject(s, g, para);
        if (sub != null) return new Found(sub.name(), text.substring(s, e), new Span(s, e), conf * 0.7);
        // a paragraph opening with the quotation: the subject of the narrative paragraph just before, when it quotes no one
        if (!dialogueText && para > 0 && (text.substring(para, s).strip().startsWith("“") || text.substring(para, s).strip().startsWith("\""))) {
            int prevEnd = para - 1;
            while (prevEnd > 0 && Character.isWhitespace(text.charAt(prevEnd))) prevEnd--;
            int prev = paragraphStart(prevEnd);
            boolean quotes = false;
            for (int i = prev; i <= prevEnd && !quotes; i++) quotes = inQuote[i];
            if (!quotes) {
                sub = subject(prevEnd + 1, g, prev);
                if (sub != null) return new Found(sub.name(), text.substring(s, e), new Span(s, e), conf * 0.65);
            }
        }
        Person p = nearest(s, g, null);
        // the speaker of the quotation just before, whose gender the text has not given, when no one of the pronoun's
        // gender was named since: "Giuliani said ... He continued, "..."" is Giuliani still
        if (!said.isEmpty() && !dialogueText) {
            Said last = said.get(said.size() - 1);
            if (last.gender() == 0 && s - last.at() < 800 && (p == null || p.start() < last.at()) && !last.name().startsWith("the ")
                    && type(last.name()) == Type.NAME && !Lexicon.organisationNoun(lastWord(last.name())))
                return new Found(last.name(), text.substring(s, e), new Span(s, e), conf * 0.6);
        }
        if (p != null && p.start() >= para) return new Found(p.name(), text.substring(s, e), new Span(s, e), conf * 0.7);
        // narrative just before (a paragraph of no speech) names the person it goes on with
        if (p != null && p.start() >= paragraphStart(Math.max(0, para - 2)) && !said.isEmpty() && said.get(said.size() - 1).at() < paragraphStart(Math.max(0, para - 2)))
            return new Found(p.name(), text.substring(s, e), new Span(s, e), conf * 0.65);
        for (int k = said.size() - 1; k >= 0 && s - said.get(k).at() < 1500; k--) {
            Said a = said.get(k);
            if (a.gender() != g) continue;
            if (a.paragraph() != para && k >= 1) { // a new turn: in a same-gender exchange, the other party
                Said b = said.get(k - 1);
                if (b.gender() == g && !b.name().equals(a.name()) && b.paragraph() != a.paragraph() && alternating(k))
                    return new Found(b.name(), text.substring(s, e), new Span(s, e), conf * 0.6);
            }
            return new Found(a.name(), text.substring(s, e), new Span(s, e), conf * 0.7);
        }
        return p == null ? null : new Found(p.name(), text.substring(s, e), new Span(s, e), conf * 0.6);
    }

    /**
     * The person named before {@code at} by {@code title} and the family name of {@code owner} ("Mrs." and "Daisy
     * Miller" → "Mrs. Miller"), when exactly one such person is named and it is not the owner; else null.
     */
    String familyMember(String owner, String title, int at) {
        String surname = surnameOf(owner, at);
        if (surname == null) return null;
        String found = null;
        for (int k = upper(at) - 1, lo = Math.max(0, k - KIN_WINDOW); k >= lo; k--) { // a bounded look back keeps this linear
            String[] w = words(people.get(k).name());
            if (w.length != 2 || !stripDot(w[0]).equals(title) || !w[1].equals(surname)) continue;
            String n = people.get(k).name();
            if (n.equals(owner)) return null;
            if (found != null && !found.equals(n)) return null;
            found = n;
        }
        return found;
    }

    /** How many earlier mentions of people a relation or a given name is looked up among. */
    static final int KIN_WINDOW = 600;

    static String stripDot(String w) { return w.endsWith(".") ? w.substring(0, w.length() - 1) : w; }

    /** The family name of a person: the last word of the name, or of the one full name the document gives a given name. */
    String surnameOf(String name, int at) {
        String[] w = words(name);
        if (w.length >= 2 && !w[0].equals("the")) return w[w.length - 1];
        if (w.length != 1 || Lexicon.firstNameGender(w[0]) == 0 && !byUse.contains(w[0])) return null;
        String found = null;
        for (int k = upper(at) - 1, lo = Math.max(0, k - KIN_WINDOW); k >= lo; k--) {
            String[] pw = words(people.get(k).name());
            int i = 0;
            while (i < pw.length - 1 && Lexicon.honorific(pw[i])) i++;
            if (pw.length - i < 2 || !pw[i].equals(w[0])) continue;
            String sn = pw[pw.length - 1];
            if (found != null && !found.equals(sn)) return null;
            found = sn;
        }
        return found;
    }

    /**
     * Can this person be a speaker found by position (a subject)? A name, or in a story told in dialogue a title used
     * as a name ("the Queen", "the Gryphon"); in news "the White House" or "the Senate" is a body, never taken so.
     */
    boolean character(Person p) {
        if (!p.name().startsWith("the ")) return true;
        return dialogueText && !Lexicon.organisationNoun(lastWord(p.name()));
    }

    /** "the other", and what may follow it in a tag without making it a noun phrase ("the other helplessly", "the other with a smile"). */
    /** A prepositional phrase naming whom a description's bearer serves: " to President Ada Lund", " of the Tribune". */
    static final Pattern OF_NAME = Pattern.compile("[ \\t]+(?:to|of|at|for|with)[ \\t]+(?:the[ \\t]+)?" + NAME);
    static final Pattern THE_OTHER = Pattern.compile("(?i)(the\\s+other(?:\\s+one)?)(?:\\s+(?:[a-z]+ly|with|in|at|to|as|and|but|after|for)\\b.*)?\\s*", Pattern.DOTALL);

    /**
     * "said the other": in an exchange, the party other than the one who spoke the turn before: the latest earlier
     * speaker who differs from the last one. Null when the text has not yet given two speakers nearby.
     */
    Found otherParty(int s, int e, double conf) {
        int para = paragraphStart(s);
        int k = said.size() - 1;
        while (k >= 0 && said.get(k).paragraph() == para) k--;
        if (k < 0 || s - said.get(k).at() > 1500) return null;
        String last = said.get(k).name();
        for (int j = k - 1; j >= 0 && s - said.get(j).at() < 1500; j--)
            if (!said.get(j).name().equals(last)) return new Found(said.get(j).name(), text.substring(s, e).strip(), new Span(s, e), conf * 0.6);
        return null;
    }

    /** Do the speakers up to said[k] alternate, turn by turn (A, B, A ...)? */
    boolean alternating(int k) {
        return k >= 2 && said.get(k - 2).name().equals(said.get(k).name());
    }

    void remember(int at, Speaker sp) {
        if (sp == null) return;
        char g = gender(sp.asWritten() == null ? sp.name() : sp.asWritten());
        if (g == 0) g = gender(sp.name());
        String ev = sp.evidence() == null ? "" : sp.evidence().text();
        if (g == 0 && (ev.equalsIgnoreCase("he") || ev.equalsIgnoreCase("she"))) g = Character.toLowerCase(ev.charAt(0)) == 'h' ? 'm' : 'f';
        int para = paragraphStart(at);
        if (!said.isEmpty() && said.get(said.size() - 1).paragraph() == para && said.get(said.size() - 1).name().equals(sp.name())) return;
        said.add(new Said(at, para, sp.name(), g));
    }

    /**
     * A bare surname, or a title with a surname, named in full earlier: that full name, when exactly one person
     * introduced before bears the surname, and the title's gender does not contradict it. Otherwise as written.
     */
    String fullName(String written, int at) {
        String[] w = SPACES.split(written);
        int core = 0;
        while (core < w.length - 1 && Lexicon.honorific(w[core])) core++;
        if (w.length - core != 1) return written;
        String surname = w[w.length - 1];
        if (Lexicon.firstNameGender(surname) != 0) return written; // a given name alone
        if (sharedSurnames.contains(surname)) return written; // Mr. and Mrs. Bennet, Daisy and Mrs. Miller
        char g = core > 0 ? Lexicon.honorificGender(w[0]) : 0;
        String found = null;
        int hi = upper(at);
        for (int k = hi - 1; k >= 0; k--) {
            Person p = people.get(k);
            String[] pw = words(p.name());
            int pc = 0;
            while (pc < pw.length - 1 && Lexicon.honorific(pw[pc])) pc++;
            if (pw.length - pc < 2 || !pw[pw.length - 1].equals(surname) || pw[0].equals("the")) continue;
            String full = String.join(" ", java.util.Arrays.copyOfRange(pw, pc, pw.length));
            if ((g == 'm' || g == 'f') && p.gender() != 0 && p.gender() != g) continue;
            if (found != null && !found.equals(full)) return written; // two people share the surname
            found = full;
        }
        return found == null ? written : found;
    }

    int upper(int at) {
        int lo = 0, hi = peopleStarts.length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (peopleStarts[mid] < at) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /** The nearest person named before {@code at} (outside quotations) whose gender is {@code g}. */
    Person nearest(int at, char g, String role) {
        int hi = upper(at);
        Person best = null;
        int bestSentence = -1;
        for (int k = hi - 1, seen = 0; k >= 0 && seen < 12 && at - people.get(k).end() < 2500; k--, seen++) {
            Person p = people.get(k);
            if (bestSentence >= 0 && p.end() <= bestSentence) break; // an earlier sentence: the one found stands
            if (p.gender() == 0) continue;
            if (inParens[p.start()]) continue; // a name in an aside ("(Rev. A. Eager, M.A.)") is no one in the scene
            if (g != '-' && p.gender() != g) continue;
            if (g == '-' && role != null && !p.name().toLowerCase(Locale.ROOT).contains(role.substring(0, Math.min(3, role.length())))) continue;
            // the first compatible person of the nearest sentence that has one: its subject, more often than not
            best = p;
            if (bestSentence < 0) bestSentence = sentenceStart(p.start());
        }
        return best;
    }

    /**
     * The subject a pronoun goes back to inside its own paragraph: in the nearest sentence before it that names one,
     * the first person not named as an object or modifier, whose gender is {@code g} or not known.
     * Null when the paragraph names none.
     */
    Person subject(int at, char g, int para) {
        int hi = upper(at);
        int sentence = -1;
        Person best = null, known = null;
        for (int k = hi - 1; k >= 0 && people.get(k).start() >= para; k--) {
            Person p = people.get(k);
            int ss = sentenceStart(p.start());
            if (sentence >= 0 && ss != sentence) break; // an earlier sentence: the one found stands
            if (p.object() || inParens[p.start()]) continue;
            if (p.gender() != 0 && p.gender() != g) continue;
            if (!character(p)) continue;
            best = p;
            if (p.gender() == g) known = p; // one the text gives that gender comes before one it does not
            sentence = ss;
        }
        return known != null ? known : best;
    }

    static final Pattern APPOSITIVE_AFTER = Pattern.compile("^\\s*(?:\\([^()\\n]{1,30}\\)\\s*)?,\\s*([^,;:.!?\\n\"“”]{1,90})");

    /**
     * The person the document introduced with this description before {@code at}: in an appositive ("Brian Fallon,
     * a spokesman for the campaign,", "Donald Trump Jr., 38,") or as the noun before the name ("super PAC
     * spokeswoman Kellyanne Conway"); the nearest such person, when one bears it. Null when none does.
     */
    Person introducedAs(int at, String head, char g) {
        String h = head.toLowerCase(Locale.ROOT);
        boolean age = AGE_NOUN.matcher(h).matches();
        String years = age ? h.substring(0, h.indexOf('-')) : null;
        for (int k = upper(at) - 1; k >= 0 && at - people.get(k).end() < 6000; k--) {
            Person p = people.get(k);
            if ((g == 'm' || g == 'f') && p.gender() != 0 && p.gender() != g) continue;
            if (p.name().startsWith("the ")) continue;
            Matcher a = APPOSITIVE_AFTER.matcher(text).region(p.end(), Math.min(text.length(), p.end() + 130));
            if (a.lookingAt()) {
                String app = a.group(1).strip();
                if (age ? app.equals(years) || app.startsWith(years + "-year-old") : containsWord(app, h)) return p;
            }
            int b = p.start();
            while (b > 0 && text.charAt(b - 1) == ' ') b--;
            int w = b;
            while (w > 0 && Character.isLetter(text.charAt(w - 1))) w--;
            if (w < b && text.substring(w, b).equals(h)) return p;
        }
        return null;
    }

    /**
     * Does the text introduce {@code p} with the capitalised words that the description puts before its head
     * ("the Florida senator": "Florida" near "Florida Sen. Marco Rubio" or "Rubio, the Florida senator")?
     */
    boolean carriesModifiers(String description, String head, Person p) {
        String[] w = SPACES.split(description.strip());
        String near = text.substring(Math.max(0, p.start() - 60), Math.min(text.length(), p.end() + 130));
        for (int i = 1; i < w.length; i++) {
            if (w[i].equalsIgnoreCase(head)) break;
            if (!w[i].isEmpty() && Character.isUpperCase(w[i].charAt(0)) && !containsWord(near, w[i])) return false;
        }
        return true;
    }

    static boolean containsWord(String s, String word) {
        int i = s.indexOf(word);
        while (i >= 0) {
            boolean l = i == 0 || !Character.isLetter(s.charAt(i - 1)), r = i + word.length() >= s.length() || !Character.isLetter(s.charAt(i + word.length()));
            if (l && r) return true;
            i = s.indexOf(word, i + 1);
        }
        return false;
    }

    /** Start of the sentence holding offset {@code at} (bounded by the paragraph). */
    int sentenceStart(int at) {
        int floor = paragraphStart(at);
        for (int i = at - 1; i > floor; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1)) && !abbreviation(text, i)
                    && !(i >= 2 && Character.isUpperCase(text.charAt(i - 1)) && !Character.isLetter(text.charAt(i - 2)))) return i + 1;
        }
        return floor;
    }

    /** Paragraph breaks (blank lines) as [end of the paragraph before, start of the one after], in order. */
    private int[] breakEnds = new int[0], breakStarts = new int[0];

    private void findParagraphs() {
        List<int[]> br = new ArrayList<>();
        int n = text.length();
        boolean lines = unwrapped();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '\n') continue;
            int j = i + 1;
            while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) j++;
            if (j < n && (text.charAt(j) == '\n' || lines)) {
                int k = j;
                while (k < n && Character.isWhitespace(text.charAt(k))) k++;
                br.add(new int[]{i, k});
                i = k - 1;
            }
        }
        breakEnds = new int[br.size()];
        breakStarts = new int[br.size()];
        for (int k = 0; k < br.size(); k++) { breakEnds[k] = br.get(k)[0]; breakStarts[k] = br.get(k)[1]; }
    }

    /**
     * Is the text written a paragraph a line (lines mostly longer than any wrapped text's), so that a single line
     * break ends a paragraph? Wrapped prose (a novel, a mail) has short lines and blank lines between paragraphs.
     */
    boolean unwrapped() {
        int lines = 0, longLines = 0, start = 0, n = text.length();
        for (int i = 0; i <= n; i++) {
            if (i < n && text.charAt(i) != '\n') continue;
            int len = i - start;
            if (len > 0) { lines++; if (len > 160) longLines++; }
            start = i + 1;
        }
        return lines >= 4 && longLines * 2 > lines;
    }

    int paragraphStart(int at) {
        int lo = 0, hi = breakStarts.length; // last break starting a paragraph at or before at
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (breakStarts[mid] <= at) lo = mid + 1; else hi = mid; }
        return lo == 0 ? 0 : breakStarts[lo - 1];
    }

    int paragraphEnd(int at) {
        int lo = 0, hi = breakEnds.length; // first break ending a paragraph at or after at
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (breakEnds[mid] < at) lo = mid + 1; else hi = mid; }
        return lo == breakEnds.length ? text.length() : breakEnds[lo];
    }

    // ---- the passes --------------------------------------------------------------------------------------------

    /** The quotations this model attributes: marked by quotation marks, not titles, not inside another quotation. */
    List<Quote> candidates() {
        List<Quote> out = new ArrayList<>();
        Map<String, Quote> byId = new HashMap<>();
        for (Quote q : doc.quotes()) byId.put(q.id(), q);
        for (Quote q : doc.quotesInOrder()) {
            if (!isMarked(q) || q.kind() == QuoteKind.TITLE) continue;
            Quote parent = q.parent() == null ? null : byId.get(q.parent());
            if (parent != null && isMarked(parent)) continue;
            out.add(q);
        }
        return out;
    }

    private final Map<Quote, Integer> paragraphOf = new HashMap<>();
    /** Quotations this model gave a speaker (the others' speakers come from the markup or the introduction rules). */
    private final java.util.Set<Quote> framed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private List<Quote> cands;

    /** Speakers from frames around each quotation: run before the other attribution rules, which fill the rest. */
    void explicit() {
        cands = candidates();
        Quote prev = null;
        int prevPara = -1;
        for (Quote q : cands) {
            int para = paragraphStart(q.openMarker().start());
            paragraphOf.put(q, para);
            Quote prevInPara = prev != null && prevPara == para ? prev : null;
            if (q.speaker() == null) {
                Found f = frame(q, prevInPara);
                if (f != null) { q.speaker(speaker(f)); framed.add(q); }
            }
            remember(q.openMarker().start(), q.speaker());
            prev = q;
            prevPara = para;
        }
    }

    static final Pattern VOCATIVE_START = Pattern.compile("^\\W*(?:(?:Oh|O|Ah|Well|Yes|No|Now|Come|Look|Dear|My\\s+dear|Why),?\\s+)?(" + NAME + ")\\s*[,!]");
    static final Pattern VOCATIVE_END = Pattern.compile(",\\s+(?:(?:my\\s+)?(?:dear|darling)\\s+)?(" + NAME + ")\\s*[.!?]*\\W*$");

    /** A titled name set off by commas or a dash inside a turn: "Forgive me, Mrs. Ashdown, it was only a dream." */
    static final Pattern VOCATIVE_MID = Pattern.compile(",\\s+((?:" + Lexicon.HONORIFIC_RX + ")\\s+" + CAP + ")\\s*(?:[,!?;]|--|—)");

    /** The person a turn addresses by name ("Lucy, ...", "..., Charlotte."), or null. */
    String vocative(Quote q) {
        String t = q.text(doc);
        for (Pattern p : List.of(VOCATIVE_START, VOCATIVE_END, VOCATIVE_MID)) {
            Matcher m = p.matcher(t);
            if (m.find()) { String c = core(m.group(1)); if (c != null) return c; }
        }
        return null;
    }

    /**
     * Dialogue: quotations of a paragraph whose frame names one speaker share it; a paragraph whose narrative
     * names a person before its quotation is that person's; an unframed turn in a two-party exchange is spoken by
     * the party who spoke the turn before last, or by the person the last turn addressed. No flag
     * {@code unattributed} on a turn: dialogue is not a pasted source.
     */
    /** A quotation set off after an introduction ending in a colon is a source laid before the reader, not a turn. */
    boolean introduced(Quote q) {
        int at = q.openMarker() != null ? q.openMarker().start() : q.span().start();
        while (at > 0 && (text.charAt(at - 1) == ' ' || text.charAt(at - 1) == '\t' || text.charAt(at - 1) == '\n')) at--;
        return at > 0 && text.charAt(at - 1) == ':';
    }

    /**
     * The second half of an interrupted quotation ("...," the Duchess said after a pause: "..."): the quotation before
     * it in its paragraph, {@code p}, closes just before it, and the words between are a short speech tag.
     */
    boolean interrupted(Quote q, Quote p) {
        int open = q.openMarker().start();
        if (p.closeMarker() == null || p.closeMarker().end() > open) return false;
        int gap = open - p.closeMarker().end();
        if (gap <= 0 || gap > 100 || !Lexicon.hasSpeechWord(text.substring(p.closeMarker().end(), open))) return false;
        // "...," said Loomis, of the union. Kasich resisted: "...": a new sentence, a new subject
        for (int i = p.closeMarker().end(); i < open - 1; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && Character.isWhitespace(text.charAt(i + 1)) && !abbreviation(text, i)) return false;
        }
        return true;
    }

    void dialogue() {
        if (cands == null) explicit();
        // paragraphs in order, each with its quotations
        List<Integer> paras = new ArrayList<>();
        Map<Integer, List<Quote>> byPara = new HashMap<>();
        for (Quote q : cands) {
            int p = paragraphOf.get(q);
            if (!byPara.containsKey(p)) paras.add(p);
            byPara.computeIfAbsent(p, x -> new ArrayList<>()).add(q);
        }
        String[] speakerOf = new String[paras.size()];
        Speaker[] sp = new Speaker[paras.size()];
        boolean[] turn = new boolean[paras.size()];
        for (int k = 0; k < paras.size(); k++) {
            List<Quote> qs = byPara.get(paras.get(k));
            String one = null;
            Speaker s1 = null;
            boolean conflict = false;
            // The paragraph's speaker: its most confident frame; two named speakers in one paragraph are left alone.
            for (Quote q : qs) {
                // words of an earlier post are its author's, not a speaker of the paragraph's other quotations
                if (q.speaker() == null || q.sourcePost() != null) continue;
                if (one == null || q.speaker().confidence() > s1.confidence()) {
                    if (one != null && !one.equals(q.speaker().name()) && s1.confidence() >= 0.8) conflict = true;
                    one = q.speaker().name(); s1 = q.speaker();
                } else if (!one.equals(q.speaker().name()) && q.speaker().confidence() >= 0.8) conflict = true;
            }
            if (one != null && !conflict)
                for (Quote q : qs) if (framed.contains(q) && !q.speaker().name().equals(one) && q.speaker().confidence() < s1.confidence() && !ownSentenceName(q)) q.speaker(null);
            int pStart = paras.get(k), pEnd = paragraphEnd(qs.get(qs.size() - 1).closeMarker().end());
            turn[k] = speechParagraph(qs, pStart, pEnd);
            if (one == null && turn[k]) {
                // the narrative before the first quotation names its speaker ("Lucy felt that she had been selfish. "...")
                int open = qs.get(0).openMarker().start();
                if (open - pStart > 12 && !turnIsPureSpeech(pStart, pEnd)) {
                    // the first person it names as a subject, not one named after a preposition, as a modifier or a possessor
                    for (int j = upper(pStart), hi = upper(open); j < hi; j++) {
                        Person p = people.get(j);
                        if (p.object() || !character(p)) continue;
                        s1 = speaker(new Found(fullName(p.name(), p.start()), p.name(), new Span(p.start(), p.end()), 0.5));
                        one = s1.name();
                        break;
                    }
                }
            }
            if (one != null && !conflict) {
                for (int i = 0; i < qs.size(); i++) {
                    Quote q = qs.get(i);
                    if (q.speaker() == null && q.kind() != QuoteKind.SCARE && q.sourcePost() == null && (!introduced(q) || i > 0 && interrupted(q, qs.get(i - 1)))) { q.speaker(lower(s1, 0.6)); framed.add(q); }
                }
                speakerOf[k] = one;
                sp[k] = s1;
            }
        }
        // A turn the narrator speaks ("I said"): a party of the exchange who is never named, so never given as a speaker.
        for (int k = 0; k < paras.size(); k++) {
            if (speakerOf[k] != null || !turn[k]) continue;
            for (Quote q : byPara.get(paras.get(k))) if (q.speaker() == null && narratorTag(q)) { speakerOf[k] = NARRATOR; turn[k] = true; break; }
        }
        // alternation over runs of consecutive turns
        for (int k = 0; k < paras.size(); k++) {
            if (speakerOf[k] != null || !turn[k] || !turnIsPureSpeech(paras.get(k), paragraphEnd(paras.get(k)))) continue;
            if (k < 1 || !adjacent(paras, k - 1, k)) continue;
            if (speakerOf[k - 1] == null) {
                if (!turn[k - 1]) continue;
                // the turn before addresses someone by name ("I am so sorry, Mrs. Vyse"): the one addressed answers
                List<Quote> before = byPara.get(paras.get(k - 1));
                String to = vocative(before.get(before.size() - 1));
                if (to == null || !knownPerson(to, paras.get(k))) continue;
                String mine = vocative(byPara.get(paras.get(k)).get(0));
                if (mine != null && (mine.equals(to) || sameLast(mine, to))) continue;
                int at = paras.get(k - 1);
                Speaker pick = speaker(new Found(fullName(to, at), to, before.get(before.size() - 1).span(), 0.35));
                for (Quote q : byPara.get(paras.get(k))) if (q.speaker() == null) { q.speaker(pick); framed.add(q); }
                speakerOf[k] = pick.name();
                sp[k] = pick;
                continue;
            }
            String addressed = speakerOf[k - 1] == NARRATOR ? null : vocative(byPara.get(paras.get(k - 1)).get(0));
            Speaker pick = null;
            // the other party: the last speaker of this run of turns who is not the one who spoke just before
            int from = -1;
            for (int j = k - 2; j >= 0 && j >= k - 6 && adjacent(paras, j, j + 1) && turn[j]; j--) {
                if (speakerOf[j] == null) continue;
                if (!speakerOf[j].equals(speakerOf[k - 1])) { from = j; break; }
            }
            if (from >= 0 && speakerOf[from] == NARRATOR) { speakerOf[k] = NARRATOR; continue; } // the narrator's turn again
            if (from >= 0) pick = sp[from];
            if (pick != null) { /* found in the run */ }
            else if (addressed != null && !addressed.equals(speakerOf[k - 1]) && !sameLast(addressed, speakerOf[k - 1]))
                pick = new Speaker(addressed, addressed, null, new Evidence(byPara.get(paras.get(k - 1)).get(0).span(), addressed), 0.4);
            if (pick == null) continue;
            String mine = vocative(byPara.get(paras.get(k)).get(0));
            if (mine != null && (mine.equals(pick.name()) || sameLast(mine, pick.name()))) continue;
            for (Quote q : byPara.get(paras.get(k))) if (q.speaker() == null) { q.speaker(lower(pick, 0.45)); framed.add(q); }
            speakerOf[k] = pick.name();
            sp[k] = pick;
        }
        // and back from the turns after: a bare turn before two known ones of different speakers is the second one's
        for (int k = paras.size() - 2; k >= 0; k--) {
            if (speakerOf[k] != null || !turn[k] || !turnIsPureSpeech(paras.get(k), paragraphEnd(paras.get(k)))) continue;
            if (!adjacent(paras, k, k + 1) || speakerOf[k + 1] == null || !turn[k + 1]) continue;
            int from = -1;
            for (int j = k + 2; j < paras.size() && j <= k + 6 && adjacent(paras, j - 1, j) && turn[j]; j++) {
                if (speakerOf[j] == null) continue;
                if (!speakerOf[j].equals(speakerOf[k + 1])) { from = j; break; }
            }
            if (from < 0) continue;
            if (speakerOf[from] == NARRATOR) { speakerOf[k] = NARRATOR; continue; }
            Speaker pick = sp[from];
            if (pick == null) continue;
            String mine = vocative(byPara.get(paras.get(k)).get(0));
            if (mine != null && (mine.equals(pick.name()) || sameLast(mine, pick.name()))) continue;
            for (Quote q : byPara.get(paras.get(k))) if (q.speaker() == null) { q.speaker(lower(pick, 0.4)); framed.add(q); }
            speakerOf[k] = pick.name();
            sp[k] = pick;
        }
        // Outside dialogue (news, reports), a paragraph of bare quotation right after a quoted speaker continues them.
        if (!dialogueText && !exchange(paras, speakerOf, turn)) {
            for (int k = 1; k < paras.size(); k++) {
                if (speakerOf[k] != null || speakerOf[k - 1] == null || speakerOf[k - 1] == NARRATOR || !adjacent(paras, k - 1, k)) continue;
                if (!turnIsPureSpeech(paras.get(k), paragraphEnd(paras.get(k)))) continue;
                List<Quote> prevQs = byPara.get(paras.get(k - 1));
                Quote last = prevQs.get(prevQs.size() - 1);
                if (last.speaker() == null || !last.speaker().name().equals(speakerOf[k - 1])) continue;
                boolean any = false;
                for (Quote q : byPara.get(paras.get(k)))
                    if (q.speaker() == null && q.kind() == QuoteKind.PASSAGE && q.sourcePost() == null && !introduced(q)) { q.speaker(lower(sp[k - 1], 0.5)); framed.add(q); any = true; }
                if (any) { speakerOf[k] = speakerOf[k - 1]; sp[k] = sp[k - 1]; }
            }
        }
        for (int k = 0; k < paras.size(); k++) {
            for (Quote q : byPara.get(paras.get(k))) {
                // a turn is not spoken by the person it addresses
                if (q.speaker() != null && q.speaker().confidence() < 0.8 && (framed.contains(q) || q.kind() != QuoteKind.PASSAGE)) {
                    String v = vocative(q);
                    if (v != null && (v.equals(q.speaker().name()) || v.equals(q.speaker().asWritten()))) q.speaker(null);
                }
                if (turn[k] && !introduced(q)) q.flags().removeIf(f -> f.type().equals("unattributed"));
            }
        }
    }

    /** Has the document named this person (as written, or by the last word of the name) outside quotations before {@code at}? */
    boolean knownPerson(String name, int at) {
        String last = lastWord(name);
        for (int k = upper(at) - 1, lo = Math.max(0, k - KIN_WINDOW); k >= lo; k--) {
            String n = people.get(k).name();
            if (n.equals(name) || lastWord(n).equals(last)) return true;
        }
        return false;
    }

    /** The narrator as a party of an exchange (compared by identity, never shown). */
    static final String NARRATOR = new String("I");
    static final Pattern NARRATOR_AFTER = Pattern.compile("^[ \\t\\n,—–-]*(?:I" + GAP + ADVERB + SPEECH + "|" + ADVERB + SPEECH + GAP + "I)(?![\\p{L}])");
    static final Pattern NARRATOR_BEFORE = Pattern.compile("(?:^|[.!?\\s])I" + GAP + ADVERB + SPEECH + "[ \\t]*[,:—–-]?[ \\t\\n]*$");

    /** Is the quotation tagged as the narrator's ("...," I said; said I; I answered: "...")? */
    boolean narratorTag(Quote q) {
        int close = q.closeMarker().end(), open = q.openMarker().start();
        if (NARRATOR_AFTER.matcher(text).region(close, Math.min(text.length(), close + 60)).lookingAt()) return true;
        int from = Math.max(paragraphStart(open), open - 60);
        return NARRATOR_BEFORE.matcher(text).region(from, open).find();
    }

    /** Does the written name end in the entity's surname (or a misspelling of it): "President Tom Fitton" is not "Tom"? */
    static boolean lastWordsAgree(String written, Entity e) {
        String w = stripPossessive(lastWord(written)).toLowerCase(Locale.ROOT);
        List<String> forms = new ArrayList<>();
        forms.add(e.name());
        if (e.variants() != null) forms.addAll(e.variants());
        for (String f : forms) {
            String l = stripPossessive(lastWord(f)).toLowerCase(Locale.ROOT);
            int limit = Math.max(1, Math.min(l.length(), w.length()) / 4);
            if (l.equals(w) || org.exhibit.authority.NameKey.edits(l, w) <= limit || org.exhibit.authority.NameKey.distance(l, w, limit) <= limit) return true;
        }
        return false;
    }

    /**
     * Is the document a dialogue: do two adjacent turns with different named speakers follow each other more than
     * once? Then a bare turn is the other party's, not a continuation.
     */
    boolean exchange(List<Integer> paras, String[] speakerOf, boolean[] turn) {
        int n = 0;
        for (int k = 1; k < paras.size(); k++)
            if (turn[k] && turn[k - 1] && speakerOf[k] != null && speakerOf[k - 1] != null && !speakerOf[k].equals(speakerOf[k - 1])
                    && adjacent(paras, k - 1, k) && ++n >= 2) return true;
        return false;
    }

    static boolean sameLast(String a, String b) { return lastWord(a).equals(lastWord(b)); }

    static Speaker lower(Speaker s, double max) {
        return new Speaker(s.name(), s.asWritten(), s.entity(), s.evidence(), Math.min(max, s.confidence()));
    }

    /** Are paragraphs k1 and k2 (k1 < k2) next to each other, with no narrative paragraph between? */
    boolean adjacent(List<Integer> paras, int k1, int k2) {
        int e = paragraphEnd(paras.get(k1));
        return e <= paras.get(k2) && text.substring(e, paras.get(k2)).isBlank();
    }

    /** A paragraph of dialogue: its quotations are speech (a frame, or the paragraph opens with one). */
    boolean speechParagraph(List<Quote> qs, int pStart, int pEnd) {
        for (Quote q : qs) if (q.kind() == QuoteKind.PASSAGE || q.kind() == QuoteKind.PHRASE) {
            if (q.speaker() != null) return true;
            if (text.substring(pStart, q.openMarker().start()).isBlank()) return true;
            if (q.closeMarker().end() >= pEnd - 1) return true;
        }
        return false;
    }

    /** Nothing but quotation and punctuation in the paragraph: a bare turn. */
    boolean turnIsPureSpeech(int pStart, int pEnd) {
        for (int i = pStart; i < pEnd; i++) {
            char c = text.charAt(i);
            if (!inQuote[i] && Character.isLetter(c)) return false;
        }
        return true;
    }

    private PersonMentions personMentions;

    /** The speaker for a found name: the authority's form when the resolver linked the same person, else as written. */
    Speaker speaker(Found f) {
        if (personMentions == null) personMentions = new PersonMentions(doc);
        Entity e = personMentions.last(f.evidence());
        if (e != null && !(Attribution.Context.resembles(f.name(), e) && lastWordsAgree(f.name(), e) && !Attribution.givenNamesDiffer(f.name(), e))) e = null;
        if (e != null && Attribution.givenName(f.name()) == null && sharedSurnames.contains(lastWord(f.name()))) e = null; // which Kessler?
        if (e != null && !lastWord(e.name()).equalsIgnoreCase(lastWord(f.name())) && !Attribution.Context.resembles(lastWord(f.name()), e)) e = null;
        String name = e != null ? e.name() : f.name();
        return new Speaker(name, f.asWritten(), e == null ? null : e.id(), new Evidence(f.evidence(), doc.slice(f.evidence())), f.confidence());
    }
}
