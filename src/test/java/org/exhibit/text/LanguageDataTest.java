package org.exhibit.text;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** What the patterns built from the word lists rely on. */
class LanguageDataTest {
    @Test
    void everyHonorificStartsWithACapital() throws Exception {
        var in = getClass().getResourceAsStream("/org/exhibit/lang/en/honorifics.txt");
        assertNotNull(in);
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                n++;
                assertTrue(Character.isUpperCase(line.codePointAt(0)), "the name pattern looks for a title only at a capital: " + line);
            }
        }
        assertTrue(n > 20);
    }

    @Test
    void abbreviationsAreLowerCaseWithoutTheStop() {
        assertTrue(Abbreviations.EN.contains("pp"));
        for (String a : Abbreviations.EN) assertTrue(a.equals(a.toLowerCase(java.util.Locale.ROOT)) && !a.endsWith("."), a);
    }
}
