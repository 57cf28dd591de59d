package org.exhibit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.analysis.reuse.CorpusReuse;
import org.exhibit.index.StoredReuse;
import org.exhibit.store.Store;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;
import org.exhibit.output.JsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "reuse", sortOptions = false,
        description = {"Finds passages shared between the threads of a corpus: the same text pasted",
                "into several threads, verbatim or altered. Directories are read recursively,",
                "one document per file. Prints each shared passage with both documents, posts,",
                "spans (code points) and similarity, then the clusters of witnesses of one",
                "passage with the earliest dated one. Progress goes to stderr."},
        footer = {"", "Examples:", "  exhibit reuse threads/", "  exhibit reuse --db corpus/", "  exhibit reuse --json --min-words 30 a.txt b.txt c.html > reuse.json"})
public final class ReuseCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "DIR_OR_FILE", description = "Thread files, or directories holding them (or --db).")
    List<Path> inputs;

    /** With --db (or --jdbc): the documents of a corpus made by 'exhibit ingest' instead of files; the clusters are stored in it. */
    @picocli.CommandLine.Mixin CorpusOptions corpus;

    @Option(names = "--json", description = "Print the shared passages as JSON.")
    boolean json;

    @Option(names = "--min-words", paramLabel = "N", defaultValue = "20", description = "Shortest shared passage, in shared words (default ${DEFAULT-VALUE}).")
    int minWords;

    @Option(names = "--max-df", paramLabel = "N", defaultValue = "100", description = "Ignore anchors found in more documents than this: boilerplate (default ${DEFAULT-VALUE}).")
    int maxDf;

    @Option(names = "--max-anchors", paramLabel = "N", defaultValue = "40000000",
            description = "Memory bound: anchors held at once, 16 bytes each (default ${DEFAULT-VALUE}); larger corpora are read in several passes.")
    long maxAnchors;

    @Override public Integer call() throws IOException {
        boolean db = corpus.db != null || corpus.jdbc != null;
        if (db == (inputs != null && !inputs.isEmpty())) {
            System.err.println("exhibit: give thread files or folders, or a corpus with --db DIR (not both)");
            return 2;
        }
        if (db) return fromStore();
        List<Path> files = new ArrayList<>();
        int failures = 0;
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.walk(in)) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
            } else if (Files.isRegularFile(in)) files.add(in);
            else { System.err.println("exhibit: " + in + ": no such file or directory"); failures++; }
        }
        CorpusReuse cr = new CorpusReuse(files);
        List<CorpusReuse.Pair> pairs = run(cr, files.size() + " files");
        for (String e : cr.errors()) { System.err.println("exhibit: " + e); failures++; }
        print(pairs, CorpusReuse.clusters(pairs));
        return failures == 0 ? 0 : 1;
    }

    /** Reuse over a corpus store: documents from their editions, clusters written back to its reuse table. */
    private int fromStore() throws IOException {
        StoreTarget target = corpus.target();
        if (target == null) return 2;
        try (Store store = Store.open(target, false)) {
            CorpusReuse.Documents docs = StoredReuse.documents(store);
            CorpusReuse cr = new CorpusReuse(docs);
            List<CorpusReuse.Pair> pairs = run(cr, docs.size() + " documents");
            for (String e : cr.errors()) System.err.println("exhibit: " + e);
            List<CorpusReuse.Cluster> clusters = CorpusReuse.clusters(pairs);
            StoredReuse.save(store, clusters);
            System.err.printf("reuse: %d clusters stored in %s%n", clusters.size(), target.display());
            print(pairs, clusters);
            return cr.errors().isEmpty() ? 0 : 1;
        } catch (StoreException e) {
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            System.err.println("exhibit: " + target.display() + ": store error: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
    }

    private List<CorpusReuse.Pair> run(CorpusReuse cr, String documents) {
        cr.minWords = minWords;
        cr.maxDf = maxDf;
        cr.maxPostings = maxAnchors;
        long t0 = System.nanoTime();
        List<CorpusReuse.Pair> pairs = cr.run();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf("reuse: %s, %.1f MB in %.1f s (%.1f MB/s), %d shared passages%n", documents,
                cr.bytes() / 1048576.0, secs, cr.bytes() / 1048576.0 / Math.max(secs, 1e-3), pairs.size());
        return pairs;
    }

    private void print(List<CorpusReuse.Pair> pairs, List<CorpusReuse.Cluster> clusters) throws IOException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        if (json) {
            ObjectNode root = JsonWriter.mapper().createObjectNode();
            ArrayNode arr = root.putArray("pairs");
            for (CorpusReuse.Pair p : pairs) {
                ObjectNode o = arr.addObject();
                o.put("kind", p.kind());
                o.put("similarity", p.similarity());
                o.put("words", p.words());
                o.put("alignment", p.alignment());
                ArrayNode parts = o.putArray("parts");
                for (CorpusReuse.Side s : List.of(p.a(), p.b())) side(parts.addObject(), s);
            }
            ArrayNode cl = root.putArray("clusters");
            for (CorpusReuse.Cluster c : clusters) {
                ObjectNode o = cl.addObject();
                ArrayNode spans = o.putArray("spans");
                for (CorpusReuse.Side s : c.witnesses()) side(spans.addObject(), s);
                if (c.earliest() == null) o.putNull("earliest"); else side(o.putObject("earliest"), c.earliest());
            }
            out.println(JsonWriter.mapper().writeValueAsString(root));
        } else {
            for (CorpusReuse.Pair p : pairs) {
                out.printf("%s %.3f, %d words%n", p.kind(), p.similarity(), p.words());
                for (CorpusReuse.Side s : List.of(p.a(), p.b()))
                    out.printf("  %s %s [%d, %d) %s%n", s.document(), s.post(), s.start(), s.end(), snippet(s.text()));
            }
            out.printf("%n%d clusters%n", clusters.size());
            for (CorpusReuse.Cluster c : clusters) {
                out.printf("%d witnesses, earliest %s: %s%n", c.witnesses().size(),
                        c.earliest() == null ? "undated" : c.earliest().document() + " " + c.earliest().post() + " (" + c.earliest().published() + ")",
                        snippet(c.witnesses().get(0).text()));
            }
        }
        out.flush();
    }

    static void side(ObjectNode o, CorpusReuse.Side s) {
        o.put("document", s.document()).put("post", s.post()).put("published", s.published())
                .put("start", s.start()).put("end", s.end()).put("text", s.text());
    }

    static String snippet(String t) {
        String x = t.replaceAll("\\s+", " ");
        return x.length() <= 100 ? x : x.substring(0, 60) + " … " + x.substring(x.length() - 30);
    }
}
