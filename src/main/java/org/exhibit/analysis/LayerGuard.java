package org.exhibit.analysis;

import org.exhibit.model.Document;
import org.exhibit.model.Quote;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the stage contract while a pipeline runs: takes a fingerprint of every layer before a stage and checks after
 * it that the stage changed only the layers it assigns, and only added items to the layers it appends to. A quote
 * is created whole by the stage that assigns {@link Layer#QUOTES}, so its first speaker or source post (a markup
 * name, a reproduced post) belongs to that stage; later stages may not touch either.
 *
 * <p>Runs when assertions are on (tests, {@code java -ea}); the fingerprints cost one pass over the findings per stage.
 */
final class LayerGuard {
    private final Stage stage;
    private final Map<Layer, Long> before = new EnumMap<>(Layer.class);
    private final Map<Layer, Integer> sizes = new EnumMap<>(Layer.class);
    private final int notices;
    private final long noticesHash;

    /** Fingerprints taken before {@code stage} runs on {@code doc}. */
    LayerGuard(Stage stage, Document doc) {
        this.stage = stage;
        for (Layer l : Layer.values()) {
            int n = stage.appends().contains(l) ? size(doc, l) : Integer.MAX_VALUE;
            sizes.put(l, n);
            before.put(l, fingerprint(doc, l, n));
        }
        notices = doc.flags().size();
        noticesHash = hash(doc.flags(), notices);
    }

    /** Throws when the stage wrote to a layer it did not declare. */
    void check(Document doc) {
        Set<Layer> assigns = stage.assigns();
        for (Layer l : Layer.values()) {
            if (assigns.contains(l)) continue;
            if (l == Layer.ATTRIBUTION && assigns.contains(Layer.QUOTES)) continue;
            boolean appended = stage.appends().contains(l);
            if ((appended && size(doc, l) < sizes.get(l)) || fingerprint(doc, l, sizes.get(l)) != before.get(l))
                throw broken(stage, l, appended ? "changed items it only appends to" : "changed");
        }
        if (doc.flags().size() < notices || hash(doc.flags(), notices) != noticesHash)
            throw broken(stage, null, "removed or changed document notices");
    }

    private static IllegalStateException broken(Stage s, Layer l, String what) {
        return new IllegalStateException("stage '" + s.name() + "' " + what + (l == null ? "" : " in layer " + l)
                + " without declaring it: add it to assigns() or appends(), or leave it to the stage that owns it");
    }

    private static int size(Document doc, Layer l) {
        return switch (l) {
            case QUOTES, ATTRIBUTION -> doc.quotes().size();
            case CITATIONS -> doc.citations().size();
            case DATES -> doc.dates().size();
            case ENTITIES -> doc.mentions().size() + doc.entities().size();
            case REUSE -> doc.reuse().size();
            default -> 0;
        };
    }

    /** A hash of the first {@code n} items of the layer (all of it when n is larger). */
    private static long fingerprint(Document doc, Layer l, int n) {
        return switch (l) {
            case TEXT -> System.identityHashCode(doc.text());
            case POSTS -> hash(doc.posts(), n);
            case MARKUP -> 0; // the reader's quotes are the first state of QUOTES, which the quote stage rebuilds
            case QUOTES -> quotes(doc.quotes(), n, true);
            case ATTRIBUTION -> quotes(doc.quotes(), n, false);
            case CITATIONS -> hash(doc.citations(), n);
            case DATES -> hash(doc.dates(), n);
            case ENTITIES -> hash(doc.mentions(), n) * 31 + hash(doc.entities(), n);
            case REUSE -> hash(doc.reuse(), n);
            case INDEPENDENCE -> independence(doc);
        };
    }

    private static long quotes(List<Quote> quotes, int n, boolean structure) {
        long h = 1;
        for (int i = 0; i < Math.min(n, quotes.size()); i++) {
            Quote q = quotes.get(i);
            int v = structure
                    ? Objects.hash(System.identityHashCode(q), q.id(), q.post(), q.span(), q.kind(), q.parent(), q.reproduces(), q.exclusions())
                    : Objects.hash(System.identityHashCode(q), q.speaker(), q.work(), q.sourcePost(), q.via(), q.flags());
            h = h * 1_000_003L + v;
        }
        return h;
    }

    private static long independence(Document doc) {
        long h = 1;
        for (var f : doc.flags()) if (f.type().equals("not-independent")) h = h * 31 + f.hashCode();
        return h;
    }

    private static long hash(List<?> items, int n) {
        long h = 1;
        for (int i = 0; i < Math.min(n, items.size()); i++) h = h * 1_000_003L + Objects.hashCode(items.get(i));
        return h;
    }
}
