package org.exhibit.analysis.attribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language data of attribution, read once from resource files under {@code /org/exhibit/lang/en/}:
 * speech and report verbs (every inflected form), frame phrases ("according to"), honorifics and role nouns with
 * the gender they imply, organisation nouns, and given names with their usual gender. Another language is another
 * set of files; the code reads only these.
 */
public final class Lexicon {
    private Lexicon() {}

    /** Gender a word implies: 'm', 'f', or '-' when it implies none. */
    private static final Map<String, Character> HONORIFICS = genders("honorifics.txt", false);
    private static final Map<String, Character> ROLES = genders("role-nouns.txt", true);
    private static final Map<String, Character> FIRST_NAMES = genders("first-names.txt", false);
    private static final Set<String> ORGANISATIONS = new HashSet<>(lines("organisation-nouns.txt"));
    private static final Set<String> SPEECH = new HashSet<>();
    private static final Set<String> REPORT = new HashSet<>();
    private static final List<String> FRAME_PHRASES = lines("frame-phrases.txt");
    private static final List<String> INTRO_PHRASES = lines("intro-phrases.txt");

    static {
        boolean report = false;
        for (String line : lines("speech-verbs.txt")) {
            if (line.equals("[report]")) { report = true; continue; }
            String[] f = line.split("\t");
            Set<String> into = report ? REPORT : SPEECH;
            if (f.length == 2) { into.add(f[0]); continue; }
            into.addAll(inflections(f[0]));
        }
    }

    /** Every form of a speech verb, longest first, as a regex alternation (for building frame patterns). */
    static final String SPEECH_RX = alternation(SPEECH);
    /**
     * The words that present a pasted passage as someone's ("Pitt wrote", "as he put it"), from intro-phrases.txt,
     * longest first, as a regex alternation.
     */
    static final String INTRO_RX = introAlternation();
    /** Speech and report verbs together. */
    static final String REPORT_RX = alternation(union(SPEECH, REPORT));
    /**
     * The first word (lower case) of every speech verb form, of every speech or report verb form, and of every frame
     * phrase: a frame pattern can match only where one of them occurs, so a window without any is passed over without
     * running the pattern from each of its positions (see {@link #hasWord}).
     */
    private static final Set<String> SPEECH_FIRST = firstWords(SPEECH);
    private static final Set<String> REPORT_FIRST = firstWords(union(SPEECH, REPORT));
    private static final Set<String> PHRASE_FIRST = firstWords(new HashSet<>(FRAME_PHRASES));

    /** Does {@code s} hold a word that may begin a speech verb ("said", "went" of "went on")? */
    static boolean hasSpeechWord(CharSequence s) { return hasWord(s, SPEECH_FIRST); }
    /** Does {@code s} hold a word that may begin a speech or report verb? */
    static boolean hasReportWord(CharSequence s) { return hasWord(s, REPORT_FIRST); }
    /** Does {@code s} hold a word that may begin a frame phrase ("according" of "according to")? */
    static boolean hasFramePhraseWord(CharSequence s) { return hasWord(s, PHRASE_FIRST); }

    /** One pass over the letters of {@code s}: is any of its words (compared in lower case) in {@code words}? */
    static boolean hasWord(CharSequence s, Set<String> words) {
        StringBuilder w = new StringBuilder(16);
        for (int i = 0, n = s.length(); i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            if (Character.isLetter(c)) { if (w.length() < 32) w.append(Character.toLowerCase(c)); continue; }
            if (w.length() > 0) {
                if (words.contains(w.toString())) return true;
                w.setLength(0);
            }
        }
        return false;
    }

    private static Set<String> firstWords(Set<String> forms) {
        Set<String> out = new HashSet<>();
        for (String f : forms) {
            String first = f.strip().split("[^\\p{L}]+", 2)[0].toLowerCase(Locale.ROOT);
            if (!first.isEmpty()) out.add(first);
        }
        return out;
    }

    /** Person nouns written in lower case ("spokesman", "pollster"), as a regex alternation. */
    static final String ROLE_RX = alternation(lowerRoles());
    private static final Map<String, String> KIN = kin();
    /** The family title a relation's bearer is named by ("mother" → "Mrs"), from kin-nouns.txt, or null. */
    static String kinTitle(String noun) { return KIN.get(noun.toLowerCase(Locale.ROOT)); }
    private static Map<String, String> kin() {
        Map<String, String> m = new HashMap<>();
        for (String line : lines("kin-nouns.txt")) { String[] f = line.split("\t"); if (f.length == 2) m.put(f[0].strip(), f[1].strip()); }
        return m;
    }
    static final String FRAME_PHRASE_RX = alternation(new HashSet<>(FRAME_PHRASES));
    /** Words a story puts before a character's name ("poor Lucy"), from epithets.txt, as a regex alternation. */
    static final String EPITHET_RX = alternation(new HashSet<>(lines("epithets.txt")));
    /** Honorifics, with an optional full stop. */
    static final String HONORIFIC_RX = "(?:" + alternation(HONORIFICS.keySet()) + ")\\.?";

    public static boolean speechVerb(String w) { return SPEECH.contains(w.toLowerCase(Locale.ROOT)); }
    public static boolean reportVerb(String w) { String l = w.toLowerCase(Locale.ROOT); return SPEECH.contains(l) || REPORT.contains(l); }
    public static boolean honorific(String w) { return HONORIFICS.containsKey(stripDot(w)); }
    /** The gender an honorific implies ('m', 'f', '-'), or 0 when it is none. */
    public static char honorificGender(String w) { Character c = HONORIFICS.get(stripDot(w)); return c == null ? 0 : c; }
    /** The gender a role noun implies ('m', 'f', '-'), or 0 when it is none. */
    public static char roleGender(String w) { Character c = ROLES.get(w.toLowerCase(Locale.ROOT)); return c == null ? 0 : c; }
    /** The usual gender of a given name ('m' or 'f'), or 0 when it is not listed. */
    public static char firstNameGender(String w) { Character c = FIRST_NAMES.get(w); return c == null ? 0 : c; }
    public static boolean organisationNoun(String w) { return ORGANISATIONS.contains(w.toLowerCase(Locale.ROOT)); }

    static String stripDot(String w) { return w.endsWith(".") ? w.substring(0, w.length() - 1) : w; }

    /** Regular inflections of an English verb (say → says, said is listed; add → adds, added, adding). */
    static Set<String> inflections(String base) {
        Set<String> out = new LinkedHashSet<>();
        out.add(base);
        if (base.contains(" ")) { // phrasal: inflect the verb, keep the particle
            int sp = base.indexOf(' ');
            for (String f : inflections(base.substring(0, sp))) out.add(f + base.substring(sp));
            return out;
        }
        boolean e = base.endsWith("e");
        boolean y = base.endsWith("y") && base.length() > 2 && "aeiou".indexOf(base.charAt(base.length() - 2)) < 0;
        if (y) { String stem = base.substring(0, base.length() - 1); out.add(stem + "ies"); out.add(stem + "ied"); }
        else if (base.endsWith("sh") || base.endsWith("ch") || base.endsWith("s") || base.endsWith("x") || base.endsWith("o")) { out.add(base + "es"); out.add(base + "ed"); }
        else { out.add(base + "s"); out.add(e ? base + "d" : base + "ed"); }
        out.add((e ? base.substring(0, base.length() - 1) : base) + "ing");
        return out;
    }

    private static Set<String> lowerRoles() {
        Set<String> out = new HashSet<>();
        for (String line : lines("role-nouns.txt")) {
            String w = line.split("\t")[0];
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) out.add(w);
        }
        return out;
    }

    private static String introAlternation() {
        List<String> w = new ArrayList<>(new LinkedHashSet<>(INTRO_PHRASES));
        w.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder sb = new StringBuilder();
        for (String s : w) {
            if (sb.length() > 0) sb.append('|');
            StringBuilder one = new StringBuilder();
            for (String word : s.split(" ")) {
                if (one.length() > 0) one.append("\\s+");
                one.append(word.equals("\\w+") ? word : Pattern.quote(word));
            }
            sb.append(one);
        }
        return sb.toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) { Set<String> s = new HashSet<>(a); s.addAll(b); return s; }

    private static String alternation(Set<String> words) {
        List<String> w = new ArrayList<>(words);
        w.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        StringBuilder sb = new StringBuilder();
        for (String s : w) { if (sb.length() > 0) sb.append('|'); sb.append(Pattern.quote(s).replace(" ", "\\E\\s+\\Q")); }
        return org.exhibit.text.Alternation.of(w, "\\s+", false, sb.toString());
    }

    private static Map<String, Character> genders(String file, boolean lower) {
        Map<String, Character> m = new HashMap<>();
        for (String line : lines(file)) {
            String[] f = line.split("\t");
            if (f.length != 2 || f[1].isEmpty()) continue;
            m.put(lower ? f[0].toLowerCase(Locale.ROOT) : f[0], f[1].charAt(0));
        }
        return m;
    }

    /** The lines of a word list in {@code lang/en/}, stripped, without blank lines and {@code #} comments. */
    public static List<String> lines(String file) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("/org/exhibit/lang/en/" + file)) {
            if (in == null) throw new IllegalStateException(file + " missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
