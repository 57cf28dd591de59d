package org.exhibit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.index.Search;
import org.exhibit.output.JsonWriter;
import org.exhibit.store.Stats;
import org.exhibit.store.Store;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stats", sortOptions = false,
        description = {"Counts what a corpus holds: documents, posts, quotes by kind, files that failed, and the "
                + "most quoted speakers and works and the most active authors."},
        footer = {"", "Example:", "  exhibit stats --db corpus/"})
public final class StatsCommand implements Callable<Integer> {
    @Mixin CorpusOptions corpus;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "List the top N speakers, works and authors (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--board", paramLabel = "NAME", description = "Count only the documents of this board or site.")
    String board;

    @Option(names = "--json", description = "Print the counts as JSON.")
    boolean json;

    @Override public Integer call() throws IOException {
        StoreTarget target = corpus.target();
        if (target == null) return 2;
        Stats s;
        List<Stats.Count> boards;
        try (Store store = Store.open(target, false)) {
            s = store.stats(top, board == null || board.isBlank() ? null : board.strip());
            boards = store.boards();
        } catch (StoreException e) {
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            System.err.println("exhibit: " + target.display() + ": store error: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        Path indexDir = corpus.indexDir(target);
        long indexed = -1;
        try (Search search = Search.open(indexDir)) {
            indexed = search.size();
        } catch (IOException e) {
            // No index yet: the counts from the store still stand.
        }
        if (json) {
            ObjectNode o = JsonWriter.mapper().createObjectNode();
            o.put("documents", s.documents());
            o.put("bytes", s.bytes());
            o.put("posts", s.posts());
            o.put("quotes", s.quotes());
            ObjectNode k = o.putObject("quotes_by_kind");
            s.quotesByKind().forEach(k::put);
            o.put("failures", s.failures());
            if (indexed >= 0) o.put("indexed", indexed); else o.putNull("indexed");
            counts(o.putArray("top_speakers"), s.topSpeakers());
            counts(o.putArray("top_works"), s.topWorks());
            counts(o.putArray("top_authors"), s.topAuthors());
            if (board != null) o.put("board", board);
            counts(o.putArray("boards"), boards);
            System.out.println(JsonWriter.mapper().writeValueAsString(o));
            return 0;
        }
        System.out.println("corpus     " + target.display() + (board == null ? "" : ", board " + board));
        System.out.println("documents  " + s.documents() + " (" + Progress.size(s.bytes()) + ")");
        System.out.println("posts      " + s.posts());
        System.out.println("quotes     " + s.quotes() + kinds(s.quotesByKind()));
        System.out.println("failed     " + s.failures() + (s.failures() > 0 ? " file(s) could not be read" : ""));
        System.out.println("indexed    " + (indexed >= 0 ? indexed + " posts and quotes" : "no search index at " + indexDir));
        if (board == null) list("boards", boards);
        list("top speakers", s.topSpeakers());
        list("top works", s.topWorks());
        list("top authors", s.topAuthors());
        return 0;
    }

    private static String kinds(Map<String, Long> byKind) {
        if (byKind.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" (");
        byKind.forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(v).append(' ').append(k));
        return sb.append(')').toString();
    }

    private static void list(String title, List<Stats.Count> counts) {
        if (counts.isEmpty()) return;
        System.out.println(title);
        for (Stats.Count c : counts) System.out.printf("  %6d  %s%n", c.count(), c.name());
    }

    private static void counts(ArrayNode arr, List<Stats.Count> counts) {
        for (Stats.Count c : counts) arr.addObject().put("name", c.name()).put("count", c.count());
    }
}
