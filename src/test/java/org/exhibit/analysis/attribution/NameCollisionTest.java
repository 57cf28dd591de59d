package org.exhibit.analysis.attribution;

import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.junit.jupiter.api.Test;

import static org.exhibit.analysis.attribution.AttributionTest.analyse;
import static org.exhibit.analysis.attribution.SpeechFramesTest.quote;
import static org.exhibit.analysis.attribution.SpeechFramesTest.speaker;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Names come from the text: a namesake, a shared surname, a different given name or a capitalised word that is no
 * name never turns into somebody else. The expected answer is the name as written, or null.
 */
class NameCollisionTest {
    @Test void aDifferentGivenNameIsADifferentPersonFromTheAuthoritysEntry() throws Exception {
        Document doc = analyse("""
                The famine years

                Reports from the villages reached the capital only in the spring of 1933.
                Mary Jones said: "We are not blind to those who starved, and we never were."
                """);
        Quote q = quote(doc, "We are not blind");
        assertEquals("Mary Jones", speaker(q));
        assertNull(q.speaker().entity(), "linked to " + q.speaker().entity());
    }

    @Test void aDifferentGivenNameInASpeechTagStaysAsWritten() throws Exception {
        Document doc = analyse("""
                The famine years

                "We saw the empty villages with our own eyes," said Mary Jones.
                """);
        Quote q = quote(doc, "We saw the empty villages");
        assertEquals("Mary Jones", speaker(q));
        assertNull(q.speaker().entity());
    }

    @Test void aSharedSurnameIsNotExpandedToTheOtherBearer() throws Exception {
        Document doc = analyse("""
                The Harwoods

                Tom Harwood had gone out to the stables before breakfast.

                "You must come to the wedding," said Mrs. Harwood.

                "I cannot leave the farm in June," said Mr. Harwood.
                """);
        assertEquals("Mrs. Harwood", speaker(quote(doc, "You must come")));
        assertEquals("Mr. Harwood", speaker(quote(doc, "I cannot leave")));
    }

    @Test void aSurnameTwoPeopleBearStaysAsWritten() throws Exception {
        Document doc = analyse("""
                Two Kesslers

                Paul Kessler chaired the first session and Anna Kessler the second.

                "The figures were never audited," Kessler said.
                """);
        assertEquals("Kessler", speaker(quote(doc, "The figures were never audited")));
    }

    @Test void aCapitalisedWordAfterAQuotationIsNoSpeaker() throws Exception {
        Document doc = analyse("""
                Directions

                "Go on to the second bridge and wait there." Take the left road after it, the map said nothing more.
                """);
        assertNull(speaker(quote(doc, "Go on to the second bridge")));
    }

    @Test void aSentenceAdverbBeforeANameIsDropped() throws Exception {
        Document doc = analyse("""
                The boat

                "Not yet, not while the tide is running," Presently Tony said.
                """);
        assertEquals("Tony", speaker(quote(doc, "Not yet")));
    }

    @Test void aPlaceNamedBeforeIsNotTheSpeakerOfAPronounTag() throws Exception {
        Document doc = analyse("""
                The journey

                They left Geneva at dawn and reached Vevey by noon.

                "It is much smaller than I thought," she said.
                """);
        Quote q = quote(doc, "It is much smaller");
        assertNull(speaker(q), "no woman is named: " + (q.speaker() == null ? "" : q.speaker().name()));
    }
}
