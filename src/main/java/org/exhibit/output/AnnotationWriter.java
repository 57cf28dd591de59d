package org.exhibit.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.*;

import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The findings as W3C Web Annotations (JSON-LD, one AnnotationPage): one annotation per post, quote, mention,
 * date, citation and flag, each targeting the input with a TextPositionSelector (Unicode code points, as the JSON
 * edition counts) and a TextQuoteSelector (exact text with 32 code points of context either side).
 */
public final class AnnotationWriter {
    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    static final int CONTEXT_CODE_POINTS = 32;

    private final Document doc;
    private final String source;
    private final String base;
    private final ArrayNode items;
    private int flags;

    private AnnotationWriter(Document doc, ArrayNode items) {
        this.doc = doc;
        this.source = sourceUri(doc.source().path());
        this.base = "urn:exhibit:" + (doc.source().sha256() == null ? "document" : "sha256:" + doc.source().sha256()) + ":";
        this.items = items;
    }

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

    public static ObjectNode toJson(Document doc) {
        ObjectNode page = JsonWriter.mapper().createObjectNode();
        page.put("@context", CONTEXT);
        page.put("id", "urn:exhibit:" + (doc.source().sha256() == null ? "document" : "sha256:" + doc.source().sha256()) + ":annotations");
        page.put("type", "AnnotationPage");
        ArrayNode items = page.putArray("items");
        new AnnotationWriter(doc, items).build();
        return page;
    }

    /** The input as an IRI: kept when it already is one, else the file's absolute file: URI. */
    static String sourceUri(String path) {
        if (path.matches("(?i)(https?|file|urn):.*")) return path;
        try {
            return Path.of(path).toAbsolutePath().normalize().toUri().toString();
        } catch (RuntimeException e) {
            return "urn:exhibit:file:" + URLEncoder.encode(path, StandardCharsets.UTF_8);
        }
    }

    private void build() {
        for (Post p : doc.posts()) {
            ObjectNode a = annotation("post-" + p.id(), "describing", p.body());
            ArrayNode body = a.putArray("body");
            textual(body, "identifying", "post " + p.id());
            if (p.boardId() != null && !p.boardId().equals(p.id())) textual(body, "identifying", "board id: " + p.boardId());
            if (p.url() != null) body.addObject().put("id", p.url()).put("purpose", "identifying");
            if (p.author() != null) textual(body, "describing", "author: " + p.author());
            if (p.published() != null) textual(body, "describing", "published: " + p.published());
        }
        for (Quote q : doc.quotesInOrder()) {
            boolean described = q.speaker() != null || q.work() != null || q.sourcePost() != null || !q.via().isEmpty();
            ObjectNode a = annotation("quote-" + q.id(), described ? "describing" : "identifying", q.span());
            ArrayNode body = a.putArray("body");
            textual(body, "classifying", q.kind().json());
            textual(body, "tagging", "marker: " + q.marker().label());
            if (q.speaker() != null && q.speaker().name() != null) textual(body, "identifying", "speaker: " + q.speaker().name());
            Work w = q.work();
            if (w != null) textual(body, "describing", "work: " + workText(w));
            if (q.sourcePost() != null) textual(body, "linking", "reproduces post " + q.sourcePost());
            if (!q.via().isEmpty()) textual(body, "describing", "via: " + String.join(" < ", q.via()));
            if (q.parent() != null) textual(body, "linking", "inside quote " + q.parent());
            for (Flag f : q.flags()) flag(f, q);
        }
        int i = 0;
        for (Mention m : doc.mentions()) {
            ObjectNode a = annotation("mention-" + (++i), "identifying", m.span());
            ArrayNode body = a.putArray("body");
            Entity e = entity(m.entity());
            String wikidata = e == null || e.ids() == null ? null : e.ids().get("wikidata");
            if (wikidata != null && wikidata.matches("Q\\d+"))
                body.addObject().put("id", "http://www.wikidata.org/entity/" + wikidata).put("purpose", "identifying");
            textual(body, "identifying", e != null && e.name() != null ? e.name() : m.entity() != null ? m.entity() : m.text());
            if (m.type() != null) textual(body, "classifying", m.type().json());
        }
        i = 0;
        for (TimeExpression t : doc.dates()) {
            ObjectNode a = annotation("date-" + (++i), "describing", t.span());
            ArrayNode body = a.putArray("body");
            textual(body, "describing", t.value() == null ? "date" : t.value() + (t.mod() == null ? "" : " (" + t.mod() + ")"));
        }
        i = 0;
        for (Citation c : doc.citations()) {
            ObjectNode a = annotation("citation-" + (++i), "describing", c.span());
            ArrayNode body = a.putArray("body");
            textual(body, "classifying", c.kind().json());
            String w = workText(new Work(c.title(), c.author(), c.year(), c.pages(), null, 0));
            if (!w.isEmpty()) textual(body, "describing", w);
        }
        for (Flag f : doc.flags()) flag(f, null);
    }

    private void flag(Flag f, Quote q) {
        Span at = f.evidence() != null && f.evidence().span() != null ? f.evidence().span() : q != null ? q.span() : null;
        ObjectNode a = annotation("flag-" + (++flags), "assessing", at);
        ArrayNode body = a.putArray("body");
        textual(body, "assessing", f.message() == null ? f.type() : f.message());
        textual(body, "tagging", f.type());
    }

    private Entity entity(String id) {
        if (id == null) return null;
        for (Entity e : doc.entities()) if (id.equals(e.id())) return e;
        return null;
    }

    private static String workText(Work w) {
        StringBuilder b = new StringBuilder();
        if (w.title() != null) b.append(w.title());
        if (w.author() != null) b.append(b.isEmpty() ? "" : ", ").append(w.author());
        if (w.year() != null) b.append(b.isEmpty() ? "" : ", ").append(w.year());
        if (w.pages() != null) b.append(b.isEmpty() ? "" : ", ").append("p. ").append(w.pages());
        return b.toString();
    }

    /** A new annotation on a span (null: the whole source). */
    /** A board's post id made safe for a URN (percent-encoded); the original stays in the body's "post ..." text. */
    static String safe(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private ObjectNode annotation(String id, String motivation, Span span) {
        ObjectNode a = items.addObject();
        a.put("id", base + safe(id));
        a.put("type", "Annotation");
        a.put("motivation", motivation);
        if (span == null) { a.put("target", source); return a; }
        ObjectNode target = a.putObject("target");
        target.put("source", source);
        ArrayNode sel = target.putArray("selector");
        int start = doc.codePoint(span.start()), end = doc.codePoint(span.end());
        sel.addObject().put("type", "TextPositionSelector").put("start", start).put("end", end);
        String t = doc.text();
        int before = span.start(), after = span.end();
        for (int k = 0; k < CONTEXT_CODE_POINTS && before > 0; k++) before = t.offsetByCodePoints(before, -1);
        for (int k = 0; k < CONTEXT_CODE_POINTS && after < t.length(); k++) after = t.offsetByCodePoints(after, 1);
        sel.addObject().put("type", "TextQuoteSelector").put("exact", doc.slice(span))
                .put("prefix", t.substring(before, span.start())).put("suffix", t.substring(span.end(), after));
        return a;
    }

    private static void textual(ArrayNode body, String purpose, String value) {
        body.addObject().put("type", "TextualBody").put("purpose", purpose).put("value", value).put("format", "text/plain");
    }
}
