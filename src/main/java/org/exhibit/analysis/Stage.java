package org.exhibit.analysis;

import org.exhibit.model.Document;

/**
 * One step of the analysis chain. A stage reads what earlier stages found and appends its own findings to the
 * document; it never changes the text.
 */
public interface Stage {
    /** A short name used in progress output and error messages. */
    String name();

    void apply(Document doc);
}
