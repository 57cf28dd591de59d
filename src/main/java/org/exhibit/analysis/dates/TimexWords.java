package org.exhibit.analysis.dates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The language data of date finding, read once from the word lists under {@code /org/exhibit/lang/}: month and
 * weekday names (English, German, French, Russian in Cyrillic and in transliteration), number words, units, vague
 * references, frequencies, parts of the day and holidays. {@link TimexNormalizer} builds its grammar from these.
 */
final class TimexWords {
    private TimexWords() {}

    private static final Pattern GAPS = Pattern.compile("\\s+"); // first: the lists below are keyed with it

    static final String[] FOREIGN_LANGUAGES = {"de", "fr", "ru"};

    /** Month names: name → month number (1-12). English ones, then the other languages'. */
    static final Map<String, Integer> EN_MONTHS = numbered("en/months.txt");
    static final Map<String, Integer> FOREIGN_MONTHS = foreign("months.txt", EN_MONTHS);
    /** Weekday names: name → ISO day number (1 = Monday). */
    static final Map<String, Integer> EN_WEEKDAYS = numbered("en/weekdays.txt");
    static final Map<String, Integer> FOREIGN_WEEKDAYS = foreign("weekdays.txt", EN_WEEKDAYS);
    /** Number words: word → value; "X" for an unspecified count ("several"). */
    static final Map<String, String> NUMBERS = pairs("en/numbers.txt");
    /** Unit words, singular and plural → ISO 8601 duration code (D, W, M, Y, DE, CE, TH, TM, TS, WE, Q). */
    static final Map<String, String> UNITS = units("en/units.txt");
    static final Map<String, String> REFERENCES = pairs("en/references.txt");
    static final Map<String, String> SETS = pairs("en/sets.txt");
    static final Map<String, String> DAYPARTS = pairs("en/dayparts.txt");
    static final Map<String, String> HOLIDAYS = pairs("en/holidays.txt");
    /** Tense words: future, past and pastverbs → the words (space-separated). */
    static final Map<String, String> TENSE = pairs("en/tense.txt");

    /** The first words of every English expression the lists name, for a cheap test of where one may start. */
    static java.util.Set<String> firstWords() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Map<String, ?> m : List.of(EN_MONTHS, FOREIGN_MONTHS, EN_WEEKDAYS, FOREIGN_WEEKDAYS, NUMBERS, REFERENCES, SETS, DAYPARTS, HOLIDAYS))
            for (String k : m.keySet()) out.add(k.split("[ ']")[0]);
        return out;
    }

    /** The full English month names, in order, as an alternation. */
    static String monthNames() { return firsts("en/months.txt"); }

    /** The English month abbreviations (not the full names), as an alternation. */
    static String monthAbbreviations() {
        List<String> out = new ArrayList<>();
        for (String[] line : lines("en/months.txt")) for (int i = 1; i < line.length; i++) out.add(line[i]);
        return String.join("|", out);
    }

    static String weekdayNames() { return firsts("en/weekdays.txt"); }

    /** Regex alternation of the keys, longest first, each key's spaces matching any gap {@code gap}. */
    static String alternation(java.util.Collection<String> keys, String gap) {
        List<String> k = new ArrayList<>(keys);
        k.sort(Comparator.comparingInt(String::length).reversed());
        List<String> out = new ArrayList<>();
        for (String s : k) {
            StringBuilder sb = new StringBuilder();
            for (String w : s.split(" ")) sb.append(sb.length() == 0 ? "" : gap).append(Pattern.quote(w).replace("'", "\\E['’]\\Q"));
            out.add(sb.toString());
        }
        return org.exhibit.text.Alternation.of(k, gap, true, String.join("|", out));
    }

    /** A phrase as the lists write it: lower case, straight apostrophes, single spaces. */
    static String key(String phrase) {
        return GAPS.matcher(phrase.toLowerCase(Locale.ROOT).replace('’', '\'').strip()).replaceAll(" ");
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    private static List<String[]> lines(String file) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TimexWords.class.getResourceAsStream("/org/exhibit/lang/" + file)) {
            if (in == null) throw new IllegalStateException("missing word list " + file);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                if (line.isBlank()) continue;
                out.add(line.strip().split(line.contains("\t") ? "\t" : "\\s+"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<String, Integer> numbered(String file) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String[]> ls = lines(file);
        for (int i = 0; i < ls.size(); i++)
            for (String w : String.join(" ", ls.get(i)).split("\\s+")) out.putIfAbsent(w, i + 1);
        return out;
    }

    private static Map<String, Integer> foreign(String file, Map<String, Integer> english) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String lang : FOREIGN_LANGUAGES)
            numbered(lang + "/" + file).forEach((w, n) -> { if (!english.containsKey(w)) out.putIfAbsent(w, n); });
        return out;
    }

    private static Map<String, String> pairs(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] l : lines(file)) out.put(key(l[0]), l.length > 1 ? l[1].strip() : "");
        return out;
    }

    private static Map<String, String> units(String file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] l : lines(file)) for (String w : l[0].strip().split("\\s+")) out.put(w, l[1].strip());
        return out;
    }

    private static String firsts(String file) {
        List<String> out = new ArrayList<>();
        for (String[] line : lines(file)) out.add(line[0]);
        return String.join("|", out);
    }
}
