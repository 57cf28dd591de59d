package org.exhibit.authority;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Common English words (SCOWL size 35) and capitalised words that are not names (nationalities, months, titles).
 * A capitalised word that is one of these is a sentence start or a noun in a title, not a misspelt surname.
 */
public final class CommonWords {
    private static final Set<String> WORDS = load();

    private CommonWords() {}

    private static Set<String> load() {
        Set<String> s = new HashSet<>(60_000);
        try (InputStream in = CommonWords.class.getResourceAsStream("/org/exhibit/authority/english-words.txt")) {
            if (in == null) throw new IllegalStateException("english-words.txt missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) if (!line.isEmpty() && !line.startsWith("#")) s.add(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    /** Is the word, in lower case, a common English word? */
    public static boolean common(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (WORDS.contains(lower)) return true;
        // plurals and simple inflections of listed words
        if (lower.endsWith("s") && WORDS.contains(lower.substring(0, lower.length() - 1))) return true;
        return lower.endsWith("es") && WORDS.contains(lower.substring(0, lower.length() - 2));
    }

    /** Is the word, as written, one of the listed capitalised non-names (German, December, Comrade ...)? */
    public static boolean commonCapitalised(String word) { return WORDS.contains(word); }

    /** The commonest Russian surnames: real names in their own right, never typos of a famous one. */
    private static final Set<String> SURNAMES = Set.of("ivanov", "petrov", "sidorov", "smirnov", "kuznetsov", "popov",
            "vasiliev", "vasilyev", "sokolov", "mikhailov", "novikov", "fedorov", "fyodorov", "morozov", "volkov",
            "alekseev", "alexeev", "lebedev", "semenov", "semyonov", "egorov", "yegorov", "pavlov", "kozlov",
            "stepanov", "nikolaev", "orlov", "andreev", "makarov", "nikitin", "zakharov", "zaitsev", "solovyov",
            "borisov", "yakovlev", "grigoriev", "romanov", "vorobyov", "sergeev", "kuzmin", "frolov", "alexandrov",
            "dmitriev", "korolev", "gusev", "kiselev", "ilyin", "maksimov", "polyakov", "sorokin", "vinogradov",
            "kovalev", "belov", "medvedev", "antonov", "tarasov", "zhukov", "baranov", "filippov", "komarov",
            "davydov", "belyaev", "gerasimov", "bogdanov", "osipov", "sidorenko", "matveev", "titov", "markov",
            "mironov", "krylov", "kulikov", "karpov", "vlasov", "melnikov", "denisov", "gavrilov", "tikhonov",
            "kazakov", "afanasiev", "danilov", "savelyev", "timofeev", "fomin", "chernov", "abramov", "martynov",
            "efimov", "fedotov", "shcherbakov", "nazarov", "kalinin", "isaev", "chernyshev", "bykov", "maslov",
            "rodionov", "konovalov", "lazarev", "voronin", "klimov", "filatov", "ponomarev", "golubev", "kudryavtsev",
            "prokhorov", "naumov", "potapov", "zhuravlev", "ovchinnikov", "trofimov", "leonov", "sobolev", "ermakov",
            "kolesnikov", "goncharov", "emelyanov", "nikiforov", "grachev", "kotov", "grishin", "efremov", "arkhipov",
            "gromov", "kirillov", "malyshev", "panov", "moiseev", "rumyantsev", "akimov", "kondratiev", "biryukov",
            "gorbunov", "anisimov", "eremin", "tikhomirov", "galkin", "lukyanov", "mikheev", "skvortsov", "yudin",
            "belousov", "nesterov", "simonov", "prokofiev", "kharitonov", "knyazev", "tretyakov", "ignatiev",
            "shevchenko", "kovalenko", "bondarenko", "tkachenko", "kravchenko", "petrenko", "levin", "kogan");

    /** Is the word one of the commonest Russian surnames (Ivanov, Petrov, ...)? */
    public static boolean commonSurname(String word) { return SURNAMES.contains(word.toLowerCase(java.util.Locale.ROOT)); }

    /** Either of the above. */
    public static boolean notAName(String word) { return common(word) || commonCapitalised(word); }
}
