package org.exhibit.cli;

import org.exhibit.model.Document;
import org.exhibit.output.AnnotationWriter;
import org.exhibit.output.CslWriter;
import org.exhibit.output.GraphWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.TeiWriter;
import org.exhibit.read.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "export", sortOptions = false,
        description = {"Analyses each FILE and writes it in a format other tools read:",
                "  tei          TEI P5 XML: posts, nested quotes and their sources,",
                "               names, dates, citations, flags",
                "  csl          CSL-JSON bibliography of the works cited or quoted",
                "  annotations  W3C Web Annotations (JSON-LD) with position and",
                "               quote selectors",
                "  json         the JSON edition, as 'analyze --json'",
                "  graph        GraphML of the provenance graph (who quotes whom,",
                "               through which works and hands), for Gephi or yEd",
                "  graph-json   the same graph as a JSON list of nodes, edges, groups",
                "Prints to standard output; --out writes one file per input",
                "(NAME.tei.xml, .csl.json, .annotations.jsonld, .exhibit.json,",
                ".graphml, .graph.json).",
                "A file that cannot be read is reported on one line and skipped;",
                "the exit code is then 1."},
        footer = {"", "Examples:", "  exhibit export --to tei thread.txt > thread.tei.xml",
                "  exhibit export --to csl --out editions/ threads/*.html",
                "  exhibit export --to graph thread.txt > thread.graphml"})
public final class ExportCommand implements Callable<Integer> {
    /** The output formats, with the file suffix each gets under --out. */
    public enum Target {
        tei(".tei.xml"), csl(".csl.json"), annotations(".annotations.jsonld"), json(".exhibit.json"),
        graph(".graphml"), graph_json(".graph.json");

        final String suffix;

        Target(String suffix) { this.suffix = suffix; }

        /** The name on the command line: graph-json. */
        @Override public String toString() { return name().replace('_', '-'); }
    }

    /** Reads --to by the names {@link Target#toString} gives. */
    public static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
        @Override public Target convert(String value) {
            for (Target t : Target.values()) if (t.toString().equals(value)) return t;
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use one of " + java.util.Arrays.toString(Target.values()));
        }
    }

    /** The --to names, for help and completion. */
    public static final class TargetNames extends java.util.ArrayList<String> {
        public TargetNames() { for (Target t : Target.values()) add(t.toString()); }
    }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Thread files, in any input format 'analyze' reads.")
    List<Path> files;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = TargetConverter.class, completionCandidates = TargetNames.class, description = "Output format: ${COMPLETION-CANDIDATES}.")
    Target to;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one file per input into DIR instead of printing.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", description = "Input format: auto (default) or a reader's name.")
    String format;

    @Option(names = "--max-input-mb", paramLabel = "MB", description = "Refuse input files larger than MB megabytes (default 512; also EXHIBIT_MAX_INPUT_MB).")
    Long maxInputMb;

    @Override public Integer call() throws IOException {
        if (maxInputMb != null) org.exhibit.Limits.set(org.exhibit.Limits.MAX_INPUT_MB, maxInputMb);
        int failures = 0;
        PrintWriter stdout = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (out != null) Files.createDirectories(out);
        for (Path f : files) {
            Document doc;
            try {
                doc = AnalyzeCommand.analyze(f, format);
            } catch (InputException e) {
                System.err.println("exhibit: " + e.getMessage());
                failures++;
                continue;
            }
            if (out == null) {
                try {
                    java.io.StringWriter buf = new java.io.StringWriter(); // nothing half-written on failure
                    write(doc, to, buf);
                    stdout.write(buf.toString());
                    stdout.println();
                    stdout.flush();
                    if (AnalyzeCommand.stdoutFailed(f)) return 1;
                } catch (Throwable t) {
                    System.err.println("exhibit: " + org.exhibit.read.Failures.of(f.toString(), t).getMessage());
                    failures++;
                }
                continue;
            }
            Path target = AtomicOutput.target(out, f, to.suffix);
            try {
                AtomicOutput.write(target, w -> write(doc, to, w));
            } catch (IOException e) {
                System.err.println("exhibit: " + target + ": cannot be written: " + e.getMessage());
                failures++;
                continue;
            } catch (Throwable t) {
                System.err.println("exhibit: " + org.exhibit.read.Failures.of(f.toString(), t).getMessage());
                failures++;
                continue;
            }
            System.err.println("wrote " + target);
        }
        stdout.flush();
        return failures == 0 ? 0 : 1;
    }

    /** Writes one document in the chosen format. */
    public static void write(Document doc, Target to, Writer w) throws IOException {
        switch (to) {
            case tei -> TeiWriter.write(doc, w);
            case csl -> CslWriter.write(doc, w);
            case annotations -> AnnotationWriter.write(doc, w);
            case json -> JsonWriter.write(doc, w);
            case graph -> GraphWriter.graphml(doc, w);
            case graph_json -> GraphWriter.json(doc, w);
        }
        w.flush();
    }
}
