package org.exhibit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.queryparser.classic.ParseException;
import org.exhibit.index.Search;
import org.exhibit.output.JsonWriter;
import org.exhibit.store.StoreTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;
import java.sql.SQLException;
import org.exhibit.store.Store;
import org.exhibit.store.StoreException;
import java.util.concurrent.Callable;

@Command(name = "search", sortOptions = false,
        description = {"Searches the posts and quoted passages of a corpus made by 'exhibit ingest'.",
                "QUERY is Lucene query syntax over the text: words (all must match), \"a phrase\", fuzzy~, prefix*, "
                        + "OR, -exclusion, and field:value for speaker, author, work, kind, post, quote, path.",
                "Each hit shows where it is (file, post, quote), who posted it, who is speaking, and a snippet with "
                        + "the matches marked **like this** (<mark> in --json)."},
        footer = {"", "Examples:", "  exhibit search --db corpus/ 'confession~ AND trial'",
                "  exhibit search --db corpus/ --speaker Davies --kind passage verdict",
                "  exhibit search --db corpus/ --author Hunter --from 2003-07 --to 2003-08 --json confession"})
public final class SearchCommand implements Callable<Integer> {
    @Mixin CorpusOptions corpus;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query (words are joined); empty or * lists everything the filters allow.")
    List<String> query;

    @Option(names = "--speaker", paramLabel = "NAME", description = "Only quotes whose speaker's name contains these words.")
    String speaker;

    @Option(names = "--author", paramLabel = "NAME", description = "Only posts (and the quotes in them) by this author.")
    String author;

    @Option(names = "--work", paramLabel = "TITLE", description = "Only quotes from a work whose title contains these words.")
    String work;

    @Option(names = "--person", paramLabel = "NAME", description = "Only posts and quotes that mention this person.")
    String person;

    @Option(names = "--kind", paramLabel = "KIND", description = "post, quote, or a kind of quote: passage, scare, title.")
    String kind;

    @Option(names = "--from", paramLabel = "DATE", description = "Posted on or after DATE (1937, 1937-03, 1937-03-02).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Posted on or before DATE (inclusive: --to 2003 includes all of 2003).")
    String to;

    @Option(names = "--board", paramLabel = "NAME", description = "Only documents from this board or site (as ingested with --board, or named by the page).")
    String board;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the hits as JSON.")
    boolean json;

    @Override public Integer call() throws IOException {
        StoreTarget target = corpus.target();
        if (target == null) return 2;
        Path indexDir = corpus.indexDir(target);
        String q = query == null ? "" : String.join(" ", query);
        Store checked;
        try {
            // quick_check at open: a damaged store is said before its index is searched as if all were well
            checked = Store.open(target, false);
        } catch (StoreException e) {
            System.err.println("exhibit: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        Search.Result r;
        try (Store store = checked; Search s = Search.open(indexDir)) {
            int behind = store.changesAfter(s.indexedSeq()).size();
            if (behind > 0) // between a killed ingest and its rerun: the hits are not of everything stored
                System.err.println("exhibit: note: the index lacks " + behind + " change(s) the store has (an ingest was interrupted or is running); "
                        + "'exhibit ingest --db DIR' with any file brings it up to date");
            r = s.search(q, new Search.Filters(speaker, author, work, kind, person, from, to, board), limit, json);
        } catch (ParseException e) {
            System.err.println("exhibit: cannot read the query: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        } catch (IOException e) {
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        } catch (java.sql.SQLException e) {
            System.err.println("exhibit: " + target.display() + ": store error: " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        List<List<Store.ReuseRef>> reuse = reuse(target, r.hits());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (json) {
            ObjectNode root = JsonWriter.mapper().createObjectNode();
            root.put("query", q);
            root.put("total", r.total());
            if (!r.exact()) root.put("total_exact", false);
            ArrayNode hits = root.putArray("hits");
            for (Search.Hit h : r.hits()) {
                ObjectNode o = hits.addObject();
                o.put("score", h.score());
                o.put("type", h.type());
                o.put("path", h.path());
                o.put("post", h.post());
                if (h.boardId() != null) o.put("board_id", h.boardId());
                if (h.postUrl() != null) o.put("post_url", h.postUrl());
                o.put("author", h.author());
                o.put("published", h.published());
                o.put("quote", h.quote());
                o.put("kind", h.kind());
                o.put("speaker", h.speaker());
                o.put("work", h.work());
                o.put("board", h.board());
                o.put("snippet", h.snippet());
                ArrayNode clusters = o.putArray("reuse");
                for (Store.ReuseRef ref : reuse.get(hits.size() - 1)) {
                    ObjectNode c = clusters.addObject().put("cluster", ref.cluster()).put("witnesses", ref.witnesses());
                    if (ref.earliest() == null) c.putNull("earliest");
                    else c.putObject("earliest").put("path", ref.earliest().path()).put("post", ref.earliest().post())
                            .put("published", ref.earliest().published());
                }
            }
            out.println(JsonWriter.mapper().writeValueAsString(root));
            return 0;
        }
        out.printf(Locale.ROOT, "%s hit%s%s%n", r.totalText(), r.total() == 1 && r.exact() ? "" : "s",
                r.total() > r.hits().size() ? " (showing " + r.hits().size() + ")" : "");
        int i = 0;
        for (Search.Hit h : r.hits()) {
            StringBuilder line = new StringBuilder();
            line.append(++i).append(". ").append(display(h.path())).append("  ").append(h.post() == null ? "" : h.post());
            if (h.quote() != null) line.append("  quote ").append(h.quote()).append(" (").append(h.kind()).append(")");
            if (h.board() != null) line.append("  [").append(h.board()).append("]");
            if (h.author() != null || h.published() != null)
                line.append("  posted by ").append(h.author() == null ? "?" : h.author()).append(h.published() == null ? "" : ", " + h.published());
            out.println(line);
            if (h.speaker() != null || h.work() != null)
                out.println("   speaker: " + (h.speaker() == null ? "?" : h.speaker()) + (h.work() == null ? "" : "   work: " + h.work()));
            for (Store.ReuseRef ref : reuse.get(i - 1))
                out.println("   reused: cluster " + ref.cluster() + ", " + ref.witnesses() + " witnesses"
                        + (ref.earliest() == null ? ", none dated" : ", earliest " + display(ref.earliest().path()) + " "
                        + (ref.earliest().post() == null ? "" : ref.earliest().post() + " ") + "(" + ref.earliest().published() + ")"));
            out.println("   " + h.snippet().replaceAll("\\s+", " ").strip());
        }
        out.flush();
        return 0;
    }

    /** The reuse clusters of each hit, from the store's reuse table ('exhibit reuse --db'); empty when there is none. */
    private static List<List<Store.ReuseRef>> reuse(StoreTarget target, List<Search.Hit> hits) {
        List<List<Store.ReuseRef>> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) out.add(List.of());
        if (hits.isEmpty()) return out;
        try (Store store = Store.open(target, false)) {
            for (int i = 0; i < hits.size(); i++) {
                Search.Hit h = hits.get(i);
                out.set(i, store.reuseFor(h.path(), h.post(), h.quote()));
            }
        } catch (StoreException | SQLException e) {
            // the index alone still answers; reuse is an extra
        }
        return out;
    }

    /** Paths under the working directory are shown relative to it. */
    static String display(String path) {
        Path p = Path.of(path), cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : path;
    }
}
