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
        return run(doc, Long.MAX_VALUE);
    }

    /**
     * Runs the stages, stopping before the next one when the thread is interrupted (the server's uploads) or when
     * {@code deadline} (a {@link System#nanoTime()} value; {@code Long.MAX_VALUE}: none) has passed (the command line).
     */
    public Document run(Document doc, long deadline) {
        for (Stage s : stages) {
            if (Thread.currentThread().isInterrupted() || (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0))
                throw new OverBudget(s.name());
            s.apply(doc);
        }
        return doc;
    }

    /**
     * Reads ({@code read}) and analyses one document within the command line's time budget
     * ({@link org.exhibit.Limits#maxAnalysisSeconds()}, checked between stages). Whatever fails, the budget included,
     * is an {@link org.exhibit.read.InputException} with one line naming the document.
     */
    public Document analyse(String name, org.exhibit.read.Failures.Work<Document> read) throws org.exhibit.read.InputException {
        long seconds = org.exhibit.Limits.maxAnalysisSeconds();
        long start = System.nanoTime();
        try {
            return org.exhibit.read.Failures.isolate(name, () -> run(read.run(), start + seconds * 1_000_000_000L));
        } catch (org.exhibit.read.InputException e) {
            if (e.getCause() instanceof OverBudget over)
                throw new org.exhibit.read.InputException(name + ": analysis stopped after " + (System.nanoTime() - start) / 1_000_000_000L
                        + " s, before the " + over.stage() + " stage: over the time budget of " + seconds + " s per file ("
                        + org.exhibit.Limits.howToSet(org.exhibit.Limits.MAX_ANALYSIS_SECONDS) + ")", over);
            throw e;
        }
    }

    /** The analysis was stopped before {@link #stage()}: it had used up its time budget. */
    public static final class OverBudget extends java.util.concurrent.CancellationException {
        private final String stage;

        OverBudget(String stage) {
            super("analysis stopped before the " + stage + " stage: over its time budget");
            this.stage = stage;
        }

        public String stage() { return stage; }
    }
}
