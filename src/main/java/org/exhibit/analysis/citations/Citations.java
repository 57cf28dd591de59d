package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Citation.Kind;
import org.exhibit.model.Document;
import org.exhibit.model.Evidence;
import org.exhibit.model.Post;
import org.exhibit.model.Work;

/**
 * Questions other stages ask about the citations {@link CitationFinder} found: which citation follows a quote,
 * which work was named last before a point, and that citation as a {@link Work}.
 */
public final class Citations {
    private Citations() {}

    /**
     * The reference, Ibid. or title that follows {@code offset} (a quote's end) within {@code maxChars}, with only
     * white space, periods, commas, closing quotes, dashes, footnote markers, a QUOTE tag and a cue ("Source:",
     * "See", "Quoted in") in between; or null.
     */
    public static Citation after(Document doc, int offset, int maxChars) {
        String t = doc.text();
        int limit = Math.min(t.length(), offset + maxChars);
        java.util.List<Citation> next = new java.util.ArrayList<>();
        for (Citation c : doc.citations()) if (c.span().start() >= offset && c.span().start() < limit) next.add(c);
        next.sort((a, b) -> a.span().compareTo(b.span()));
        int at = offset;
        for (Citation c : next) {
            if (!skippable(t, at, c.span().start())) return null;
            if (c.kind() != Kind.FOOTNOTE_MARKER) return c;
            at = c.span().end();
        }
        return null;
    }

    /** Words that introduce a citation: "Source:", "See", "Quoted in". */
    private static final java.util.regex.Pattern CUE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:sources?|see(?: also)?|cf|from|quoted in|cited in|taken from|in)\\b");

    private static boolean skippable(String t, int from, int to) {
        String gap = CUE.matcher(t.substring(from, to).replace("QUOTE", "")).replaceAll("");
        return gap.matches("[\\s.,;:\"'’”»\\-–—]*");
    }

    /** The last reference or title (or resolved Ibid.) that ends before {@code offset} in the same post; or null. */
    public static Citation workBefore(Document doc, int offset) {
        Post post = doc.postAt(offset);
        Citation best = null;
        for (Citation c : doc.citations()) {
            if (c.span().end() > offset || CitationFinder.workName(c) == null) continue;
            if (post != null && !post.body().contains(c.span())) continue;
            if (best == null || c.span().end() > best.span().end()) best = c;
        }
        return best;
    }

    /** Citations inside a span (a quote's), in text order. */
    public static java.util.List<Citation> in(Document doc, org.exhibit.model.Span span) {
        java.util.List<Citation> out = new java.util.ArrayList<>();
        for (Citation c : doc.citations()) if (span.contains(c.span())) out.add(c);
        out.sort((a, b) -> a.span().compareTo(b.span()));
        return out;
    }

    /** The work a citation names (an Ibid. names the work it repeats), with the citation as evidence. */
    public static Work work(Document doc, Citation c, double confidence) {
        if (c == null || CitationFinder.workName(c) == null) return null;
        String title = c.kind() == Kind.REFERENCE || c.kind() == Kind.TITLE ? c.title() : c.resolvesTo();
        if (title == null) title = CitationFinder.workName(c);
        double conf = confidence;
        if (c.flags() != null && c.flags().contains("antecedent-far")) conf *= 0.7;       // a long way back
        if (c.flags() != null && c.flags().contains("antecedent-uncited")) conf *= 0.7;   // named, never cited
        return new Work(title, c.author(), c.year(), c.pages(), new Evidence(c.span(), c.text()), conf);
    }
}
