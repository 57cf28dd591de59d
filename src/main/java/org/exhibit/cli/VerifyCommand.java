package org.exhibit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.analysis.reuse.LibraryVerifier;
import org.exhibit.analysis.reuse.Library;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", sortOptions = false,
        description = {"Checks each quoted passage of each FILE against a library of original texts",
                "and says whether it is accurate, cut (words left out, with or without an",
                "ellipsis), altered (words changed or added) or not found, with the word-level",
                "differences. Paragraphs not marked as quotes are reported when the library",
                "holds them. The library is a folder of works, one per file: .txt (which may",
                "start with 'Title:', 'Author:' and 'Year:' lines), HTML, TEI XML or EPUB."},
        footer = {"", "Example:", "  exhibit verify --library originals/ thread.txt"})
public final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--library", required = true, paramLabel = "DIR", description = "Folder of original texts.")
    Path library;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Thread files.")
    List<Path> files;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override public Integer call() throws IOException {
        Library lib;
        try {
            lib = Library.load(library);
        } catch (IOException e) {
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        }
        System.err.println("library: " + lib.works().size() + " works");
        LibraryVerifier verifier = new LibraryVerifier(lib);
        int failures = 0;
        ArrayNode all = JsonWriter.mapper().createArrayNode();
        for (Path f : files) {
            Document doc;
            try {
                doc = AnalyzeCommand.analyze(f, "auto");
            } catch (InputException e) {
                System.err.println("exhibit: " + e.getMessage());
                failures++;
                continue;
            }
            List<LibraryVerifier.Result> results = new ArrayList<>(verifier.verify(doc));
            results.addAll(verifier.verifyUnquoted(doc));
            if (!json) System.out.println(f);
            for (LibraryVerifier.Result r : results) {
                if (json) {
                    ObjectNode o = all.addObject();
                    o.put("file", f.toString());
                    o.put("quote", r.quote());
                    o.put("start", doc.codePoint(r.span().start()));
                    o.put("end", doc.codePoint(r.span().end()));
                    o.put("verdict", r.verdict());
                    if (r.work() != null) {
                        o.put("work", r.work().title());
                        o.put("author", r.work().author());
                        o.put("library_file", r.work().path());
                        o.put("source_text", r.sourceText());
                    }
                    o.put("similarity", r.similarity());
                    o.put("alignment", r.alignment());
                    ArrayNode d = o.putArray("differences");
                    r.differences().forEach(d::add);
                } else {
                    System.out.printf("  %-16s %-9s %s%n", r.quote(), r.verdict(),
                            r.work() == null ? "" : r.work().title() + (r.work().author() == null ? "" : " (" + r.work().author() + ")")
                                    + "  similarity " + r.similarity());
                    for (String d : r.differences()) System.out.println("      " + d);
                }
            }
        }
        if (json) System.out.println(JsonWriter.mapper().writeValueAsString(all));
        return failures == 0 ? 0 : 1;
    }
}
