package org.exhibit.read;

import org.exhibit.Limits;
import org.exhibit.model.Document;
import org.exhibit.model.Source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a file into a {@link Document}: checks it, decompresses it ({@code .zst}, {@code .gz}, {@code .bz2}, see
 * {@link Compressed}), decodes it, detects its format and hands it to the reader.
 */
public final class Readers {
    /**
     * The default size limit: a thread is never this big, a corpus goes through {@code ingest}. The limit in force
     * is {@link Limits#maxInputBytes()}.
     */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private Readers() {}

    /** Every known reader, most specific first; detection takes the highest sniff score. */
    public static List<ThreadReader> all() {
        List<ThreadReader> l = new ArrayList<>();
        l.add(new BoardTextReader());
        l.add(new BbcodeReader());
        l.add(new MarkdownReader());
        l.add(new HtmlReader());
        l.add(new DiscourseJsonReader());
        l.add(new NdjsonReader());
        return l;
    }

    public static List<String> formats() {
        List<String> f = new ArrayList<>();
        for (ThreadReader r : all()) f.add(r.format());
        return f;
    }

    public static Document read(Path path, String format) throws InputException {
        String name = path.toString();
        if (!Files.exists(path)) throw new InputException(name + ": no such file");
        if (Files.isDirectory(path)) throw new InputException(name + ": is a directory; give the thread files inside it (e.g. " + name + "/*.txt)");
        if (!Files.isReadable(path)) throw new InputException(name + ": cannot be read (permission denied)");
        if (Compressed.isCompressed(path)) return read(name, Compressed.readAll(path), format);
        byte[] bytes;
        try {
            if (Files.size(path) > Limits.maxInputBytes()) throw tooLarge(name);
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + e.getMessage());
        }
        return read(name, bytes, format);
    }

    public static Document read(String name, byte[] bytes, String format) throws InputException {
        if (bytes.length == 0) throw new InputException(name + ": is empty");
        if (bytes.length > Limits.maxInputBytes()) throw tooLarge(name);
        if (Compressed.kind(name) != null && Compressed.looksCompressed(bytes)) bytes = Compressed.decompress(name, bytes);
        if (bytes.length > Limits.maxInputBytes()) throw tooLarge(name);
        Decoder.Decoded decoded = Decoder.decode(bytes, name);
        String text = decoded.text();
        if (text.isBlank()) throw new InputException(name + ": contains only white space");
        ThreadReader reader = choose(text, name, format);
        Source src = new Source(name, reader.format(), sha256(bytes));
        Document doc = reader.read(src, text);
        if (!decoded.replaced().isEmpty()) {
            // Said on the document, with the byte offsets, so nobody takes the U+FFFD for what the author wrote.
            String t = doc.text();
            int at = t == text ? decoded.replaced().get(0)[2] : Math.max(0, t.indexOf('\uFFFD'));
            at = Math.min(at, t.length());
            org.exhibit.model.Span shown = new org.exhibit.model.Span(at, Math.min(t.length(), at + 1));
            doc.flags().add(new org.exhibit.model.Flag("decoding", name + ": " + decoded.describeReplaced(),
                    new org.exhibit.model.Evidence(shown, doc.slice(shown))));
        }
        if (doc.posts().size() > Limits.maxPosts())
            throw new InputException(name + ": has " + doc.posts().size() + " posts, more than the limit of " + Limits.maxPosts()
                    + " per thread (" + Limits.howToSet(Limits.MAX_POSTS) + "); split it or use 'exhibit ingest'");
        return doc;
    }

    private static InputException tooLarge(String name) {
        return new InputException(name + ": is larger than the input limit of " + (Limits.maxInputBytes() >> 20) + " MB ("
                + Limits.howToSet(Limits.MAX_INPUT_MB) + "); split it or use 'exhibit ingest'");
    }

    static ThreadReader choose(String text, String name, String format) throws InputException {
        List<ThreadReader> all = all();
        if (format != null && !format.isBlank() && !format.equals("auto")) {
            for (ThreadReader r : all) if (r.format().equalsIgnoreCase(format)) return r;
            throw new InputException(name + ": unknown format '" + format + "'; known formats: " + String.join(", ", formats()));
        }
        ThreadReader best = null;
        double bestScore = -1;
        for (ThreadReader r : all) {
            double s = r.sniff(text, name);
            if (s > bestScore) { best = r; bestScore = s; }
        }
        return best;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
