package org.exhibit.output;

import org.exhibit.model.*;
import org.exhibit.read.Readers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Documents for the output tests, read from board text with the real reader; the findings of stages that are
 * not part of this module are added by hand, as plain model objects.
 */
final class Fixtures {
    private Fixtures() {}

    static final String THREAD = """
            Cassius Clay
            27th July 2003, 12:08
            Joseph Davies wrote in Mission to Moscow (New York, 1941), p. 43: "The defendants <&> were guilty, \
            as Andrey Vyshinsky proved to 'the trial of the century' 😀 in 1937." That settles it for the NKVD's critics.

            Ivan Petrov
            28th July 2003, 09:15
            QUOTE(Cassius Clay @ Jul 27 2003, 12:08 PM)
            Joseph Davies wrote: "The defendants <&> were guilty"
            QUOTE
            Not so fast. In the summer of 1937 Davies 🇺🇸 was fooled in Moscow; see Conquest, The Great Terror, p. 120. Ibid., p. 121.
            """;

    static Document read(String name, String text) {
        try {
            return Readers.read(name, text.getBytes(StandardCharsets.UTF_8), "auto");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Span span(Document d, String needle) { return span(d, needle, 0); }

    /** The span of the first occurrence of needle at or after from. */
    static Span span(Document d, String needle, int from) {
        int i = d.text().indexOf(needle, from);
        if (i < 0) throw new IllegalArgumentException("not in text: " + needle);
        return new Span(i, i + needle.length());
    }

    /** The two-post thread with quotes (nested, an Invision quote of the first post), people, places, dates, works. */
    static Document thread() {
        Document d = read("threads/davies & co.txt", THREAD);
        String t = d.text();
        Post p1 = d.posts().get(0), p2 = d.posts().get(1);

        Span q1s = span(d, "The defendants <&> were guilty, as");
        q1s = new Span(q1s.start(), t.indexOf("in 1937.\"") + "in 1937.".length());
        Quote q1 = new Quote("q1", p1.id(), q1s, QuoteKind.PASSAGE, Marker.DOUBLE,
                new Span(q1s.start() - 1, q1s.start()), new Span(q1s.end(), q1s.end() + 1));
        Speaker davies = new Speaker("Joseph E. Davies", "Joseph Davies", "davies", new Evidence(span(d, "Joseph Davies"), "Joseph Davies"), 0.9);
        q1.speaker(davies);
        q1.work(new Work("Mission to Moscow", "Joseph E. Davies", 1941, "43", new Evidence(span(d, "Mission to Moscow"), "Mission to Moscow"), 0.9));
        q1.flags().add(new Flag("anachronism", "Vyshinsky's 1937 trial <is> later than the claimed source", null));
        Span q2s = span(d, "the trial of the century");
        Quote q2 = new Quote("q2", p1.id(), q2s, QuoteKind.SCARE, Marker.SINGLE,
                new Span(q2s.start() - 1, q2s.start()), new Span(q2s.end(), q2s.end() + 1));
        q2.parent("q1");

        int h = t.indexOf("QUOTE(Cassius");
        int he = t.indexOf('\n', h) + 1;
        int c = t.indexOf("QUOTE\n", he);
        Quote q3 = new Quote("q3", p2.id(), new Span(he, c), QuoteKind.PASSAGE, Marker.QUOTE_HEADER,
                new Span(h, he), new Span(c, c + 5), List.of(), "Cassius Clay", "Jul 27 2003, 12:08 PM", null);
        q3.sourcePost(p1.id());
        Span q4s = span(d, "The defendants <&> were guilty\"", he);
        q4s = new Span(q4s.start(), q4s.end() - 1);
        Quote q4 = new Quote("q4", p2.id(), q4s, QuoteKind.PASSAGE, Marker.DOUBLE,
                new Span(q4s.start() - 1, q4s.start()), new Span(q4s.end(), q4s.end() + 1));
        q4.parent("q3");
        q4.speaker(new Speaker("Joseph E. Davies", "Joseph Davies", "davies", null, 0.8));
        q4.via().add("Cassius Clay");
        d.quotes().addAll(List.of(q1, q2, q3, q4));

        d.entities().add(new Entity("davies", "Joseph E. Davies", EntityType.PERSON, "1876-1958", "US ambassador", List.of("Davies"), Map.of("wikidata", "Q360531")));
        d.entities().add(new Entity("vyshinsky", "Andrey Vyshinsky", EntityType.PERSON, "1883-1954", "prosecutor", List.of(), Map.of()));
        d.entities().add(new Entity("moscow", "Moscow", EntityType.PLACE, null, null, List.of(), Map.of()));
        d.entities().add(new Entity("nkvd", "NKVD", EntityType.ORGANISATION, null, null, List.of(), Map.of()));
        d.entities().add(new Entity("new-york", "New York", EntityType.PLACE, null, null, List.of(), Map.of()));
        d.mentions().add(new Mention(span(d, "Joseph Davies"), "Joseph Davies", "davies", EntityType.PERSON, "variant", 0.9));
        d.mentions().add(new Mention(span(d, "Andrey Vyshinsky"), "Andrey Vyshinsky", "vyshinsky", EntityType.PERSON, "exact", 1));
        d.mentions().add(new Mention(span(d, "NKVD"), "NKVD", "nkvd", EntityType.ORGANISATION, "exact", 1));
        d.mentions().add(new Mention(span(d, "New York"), "New York", "new-york", EntityType.PLACE, "exact", 1));
        d.mentions().add(new Mention(span(d, "Davies", he), "Davies", "davies", EntityType.PERSON, "variant", 0.9));
        Span flagged = span(d, "Davies 🇺🇸");
        d.mentions().add(new Mention(new Span(flagged.start(), flagged.start() + 6), "Davies", "davies", EntityType.PERSON, "variant", 0.9));
        Span moscow = span(d, "Moscow;");
        d.mentions().add(new Mention(new Span(moscow.start(), moscow.end() - 1), "Moscow", "moscow", EntityType.PLACE, "exact", 1));
        // A mention that crosses the start of quote q1 (a mis-set boundary): the writers must cope.
        Span crossing = new Span(t.indexOf("p. 43"), q1s.start() + "The defendants".length());
        d.mentions().add(new Mention(crossing, t.substring(crossing.start(), crossing.end()), "vyshinsky", EntityType.PERSON, "context", 0.2));

        d.dates().add(new TimeExpression(span(d, "1941"), "1941", "1941", null, null, null));
        d.dates().add(new TimeExpression(span(d, "1937"), "1937", "1937", null, null, null));
        d.dates().add(new TimeExpression(span(d, "summer of 1937"), "summer of 1937", "1937-SU", null, null, null));

        Span ref1 = span(d, "Mission to Moscow (New York, 1941), p. 43");
        d.citations().add(new Citation(ref1, d.slice(ref1), Citation.Kind.REFERENCE, "Joseph E. Davies", "Mission to Moscow", "New York", 1941, "43", null, List.of()));
        Span ref2 = span(d, "Conquest, The Great Terror, p. 120");
        d.citations().add(new Citation(ref2, d.slice(ref2), Citation.Kind.REFERENCE, "Robert Conquest", "The Great Terror", null, null, "120", null, List.of()));
        Span ibid = span(d, "Ibid., p. 121");
        d.citations().add(new Citation(ibid, d.slice(ibid), Citation.Kind.IBID, null, null, null, null, "121", "The Great Terror", List.of()));

        d.flags().add(new Flag("duplicate-body", "The thread contains a post twice", null));
        d.flags().add(new Flag("misattributed", "Davies did not see the 1937 trial in 1941 as claimed", new Evidence(span(d, "Davies 🇺🇸"), "Davies 🇺🇸")));
        return d;
    }

    /** Findings a careless stage might produce: duplicates, nulls, empty spans, spans across posts, odd values. */
    static Document degenerate() {
        String text = "Ann\n1st May 2020, 10:00\nFirst \"post\" by Ann.\n\nBob\n2nd May 2020, 11:00\nSecond post, 'by' Bob at PRESENT.\n";
        Document d = read("odd.txt", text);
        Post p1 = d.posts().get(0), p2 = d.posts().get(1);
        int across = text.indexOf("Ann.");
        d.quotes().add(new Quote("q1", p1.id(), new Span(across, text.indexOf("Second") + 6), QuoteKind.PASSAGE, Marker.NONE, null, null));
        d.quotes().add(new Quote("q1", p1.id(), new Span(text.indexOf("post"), text.indexOf("post")), QuoteKind.PASSAGE, Marker.DOUBLE, null, null));
        Quote q3 = new Quote("q3", p2.id(), span(d, "by", text.indexOf("Second")), QuoteKind.TITLE, Marker.SINGLE, null, null);
        q3.flags().add(new Flag("odd type with spaces", null, null));
        q3.work(new Work(null, null, 0, null, null, 0.1));
        d.quotes().add(q3);
        d.entities().add(new Entity("ann", "Ann", EntityType.PERSON, null, null, null, null));
        d.entities().add(new Entity("ann", "Ann again", EntityType.PERSON, null, null, null, null));
        d.mentions().add(new Mention(span(d, "Ann."), "Ann", "ann", null, "exact", 1));
        d.mentions().add(new Mention(span(d, "Bob", text.indexOf("Second")), "Bob", "unknown-id", EntityType.PERSON, "exact", 1));
        d.dates().add(new TimeExpression(span(d, "PRESENT"), "PRESENT", "PRESENT_REF", null, null, null));
        d.dates().add(new TimeExpression(span(d, "Second"), "Second", "2020-13", "APPROX", null, null));
        d.citations().add(new Citation(span(d, "Second post"), "Second post", Citation.Kind.REFERENCE, "The Editors", "Year Zero", null, 0, null, null, null));
        d.flags().add(new Flag("outside", "evidence in a header line", new Evidence(span(d, "Bob"), "Bob")));
        return d;
    }

    /** A document with no findings at all. */
    static Document bare() {
        // Plain text that happens to contain a tag: read as text, so the tag must be escaped in the output.
        try {
            return Readers.read("bare.txt", "Just some text with no header & no quotes, <b>really</b>.\n".getBytes(StandardCharsets.UTF_8), "text");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
