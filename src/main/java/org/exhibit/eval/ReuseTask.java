package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.reuse.NormalisedWords;
import org.exhibit.model.Document;
import org.exhibit.model.Reuse;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text reuse against gold {@code reuse} items, each with sides {@code a} and {@code b} written as a line range
 * ("lines 4-173"), a post ("post 3", "post p3"), a gold quote id, a quoted snippet (matched on normalised words, so quote marks and dashes do
 * not matter), or "SNIPPET (inside QUOTE-ID)" / "... passage inside QUOTE-ID" (then the snippet when found, else
 * the whole gold quote). A gold pair is found when one reported reuse has a part overlapping side a whose aligned
 * words, carried through the reuse's alignment, land in side b (or the other way round): a long repeat that merely
 * contains both sides, mapped onto other text, does not count. Recall is over gold pairs; a found reuse matching
 * no gold pair is a false alarm, but gold readings list the reuse a reader noticed and may not be exhaustive, so
 * precision here is a lower bound.
 */
public final class ReuseTask implements EvalTask {
    private static final Pattern LINES = Pattern.compile("lines?\\s+(\\d+)\\s*(?:-|–|to)\\s*(\\d+)");
    private static final Pattern POST = Pattern.compile("(?i)^(?:the\\s+)?(?:body\\s+of\\s+)?post\\s+#?(\\w+)$");
    private static final Pattern INSIDE = Pattern.compile("^(.*?)\\(?\\s*inside\\s+([\\w-]+)\\s*\\)?\\s*$", Pattern.DOTALL);

    @Override public String name() { return "reuse"; }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        if (!gold.has("reuse")) return null;
        Score s = new Score(name());
        boolean[] matched = new boolean[doc.reuse().size()];
        for (JsonNode g : gold.path("reuse")) {
            List<Span> a = side(g.path("a").asText(""), doc, quotes), b = side(g.path("b").asText(""), doc, quotes);
            String label = g.path("kind").asText("reuse") + ": " + g.path("a").asText("") + " / " + g.path("b").asText("");
            if (a.isEmpty() || b.isEmpty()) { s.miss(label + " (a side is not in the document)"); continue; }
            boolean hit = false;
            for (int i = 0; i < doc.reuse().size(); i++)
                if (matches(doc, doc.reuse().get(i), a, b)) { hit = true; matched[i] = true; }
            if (hit) s.hit(); else s.miss(label);
        }
        for (int i = 0; i < matched.length; i++) {
            if (matched[i]) continue;
            Reuse r = doc.reuse().get(i);
            if (r.kind().equals(org.exhibit.analysis.reuse.IndependenceCheck.SAME_WORK)) continue; // an independence finding, not shared text
            s.falseAlarm(r.kind() + " @" + r.parts().get(0).span().start() + "/" + r.parts().get(1).span().start() + ": "
                    + NormalisedWords.of(r.parts().get(0).text()).size() + " words");
        }
        return s;
    }

    static boolean matches(Document doc, Reuse r, List<Span> a, List<Span> b) {
        if (r.parts().size() < 2) return false;
        for (int x = 0; x < 2; x++) {
            Reuse.Part p = r.parts().get(x), q = r.parts().get(1 - x);
            for (Span sa : a) {
                if (!p.span().overlaps(sa)) continue;
                Span projected = project(doc, r, x, intersect(sa, p.span()));
                if (projected == null) continue;
                for (Span sb : b) if (projected.overlaps(sb) && q.span().overlaps(sb)) return true;
            }
        }
        return false;
    }

    static Span intersect(Span a, Span b) { return new Span(Math.max(a.start(), b.start()), Math.min(a.end(), b.end())); }

    /** Carries a span inside part {@code from} through the word alignment into the other part. */
    static Span project(Document doc, Reuse r, int from, Span span) {
        Reuse.Part p0 = r.parts().get(0), p1 = r.parts().get(1);
        NormalisedWords w0 = NormalisedWords.of(doc.text(), p0.span().start(), p0.span().end());
        NormalisedWords w1 = NormalisedWords.of(doc.text(), p1.span().start(), p1.span().end());
        if (r.alignment() == null || r.alignment().isBlank()) return from == 0 ? p1.span() : p0.span();
        int i = 0, j = 0, lo = -1, hi = -1;
        NormalisedWords src = from == 0 ? w0 : w1, dst = from == 0 ? w1 : w0;
        for (String item : r.alignment().trim().split("\\s+")) {
            char op = item.charAt(0);
            int n = Integer.parseInt(item.substring(1));
            for (int k = 0; k < n; k++) {
                int si = from == 0 ? i : j, di = from == 0 ? j : i;
                boolean srcStep = op == '=' || op == '~' || (from == 0 ? op == '-' : op == '+');
                if (srcStep && si < src.size() && di <= dst.size() && span.contains(src.start(si))) {
                    int d = Math.min(di, dst.size() - 1);
                    if (d >= 0) { if (lo < 0) lo = dst.start(d); hi = dst.end(d); }
                }
                if (op != '+') i++;
                if (op != '-') j++;
            }
        }
        return lo < 0 ? null : new Span(lo, Math.max(lo, hi));
    }

    /** The spans one gold side refers to. */
    static List<Span> side(String ref, Document doc, GoldQuotes quotes) {
        List<Span> out = new ArrayList<>();
        String t = ref.strip();
        Matcher m = LINES.matcher(t);
        if (m.find()) {
            Span s = lines(doc.text(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (s != null) out.add(s);
            return out;
        }
        Matcher pm = POST.matcher(t);
        if (pm.matches()) {
            org.exhibit.model.Post p = doc.post(pm.group(1));
            if (p == null) p = doc.post("p" + pm.group(1));
            if (p != null) { out.add(p.body()); return out; }
        }
        List<Span> byId = quoteSpans(t, quotes);
        if (!byId.isEmpty()) return byId;
        Matcher in = INSIDE.matcher(t);
        List<Span> container = List.of();
        if (in.matches()) {
            container = quoteSpans(in.group(2), quotes);
            t = in.group(1).strip();
        }
        for (Span s : snippet(doc.text(), t))
            if (container.isEmpty() || container.stream().anyMatch(c -> c.overlaps(s))) out.add(s);
        if (out.isEmpty()) out.addAll(container);
        return out;
    }

    static List<Span> quoteSpans(String id, GoldQuotes quotes) {
        List<Span> l = new ArrayList<>();
        for (GoldQuotes.Anchored g : quotes.anchored()) if (g.id().equals(id)) l.add(g.span());
        return l;
    }

    /** Every occurrence of the snippet's words in the text, comparing normalised words. */
    static List<Span> snippet(String text, String snippet) {
        List<Span> l = new ArrayList<>();
        NormalisedWords s = NormalisedWords.of(snippet), w = NormalisedWords.of(text);
        if (s.size() < 3) return l;
        outer:
        for (int i = 0; i + s.size() <= w.size(); i++) {
            for (int k = 0; k < s.size(); k++) if (w.hash(i + k) != s.hash(k)) continue outer;
            l.add(new Span(w.start(i), w.end(i + s.size() - 1)));
        }
        return l;
    }

    static Span lines(String text, int from, int to) {
        int line = 1, start = -1;
        if (from == 1) start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\n') continue;
            if (line == to) return new Span(Math.max(0, start), i);
            line++;
            if (line == from) start = i + 1;
        }
        return start >= 0 ? new Span(start, text.length()) : null;
    }
}
