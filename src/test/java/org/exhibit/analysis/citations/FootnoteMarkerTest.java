package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.exhibit.analysis.citations.CitationTestDocs.*;
import static org.exhibit.model.Citation.Kind.FOOTNOTE_MARKER;
import static org.junit.jupiter.api.Assertions.*;

class FootnoteMarkerTest {
    private static List<String> markers(Document doc) {
        return of(doc, FOOTNOTE_MARKER).stream().map(Citation::text).toList();
    }

    @Test void markersOfEveryShape() {
        Document doc = post("The POUM leaders were widely believed to be in the pay of Franco in Republican Spain.(85) Plainly, "
                + "they earned it.\n\"... which later led to the desired results.\"(86)\nThen there is Bukharin.\n"
                + "Cohen says he remained loyal after the Sixth Congress of Comintern in 1928.2 Another feature is striking.\n"
                + "... this strange, almost casual revelation.’3\nThe anonymous reviewer deserves kudos.\n"
                + "‘Then I was opposed to all the politicians of the CC, but today – no.’4\nIt is evident.\n"
                + "As the minister put it.¹ Then he left [7]. Later (12), nothing changed.");
        assertEquals(List.of("(85)", "(86)", "2", "3", "4", "¹", "[7]", "(12)"), markers(doc));
        for (Citation c : of(doc, FOOTNOTE_MARKER)) assertTrue(c.flags().contains("note-absent"), c.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "People's Commissariat of Justice of the U.S.S.R. 1937 is the source.",
            "Report of Court Proceedings (Moscow, 1937), pp. 21--27.",
            "It happened in 1937. Nobody knew.",
            "The charges were (1) treason and (2) sabotage.",
            "1. The first point.\n2. The second point.\n(3) The third point.",
            "See p.45 and vol.2 for details.",
            "Output rose 3.5 Million tons in 1.5 years.",
            "The music of the ’90s was loud.",
            "On May 11, 5 days after the fighting began, Faupel wrote.",
            "He was born in 1905 (Ibid., p. 113) and the plot was 12.30 Monday.",
            "Read page (3) of the indictment.",
            "There were 15 speeches after the last chance of the prosecution.",
            "A room of 20 m² was enough.",
            "[1]: http://example.org/source and [2](http://example.org/other)",
            "Lenin called him 'Judas'.\n2003.12 was the build number, and the version was 1.12 beta."})
    void notMarkers(String text) {
        assertEquals(List.of(), markers(post(text)));
    }

    @Test void aMarkerWithItsNoteIsNotFlaggedAndPointsToTheWork() {
        Document doc = post("This strange, almost casual revelation.3 Nobody noticed.\n\nNotes\n"
                + "3. R. Conquest, The Great Terror (London, 1968), p. 45.\n");
        Citation m = only(doc, FOOTNOTE_MARKER);
        assertEquals("3", m.text());
        assertTrue(m.flags().isEmpty(), m.flags().toString());
        assertEquals("The Great Terror", m.resolvesTo());
    }

    @Test void notesInEveryShapeAreFound() {
        String t = "text\n85. Thomas, Spanish Civil War, p. 45.\n[86] Ibid.\n(87) Ibid.\n"
                + "88 Payne, The Spanish Revolution, 1970, p. 12.\n89 people came\n";
        var notes = FootnoteMarkers.notes(t, 0, t.length());
        assertEquals(java.util.Set.of(85, 86, 87, 88), notes.keySet());
    }

    @Test void aNotesBlockWithIbidChains() {
        Document doc = post("The famine was deliberate.1 Others say it was not.2 The archives disagree.3 So does everyone.4 And more.5\n\n"
                + "1. Conquest, The Harvest of Sorrow, p. 45.\n2. Ibid., p. 50.\n3. Getty, Origins of the Great Purges, p. 12.\n4. Ibid.\n");
        List<Citation> m = of(doc, FOOTNOTE_MARKER);
        assertEquals(List.of("1", "2", "3", "4", "5"), m.stream().map(Citation::text).toList());
        assertEquals(java.util.Arrays.asList("The Harvest of Sorrow", "The Harvest of Sorrow", "Origins of the Great Purges",
                "Origins of the Great Purges", null), m.stream().map(Citation::resolvesTo).toList());
        assertEquals(List.of(false, false, false, false, true), m.stream().map(c -> c.flags().contains("note-absent")).toList());
    }
}
