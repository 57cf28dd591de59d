package org.exhibit.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes through every reader: detection ("auto") and each registered format forced. Readers may refuse
 * input only with an {@link InputException}; what they accept must satisfy the span invariants.
 * Seeds: src/test/resources/org/exhibit/fuzz/ReadersFuzzTestInputs/read/.
 */
class ReadersFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"QUOTE", "QUOTE(", " @ ", "Quote:", "Originally Posted by ", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "''", "``", " wrote:", " said", "interview", "Q: ", "A: ", "Jun 16 2007, 02:19 PM", "16.06.2007 14:19", "Ibid.", "p. 212", "\ufeff", "[quote=", "[/quote]", "<blockquote>", "> "})
    void read(byte[] bytes) {
        List<String> formats = new ArrayList<>(List.of("auto"));
        formats.addAll(Readers.formats());
        for (String format : formats) {
            Document doc;
            try {
                doc = Readers.read("fuzz.txt", bytes, format);
            } catch (InputException refused) {
                continue;
            }
            if (!doc.source().format().equals(format) && !format.equals("auto"))
                throw new AssertionError("asked for " + format + ", read as " + doc.source().format());
            Invariants.spans(doc);
            Invariants.nesting(doc);
        }
    }
}
