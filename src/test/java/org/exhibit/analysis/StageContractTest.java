package org.exhibit.analysis;

import org.exhibit.model.*;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class StageContractTest {
    static final String THREAD = "Petra\n4th June 2006, 09:15\nHe wrote in 1937 that \"the engineers were frightened men\".\n";

    /** A stage that declares what it is given. */
    record Declared(String name, Set<Layer> requires, Set<Layer> assigns, Set<Layer> appends, java.util.function.Consumer<Document> body)
            implements Stage {
        @Override public void apply(Document doc) { body.accept(doc); }
    }

    static Declared stage(String name, Set<Layer> requires, Set<Layer> assigns, java.util.function.Consumer<Document> body) {
        return new Declared(name, requires, assigns, Set.of(), body);
    }

    @Test void theStandardChainKeepsItsOwnContract() {
        Pipeline p = Pipeline.standard();
        assertEquals(EnumSet.allOf(Layer.class), p.assigns(), "every layer has a writer");
        Set<Layer> seen = EnumSet.copyOf(Layer.FROM_READER);
        for (Stage s : p.stages()) {
            assertTrue(seen.containsAll(s.requires()), s.name() + " runs before what it requires");
            for (Layer l : s.assigns()) assertTrue(seen.add(l), l + " assigned twice");
        }
    }

    @Test void aStageBeforeWhatItRequiresIsRefusedWhenThePipelineIsBuilt() {
        List<Stage> wrong = List.of(new org.exhibit.analysis.attribution.Attribution(), new org.exhibit.analysis.quotes.QuoteFinder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Pipeline(wrong));
        assertTrue(e.getMessage().contains("'attribution' requires QUOTES"), e.getMessage());
    }

    @Test void twoStagesMayNotAssignOneLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Pipeline(List.of(new org.exhibit.analysis.quotes.QuoteFinder(), new org.exhibit.analysis.quotes.QuoteFinder())));
        assertTrue(e.getMessage().contains("already assigned by stage 'quotes'"), e.getMessage());
    }

    @Test void appendingNeedsAnEarlierWriter() {
        Stage s = new Declared("late", Layer.FROM_READER, Set.of(), Set.of(Layer.REUSE), d -> {});
        assertThrows(IllegalArgumentException.class, () -> new Pipeline(List.of(s)));
    }

    @Test void aStageThatEditsAnotherStagesFindingIsStoppedWhileRunning() {
        assertTrue(Pipeline.class.desiredAssertionStatus(), "tests run with assertions on, so the guard runs");
        Stage dates = stage("late dates", Layer.withReader(Layer.QUOTES), Set.of(Layer.DATES), d -> {
            Quote q = d.quotes().get(0);
            q.speaker(new Speaker("Someone", "Someone", null, null, 0.5)); // not its layer
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HandSet.board(THREAD).passage("q1", "p1", "the engineers were frightened men").run(dates));
        assertTrue(e.getMessage().contains("'late dates' changed in layer ATTRIBUTION"), e.getMessage());
    }

    @Test void aStageMayNotRemoveWhatAnotherFound() {
        Stage cleaner = stage("cleaner", Layer.withReader(Layer.QUOTES), Set.of(), d -> d.quotes().clear());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HandSet.board(THREAD).passage("q1", "p1", "the engineers were frightened men").run(cleaner));
        assertTrue(e.getMessage().contains("layer QUOTES"), e.getMessage());
    }

    @Test void appendingKeepsTheEarlierItems() {
        Reuse first = new Reuse("verbatim", List.of(), 1.0, null);
        Stage writer = stage("writer", Layer.FROM_READER, Set.of(Layer.REUSE), d -> d.reuse().add(first));
        Stage adder = new Declared("adder", Layer.withReader(Layer.REUSE), Set.of(), Set.of(Layer.REUSE),
                d -> d.reuse().add(new Reuse("same-source", List.of(), 1.0, null)));
        Document d = HandSet.board(THREAD).run(writer, adder);
        assertEquals(2, d.reuse().size());
        Stage replacer = new Declared("replacer", Layer.withReader(Layer.REUSE), Set.of(), Set.of(Layer.REUSE),
                doc -> doc.reuse().set(0, new Reuse("altered", List.of(), 0.5, null)));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> HandSet.board(THREAD).run(writer, replacer));
        assertTrue(e.getMessage().contains("changed items it only appends to in layer REUSE"), e.getMessage());
    }

    @Test void anyStageMayAddANoticeButNotRemoveOne() {
        Stage notice = stage("notice", Layer.FROM_READER, Set.of(), d -> d.flags().add(new Flag("line-limit", "long", null)));
        assertEquals(1, HandSet.board(THREAD).run(notice).flags().size());
        Stage wiper = stage("wiper", Layer.FROM_READER, Set.of(), d -> d.flags().clear());
        assertThrows(IllegalStateException.class, () -> HandSet.board(THREAD).run(notice, wiper));
    }
}
