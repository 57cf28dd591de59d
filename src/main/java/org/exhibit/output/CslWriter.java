package org.exhibit.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.Document;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bibliography of a document as CSL-JSON (the array Zotero and Pandoc import): every work cited or quoted
 * ({@link Bibliography}), with the ids the TEI {@code listBibl} uses.
 */
public final class CslWriter {
    private CslWriter() {}

    private static final Pattern CORPORATE = Pattern.compile("(?i).*\\b(commissariat|committee|commission|court|ministry|department|office|party|union|"
            + "institute|society|association|bureau|government|council|agency|press|publishers?|publishing|library|archives?|university|college|"
            + "foundation|company|corporation|inc|ltd|league|congress|senate|tribunal|board|service|organi[sz]ation|people's|state|national|"
            + "international|academy|museum|editors?|staff)\\b.*");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d&.-]+");
    private static final Pattern PARTICLE = Pattern.compile("(?i)van|von|de|del|della|der|den|di|da|du|la|le|ter|ten|zu|y");
    private static final Pattern SUFFIX = Pattern.compile("(?i)jr\\.?|sr\\.?|ii|iii|iv");
    private static final Pattern ISO_DATE = Pattern.compile("(-?\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?.*");

    public static void write(Document doc, Writer out) throws IOException {
        JsonWriter.mapper().writeValue(out, toJson(doc));
    }

    public static String toString(Document doc) {
        try {
            return JsonWriter.mapper().writeValueAsString(toJson(doc));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ArrayNode toJson(Document doc) {
        ArrayNode items = JsonWriter.mapper().createArrayNode();
        for (Bibliography.Entry e : Bibliography.of(doc).entries()) {
            ObjectNode o = items.addObject();
            o.put("id", e.id);
            o.put("type", e.cslType());
            if (e.title() != null) o.put("title", e.title());
            if (e.author() != null) {
                ArrayNode authors = o.putArray("author");
                if (e.post() != null) authors.addObject().put("literal", e.author()); // a board name, not a personal name
                else for (String a : splitAuthors(e.author())) authors.add(name(a));
            }
            if (e.post() != null) {
                o.put("container-title", Bibliography.fileName(doc.source().path()));
                dateParts(o, e.published());
            } else if (e.year() != null) {
                o.putObject("issued").putArray("date-parts").addArray().add(e.year());
            }
            if (e.place() != null) o.put("publisher-place", e.place());
            if (e.pages() != null) o.put("page", e.pages());
        }
        return items;
    }

    private static void dateParts(ObjectNode o, String iso) {
        if (iso == null) return;
        Matcher m = ISO_DATE.matcher(iso);
        if (!m.matches()) return;
        ArrayNode parts = o.putObject("issued").putArray("date-parts").addArray();
        for (int g = 1; g <= 3 && m.group(g) != null; g++) parts.add(Integer.parseInt(m.group(g)));
    }

    static List<String> splitAuthors(String s) {
        List<String> l = new ArrayList<>();
        for (String a : s.split("\\s*(?:;|&|\\band\\b)\\s*")) if (!a.isBlank()) l.add(a.strip());
        return l;
    }

    /** A CSL name: {family, given} for a personal name ("Joseph E. Davies", "Davies, Joseph E."), {literal} otherwise. */
    static ObjectNode name(String raw) {
        ObjectNode n = JsonWriter.mapper().createObjectNode();
        String s = raw.strip().replaceAll("\\s+", " ");
        if (CORPORATE.matcher(s).matches() || ACRONYM.matcher(s).matches() || s.matches(".*\\d.*")) {
            n.put("literal", s);
            return n;
        }
        int comma = s.indexOf(',');
        if (comma > 0) {
            String rest = s.substring(comma + 1).strip();
            if (SUFFIX.matcher(rest).matches()) { // "Davies, Jr." is not "family, given"
                s = s.substring(0, comma).strip();
                n.put("suffix", rest);
            } else {
                n.put("family", s.substring(0, comma).strip());
                if (!rest.isEmpty()) n.put("given", rest);
                return n;
            }
        }
        List<String> tokens = new ArrayList<>(List.of(s.split(" ")));
        if (tokens.size() > 1 && SUFFIX.matcher(tokens.get(tokens.size() - 1)).matches()) n.put("suffix", tokens.remove(tokens.size() - 1));
        if (tokens.size() == 1) { n.put("family", tokens.get(0)); return n; }
        int f = tokens.size() - 1;
        while (f > 1 && PARTICLE.matcher(tokens.get(f - 1)).matches() && Character.isLowerCase(tokens.get(f - 1).charAt(0))) f--;
        n.put("family", tokens.get(tokens.size() - 1));
        if (f < tokens.size() - 1) n.put("non-dropping-particle", String.join(" ", tokens.subList(f, tokens.size() - 1)).toLowerCase(Locale.ROOT));
        n.put("given", String.join(" ", tokens.subList(0, f)));
        return n;
    }
}
