package org.exhibit.text;

import org.exhibit.model.Document;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The text layer of a document: its tokens and sentences, built once, when a stage first asks, and shared by every
 * stage after it (a document's text never changes once read). Held weakly: it goes with the document.
 */
public final class TextLayer {
    private final String text;
    private volatile Tokens tokens;
    private volatile Sentences sentences;

    private TextLayer(String text) { this.text = text; }

    private static final Map<Document, TextLayer> BY_DOCUMENT = Collections.synchronizedMap(new WeakHashMap<>());

    public static TextLayer of(Document doc) {
        TextLayer l = BY_DOCUMENT.get(doc);
        if (l != null && l.text == doc.text()) return l;
        l = new TextLayer(doc.text());
        BY_DOCUMENT.put(doc, l);
        return l;
    }

    /** A layer over text that belongs to no document (a test, a passage on its own). */
    public static TextLayer of(String text) { return new TextLayer(text); }

    public String text() { return text; }

    public Tokens tokens() {
        Tokens t = tokens;
        if (t == null) tokens = t = Tokens.of(text);
        return t;
    }

    public Sentences sentences() {
        Sentences s = sentences;
        if (s == null) sentences = s = Sentences.of(text);
        return s;
    }
}
