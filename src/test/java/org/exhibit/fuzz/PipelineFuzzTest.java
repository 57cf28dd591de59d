package org.exhibit.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzed text (as UTF-8) read with format detection, analysed by the full standard pipeline, then checked:
 * spans within the text, quotes nested in their parents, quote texts and every writer without exceptions.
 * Seeds: src/test/resources/org/exhibit/fuzz/PipelineFuzzTestInputs/analyse/.
 */
class PipelineFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"QUOTE", "QUOTE(", " @ ", "Quote:", "Originally Posted by ", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "''", "``", " wrote:", " said", "interview", "Q: ", "A: ", "Jun 16 2007, 02:19 PM", "16.06.2007 14:19", "Ibid.", "p. 212"})
    void analyse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Document doc;
        try {
            doc = Readers.read("fuzz.txt", text.getBytes(StandardCharsets.UTF_8), "auto");
        } catch (InputException refused) {
            return;
        }
        Pipeline.standard().run(doc);
        Invariants.check(doc);
    }
}
