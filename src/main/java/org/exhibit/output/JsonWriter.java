package org.exhibit.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.*;

import java.io.IOException;
import java.io.Writer;

/**
 * The JSON view of a document (schema: {@code schema/exhibit-document.schema.json}). Offsets are Unicode code
 * points into {@code text}, as in a W3C TextPositionSelector.
 */
public final class JsonWriter {
    public static final String SCHEMA_VERSION = "1.0";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonWriter() {}

    public static ObjectMapper mapper() { return MAPPER; }

    public static void write(Document doc, Writer out) throws IOException {
        MAPPER.writeValue(out, toJson(doc));
    }

    public static String toString(Document doc) {
        try {
            return MAPPER.writeValueAsString(toJson(doc));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(Document doc) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("exhibit_schema", SCHEMA_VERSION);
        ObjectNode src = root.putObject("source");
        src.put("path", doc.source().path());
        src.put("format", doc.source().format());
        src.put("sha256", doc.source().sha256());
        root.put("text", doc.text());

        ArrayNode posts = root.putArray("posts");
        for (Post p : doc.posts()) {
            ObjectNode o = posts.addObject();
            o.put("id", p.id());
            o.put("author", p.author());
            o.put("published", p.published());
            span(doc, o, p.body());
            o.put("reply_to", p.replyTo());
            if (p.boardId() != null) o.put("board_id", p.boardId());
            if (p.url() != null) o.put("url", p.url());
        }

        // Reuse items get ids r1, r2, ... in order; a quote that is a witness of one names it (the same finding)
        java.util.Map<String, java.util.List<String>> reuseOf = new java.util.HashMap<>();
        for (int i = 0; i < doc.reuse().size(); i++)
            for (Reuse.Part part : doc.reuse().get(i).parts())
                if (part.quote() != null && part.document() == null) {
                    java.util.List<String> l = reuseOf.computeIfAbsent(part.quote(), k -> new java.util.ArrayList<>());
                    if (!l.contains("r" + (i + 1))) l.add("r" + (i + 1));
                }
        ArrayNode quotes = root.putArray("quotes");
        for (Quote q : doc.quotesInOrder()) {
            ObjectNode qo = quote(doc, q);
            java.util.List<String> items = reuseOf.get(q.id());
            if (items != null) { ArrayNode a = qo.putArray("reuse"); items.forEach(a::add); }
            quotes.add(qo);
        }

        ArrayNode cites = root.putArray("citations");
        for (Citation c : doc.citations()) {
            ObjectNode o = cites.addObject();
            span(doc, o, c.span());
            o.put("text", c.text());
            o.put("kind", c.kind().json());
            o.put("author", c.author());
            o.put("title", c.title());
            o.put("place", c.place());
            if (c.year() == null) o.putNull("year"); else o.put("year", c.year());
            o.put("pages", c.pages());
            o.put("resolves_to", c.resolvesTo());
            ArrayNode f = o.putArray("flags");
            if (c.flags() != null) c.flags().forEach(f::add);
        }

        ArrayNode ents = root.putArray("entities");
        for (Entity e : doc.entities()) {
            ObjectNode o = ents.addObject();
            o.put("id", e.id());
            o.put("name", e.name());
            o.put("type", e.type().json());
            o.put("years", e.years());
            o.put("role", e.role());
            ArrayNode mentions = o.putArray("mentions");
            for (Mention m : doc.mentions()) {
                if (!e.id().equals(m.entity())) continue;
                ObjectNode mo = mentions.addObject();
                span(doc, mo, m.span());
                mo.put("text", m.text());
                mo.put("how", m.how());
                mo.put("confidence", m.confidence());
            }
            ObjectNode ids = o.putObject("ids");
            if (e.ids() != null) e.ids().forEach(ids::put);
        }

        ArrayNode dates = root.putArray("dates");
        for (TimeExpression t : doc.dates()) {
            ObjectNode o = dates.addObject();
            span(doc, o, t.span());
            o.put("text", t.text());
            o.put("type", t.type());
            o.put("value", t.value());
            o.put("mod", t.mod());
            if (t.quant() != null) o.put("quant", t.quant());
            if (t.range() != null) {
                ObjectNode r = o.putObject("range");
                span(doc, r, t.range().span());
                r.put("text", t.range().text());
                r.put("value", t.range().value());
            }
            if (t.anchor() != null) {
                ObjectNode a = o.putObject("anchor");
                span(doc, a, t.anchor());
                a.put("text", t.anchorText());
            } else if (t.anchorText() != null) {
                o.putObject("anchor").put("text", t.anchorText());
            } else o.putNull("anchor");
        }

        ArrayNode reuse = root.putArray("reuse");
        for (Reuse r : doc.reuse()) {
            ObjectNode o = reuse.addObject();
            o.put("id", "r" + reuse.size());
            o.put("kind", r.kind());
            o.put("similarity", r.similarity());
            o.put("alignment", r.alignment());
            ArrayNode parts = o.putArray("parts");
            for (Reuse.Part part : r.parts()) {
                ObjectNode po = parts.addObject();
                po.put("document", part.document());
                po.put("post", part.post());
                span(doc, po, part.span());
                po.put("text", part.text());
                po.put("quote", part.quote());
            }
        }

        ArrayNode flags = root.putArray("flags");
        for (Flag f : doc.flags()) flags.add(flag(doc, f));
        return root;
    }

    static ObjectNode quote(Document doc, Quote q) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", q.id());
        o.put("post", q.post());
        span(doc, o, q.span());
        o.put("text", q.text(doc));
        o.put("parent", q.parent());
        o.put("kind", q.kind().json());
        o.put("marker", q.marker().label());
        if (q.markupName() != null || q.markupDate() != null || q.markupPost() != null) {
            ObjectNode m = o.putObject("markup");
            m.put("name", q.markupName());
            m.put("date", q.markupDate());
            m.put("post", q.markupPost());
        }
        Speaker s = q.speaker();
        if (s == null) o.putNull("speaker");
        else {
            ObjectNode so = o.putObject("speaker");
            so.put("name", s.name());
            so.put("as_written", s.asWritten());
            so.put("entity", s.entity());
            so.put("confidence", s.confidence());
            evidence(doc, so, s.evidence());
        }
        Work w = q.work();
        if (w == null) o.putNull("work");
        else {
            ObjectNode wo = o.putObject("work");
            wo.put("title", w.title());
            wo.put("author", w.author());
            if (w.year() == null) wo.putNull("year"); else wo.put("year", w.year());
            wo.put("pages", w.pages());
            wo.put("confidence", w.confidence());
            evidence(doc, wo, w.evidence());
        }
        o.put("source_post", q.sourcePost());
        ArrayNode via = o.putArray("via");
        q.via().forEach(via::add);
        ArrayNode flags = o.putArray("flags");
        for (Flag f : q.flags()) flags.add(flag(doc, f));
        return o;
    }

    static ObjectNode flag(Document doc, Flag f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", f.type());
        o.put("message", f.message());
        evidence(doc, o, f.evidence());
        return o;
    }

    static void evidence(Document doc, ObjectNode o, Evidence e) {
        if (e == null) { o.putNull("evidence"); return; }
        ObjectNode eo = o.putObject("evidence");
        span(doc, eo, e.span());
        eo.put("text", e.text());
    }

    static void span(Document doc, ObjectNode o, Span s) {
        if (s == null) { o.putNull("start"); o.putNull("end"); return; }
        o.put("start", doc.codePoint(s.start()));
        o.put("end", doc.codePoint(s.end()));
    }
}
