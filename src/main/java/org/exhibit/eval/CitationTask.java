package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.exhibit.model.Span;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Citations against the gold {@code citations} list [{text, author?, title?, place?, year? | year_claimed?, pages?,
 * resolves_to?, kind?}]. A gold citation is found when a found citation's span overlaps an occurrence of its text
 * (every occurrence counts: a post stored twice has two copies). A found citation that overlaps no gold citation is
 * a false alarm; the gold lists what a careful reader would cite, not every footnote marker or newspaper named, so
 * precision here is a lower bound.
 *
 * <p>{@link #fields()} scores the fields of found gold citations: recall is the field accuracy (correct fields over
 * gold fields), precision is the share of the fields we filled in that are correct. Values are compared after
 * normalising case, white space, punctuation and dashes; names also match without their middle initials ("John
 * Littlepage" is "John D. Littlepage"). A gold kind such as "footnote marker, note absent" needs the kind and
 * the "note-absent" flag; titles match without a leading article.
 */
public final class CitationTask implements EvalTask {
    private final boolean fields;

    public CitationTask() { this(false); }

    private CitationTask(boolean fields) { this.fields = fields; }

    /** The field-accuracy companion task, "citation-fields". */
    public static CitationTask fields() { return new CitationTask(true); }

    @Override public String name() { return fields ? "citation-fields" : "citations"; }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        if (!gold.has("citations")) return null;
        Score s = new Score(name());
        List<Span> goldSpans = new ArrayList<>();
        for (JsonNode g : gold.path("citations")) {
            String text = g.path("text").asText("");
            if (text.isEmpty()) continue;
            List<Span> occ = occurrences(doc.text(), text);
            goldSpans.addAll(occ);
            Citation best = null;
            int bestOverlap = 0;
            for (Span o : occ)
                for (Citation c : doc.citations()) {
                    int ov = c.span().overlap(o);
                    if (ov > bestOverlap) { best = c; bestOverlap = ov; }
                }
            if (!fields) {
                if (best != null) s.hit();
                else s.miss(occ.isEmpty() ? text + " (its text is not in the document)" : text);
                continue;
            }
            if (best == null) {
                g.fieldNames().forEachRemaining(f -> { if (isField(f)) s.miss(text + ": " + f + " (citation not found)"); });
                continue;
            }
            for (var it = g.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!isField(f)) continue;
                String want = g.get(f).asText();
                String got = value(best, f);
                if (matches(f, want, got)) s.hit();
                else {
                    s.miss(text + ": " + f + " wanted '" + want + "', got " + (got == null ? "nothing" : "'" + got + "'"));
                    if (got != null) s.falseAlarm(text + ": " + f + " '" + got + "'");
                }
            }
        }
        if (!fields)
            for (Citation c : doc.citations()) {
                boolean any = false;
                for (Span g : goldSpans) if (c.span().overlaps(g)) { any = true; break; }
                if (!any) s.falseAlarm(c.kind().json() + " @" + c.span().start() + ": " + c.text());
            }
        return s;
    }

    private static boolean isField(String f) {
        return switch (f) {
            case "author", "title", "place", "year", "year_claimed", "pages", "resolves_to", "kind" -> true;
            default -> false;
        };
    }

    static String value(Citation c, String field) {
        return switch (field) {
            case "author" -> c.author();
            case "title" -> c.title();
            case "place" -> c.place();
            case "year", "year_claimed" -> c.year() == null ? null : c.year().toString();
            case "pages" -> c.pages();
            case "resolves_to" -> c.resolvesTo();
            case "kind" -> c.kind().json().replace('_', ' ') + (c.flags() != null && c.flags().contains("note-absent") ? ", note absent" : "");
            default -> null;
        };
    }

    static boolean matches(String field, String want, String got) {
        if (got == null) return false;
        if (field.equals("kind")) {
            String w = norm(want), g = norm(got);
            boolean absent = w.contains("absent") || w.contains("missing");
            return goldKind(w) != null && goldKind(w).equals(goldKind(g)) && (!absent || g.contains("note absent"));
        }
        if (norm(want).equals(norm(got))) return true;
        if ((field.equals("title") || field.equals("resolves_to")) && noArticle(norm(want)).equals(noArticle(norm(got)))) return true;
        return field.equals("author") && norm(dropInitials(want)).equals(norm(dropInitials(got)));
    }

    /** The kind a gold label names, by its key word: "Ibid.", "op. cit.", "footnote marker, note absent", "title". */
    static String goldKind(String normalised) {
        if (normalised.matches(".*\\b(?:op cit|loc cit)\\b.*")) return "op_cit";
        if (normalised.matches(".*\\b(?:ibid|ibidem|id)\\b.*")) return "ibid";
        if (normalised.matches(".*\\b(?:footnote|marker|note)\\b.*")) return "footnote_marker";
        if (normalised.matches(".*\\btitle\\b.*")) return "title";
        if (normalised.matches(".*\\b(?:reference|citation|bibliograph\\p{L}*)\\b.*")) return "reference";
        return null;
    }

    private static String noArticle(String s) { return s.replaceFirst("^(?:the|a|an) ", ""); }

    /** Lower case, accents, punctuation and dashes dropped, white space collapsed. */
    static String norm(String s) {
        String x = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return x.replaceAll("[\\p{P}\\p{S}]", " ").replaceAll("\\s+", " ").strip();
    }

    /** "John D. Littlepage" becomes "John Littlepage"; a name of initials only is kept. */
    static String dropInitials(String name) {
        String x = name.replaceAll("(?<=\\s)[A-Z]\\.\\s*", "").strip();
        return x.isEmpty() ? name : x;
    }

    /** Every place the gold text occurs; if it never occurs verbatim, occurrences that differ only in white space. */
    static List<Span> occurrences(String text, String needle) {
        List<Span> out = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.add(new Span(i, i + needle.length()));
        if (out.isEmpty() && !needle.isBlank()) {
            String[] words = needle.strip().split("\\s+");
            StringBuilder re = new StringBuilder();
            for (String w : words) re.append(re.length() == 0 ? "" : "\\s+").append(java.util.regex.Pattern.quote(w));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(re.toString()).matcher(text);
            while (m.find()) out.add(new Span(m.start(), m.end()));
        }
        return out;
    }
}
