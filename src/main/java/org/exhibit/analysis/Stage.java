package org.exhibit.analysis;

import org.exhibit.model.Document;

import java.util.Set;

/**
 * One step of the analysis chain. A stage reads the layers it {@link #requires()} and writes the layers it
 * {@link #assigns()}; it never changes the text or another stage's findings. {@link Pipeline} checks the order when
 * it is built, and {@link LayerGuard} checks, with assertions on, that a stage wrote nothing it did not declare.
 * Document-level notices (limits reached, bytes that could not be decoded) may be appended by any stage.
 */
public interface Stage {
    /** A short name used in progress output and error messages. */
    String name();

    /** The layers this stage reads; each must be written by the reader or by an earlier stage. */
    default Set<Layer> requires() { return Layer.FROM_READER; }

    /** The layers this stage writes; no other stage of the pipeline may write them. */
    default Set<Layer> assigns() { return Set.of(); }

    /** Layers written by an earlier stage that this one adds items to, leaving the earlier items as they are. */
    default Set<Layer> appends() { return Set.of(); }

    void apply(Document doc);
}
