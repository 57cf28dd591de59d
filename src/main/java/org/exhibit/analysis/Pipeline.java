package org.exhibit.analysis;

import org.exhibit.analysis.attribution.Attribution;
import org.exhibit.analysis.quotes.QuoteFinder;
import org.exhibit.model.Document;

import java.util.ArrayList;
import java.util.List;

/** An explicit, ordered chain of stages, like an analyzer's token filters. */
public final class Pipeline {
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) { this.stages = List.copyOf(stages); }

    /** The default chain: quotes first, then everything that hangs off them. */
    public static Pipeline standard() {
        List<Stage> s = new ArrayList<>();
        s.add(new QuoteFinder());
        s.add(new CitationFinder());
        s.add(new DateFinder());
        s.add(new EntityResolver());
        // Attribution reads the quotes, citations, people and dates found before it.
        s.add(new Attribution());
        s.add(new ReuseFinder());
        s.add(new IndependenceCheck());
        return new Pipeline(s);
    }

    public List<Stage> stages() { return stages; }

    public Document run(Document doc) {
        for (Stage s : stages) {
            // A caller with a time budget (the server's uploads) interrupts the thread: stop at the next stage.
            if (Thread.currentThread().isInterrupted())
                throw new java.util.concurrent.CancellationException("analysis stopped before the " + s.name() + " stage: over its time budget");
            s.apply(doc);
        }
        return doc;
    }
}
