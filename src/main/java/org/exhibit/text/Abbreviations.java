package org.exhibit.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/** Abbreviations whose full stop ends no sentence ("pp.", "Mr.", "op. cit."), from {@code lang/en/abbreviations.txt}. */
public final class Abbreviations {
    private Abbreviations() {}

    /** Lower case, without the full stop, in the order of the file. */
    public static final Set<String> EN = load("en");

    private static Set<String> load(String lang) {
        Set<String> out = new LinkedHashSet<>();
        String file = "/org/exhibit/lang/" + lang + "/abbreviations.txt";
        try (InputStream in = Abbreviations.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException(file + " missing from the build");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) out.add(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
