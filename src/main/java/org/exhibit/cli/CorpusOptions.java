package org.exhibit.cli;

import org.exhibit.index.Corpus;
import org.exhibit.store.StoreTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a corpus lives: the options shared by ingest, search and stats. */
final class CorpusOptions {
    @Option(names = {"--db", "--corpus", "--store"}, paramLabel = "DIR|URL",
            description = {"Corpus directory (SQLite store corpus.db and the search index inside it), or a PostgreSQL "
                    + "server as postgresql://user:password@host:port/db."})
    String db;

    @Option(names = "--jdbc", paramLabel = "URL", description = "The store as a JDBC URL (jdbc:postgresql://... or jdbc:sqlite:...).")
    String jdbc;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Search index directory; default DIR/index for a corpus directory, ./exhibit-index for a server store.")
    Path index;

    /** The store, or null after printing why not. */
    StoreTarget target() {
        if ((db == null) == (jdbc == null)) {
            System.err.println("exhibit: give the corpus with --db DIR (or --db postgresql://...), or with --jdbc URL");
            return null;
        }
        try {
            return StoreTarget.parse(db != null ? db : jdbc);
        } catch (IllegalArgumentException e) {
            System.err.println("exhibit: " + e.getMessage());
            return null;
        }
    }

    Path indexDir(StoreTarget target) {
        if (index != null) return index.toAbsolutePath().normalize();
        if (target.directory() == null && target.jdbcUrl().startsWith("jdbc:sqlite:"))
            return Path.of(target.jdbcUrl().substring("jdbc:sqlite:".length()) + ".index").toAbsolutePath();
        return Corpus.defaultIndex(target);
    }
}
