package org.exhibit.analysis.attribution;

import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.junit.jupiter.api.Test;

import static org.exhibit.analysis.attribution.SpeechFramesTest.quote;
import static org.exhibit.analysis.attribution.SpeechFramesTest.speaker;
import static org.exhibit.analysis.attribution.AttributionTest.analyse;
import static org.junit.jupiter.api.Assertions.*;

/** A sentence after a quotation that ends with a full stop is no tag of it. */
class SentenceAfterQuoteTest {
    @Test void aNamedSubjectOfTheNextSentenceDoesNotSpeakTheQuotationBefore() throws Exception {
        Document doc = analyse("""
                Harbour dues

                "The dues were never fair," said Mayor Alan Price, adding that "the port has paid more than its share for years." Ruth Okoye agreed that the dues should fall.
                """);
        Quote q = quote(doc, "the port has paid");
        assertEquals("Mayor Alan Price", speaker(q), "the next sentence's subject is not the speaker; the tag before is");
    }

    @Test void aTagAfterACommaStillNamesTheSpeaker() throws Exception {
        Document doc = analyse("""
                Harbour dues

                The meeting ran late. "The dues should fall," Ruth Okoye said.
                """);
        assertEquals("Ruth Okoye", speaker(quote(doc, "The dues should fall")));
    }
}
