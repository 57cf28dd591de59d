package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Source;

/** Turns one input format into the document model: text, posts, and the quotes its markup declares. */
public interface ThreadReader {
    /** The name used by {@code --format} and recorded in {@code source.format}. */
    String format();

    /** How sure this reader is that the text is its format, 0 (no) to 1 (certain). */
    double sniff(String text, String fileName);

    Document read(Source source, String text) throws InputException;
}
