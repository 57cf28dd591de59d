package org.exhibit.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.*;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Searches a corpus index: Lucene query syntax over the text of posts and quotes (phrases, fuzzy~, field:value),
 * narrowed by filters, with highlighted snippets.
 */
public final class Search implements AutoCloseable {
    public static final Set<String> KINDS = Set.of("post", "quote", "passage", "scare", "title");
    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2})?)?)?)?)?");

    /** Narrowing filters; null fields do not filter. Dates are ISO prefixes (1937, 1937-03, 1937-03-02), inclusive. */
    public record Filters(String speaker, String author, String work, String kind, String person, String from, String to, String board) {
        public static final Filters NONE = new Filters(null, null, null, null, null, null, null, null);

        public Filters(String speaker, String author, String work, String kind, String person, String from, String to) {
            this(speaker, author, work, kind, person, from, to, null);
        }
    }

    /**
     * One post or quote found; board is null when the document's board is unknown, boardId and postUrl (the
     * board's own id of the post and its permalink) when the input gave none.
     */
    public record Hit(float score, String type, String path, String post, String author, String published,
                      String quote, String kind, String speaker, String work, String snippet, String board, String boardId, String postUrl) {
        public Hit(float score, String type, String path, String post, String author, String published,
                   String quote, String kind, String speaker, String work, String snippet, String board) {
            this(score, type, path, post, author, published, quote, kind, speaker, work, snippet, board, null, null);
        }

        public Hit(float score, String type, String path, String post, String author, String published,
                   String quote, String kind, String speaker, String work, String snippet) {
            this(score, type, path, post, author, published, quote, kind, speaker, work, snippet, null);
        }
    }

    /**
     * The hits asked for and how many there are: exactly when {@code exact}, else at least {@code total}. Beyond
     * {@link #EXACT_TOTAL} matches the count is not finished (Lucene then skips the documents that cannot enter the
     * first page; counting every match of a common phrase costs as much again as the search).
     */
    public record Result(long total, List<Hit> hits, boolean exact) {
        public Result(long total, List<Hit> hits) { this(total, hits, true); }

        /** "1,234" or "1,000 or more", for people. */
        public String totalText() { return exact ? Long.toString(total) : total + " or more"; }
    }

    /** Matches counted exactly; past this the total is a lower bound. */
    public static final int EXACT_TOTAL = 1000;

    /**
     * Characters of a hit's text the highlighter reads for its snippet: matches past it are not shown (the snippet
     * is the best passage before it, else the opening). A post can be 100 KB; reading and sentence-splitting it all
     * for two passages cost more than the search.
     */
    public static final int SNIPPET_SCAN_CHARS = 20_000;

    private final FSDirectory directory;
    /** Shared by every thread; {@link #refresh} swaps in a newer reader while searches on the old one finish. */
    private final SearcherManager searchers;
    private final Analyzer analyzer = Fields.analyzer();

    private Search(FSDirectory directory, SearcherManager searchers) {
        this.directory = directory;
        this.searchers = searchers;
    }

    public static Search open(Path indexDir) throws IOException {
        FSDirectory d = FSDirectory.open(indexDir);
        if (!DirectoryReader.indexExists(d)) {
            d.close();
            throw new IOException(indexDir + ": no search index here (run 'exhibit ingest' first)");
        }
        String damage = CorpusIndex.damage(indexDir);
        if (damage != null) {
            d.close();
            throw new IOException(indexDir + ": the search index is damaged (" + damage + "); 'exhibit check --repair' rebuilds it from the store");
        }
        return new Search(d, new SearcherManager(d, null));
    }

    /** The store sequence number the index's commit covers (0 when it records none). */
    public long indexedSeq() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            String v = ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(CorpusIndex.SEQ);
            try { return v == null ? 0 : Long.parseLong(v); } catch (NumberFormatException e) { return 0; }
        } finally {
            searchers.release(s);
        }
    }

    /** Lucene documents in the index: one per post and per quote. */
    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try { return s.getIndexReader().numDocs(); } finally { searchers.release(s); }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Sees what was committed to the index since it was opened (or last refreshed); searches under way finish on
     * the reader they started with. Returns whether the searcher is now current.
     */
    public boolean refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try { return ((DirectoryReader) s.getIndexReader()).isCurrent(); } finally { searchers.release(s); }
    }

    /**
     * Runs a query; {@code html} marks matches with {@code <mark>} and escapes the rest, otherwise with
     * {@code **}. An empty query or {@code *} matches everything the filters let through.
     */
    public Result search(String query, Filters f, int limit, boolean html) throws ParseException, IOException {
        return search(query, f, limit, html, null);
    }

    /**
     * As above, with snippets made by {@code formatter} (which must return strings); a hit without a passage gets
     * the formatter's rendering of its opening with no matches.
     */
    public Result search(String query, Filters f, int limit, PassageFormatter formatter) throws ParseException, IOException {
        return search(query, f, limit, true, formatter);
    }

    private Result search(String query, Filters f, int limit, boolean html, PassageFormatter formatter) throws ParseException, IOException {
        Query q = build(query, f);
        IndexSearcher searcher = searchers.acquire();
        try {
            return search(searcher, q, limit, html, formatter);
        } finally {
            searchers.release(searcher);
        }
    }

    private Result search(IndexSearcher searcher, Query q, int limit, boolean html, PassageFormatter formatter) throws ParseException, IOException {
        TopDocs top;
        String[] snippets;
        try {
            top = searcher.search(q, new TopScoreDocCollectorManager(Math.max(1, limit), null, EXACT_TOTAL));
            snippets = snippets(searcher, q, top, html, formatter);
        } catch (IndexSearcher.TooManyClauses | org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
            // a wildcard, fuzzy or regular-expression term expands when the query runs, not when it is read
            throw new ParseException("the query expands to too many terms to run (" + e.getClass().getSimpleName() + ")");
        }
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
            org.apache.lucene.document.Document d = stored.document(top.scoreDocs[i].doc);
            String snippet = snippets[i] != null ? snippets[i]
                    : formatter != null ? (String) formatter.format(new Passage[0], opening(d.get(Fields.TEXT), false))
                    : opening(d.get(Fields.TEXT), html);
            hits.add(new Hit(top.scoreDocs[i].score, d.get(Fields.TYPE), d.get(Fields.PATH), d.get(Fields.POST),
                    d.get(Fields.AUTHOR), d.get(Fields.PUBLISHED), d.get(Fields.QUOTE), d.get(Fields.KIND),
                    d.get(Fields.SPEAKER), d.get(Fields.WORK), snippet, d.get(Fields.BOARD + "_name"), d.get(Fields.BOARD_ID), d.get(Fields.URL)));
        }
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        return new Result(top.totalHits.value, limit <= 0 ? List.of() : hits, exact);
    }

    /** Deepest parenthesis nesting a query may have: the query parser recurses once per level. */
    static final int MAX_NESTING = 32;

    /** How deep the parentheses of a query nest, outside quoted phrases and escapes. */
    static int nesting(String q) {
        int depth = 0, max = 0;
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') { i++; continue; }
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') max = Math.max(max, ++depth);
            else if (!quoted && c == ')' && depth > 0) depth--;
        }
        return max;
    }

    Query build(String query, Filters f) throws ParseException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        String qs = query == null ? "" : query.strip();
        if (qs.isEmpty() || qs.equals("*")) b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        else {
            QueryParser parser = new QueryParser(Fields.TEXT, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            int depth = nesting(qs);
            if (depth > MAX_NESTING)
                throw new ParseException("the query nests parentheses " + depth + " deep; at most " + MAX_NESTING + " levels are read");
            try {
                b.add(parser.parse(qs), BooleanClause.Occur.MUST);
            } catch (StackOverflowError | org.apache.lucene.search.IndexSearcher.TooManyClauses
                     | org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
                throw new ParseException("the query is too complex to read (" + e.getClass().getSimpleName() + ")");
            } catch (IllegalArgumentException e) {
                // the query parser hands /regular expressions/ and ranges to Lucene's builders, which refuse with these
                throw new ParseException("part of the query is malformed: " + firstLine(e.getMessage()));
            }
        }
        if (f == null) return b.build();
        phrase(b, Fields.SPEAKER, f.speaker());
        phrase(b, Fields.AUTHOR, f.author());
        phrase(b, Fields.WORK, f.work());
        phrase(b, Fields.PERSON, f.person());
        if (f.board() != null && !f.board().isBlank())
            b.add(new TermQuery(new Term(Fields.BOARD, f.board().strip().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        if (f.kind() != null) {
            String k = f.kind().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(k)) throw new ParseException("unknown kind '" + f.kind() + "'; use one of post, quote, passage, scare, title");
            Query kq = k.equals("quote") ? new TermQuery(new Term(Fields.TYPE, "quote")) : new TermQuery(new Term(Fields.KIND, k));
            b.add(kq, BooleanClause.Occur.FILTER);
        }
        if (f.from() != null || f.to() != null) {
            String from = date(f.from()), to = date(f.to());
            b.add(PublishedFilter.range(from, to == null ? null : to + "\uffff"), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private void phrase(BooleanQuery.Builder b, String field, String value) throws ParseException {
        if (value == null || value.isBlank()) return;
        Query q = new QueryBuilder(analyzer).createPhraseQuery(field, value);
        if (q == null) throw new ParseException("--" + field + " '" + value + "' has no words to match");
        b.add(q, BooleanClause.Occur.FILTER);
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("");
    }

    private static String date(String d) throws ParseException {
        if (d == null || d.isBlank()) return null;
        if (!DATE.matcher(d.strip()).matches()) throw new ParseException("'" + d + "' is not a date; use 1937, 1937-03 or 1937-03-02");
        return d.strip();
    }

    private String[] snippets(IndexSearcher searcher, Query q, TopDocs top, boolean html, PassageFormatter formatter) throws IOException {
        UnifiedHighlighter h = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(formatter != null ? formatter : html ? new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)
                        : new DefaultPassageFormatter("**", "**", " … ", false))
                .withMaxLength(SNIPPET_SCAN_CHARS)
                .build();
        return h.highlight(Fields.TEXT, q, top, 2);
    }

    private static String opening(String text, boolean html) {
        if (text == null) return "";
        String t = text.length() > 240 ? text.substring(0, 240) + " …" : text;
        t = t.replaceAll("\\s+", " ").strip();
        return html ? t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") : t;
    }

    @Override public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            directory.close();
        }
    }
}
