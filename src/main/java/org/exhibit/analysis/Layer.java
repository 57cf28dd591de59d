package org.exhibit.analysis;

import java.util.EnumSet;
import java.util.Set;

/**
 * One kind of finding over a document's text. Each layer is written by one stage (or by the reader), and every stage
 * says which layers it reads and which it writes, so the order of a {@link Pipeline} is checked when it is built
 * and, with assertions on, kept while it runs ({@link LayerGuard}).
 */
public enum Layer {
    /** The text, as the reader decoded it and stripped of markup. */
    TEXT,
    /** Posts: authors, times, ids and reply links, from the reader. */
    POSTS,
    /** Quotations the markup marks (QUOTE tags, Markdown prefixes, blockquote elements), from the reader. */
    MARKUP,
    /** Every quoted passage with its kind, nesting and, for a reproduction of an earlier post, what it reproduces. */
    QUOTES,
    /** References, footnotes, Ibid. chains and titles. */
    CITATIONS,
    /** Time expressions (TIMEX3). */
    DATES,
    /** Mentions of people, places and organisations, and the entities they resolve to. */
    ENTITIES,
    /** Text that occurs more than once in the thread. */
    REUSE,
    /** Each quotation's speaker, work, chain of hands (via) and flags. */
    ATTRIBUTION,
    /** Groups of quotations that are presented as agreeing but are one source. */
    INDEPENDENCE;

    /** What a reader hands to the first stage. */
    public static final Set<Layer> FROM_READER = Set.copyOf(EnumSet.of(TEXT, POSTS, MARKUP));

    /** The reader's layers and the ones given: what most stages require. */
    public static Set<Layer> withReader(Layer... more) {
        EnumSet<Layer> s = EnumSet.copyOf(FROM_READER);
        s.addAll(java.util.Arrays.asList(more));
        return Set.copyOf(s);
    }
}
