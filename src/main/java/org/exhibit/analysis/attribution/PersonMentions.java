package org.exhibit.analysis.attribution;

import org.exhibit.model.Document;
import org.exhibit.model.Entity;
import org.exhibit.model.EntityType;
import org.exhibit.model.Mention;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The document's resolved person mentions, ordered by offset, with their entities by id: the entity named at a
 * span is a binary search and a scan over the few mentions that can reach it, not a pass over every mention and
 * every entity for each speaker (which grew with their product).
 */
final class PersonMentions {
    private final Mention[] byStart;
    private final int[] starts;
    private final int longest;
    private final Map<String, Entity> entities = new HashMap<>();

    PersonMentions(Document doc) {
        List<Mention> ms = new ArrayList<>();
        for (Mention m : doc.mentions()) if (m.type() == EntityType.PERSON && m.entity() != null) ms.add(m);
        // stable: mentions starting at the same offset keep the document's order
        ms.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        byStart = ms.toArray(new Mention[0]);
        starts = new int[byStart.length];
        int len = 0;
        for (int k = 0; k < byStart.length; k++) { starts[k] = byStart[k].span().start(); len = Math.max(len, byStart[k].span().length()); }
        longest = len;
        for (Entity e : doc.entities()) entities.putIfAbsent(e.id(), e);
        this.order = new int[byStart.length];
        List<Mention> original = doc.mentions();
        Map<Mention, Integer> at = new java.util.IdentityHashMap<>();
        for (int k = 0; k < original.size(); k++) at.putIfAbsent(original.get(k), k);
        for (int k = 0; k < byStart.length; k++) order[k] = at.get(byStart[k]);
    }

    /** The position of each mention (by offset) in the document's list: "first" and "last" mean the document's order. */
    private final int[] order;

    /** The entity of the first person mention (in the document's order) overlapping the span, or null. */
    Entity first(Span s) { return pick(s, true); }

    /** The entity of the last person mention (in the document's order) overlapping the span, or null. */
    Entity last(Span s) { return pick(s, false); }

    private Entity pick(Span s, boolean first) {
        // mentions starting before s.end(), back to those that could still reach s.start()
        int lo = 0, hi = starts.length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (starts[mid] < s.end()) lo = mid + 1; else hi = mid; }
        int best = -1;
        for (int k = lo - 1; k >= 0 && starts[k] > s.start() - longest - 1; k--) {
            Mention m = byStart[k];
            if (!m.span().overlaps(s) || !entities.containsKey(m.entity())) continue;
            if (best < 0 || (first ? order[k] < order[best] : order[k] > order[best])) best = k;
        }
        return best < 0 ? null : entities.get(byStart[best].entity());
    }
}
