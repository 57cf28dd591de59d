package org.exhibit.analysis;

import org.exhibit.model.Document;
import org.exhibit.read.Failures;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.nio.file.Path;

/**
 * The library entry point: reads a thread and runs the standard analysis over it.
 * <pre>
 *   Document edition = Analysis.analyze(Path.of("thread.txt"));
 *   Document other = Analysis.with(new AnalysisConfig(myAuthority)).run("post.md", bytes, "auto");
 * </pre>
 * Any failure of one input, including the JVM's own (a stack overflow, memory), comes back as one
 * {@link InputException} naming the input, so a caller looping over files can go on with the next.
 */
public final class Analysis {
    private final Pipeline pipeline;

    private Analysis(Pipeline pipeline) { this.pipeline = pipeline; }

    public static Analysis with(AnalysisConfig config) { return new Analysis(Pipeline.standard(config)); }

    /** Reads the file (format detected) and analyses it with the default configuration. */
    public static Document analyze(Path file) throws InputException { return with(AnalysisConfig.DEFAULT).run(file, "auto"); }

    /**
     * Reads the file in {@code format} ("auto" detects it) and analyses it within the per-file time budget
     * ({@link org.exhibit.Limits#maxAnalysisSeconds()}).
     */
    public Document run(Path file, String format) throws InputException {
        return pipeline.analyse(file.toString(), () -> Readers.read(file, format));
    }

    /** Analyses bytes received from elsewhere (an upload); {@code name} is used in messages and the edition. */
    public Document run(String name, byte[] bytes, String format) throws InputException {
        return Failures.isolate(name, () -> pipeline.run(Readers.read(name, bytes, format)));
    }

    public Pipeline pipeline() { return pipeline; }
}
