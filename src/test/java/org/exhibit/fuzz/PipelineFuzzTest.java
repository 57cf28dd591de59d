package org.exhibit.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzzed text (as UTF-8) read with format detection, analysed by the full standard pipeline, then checked:
 * spans within the text, quotes nested in their parents, quote texts and every writer without exceptions.
 * Seeds: src/test/resources/org/exhibit/fuzz/PipelineFuzzTestInputs/analyse/.
 *
 * <p>What one execution costs, and why this target is built as it is: the pipeline costs about 25 µs per byte of
 * fuzzed text (dense with quote marks and headers, it is the worst case of every stage; linear from 2 KB to 32 KB),
 * so an execution at libFuzzer's default 4 KB took about 65 ms before instrumentation; the writers and invariants
 * are about a sixth of it, building the pipeline 0.2 ms. The pipeline is therefore built once (it keeps no state
 * between documents: ingest reuses one too), {@code bench/fuzz.sh} bounds inputs with {@code MAX_LEN} (cost per
 * input, and so executions, scale with it; length-dependent cost is the business of {@code ScalingTest}), and while
 * fuzzing the five writers run on one input in {@value #WRITER_SAMPLE} chosen by a hash of its bytes (so a
 * finding replays the same checks), spans and nesting on every input. Replaying the seeds ({@code mvn test}) runs
 * everything on every input.
 */
class PipelineFuzzTest {
    static final int WRITER_SAMPLE = 4;
    private static final Pipeline PIPELINE = Pipeline.standard();
    /** Jazzer fuzzes when JAZZER_FUZZ is set to anything non-empty, and otherwise replays the seeds. */
    private static final boolean FUZZING = !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();

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
        PIPELINE.run(doc);
        Invariants.spans(doc);
        Invariants.nesting(doc);
        if (!FUZZING || Math.floorMod(Arrays.hashCode(bytes), WRITER_SAMPLE) == 0) Invariants.writers(doc);
    }
}
