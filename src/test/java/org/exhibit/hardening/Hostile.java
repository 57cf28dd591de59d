package org.exhibit.hardening;

import org.exhibit.analysis.Pipeline;
import org.exhibit.fuzz.Invariants;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Shared steps of the hostile-input tests: read, analyse and check a document within a generous time bound. */
final class Hostile {
    /** A safety net against hangs, not a speed measurement: minutes of slack on a loaded machine. */
    static final Duration BOUND = Duration.ofSeconds(60);

    private Hostile() {}

    /** Reads the text as a file of the given format, runs the standard pipeline and checks every invariant. */
    static Document analyse(String name, String text) {
        return analyse(name, text.getBytes(StandardCharsets.UTF_8), "auto");
    }

    static Document analyse(String name, byte[] bytes, String format) {
        return assertTimeoutPreemptively(BOUND, () -> {
            Document doc = Readers.read(name, bytes, format);
            Pipeline.standard().run(doc);
            Invariants.check(doc);
            return doc;
        }, name + " was not analysed within " + BOUND.toSeconds() + " s");
    }

    /** Either a document or a one-line refusal naming the file; nothing else may escape. */
    static String readOrRefusal(String name, byte[] bytes) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                Document doc = Readers.read(name, bytes, "auto");
                Pipeline.standard().run(doc);
                Invariants.check(doc);
                return null;
            } catch (InputException e) {
                return e.getMessage();
            }
        });
    }

    static String repeat(String s, int n) { return s.repeat(n); }

    static String post(String author, String body) { return author + "\n16.06.2007 14:19\n" + body + "\n\n"; }
}
