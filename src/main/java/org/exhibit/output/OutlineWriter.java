package org.exhibit.output;

import org.exhibit.model.*;

import java.io.PrintWriter;
import java.util.List;

/** The readable outline printed by {@code exhibit analyze}: posts, then each post's quote tree. */
public final class OutlineWriter {
    private OutlineWriter() {}

    public static void write(Document doc, PrintWriter out) {
        out.printf("%s  (%s, %d posts, %d quotes)%n", doc.source().path(), doc.source().format(), doc.posts().size(), doc.quotes().size());
        List<Quote> all = doc.quotesInOrder();
        for (Post p : doc.posts()) {
            out.printf("%n%s  %s  %s%n", p.id(), p.author() == null ? "(unknown author)" : p.author(),
                    p.published() == null ? "" : p.published());
            for (Quote q : all) {
                if (!p.id().equals(q.post())) continue;
                int depth = depth(doc, q);
                String indent = "  ".repeat(depth + 1);
                StringBuilder line = new StringBuilder(indent).append(q.id()).append(' ')
                        .append(q.kind() == QuoteKind.PASSAGE ? "" : "(" + q.kind().json() + ") ")
                        .append('[').append(q.marker().label()).append("] ");
                if (q.speaker() != null) line.append(q.speaker().name()).append(": ");
                line.append('"').append(firstWords(q.text(doc), 10)).append('"');
                if (q.work() != null && q.work().title() != null) line.append("  — ").append(q.work().title());
                if (q.work() != null && q.work().pages() != null) line.append(", pp. ").append(q.work().pages());
                if (!q.via().isEmpty()) line.append("  via ").append(String.join(" < ", q.via()));
                out.println(line);
                for (Flag f : q.flags()) out.println(indent + "  ! " + f.type() + ": " + f.message());
            }
        }
        reuse(doc, out);
        if (!doc.flags().isEmpty()) {
            out.println();
            for (Flag f : doc.flags()) out.println("! " + f.type() + ": " + f.message());
        }
        out.flush();
    }

    /** One line per reuse: kind, similarity, and where each witness is. */
    static void reuse(Document doc, PrintWriter out) {
        if (doc.reuse().isEmpty()) return;
        out.printf("%nReuse%n");
        for (Reuse r : doc.reuse()) {
            StringBuilder line = new StringBuilder("  ").append(r.kind()).append(String.format(" %.2f:", r.similarity()));
            String sep = " ";
            for (Reuse.Part p : r.parts()) {
                line.append(sep).append(p.post() == null ? "" : p.post() + " ").append("line ").append(lineOf(doc.text(), p.span().start()))
                        .append(' ').append(p.quote() == null ? "" : p.quote() + " ")
                        .append('"').append(firstWords(p.text(), 6)).append('"');
                sep = " = ";
            }
            out.println(line);
        }
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    static int depth(Document doc, Quote q) {
        int d = 0;
        for (String p = q.parent(); p != null && d < 50; d++) {
            Quote parent = doc.quote(p);
            p = parent == null ? null : parent.parent();
        }
        return d;
    }

    public static String firstWords(String text, int n) {
        String[] w = text.strip().split("\\s+");
        if (w.length <= n) return String.join(" ", w);
        return String.join(" ", java.util.Arrays.copyOf(w, n)) + " …";
    }
}
