package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Markdown with CommonMark block quotes: {@code >} prefixes, nesting ({@code > >} or {@code >>}), lazy
 * continuation lines, a blank line ending a quote. The text is kept verbatim; a quote's span runs from its first
 * content character to its last, and the {@code >} prefixes inside it are exclusions, so the quote's text is the
 * passage without markers.
 */
public final class MarkdownReader implements ThreadReader {
    private static final Pattern QUOTE_LINE = Pattern.compile("(?m)^ {0,3}>");
    /** Lines that start a new block and so cannot be a lazy continuation of a quoted paragraph. */
    private static final Pattern INTERRUPTS = Pattern.compile(
            "(#{1,6}(\\s.*)?|([-*_])(\\s*\\3){2,}\\s*|(```|~~~).*|[-+*]\\s.*|1[.)]\\s.*)");
    private static final Pattern NOT_PARAGRAPH = Pattern.compile("(#{1,6}(\\s.*)?|([-*_])(\\s*\\3){2,}\\s*|(```|~~~).*)");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(```|~~~).*");

    @Override public String format() { return "markdown"; }

    @Override public double sniff(String text, String fileName) {
        if (Json.looksLikeJson(text)) return 0; // markup inside JSON strings is the JSON readers' business
        var m = QUOTE_LINE.matcher(text);
        int n = 0;
        while (m.find() && n < 3) n++;
        return n >= 2 ? 0.6 : 0; // one ">" line may be prose ("> 5000 votes")
    }

    @Override public Document read(Source source, String text) {
        List<Post> posts = BoardTextReader.posts(text);
        Document doc = new Document(source, text, posts);
        List<Found> found = new ArrayList<>();
        int[] tooDeep = {0, -1};
        for (Post p : posts) found.addAll(quotes(text, p.body(), p.id(), tooDeep));
        Found.addAll(doc, found);
        if (tooDeep[0] > 0) Found.flagTooDeep(doc, tooDeep[0], new Span(tooDeep[1], Math.min(text.length(), tooDeep[1] + 80)));
        return doc;
    }

    /** The block quotes of one Markdown body occupying {@code body} of {@code text}. */
    static List<Found> quotes(String text, Span body, String post) { return quotes(text, body, post, new int[]{0, -1}); }

    /**
     * As {@link #quotes(String, Span, String)}; lines nested deeper than {@link org.exhibit.Limits#maxQuoteDepth()}
     * stay in the deepest quote allowed, their extra '>' counted in {@code tooDeep[0]} (first at {@code tooDeep[1]}).
     */
    static List<Found> quotes(String text, Span body, String post, int[] tooDeep) {
        final class Frame {
            final Frame parent; int first = -1, last = -1; Span open; final List<Span> prefixes = new ArrayList<>(); Found found;
            Frame(Frame parent) { this.parent = parent; }
        }
        List<Frame> frames = new ArrayList<>();
        List<Frame> stack = new ArrayList<>();
        boolean para = false, fence = false;
        int maxDepth = org.exhibit.Limits.maxQuoteDepth();
        for (int[] line : BoardTextReader.lines(text.substring(body.start(), body.end()))) {
            int ls = body.start() + line[0], le = body.start() + line[1];
            int pos = ls, depth = 0;
            while (true) {
                int p = pos, spaces = 0;
                while (p < le && text.charAt(p) == ' ' && spaces < 3) { p++; spaces++; }
                if (p < le && text.charAt(p) == '>') {
                    depth++;
                    pos = p + 1;
                    if (pos < le && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) pos++;
                } else break;
            }
            if (depth > maxDepth) { depth = maxDepth; tooDeep[0]++; if (tooDeep[1] < 0) tooDeep[1] = ls; } // deeper '>' stay prefix
            int cs = pos;
            while (cs < le && Character.isWhitespace(text.charAt(cs))) cs++;
            int ce = le;
            while (ce > cs && Character.isWhitespace(text.charAt(ce - 1))) ce--;
            boolean blank = cs == le;
            String content = text.substring(cs, ce);

            if (!fence && (depth > 0 || !stack.isEmpty())) {
                boolean lazy = depth < stack.size() && para && !blank && !INTERRUPTS.matcher(content).matches();
                if (!lazy) {
                    while (stack.size() > depth) stack.remove(stack.size() - 1);
                    while (stack.size() < depth) {
                        Frame f = new Frame(stack.isEmpty() ? null : stack.get(stack.size() - 1));
                        frames.add(f);
                        stack.add(f);
                    }
                    para = !blank && !NOT_PARAGRAPH.matcher(content).matches();
                }
                Span prefix = new Span(ls, blank ? le : cs);
                for (Frame f : stack) {
                    if (!blank) {
                        if (f.first < 0) { f.first = cs; f.open = prefix; }
                        f.last = ce;
                    }
                    if (prefix.length() > 0) f.prefixes.add(prefix);
                }
                if (!stack.isEmpty()) continue;
            }
            // Outside any quote: only fenced code matters, as '>' lines inside it are code.
            if (FENCE.matcher(text.substring(ls, le)).matches()) fence = !fence;
            para = !blank && !fence;
        }
        List<Found> out = new ArrayList<>();
        for (Frame f : frames) {
            if (f.first < 0) continue;
            Found parent = null;
            for (Frame p = f.parent; p != null && parent == null; p = p.parent) parent = p.found;
            f.found = new Found(post, new Span(f.first, f.last), f.open.length() > 0 ? f.open : null, null, Marker.MARKDOWN, parent);
            f.found.excludeWithin(f.prefixes);
            out.add(f.found);
        }
        return out;
    }
}
