package org.exhibit.cli;

import org.exhibit.index.Corpus;
import org.exhibit.index.CorpusIndex;
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
import java.util.concurrent.Callable;

@Command(name = "check", sortOptions = false,
        description = {"Checks a corpus for damage: the store with SQLite's integrity_check, the search index with Lucene's CheckIndex (every file against its checksum).",
                "With --repair, a damaged index is rebuilt from the store. Exit code 0 when both are sound (or the index was repaired), 1 when damage remains, 2 when the corpus cannot be opened."},
        footer = {"", "Examples:", "  exhibit check --db corpus/", "  exhibit check --db corpus/ --repair"})
public final class CheckCommand implements Callable<Integer> {
    @Mixin CorpusOptions corpus;

    @Option(names = "--repair", description = "Rebuild a damaged search index from the store (the store itself cannot be repaired here).")
    boolean repair;

    @Override public Integer call() {
        StoreTarget target = corpus.target();
        if (target == null) return 2;
        boolean storeOk;
        try (Store store = Store.openUnchecked(target)) {
            List<String> problems = store.check(false);
            storeOk = problems.isEmpty();
            if (storeOk) System.out.println("store " + target.display() + ": ok (integrity_check)");
            else {
                System.out.println("store " + target.display() + ": DAMAGED");
                for (String p : problems) System.out.println("  " + p);
            }
        } catch (StoreException e) {
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            System.out.println("store " + target.display() + ": DAMAGED");
            System.out.println("  " + e.getMessage().lines().findFirst().orElse(""));
            storeOk = false;
        }
        Path indexDir = corpus.indexDir(target);
        List<String> problems = CorpusIndex.verify(indexDir);
        boolean indexOk = problems.isEmpty();
        if (indexOk) System.out.println("index " + indexDir + ": ok (CheckIndex)");
        else {
            System.out.println("index " + indexDir + ": DAMAGED");
            for (String p : problems) System.out.println("  " + p);
        }
        if (!indexOk && repair) {
            if (!storeOk) {
                System.err.println("exhibit: the store is damaged too; the index is rebuilt only from a sound store");
                return 1;
            }
            try {
                CorpusIndex.discard(indexDir);
                try (Corpus c = Corpus.open(target, indexDir)) {
                    System.out.println("index " + indexDir + ": rebuilt from the store (" + c.index().indexedSeq() + " changes indexed)");
                }
                indexOk = CorpusIndex.verify(indexDir).isEmpty();
            } catch (StoreException | IOException | SQLException e) {
                System.err.println("exhibit: cannot rebuild the index: " + e.getMessage());
                return 1;
            }
        }
        return storeOk && indexOk ? 0 : 1;
    }
}
