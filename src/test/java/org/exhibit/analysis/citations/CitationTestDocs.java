package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;

/** Builds documents for citation tests: one post, or several posts separated by a marker line. */
final class CitationTestDocs {
    private CitationTestDocs() {}

    static Document post(String text) { return posts(text); }

    /** Each argument is one post body; bodies are joined with a blank line. */
    static Document posts(String... bodies) {
        StringBuilder sb = new StringBuilder();
        List<Post> posts = new ArrayList<>();
        for (String b : bodies) {
            if (sb.length() > 0) sb.append("\n\n");
            int s = sb.length();
            sb.append(b);
            posts.add(new Post("p" + (posts.size() + 1), "someone", null, new Span(s, sb.length())));
        }
        Document doc = new Document(new Source("test.txt", "text", "0"), sb.toString(), posts);
        new CitationFinder().apply(doc);
        return doc;
    }

    static List<Citation> of(Document doc, Citation.Kind kind) {
        List<Citation> l = new ArrayList<>();
        for (Citation c : doc.citations()) if (c.kind() == kind) l.add(c);
        return l;
    }

    static Citation only(Document doc, Citation.Kind kind) {
        List<Citation> l = of(doc, kind);
        if (l.size() != 1) throw new AssertionError("expected one " + kind + " but found " + l + " in: " + doc.text());
        return l.get(0);
    }
}
