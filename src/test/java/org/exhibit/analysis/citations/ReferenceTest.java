package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.exhibit.analysis.citations.CitationTestDocs.*;
import static org.exhibit.model.Citation.Kind.REFERENCE;
import static org.junit.jupiter.api.Assertions.*;

class ReferenceTest {
    private static void assertRef(Citation c, String author, String title, String place, Integer year, String pages) {
        assertEquals(author, c.author(), "author of " + c.text());
        assertEquals(title, c.title(), "title of " + c.text());
        assertEquals(place, c.place(), "place of " + c.text());
        assertEquals(year, c.year(), "year of " + c.text());
        assertEquals(pages, c.pages(), "pages of " + c.text());
    }

    @Test void corporateAuthorWithImprintInParentheses() {
        String ref = "People's Commissariat of Justice of the U.S.S.R. Report of Court Proceedings in the Case of the "
                + "Anti-Soviet Trotskyite Centre (Moscow, 1937), pp. 21--27.";
        Document doc = post("`... for his counter-revolutionary purposes.'\n.\n" + ref + "\nLittlepage made the following comment:");
        Citation c = only(doc, REFERENCE);
        assertEquals(ref, c.text());
        assertRef(c, "People's Commissariat of Justice of the U.S.S.R.",
                "Report of Court Proceedings in the Case of the Anti-Soviet Trotskyite Centre", "Moscow", 1937, "21-27");
    }

    @Test void chicagoNote() {
        Document doc = post("Conquest, Robert. The Great Terror. London: Macmillan, 1968, p. 45.");
        assertRef(only(doc, REFERENCE), "Robert Conquest", "The Great Terror", "London", 1968, "45");
    }

    @Test void mlaEntryWithoutPlace() {
        Document doc = post("Works cited:\nConquest, Robert. The Great Terror: A Reassessment. Oxford UP, 1990.");
        assertRef(only(doc, REFERENCE), "Robert Conquest", "The Great Terror: A Reassessment", null, 1990, null);
    }

    @Test void apaEntryWithInitials() {
        Document doc = post("Getty, J. A. (1985). Origins of the Great Purges. Cambridge: Cambridge University Press.");
        assertRef(only(doc, REFERENCE), "J. A. Getty", "Origins of the Great Purges", "Cambridge", 1985, null);
    }

    @Test void initialsAuthorTitleImprintAndBarePages() {
        Document doc = post("R. Conquest, The Great Terror (London, 1968), 45-47");
        assertRef(only(doc, REFERENCE), "R. Conquest", "The Great Terror", "London", 1968, "45-47");
    }

    @Test void referenceAtTheEndOfAProseSentenceStartsAtTheAuthor() {
        Document doc = post("The famine figures are discussed in R. Conquest, The Great Terror (London, 1968), 45-47. Nobody disputes them.");
        Citation c = only(doc, REFERENCE);
        assertTrue(c.text().startsWith("R. Conquest"), c.text());
        assertRef(c, "R. Conquest", "The Great Terror", "London", 1968, "45-47");
    }

    @Test void quotedTitleInsideAReference() {
        Document doc = post("See R. Conquest, 'The Harvest of Sorrow' (New York: Oxford University Press, 1986), pp. 303-4.");
        assertRef(only(doc, REFERENCE), "R. Conquest", "The Harvest of Sorrow", "New York", 1986, "303-304");
    }

    @Test void commaSeparatedNote() {
        Document doc = post("14. Trotsky, The Revolution Betrayed, 1937, p. 45.");
        assertRef(only(doc, REFERENCE), "Trotsky", "The Revolution Betrayed", null, 1937, "45");
    }

    @Test void authorDateForms() {
        Document doc = post("As Getty (1985: 112) argues, the purges were chaotic. Others disagree (Conquest 1968, p. 45), "
                + "and Cohen 1973, pp. 12-15 says little about it.");
        var refs = of(doc, REFERENCE);
        assertEquals(3, refs.size(), refs.toString());
        assertRef(refs.get(0), "Getty", null, null, 1985, "112");
        assertRef(refs.get(1), "Conquest", null, null, 1968, "45");
        assertRef(refs.get(2), "Cohen", null, null, 1973, "12-15");
    }

    @Test void severalNotesOnOneLineAndAuthorLists() {
        Document doc = post("Snyder, Bloodlands, p. 42; Applebaum, Gulag: A History, pp. 110-12.\n"
                + "Of those arrested 681,692 were shot (Getty, Rittersporn and Zemskov 1993: 1022).\n"
                + "As Khlevniuk notes in The History of the Gulag (New Haven: Yale University Press, 2004), p. 9, the camps grew.");
        var refs = of(doc, REFERENCE);
        assertEquals(4, refs.size(), refs.toString());
        assertRef(refs.get(0), "Snyder", "Bloodlands", null, null, "42");
        assertRef(refs.get(1), "Applebaum", "Gulag: A History", null, null, "110-112");
        assertRef(refs.get(2), "Getty, Rittersporn and Zemskov", null, null, 1993, "1022");
        assertRef(refs.get(3), null, "The History of the Gulag", "New Haven", 2004, "9");
    }

    @Test void moreNoteShapes() {
        assertRef(only(post("Robert Conquest, The Great Terror: A Reassessment (Oxford University Press, 1990), p. 485."), REFERENCE),
                "Robert Conquest", "The Great Terror: A Reassessment", null, 1990, "485");
        assertRef(only(post("J. Arch Getty and Oleg V. Naumov, The Road to Terror (New Haven and London, 1999), pp. 470-1."), REFERENCE),
                "J. Arch Getty and Oleg V. Naumov", "The Road to Terror", "New Haven and London", 1999, "470-471");
        assertRef(only(post("Medvedev, Roy. Let History Judge. New York, 1971, p. 12."), REFERENCE),
                "Roy Medvedev", "Let History Judge", "New York", 1971, "12");
        assertRef(only(post("Trotsky, L., The Revolution Betrayed (New York, 1937), p. 45."), REFERENCE),
                "L. Trotsky", "The Revolution Betrayed", "New York", 1937, "45");
        assertRef(only(post("Stalin, J. V. Works, Vol. 13 (Moscow, 1955), p. 108."), REFERENCE),
                "J. V. Stalin", "Works, Vol. 13", "Moscow", 1955, "108");
    }

    @Test void aBareImprintIsAPlaceAndAYear() {
        Citation c = only(post("the verbatim report of the trial (Moscow, 1937), p. 4."), REFERENCE);
        assertRef(c, null, null, "Moscow", 1937, "4");
        assertNull(CitationFinder.workName(c), "names no work an Ibid. could repeat");
    }

    @Test void lifeDatesPlacesAndEventsAreNotReferences() {
        Document doc = post("Stalin (1879-1953) ruled for decades. The trial of Pyatakov (1937) was public. He arrived in "
                + "Moscow (1937) and stayed. In May (1937) the purge widened. In 1937 there were 12 trials.");
        assertTrue(of(doc, REFERENCE).isEmpty(), doc.citations().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pp. 95--96|95-96", "p. 113|113", "45 ff.|45ff", "p. 45f.|45f", "pp. 321-28|321-328", "pp. 95-6|95-96",
            "pp. 12-15, 20|12-15, 20", "xii-xiv|xii-xiv", "pp. 21 to 27|21-27", "pp. 21–27|21-27", "S. 34|34"})
    void pagesAreNormalised(String raw, String normal) {
        assertEquals(normal, PageRanges.normalise(raw));
    }
}
