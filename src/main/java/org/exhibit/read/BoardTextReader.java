package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text copied from a board: each post starts with an author line and a timestamp line, then its body.
 * The text is kept verbatim, so Invision {@code QUOTE} tags stay in it; the quote finder reads them as markers.
 * A file with no recognisable header is one post by an unknown author.
 */
public final class BoardTextReader implements ThreadReader {
    /** A board user name: letters and digits with the punctuation boards allow ("pnac=ww3", "#jack#", "[Ivan]"). */
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}#~_\\[(*][\\p{L}\\p{N} ._'\\-@=#~+*!$&|()\\[\\]]{0,39}$");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d:\\d\\d");

    @Override public String format() { return "text"; }

    @Override public double sniff(String text, String fileName) {
        return 0.1; // the fallback for any text
    }

    @Override public Document read(Source source, String text) {
        return new Document(source, text, posts(text));
    }

    /** Splits text into posts at author + timestamp header pairs. Shared by the other plain-text readers. */
    public static List<Post> posts(String text) {
        List<int[]> lines = lines(text);
        record Header(int nameLine, String author, String published) {}
        List<Header> headers = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String name = slice(text, lines.get(i)).strip();
            String ts = slice(text, lines.get(i + 1)).strip();
            if (!NAME.matcher(name).matches() || name.split("\\s+").length > 4) continue;
            boolean blankBefore = i == 0 || slice(text, lines.get(i - 1)).isBlank();
            // Inside a body, a name line and a date line ("For Immediate Release / October 31, 1998") start a post
            // only when the date has a time of day, as board headers do.
            boolean startsBlock = blankBefore || i < 3 || !headers.isEmpty() && TIME_OF_DAY.matcher(ts).find();
            String iso = Timestamps.parse(ts);
            if (iso != null && (startsBlock || TIME_OF_DAY.matcher(ts).find() && looksLikePostBreak(text, lines, i))) {
                headers.add(new Header(i, name, iso));
                i++; // the timestamp line cannot also be the next header's name line ("16.06.2007" reads as a name)
            }
        }
        List<Post> posts = new ArrayList<>();
        if (headers.isEmpty()) {
            posts.add(new Post("p1", null, null, trim(text, 0, text.length()), null, null));
            return posts;
        }
        // Text before the first header (a page title, say) is not a post.
        for (int h = 0; h < headers.size(); h++) {
            Header hd = headers.get(h);
            int bodyStart = lines.get(hd.nameLine() + 1)[1];
            int bodyEnd = h + 1 < headers.size() ? lines.get(headers.get(h + 1).nameLine())[0] : text.length();
            Span header = new Span(lines.get(hd.nameLine())[0], lines.get(hd.nameLine() + 1)[1]);
            posts.add(new Post("p" + (h + 1), hd.author(), hd.published(), trim(text, bodyStart, bodyEnd), header, null));
        }
        return posts;
    }

    private static boolean looksLikePostBreak(String text, List<int[]> lines, int i) {
        // A name line right after a line that ends a sentence is a plausible new post in text with no blank lines.
        String prev = slice(text, lines.get(i - 1)).strip();
        return prev.isEmpty() || prev.matches(".*[.!?)\"'’”:]$") || prev.length() < 40;
    }

    /** [start, end-without-newline, end-with-newline) of each line. */
    static List<int[]> lines(String text) {
        List<int[]> l = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int e = i;
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                l.add(new int[]{s, e, i + 1});
                s = i + 1;
            }
        }
        if (s < text.length()) l.add(new int[]{s, text.length(), text.length()});
        return l;
    }

    private static String slice(String text, int[] line) { return text.substring(line[0], line[1]); }

    static Span trim(String text, int s, int e) {
        while (s < e && Character.isWhitespace(text.charAt(s))) s++;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
        return new Span(s, e);
    }
}
