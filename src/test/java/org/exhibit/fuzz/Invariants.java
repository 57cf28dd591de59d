package org.exhibit.fuzz;

import org.exhibit.model.*;
import org.exhibit.output.AnnotationWriter;
import org.exhibit.output.CslWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.OutlineWriter;
import org.exhibit.output.TeiWriter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What must hold for any analysed document, whatever the input: every span lies within the text, every quote
 * lies inside its parent and the parent chain ends, quote texts can be taken, and every writer produces output.
 * Used by the fuzz targets and the hostile-input tests; a violation is an {@link AssertionError} naming it.
 */
public final class Invariants {
    private Invariants() {}

    public static void check(Document doc) {
        spans(doc);
        nesting(doc);
        writers(doc);
    }

    public static void spans(Document doc) {
        int n = doc.text().length();
        for (Post p : doc.posts()) {
            within(p.body(), n, "post " + p.id() + " body");
            within(p.header(), n, "post " + p.id() + " header");
        }
        for (Quote q : doc.quotes()) {
            String w = "quote " + q.id();
            within(q.span(), n, w);
            within(q.openMarker(), n, w + " open marker");
            within(q.closeMarker(), n, w + " close marker");
            for (Span ex : q.exclusions()) within(ex, n, w + " exclusion");
            evidence(q.speaker() == null ? null : q.speaker().evidence(), n, w + " speaker");
            evidence(q.work() == null ? null : q.work().evidence(), n, w + " work");
            for (Flag f : q.flags()) evidence(f.evidence(), n, w + " flag " + f.type());
            q.text(doc); // must not throw
            if (q.post() != null && doc.post(q.post()) == null) throw new AssertionError(w + " names unknown post " + q.post());
        }
        for (Citation c : doc.citations()) within(c.span(), n, "citation");
        for (Mention m : doc.mentions()) within(m.span(), n, "mention");
        for (TimeExpression t : doc.dates()) { within(t.span(), n, "date"); within(t.anchor(), n, "date anchor"); }
        for (Reuse r : doc.reuse()) for (Reuse.Part p : r.parts()) if (p.document() == null) within(p.span(), n, "reuse part");
        for (Flag f : doc.flags()) evidence(f.evidence(), n, "flag " + f.type());
    }

    /** Each quote's parent exists, contains it, and following parents never loops. */
    public static void nesting(Document doc) {
        Map<String, Quote> byId = new HashMap<>();
        for (Quote q : doc.quotes()) if (byId.put(q.id(), q) != null) throw new AssertionError("duplicate quote id " + q.id());
        for (Quote q : doc.quotes()) {
            Set<String> seen = new HashSet<>();
            Quote child = q;
            while (child.parent() != null) {
                if (!seen.add(child.id())) throw new AssertionError("quote parent cycle through " + child.id());
                Quote parent = byId.get(child.parent());
                if (parent == null) throw new AssertionError("quote " + child.id() + " has unknown parent " + child.parent());
                if (!parent.outer().contains(child.span()))
                    throw new AssertionError("quote " + parent.id() + " " + parent.outer() + " does not contain its child " + child.id() + " " + child.span());
                child = parent;
            }
        }
    }

    public static void writers(Document doc) {
        JsonWriter.toString(doc);
        TeiWriter.toString(doc);
        AnnotationWriter.toString(doc);
        CslWriter.toString(doc);
        OutlineWriter.write(doc, new PrintWriter(new StringWriter()));
    }

    private static void evidence(Evidence e, int n, String what) {
        if (e != null) within(e.span(), n, what + " evidence");
    }

    private static void within(Span s, int n, String what) {
        if (s != null && s.end() > n) throw new AssertionError(what + " " + s + " ends past the text (" + n + " chars)");
    }
}
