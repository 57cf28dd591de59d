package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.Document;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;

/**
 * The provenance graph ({@link Provenance}) as data: GraphML for Gephi, yEd and graph libraries, and a JSON list of
 * nodes, edges and groups. Nodes carry their kind, label and the quotes that pass through them; edges their kind
 * ("quoted-in", "reproduces"), weight and quotes; a node's group (sources that are one) is an attribute.
 */
public final class GraphWriter {
    public static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

    private GraphWriter() {}

    public static void graphml(Document doc, Writer w) throws IOException { w.write(graphml(JsonWriter.toJson(doc))); }

    public static void json(Document doc, Writer w) throws IOException {
        JsonWriter.mapper().writerWithDefaultPrettyPrinter().writeValue(new NonClosing(w), json(JsonWriter.toJson(doc)));
    }

    /** GraphML of an edition's provenance graph. */
    public static String graphml(JsonNode edition) {
        Provenance g = Provenance.of(edition);
        StringBuilder b = new StringBuilder(4096 + g.nodes.size() * 200 + g.edges.size() * 160);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"").append(GRAPHML_NS)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"").append(GRAPHML_NS)
                .append(" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        String[][] keys = {
                {"label", "node", "label", "string"}, {"kind", "node", "kind", "string"}, {"detail", "node", "detail", "string"},
                {"year", "node", "year", "int"}, {"years", "node", "years", "string"}, {"group", "node", "group", "string"},
                {"passages", "node", "passages", "int"}, {"quotes", "node", "quotes", "string"},
                {"ekind", "edge", "kind", "string"}, {"weight", "edge", "weight", "double"}, {"equotes", "edge", "quotes", "string"},
                {"elabel", "edge", "label", "string"}};
        for (String[] k : keys)
            b.append("  <key id=\"").append(k[0]).append("\" for=\"").append(k[1]).append("\" attr.name=\"").append(k[2])
                    .append("\" attr.type=\"").append(k[3]).append("\"/>\n");
        b.append("  <graph id=\"provenance\" edgedefault=\"directed\">\n");
        for (Provenance.Node n : g.nodes) {
            b.append("    <node id=\"n").append(n.index).append("\">");
            data(b, "label", n.label);
            data(b, "kind", n.kind.token);
            if (n.detail != null) data(b, "detail", n.detail);
            if (n.year != null) data(b, "year", String.valueOf(n.year));
            if (n.years != null) data(b, "years", n.years);
            if (n.group >= 0) data(b, "group", "g" + n.group);
            data(b, "passages", String.valueOf(n.quotes.size()));
            data(b, "quotes", ids(g, n.quotes));
            b.append("</node>\n");
        }
        for (Provenance.Edge e : g.edges) {
            b.append("    <edge id=\"e").append(e.index).append("\" source=\"n").append(e.from).append("\" target=\"n").append(e.to).append("\">");
            data(b, "ekind", e.kind);
            data(b, "elabel", e.kind.equals("reproduces") ? "reproduced in" : "quoted in");
            data(b, "weight", String.valueOf(e.weight()));
            data(b, "equotes", ids(g, e.quotes));
            b.append("</edge>\n");
        }
        b.append("  </graph>\n</graphml>\n");
        return b.toString();
    }

    /** The same graph as a JSON object: nodes, edges, groups, with quote ids from the edition. */
    public static ObjectNode json(JsonNode edition) {
        Provenance g = Provenance.of(edition);
        ObjectNode o = JsonWriter.mapper().createObjectNode();
        o.put("graph", "provenance");
        ArrayNode nodes = o.putArray("nodes");
        for (Provenance.Node n : g.nodes) {
            ObjectNode j = nodes.addObject();
            j.put("id", "n" + n.index);
            j.put("kind", n.kind.token);
            j.put("label", n.label);
            j.put("detail", n.detail);
            if (n.year != null) j.put("year", n.year); else j.putNull("year");
            j.put("years", n.years);
            if (n.post >= 0) j.put("post", Provenance.str(edition.path("posts").get(n.post), "id")); else j.putNull("post");
            if (n.group >= 0) j.put("group", "g" + n.group); else j.putNull("group");
            quoteIds(j.putArray("quotes"), g, n.quotes);
        }
        ArrayNode edges = o.putArray("edges");
        for (Provenance.Edge e : g.edges) {
            ObjectNode j = edges.addObject();
            j.put("id", "e" + e.index);
            j.put("source", "n" + e.from);
            j.put("target", "n" + e.to);
            j.put("kind", e.kind);
            j.put("weight", e.weight());
            quoteIds(j.putArray("quotes"), g, e.quotes);
        }
        ArrayNode groups = o.putArray("groups");
        for (Provenance.Group gr : g.groups) {
            ObjectNode j = groups.addObject();
            j.put("id", "g" + gr.index);
            ArrayNode m = j.putArray("members");
            for (int n : gr.members) m.add("n" + n);
            quoteIds(j.putArray("quotes"), g, gr.quotes);
            ArrayNode r = j.putArray("reasons");
            gr.reasons.forEach(r::add);
        }
        return o;
    }

    private static void data(StringBuilder b, String key, String value) {
        b.append("<data key=\"").append(key).append("\">").append(Xml.text(value)).append("</data>");
    }

    private static String ids(Provenance g, Collection<Integer> quotes) {
        StringBuilder s = new StringBuilder();
        for (int q : quotes) {
            String id = Provenance.str(g.quote(q), "id");
            if (s.length() > 0) s.append(' ');
            s.append(id == null ? "#" + q : id);
        }
        return s.toString();
    }

    private static void quoteIds(ArrayNode a, Provenance g, Collection<Integer> quotes) {
        for (int q : quotes) {
            String id = Provenance.str(g.quote(q), "id");
            a.add(id == null ? "#" + q : id);
        }
    }

    /** Jackson closes the writer it is given; the command line owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) { super(w); }
        @Override public void close() throws IOException { flush(); }
    }
}
