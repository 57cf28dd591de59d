package org.exhibit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhibit.read.Decoder;
import org.exhibit.read.InputException;

/**
 * Any bytes: decoding either yields text (never null) or refuses with an {@link InputException} that names the file.
 * Seeds: src/test/resources/org/exhibit/fuzz/DecoderFuzzTestInputs/decode/.
 */
class DecoderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void decode(byte[] bytes) {
        try {
            Decoder.Decoded d = Decoder.decode(bytes, "in.txt");
            if (d.text() == null || d.charset() == null) throw new AssertionError("decoded to null");
        } catch (InputException e) {
            if (!e.getMessage().startsWith("in.txt: ")) throw new AssertionError("message does not name the file: " + e.getMessage());
        }
    }
}
