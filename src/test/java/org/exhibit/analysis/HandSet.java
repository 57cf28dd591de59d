package org.exhibit.analysis;

import org.exhibit.model.*;
import org.exhibit.read.BoardTextReader;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A document with hand-set findings, so one stage is tested on exactly the input it reads, without the stages before
 * it. Layers set here count as given when the stages run, so the stage contract is checked as in the real pipeline.
 * <pre>
 *   Document d = HandSet.board(text).passage("q1", "p2", words).run(new ReuseFinder(), new Attribution());
 * </pre>
 */
public final class HandSet {
    private final Document doc;
    private final Set<Layer> given = EnumSet.copyOf(Layer.FROM_READER);

    private HandSet(Document doc) { this.doc = doc; }

    /** Board text (author line, time line, body), read into posts as {@link BoardTextReader} does. */
    public static HandSet board(String text) {
        return new HandSet(new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text)));
    }

    /** A passage quote over the first occurrence of {@code words} in the post's body. */
    public HandSet passage(String id, String post, String words) {
        Post p = doc.post(post);
        int s = doc.text().indexOf(words, p.body().start());
        if (s < 0 || s + words.length() > p.body().end()) throw new IllegalArgumentException(words + " is not in " + post);
        doc.quotes().add(new Quote(id, post, new Span(s, s + words.length()), QuoteKind.PASSAGE, Marker.SINGLE, null, null));
        given.add(Layer.QUOTES);
        return this;
    }

    /** The quote's speaker and work, as attribution would set them (no evidence: they are given). */
    public HandSet attributed(String quote, String speaker, Work work) {
        Quote q = doc.quote(quote);
        q.speaker(new Speaker(speaker, speaker, null, null, 1));
        q.work(work);
        given.add(Layer.ATTRIBUTION);
        return this;
    }

    /** Declares layers given as they are, usually empty (no citations, no dates). */
    public HandSet given(Layer... layers) {
        given.addAll(List.of(layers));
        return this;
    }

    public Document document() { return doc; }

    /** Runs the stages in order through a {@link Pipeline} that starts from the given layers. */
    public Document run(Stage... stages) {
        return new Pipeline(given, new ArrayList<>(List.of(stages))).run(doc);
    }
}
