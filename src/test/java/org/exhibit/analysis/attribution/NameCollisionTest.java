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

    @Test void aGivenNameInsideTheWrittenNameIsNotTheWholeSpeaker() throws Exception {
        // the entity stage may name a person by the given name alone; the tag's full name is the speaker
        Document doc = analyse("""
                Statement

                A reporter asked Bryan about the schedule on Monday.

                In a statement, Dorian Kettleby, a spokesman for the festival, said: "We are confident the fair will open on time."
                """);
        Quote q = quote(doc, "We are confident");
        assertEquals("Dorian Kettleby", speaker(q));
    }

    @Test void aModifierBeforeATitleIsNotAGivenNameThatMatchesAnAuthorityInitial() throws Exception {
        // "Democratic" must not pass for the initial D. of an authority entry with a like surname
        Document doc = analyse("""
                Town hall

                "We are not going anywhere," said Democratic Rep. Anna Pruitt. "This is our town."
                """);
        Quote q = quote(doc, "We are not going anywhere");
        assertEquals("Rep. Anna Pruitt", speaker(q));
        assertNull(q.speaker().entity(), "no authority entry is Anna Pruitt");
        assertEquals("Rep. Anna Pruitt", speaker(quote(doc, "This is our town")));
    }

    @Test void aPlaceAtTheStartOfASentenceIsNotThePronounsPerson() throws Exception {
        Document doc = analyse("""
                Voters

                In St. Clairsville, Ohio, 62-year-old Brenda Okonkwo said she was tired of waiting. "They should fix the roads first," she said.
                """);
        assertEquals("Brenda Okonkwo", speaker(quote(doc, "They should fix the roads")));
    }

    @Test void aDescriptionAfterAPrepositionIsNoSpeaker() throws Exception {
        Document doc = analyse("""
                Supper

                The old man banged the table like a spoilt child, and turned to the waiter, saying, "Bring the soup!"
                """);
        Quote q = quote(doc, "Bring the soup");
        assertNotEquals("a spoilt child", speaker(q));
    }

    @Test void aNameInAnAsideIsNotThePronounsPerson() throws Exception {
        Document doc = analyse("""
                The pension

                The only other decoration was a notice of the English church (Rev. Silas Penhallow, M. A. Oxon.) that hung by the door.

                "This is not what we were promised," he said.
                """);
        Quote q = quote(doc, "This is not what we were promised");
        assertNull(speaker(q), "the vicar of the notice is in no scene: " + (q.speaker() == null ? "" : q.speaker().name()));
    }
}
