package org.exhibit.index;

import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;
import org.exhibit.model.*;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * A hand reading of the test corpus: the quoted passages a careful reader marks, with speaker and work. Tests use
 * it as their analysis stage so they do not depend on what the automatic quote finder finds.
 */
final class HandReadings implements Stage {
    /** {@code starts}: the passage's opening words; a passage runs to the end of its line, other kinds are exactly {@code starts}. */
    record Reading(String starts, QuoteKind kind, String speaker, String work) {}

    static final List<Reading> READINGS = List.of(
            new Reading("The Soviet side, expressing deep regret", QuoteKind.PASSAGE, "TASS", null),
            new Reading("The cartridges found in the graves", QuoteKind.PASSAGE, "Burdenko Commission", "Report of the Special Commission"),
            new Reading("Unfortunately German munitions", QuoteKind.PASSAGE, "Joseph Goebbels", "Diaries"),
            new Reading("The cases of the 14,700 former Polish officers", QuoteKind.PASSAGE, "Lavrentiy Beria", "Memorandum No. 794/B"),
            new Reading("In all, on the basis of decisions", QuoteKind.PASSAGE, "Alexander Shelepin", "Note to Khrushchev"),
            new Reading("Package No. 1", QuoteKind.TITLE, null, null),
            new Reading("Die Kommission kommt zu dem Ergebnis", QuoteKind.PASSAGE, "Dresden Historians' Commission", "Abschlussbericht"),
            new Reading("The figure of 25,000 to 40,000 dead", QuoteKind.PASSAGE, "Frederick Taylor", "Dresden: Tuesday 13 February 1945"),
            new Reading("You guys burnt the place down", QuoteKind.PASSAGE, "Kurt Vonnegut", null),
            new Reading("Hic Harold rex interfectus est", QuoteKind.PASSAGE, "Bayeux Tapestry", null),
            new Reading("With the point of his lance", QuoteKind.PASSAGE, "Guy of Amiens", "Carmen de Hastingae Proelio"),
            new Reading("Harold fell, from having his brain", QuoteKind.PASSAGE, "William of Malmesbury", "Gesta Regum Anglorum"),
            new Reading("After daily observation of the witnesses", QuoteKind.PASSAGE, "Joseph E. Davies", "Mission to Moscow"),
            new Reading("The confessions were the product", QuoteKind.PASSAGE, "Robert Conquest", "The Great Terror"),
            new Reading("I am firmly convinced that Stalin", QuoteKind.PASSAGE, "John D. Littlepage", "In Search of Soviet Gold"),
            new Reading("The confession of the accused is a medieval principle", QuoteKind.PASSAGE, "Nikolai Bukharin", "Report of Court Proceedings"),
            new Reading("We have found no evidence that the Soviet authorities", QuoteKind.PASSAGE, "R. W. Davies", "The Years of Hunger"),
            new Reading("The Central Committee and the Council", QuoteKind.PASSAGE, "Central Committee", "Directive of 22 January 1933"),
            new Reading("black boards", QuoteKind.SCARE, null, null));

    static Path corpus() {
        try {
            return Path.of(HandReadings.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pipeline pipeline() { return new Pipeline(List.of(new HandReadings())); }

    @Override public String name() { return "hand readings"; }
    @Override public java.util.Set<org.exhibit.analysis.Layer> assigns() {
        return java.util.Set.of(org.exhibit.analysis.Layer.QUOTES, org.exhibit.analysis.Layer.ENTITIES);
    }

    @Override public void apply(Document doc) {
        String text = doc.text();
        int n = 0;
        for (Reading r : READINGS) {
            int start = text.indexOf(r.starts());
            if (start < 0) continue;
            int end = start + r.starts().length();
            if (r.kind() == QuoteKind.PASSAGE) {
                int nl = text.indexOf('\n', start);
                end = nl < 0 ? text.length() : nl;
            }
            Post post = doc.postAt(start);
            Marker marker = r.kind() == QuoteKind.PASSAGE ? Marker.QUOTE_HEADER : Marker.DOUBLE;
            Quote q = new Quote("q" + (++n), post == null ? null : post.id(), new Span(start, end), r.kind(), marker, null, null);
            if (r.speaker() != null) q.speaker(new Speaker(r.speaker(), r.speaker(), null, null, 0.9));
            if (r.work() != null) q.work(new Work(r.work(), null, null, null, null, 0.9));
            doc.quotes().add(q);
        }
        // People, by every occurrence of the form the threads use.
        for (String[] person : PEOPLE) {
            boolean any = false;
            for (int at = text.indexOf(person[0]); at >= 0; at = text.indexOf(person[0], at + 1)) {
                doc.mentions().add(new Mention(new Span(at, at + person[0].length()), person[0], person[1], EntityType.PERSON, "exact", 1.0));
                any = true;
            }
            if (any) doc.entities().add(new Entity(person[1], person[2], EntityType.PERSON, null, null, List.of(person[0]), java.util.Map.of()));
        }
    }

    static final String[][] PEOPLE = {
            {"Stalin", "stalin", "Joseph Stalin"}, {"Molotov", "molotov", "Vyacheslav Molotov"},
            {"Bukharin", "bukharin", "Nikolai Bukharin"}, {"Harold", "harold", "Harold Godwinson"}};
}
