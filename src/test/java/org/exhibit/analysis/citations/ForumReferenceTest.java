package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.exhibit.analysis.citations.CitationTestDocs.post;
import static org.junit.jupiter.api.Assertions.*;

/** References as posters write them: sources tacked on after a paste, bracketed notes, possessive authors. */
class ForumReferenceTest {
    private static final String POST = String.join("\n",
            "Here is what he actually said.",
            "(Source: Grover Furr, Khrushchev Lied, Erythros Press, 2011, p. 67)",
            "From Robert Thurston's \"Life and Terror in Stalin's Russia\" (Yale, 1996):",
            "Quote from: Ludo Martens, Another View of Stalin, p. 152",
            "-- J. Arch Getty, \"Origins of the Great Purges\", Cambridge University Press 1985, page 113",
            "[1] Davies, Joseph E. Mission to Moscow. New York: Simon & Schuster, 1941.",
            "Taken from Sayers & Kahn, The Great Conspiracy Against Russia (1946), ch. 17.",
            "Anna Louise Strong, The Stalin Era (New York: Mainstream, 1956), 62-3.",
            "In 1936 (the year of the first trial) 16 were accused; 13 confessed at once (see chapter 3).",
            "Trotsky wrote in his autobiography \"My Life\" that he had been betrayed. Deutscher's trilogy \"The Prophet Armed\" (1954) disagrees.",
            "I read it in the New York Times.");

    private static List<Object> row(Citation c) {
        return Arrays.asList(c.kind().json(), c.author(), c.title(), c.place(), c.year(), c.pages());
    }

    @Test void everyReferenceWithItsFields() {
        Document doc = post(POST);
        List<List<Object>> rows = doc.citations().stream().map(ForumReferenceTest::row).toList();
        assertEquals(List.of(
                Arrays.asList("reference", "Grover Furr", "Khrushchev Lied", null, 2011, "67"),
                Arrays.asList("reference", "Robert Thurston", "Life and Terror in Stalin's Russia", "Yale", 1996, null),
                Arrays.asList("reference", "Ludo Martens", "Another View of Stalin", null, null, "152"),
                Arrays.asList("reference", "J. Arch Getty", "Origins of the Great Purges", null, 1985, "113"),
                Arrays.asList("reference", "Joseph E. Davies", "Mission to Moscow", "New York", 1941, null),
                Arrays.asList("reference", "Sayers & Kahn", "The Great Conspiracy Against Russia", null, 1946, null),
                Arrays.asList("reference", "Anna Louise Strong", "The Stalin Era", "New York", 1956, "62-63"),
                Arrays.asList("title", "Trotsky", "My Life", null, null, null),
                Arrays.asList("title", "Deutscher", "The Prophet Armed", null, 1954, null)), rows);
    }
}
