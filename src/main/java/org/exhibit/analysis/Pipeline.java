package org.exhibit.analysis;

import org.exhibit.analysis.citations.CitationFinder;
import org.exhibit.analysis.dates.DateFinder;
import org.exhibit.analysis.entities.EntityResolver;
import org.exhibit.analysis.reuse.IndependenceCheck;
import org.exhibit.analysis.reuse.ReuseFinder;
import org.exhibit.analysis.attribution.Attribution;
import org.exhibit.analysis.quotes.QuoteFinder;
import org.exhibit.model.Document;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An explicit, ordered chain of stages, like an analyzer's token filters. Building one checks the stage contract:
 * every layer a stage requires is written by the reader or an earlier stage, no layer is written by two stages, and
 * a stage appends only to a layer an earlier stage wrote. With assertions on, {@link #run} also checks that each
 * stage wrote only what it declared.
 */
public final class Pipeline {
    private static final boolean GUARDED = Pipeline.class.desiredAssertionStatus();
    private final List<Stage> stages;

    /** @throws IllegalArgumentException naming the stage and layer when the order breaks the contract */
    public Pipeline(List<Stage> stages) { this(Layer.FROM_READER, stages); }

    /**
     * A pipeline that starts from a document whose {@code given} layers are already written: hand-set findings in a
     * test, or an edition read back from the store.
     */
    public Pipeline(Set<Layer> given, List<Stage> stages) {
        this.stages = List.copyOf(stages);
        Map<Layer, String> writer = new EnumMap<>(Layer.class);
        for (Layer l : Layer.FROM_READER) writer.put(l, "the reader");
        for (Layer l : given) writer.putIfAbsent(l, "the document as given");
        for (Stage s : this.stages) {
            for (Layer l : Layer.values()) // in layer order, so the message names the first missing one
                if (s.requires().contains(l) && !writer.containsKey(l))
                    throw new IllegalArgumentException("stage '" + s.name() + "' requires " + l + ", which no earlier stage assigns");
            for (Layer l : s.appends())
                if (!writer.containsKey(l))
                    throw new IllegalArgumentException("stage '" + s.name() + "' appends to " + l + " before any stage assigns it");
            for (Layer l : s.assigns()) {
                String earlier = writer.get(l);
                if (earlier != null)
                    throw new IllegalArgumentException("stage '" + s.name() + "' assigns " + l + ", already assigned by " + earlier);
                writer.put(l, "stage '" + s.name() + "'");
            }
        }
    }

    /** The default chain: quotes first, then everything that hangs off them. */
    public static Pipeline standard() { return standard(AnalysisConfig.DEFAULT); }

    public static Pipeline standard(AnalysisConfig config) {
        List<Stage> s = new ArrayList<>();
        s.add(new QuoteFinder());
        s.add(new CitationFinder());
        s.add(new DateFinder());
        s.add(new EntityResolver(config.authority()));
        s.add(new ReuseFinder());
        // Attribution reads the quotes, citations, people, dates and the reuse of earlier posts found before it.
        s.add(new Attribution());
        s.add(new IndependenceCheck());
        return new Pipeline(s);
    }

    public List<Stage> stages() { return stages; }

    /** The layers the stages of this pipeline write, with the reader's. */
    public Set<Layer> assigns() {
        Set<Layer> out = EnumSet.copyOf(Layer.FROM_READER);
        for (Stage s : stages) out.addAll(s.assigns());
        return out;
    }

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
            LayerGuard guard = GUARDED ? new LayerGuard(s, doc) : null;
            s.apply(doc);
            if (guard != null) guard.check(doc);
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
