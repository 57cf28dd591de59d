package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gold quotes anchored in the document text, and their one-to-one matching with the passages found. A gold quote
 * is anchored by the text it starts and ends with; every occurrence counts (a post stored twice has two copies).
 * A found passage matches a gold quote when their overlap is at least half of their union.
 */
public final class GoldQuotes {
    public record Anchored(JsonNode gold, String id, Span span) {}

    private final List<Anchored> anchored = new ArrayList<>();
    private final List<String> unanchored = new ArrayList<>();
    private final Map<Anchored, Quote> matches = new HashMap<>();
    private final List<Quote> unmatched = new ArrayList<>();

    public static final double MIN_JACCARD = 0.5;

    public GoldQuotes(JsonNode gold, Document doc) {
        String text = doc.text();
        for (JsonNode q : gold.path("quotes")) {
            String starts = q.path("starts").asText(""), ends = q.path("ends").asText("");
            if (starts.isEmpty()) continue;
            boolean found = false;
            for (int s = text.indexOf(starts); s >= 0; s = text.indexOf(starts, s + 1)) {
                int e = ends.isEmpty() ? s + starts.length() : text.indexOf(ends, s);
                if (e < 0) continue;
                int end = ends.isEmpty() ? e : e + ends.length();
                anchored.add(new Anchored(q, q.path("id").asText(), new Span(s, end)));
                found = true;
            }
            if (!found) unanchored.add(q.path("id").asText(starts));
        }
        List<Quote> passages = new ArrayList<>();
        for (Quote q : doc.quotes()) if (q.kind() == QuoteKind.PASSAGE) passages.add(q);
        // Greedy one-to-one matching, best pairs first.
        record Pair(Anchored g, Quote q, double j) {}
        List<Pair> pairs = new ArrayList<>();
        for (Anchored g : anchored)
            for (Quote q : passages) {
                double j = jaccard(g.span(), q.span());
                if (j >= MIN_JACCARD) pairs.add(new Pair(g, q, j));
            }
        pairs.sort((a, b) -> Double.compare(b.j(), a.j()));
        java.util.Set<Quote> used = new java.util.HashSet<>();
        for (Pair p : pairs) {
            if (matches.containsKey(p.g()) || used.contains(p.q())) continue;
            matches.put(p.g(), p.q());
            used.add(p.q());
        }
        for (Quote q : passages) if (!used.contains(q)) unmatched.add(q);
    }

    static double jaccard(Span a, Span b) {
        int inter = a.overlap(b);
        int union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
        return union == 0 ? 0 : inter / (double) union;
    }

    public List<Anchored> anchored() { return anchored; }
    /** Gold quotes whose anchors are not in the text: a sign the gold file belongs to another document. */
    public List<String> unanchored() { return unanchored; }
    /** The found passage matched to a gold quote, or null. */
    public Quote match(Anchored g) { return matches.get(g); }
    public List<Quote> unmatched() { return unmatched; }
}
