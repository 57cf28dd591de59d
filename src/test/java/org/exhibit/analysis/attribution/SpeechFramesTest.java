package org.exhibit.analysis.attribution;

import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.exhibit.analysis.attribution.AttributionTest.analyse;
import static org.junit.jupiter.api.Assertions.*;

/** Exact speakers on the constructions of news and fiction: tags after, before and inside quotations, and dialogue. */
class SpeechFramesTest {
    /** Quotations that are someone's words (scare quotes and titles aside), in text order. */
    static List<Quote> speech(Document doc) {
        return doc.quotesInOrder().stream().filter(q -> q.kind() != QuoteKind.SCARE && q.kind() != QuoteKind.TITLE).collect(Collectors.toList());
    }

    static String speaker(Quote q) { return q.speaker() == null ? null : q.speaker().name(); }

    static Quote quote(Document doc, String starts) {
        for (Quote q : doc.quotesInOrder()) if (q.text(doc).startsWith(starts)) return q;
        fail("no quotation starting " + starts + " in " + doc.quotesInOrder().stream().map(q -> q.text(doc)).toList());
        return null;
    }

    @Test void tagAfterTheQuotationVerbFirstWithATitle() throws Exception {
        Document doc = analyse("""
                Council meeting

                The hall was full by seven. "It is a disgrace and everyone here knows it," said the Rev. Samuel Okafor.
                """);
        Quote q = quote(doc, "It is a disgrace");
        assertEquals("Rev. Samuel Okafor", speaker(q));
        assertEquals("Rev. Samuel Okafor", doc.slice(q.speaker().evidence().span()));
    }

    @Test void aSecondSentenceWithItsOwnNamedSubjectKeepsItsSpeaker() throws Exception {
        Document doc = analyse("""
                Harbour dispute

                Mayor Ellen Brandt could "simply close the port for a week," said Victor Halloran, head of the dockers' union. Brandt refused: "No mayor has the authority to shut a federal harbour."
                """);
        assertEquals("Victor Halloran", speaker(quote(doc, "simply close the port")));
        assertEquals("Ellen Brandt", speaker(quote(doc, "No mayor has the authority")));
    }

    @Test void aNoBreakSpaceBetweenTheVerbAndTheNameIsASpace() throws Exception {
        Document doc = analyse("Turnout\n\nThe count was slow. \u201cThe rural vote decides it,\u201d writes\u00a0Anna Kowalczyk. \u201cIt always has.\u201d\n");
        assertEquals("Anna Kowalczyk", speaker(quote(doc, "The rural vote decides it")));
    }

    @Test void aTagThatEndsTheSentenceAfterTheQuotationNamesItsSpeaker() throws Exception {
        Document doc = analyse("""
                Museum funds

                Lena Ostrowski runs the museum's friends' association. "We are out of the woods for now," and gifts rose again in May, Ostrowski said.
                """);
        Quote q = quote(doc, "We are out of the woods");
        assertTrue(speaker(q).endsWith("Ostrowski"), speaker(q));
        assertEquals("Ostrowski", doc.slice(q.speaker().evidence().span()));
    }

    @Test void aSentenceThatEndsWithoutATagGivesNoSpeaker() throws Exception {
        Document doc = analyse("""
                Museum funds

                Lena Ostrowski runs the museum's friends' association. "We are out of the woods for now," and gifts rose again in May, after a poor winter.
                """);
        assertNull(quote(doc, "We are out of the woods").speaker());
    }

    @Test void aSecondNameAndColonAfterAQuotationInTheSameParagraphIntroducesTheNext() throws Exception {
        Document doc = analyse("""
                Two plans

                Rosa Delgado and Tomas Brenner both reject a freeze. Delgado: "We will raise wages this year." Brenner: "We will raise them next year, not now."
                """);
        assertTrue(speaker(quote(doc, "We will raise wages")).endsWith("Delgado"));
        assertTrue(speaker(quote(doc, "We will raise them next year")).endsWith("Brenner"));
    }

    @Test void aPossessorBeforeTheVerbIsNoSpeaker() throws Exception {
        Document doc = analyse("""
                Senate

                Sen. Paul Ruiz returned to Washington on Monday.

                Another source familiar with Ruiz’s thinking said, “He will try to mend fences with his colleagues.”
                """);
        Quote q = quote(doc, "He will try to mend fences");
        assertTrue(q.speaker() == null || !speaker(q).contains("Ruiz"), String.valueOf(q.speaker()));
    }

    @Test void aDescriptionWithAPlaceIsNotSomeoneIntroducedWithoutIt() throws Exception {
        Document doc = analyse("""
                Campaign trail

                Walter Greaves, a senator from Iowa, spent the day in Dubuque.

                Marta Lindqvist, who is second in many state polls, spoke about roads and schools. The Oregon senator told reporters she feels good, and "we'll know soon enough what it means."
                """);
        Quote q = quote(doc, "we'll know soon enough");
        assertTrue(q.speaker() == null || !speaker(q).contains("Greaves"), String.valueOf(q.speaker()));
    }

    @Test void aPassageAfterASentenceOpenedByANameAndEndingInAColonIsThatPersonsWords() throws Exception {
        Document doc = analyse("""
                Server affair

                Greta Lindholm has since apologised for what happened: "Yes, I should have kept the two accounts apart from the start. Not doing so was a mistake, and I take full responsibility for it."
                """);
        assertTrue(speaker(quote(doc, "Yes, I should have kept")).endsWith("Lindholm"));
    }

    @Test void aPassageAfterANameWithARelativeClauseOfSpeechIsThatPersonsWords() throws Exception {
        Document doc = analyse("""
                Server affair

                Any charge would need the approval of Attorney General Helen Marsh, who told the committee last month about the inquiry: "That matter is being handled by career investigators. They follow the evidence and they will make a recommendation to me in time."
                """);
        assertTrue(speaker(quote(doc, "That matter is being handled")).endsWith("Marsh"));
    }

    @Test void aPassageAfterASentenceThatNamesSomeoneOnlyAsItsObjectHasNoSpeakerFromIt() throws Exception {
        Document doc = analyse("""
                Server affair

                The board fined Peter Hallgren on Monday for what happened: "The accounts were kept together from the start. Nobody at the office raised the question for three whole years, and nobody asked."
                """);
        Quote q = quote(doc, "The accounts were kept together");
        assertTrue(q.speaker() == null || !speaker(q).contains("Hallgren"), String.valueOf(q.speaker()));
    }

    @Test void aSpeechParticipleWithAThatClauseGivesTheSentenceSubject() throws Exception {
        Document doc = analyse("""
                Senate

                “I would say yes, since she carried the state,” Marlow said of touring with Brandt.

                But Sen. Harriet Olsen (D-Vt.) declined to consider the idea of touring alongside Brandt, responding that she’s “not going to talk about my own campaign plans.” And Sen. Tom Reyes said he had not thought about it.
                """);
        assertTrue(speaker(quote(doc, "not going to talk about")).endsWith("Olsen"));
    }

    @Test void aSentenceInitialCommonWordIsNoPersonForAPronoun() throws Exception {
        Document doc = analyse("""
                Convention money

                Organisers missed their fundraising goals this spring. Carl Whitmore said the boycott would have little effect.

                Fundraising was "flat for about two months" as donors waited, he said.
                """);
        assertTrue(speaker(quote(doc, "flat for about two months")).endsWith("Whitmore"));
    }

    @Test void tagAfterTheQuotationSubjectFirst() throws Exception {
        Document doc = analyse("""
                Budget vote

                The committee met on Tuesday. "We have the votes, and we will use them," Ms. Delgado said.
                """);
        assertEquals("Ms. Delgado", speaker(quote(doc, "We have the votes")));
    }

    @Test void aTitleAndSurnameTakeTheFullNameIntroducedEarlier() throws Exception {
        Document doc = analyse("""
                Hearing

                Carolyn Maloney arrived late to the hearing on Thursday.

                "I cannot stand him, and I never could," Ms. Maloney said.
                """);
        Quote q = quote(doc, "I cannot stand him");
        assertEquals("Carolyn Maloney", speaker(q));
        assertEquals("Ms. Maloney", q.speaker().asWritten());
    }

    @Test void interruptedQuotationBothHalvesGoToTheTaggedSpeaker() throws Exception {
        Document doc = analyse("""
                Evening

                Helen Marsh put down her cup and looked at the window.

                "I warned them," she said, "and nobody listened to a word of it."
                """);
        assertEquals("Helen Marsh", speaker(quote(doc, "I warned them")));
        assertEquals("Helen Marsh", speaker(quote(doc, "and nobody listened")));
    }

    @Test void accordingToBeforeTheQuotation() throws Exception {
        Document doc = analyse("""
                Senate

                According to Senator Ruiz, "the bill is dead for this session and probably for the next one too."
                """);
        assertEquals("Senator Ruiz", speaker(quote(doc, "the bill is dead")));
    }

    @Test void aPronounGoesToTheNearestPersonOfItsGender() throws Exception {
        Document doc = analyse("""
                The station

                Tom carried the bags to the platform while Margaret read the timetable twice.

                "Is it always this late?" she asked.
                """);
        assertEquals("Margaret", speaker(quote(doc, "Is it always this late")));
    }

    @Test void shortSpeechWithATagIsSpeechNotScare() throws Exception {
        Document doc = analyse("""
                The rooms

                "Dreadful!" said Lucy.
                """);
        Quote q = quote(doc, "Dreadful");
        assertNotEquals(QuoteKind.SCARE, q.kind());
        assertEquals("Lucy", speaker(q));
    }

    @Test void dialogueTurnsAreSeparateAlternateAndCarryNoUnattributedFlag() throws Exception {
        Document doc = analyse("""
                Market day

                "Where have you been all this time?" asked Mr. Pellow.

                "At the market, buying the things you forgot," said Harriet.

                "All day long?"

                "All day long, and the cart lost a wheel on the way back."
                """);
        List<Quote> turns = speech(doc);
        assertEquals(4, turns.size(), turns.stream().map(q -> q.text(doc)).toList().toString());
        assertEquals("Mr. Pellow", speaker(turns.get(0)));
        assertEquals("Harriet", speaker(turns.get(1)));
        assertEquals("Mr. Pellow", speaker(turns.get(2)));
        assertEquals("Harriet", speaker(turns.get(3)));
        for (Quote q : turns) assertTrue(q.flags().stream().noneMatch(f -> f.type().equals("unattributed")), q.flags().toString());
    }

    @Test void aVocativeNamesTheAddresseeNotTheSpeaker() throws Exception {
        Document doc = analyse("""
                Supper

                "The soup is cold again," said Mr. Pellow.

                "Harriet, sit down and eat it anyway."
                """);
        assertNotEquals("Harriet", speaker(quote(doc, "Harriet, sit down")));
    }

    @Test void aPhraseQuotedInAClauseThatReportsSpeech() throws Exception {
        Document doc = analyse("""
                Campaign

                Graham said the plan was "crazy" and would never pass the House.
                """);
        Quote q = quote(doc, "crazy");
        assertEquals(QuoteKind.PHRASE, q.kind());
        assertEquals("Graham", speaker(q));
    }

    @Test void noFrameNoSpeaker() throws Exception {
        Document doc = analyse("""
                Notes

                The word "freedom" appears twice in the preamble, and the word "order" five times.
                """);
        for (Quote q : doc.quotesInOrder()) assertNull(q.speaker(), q.text(doc));
    }

    @Test void aPartyTagBetweenTheNameAndTheVerb() throws Exception {
        Document doc = analyse("""
                Senate

                Sen. Tom Ashby (R-Kan.) said the bill was "a gift to the lobbyists" and left the chamber.

                "We will not vote for it," Sen. Lena Marsh (D-Ore.) said.
                """);
        assertEquals("Sen. Tom Ashby", speaker(quote(doc, "a gift to the lobbyists")));
        assertEquals("Sen. Lena Marsh", speaker(quote(doc, "We will not vote for it")));
    }

    @Test void aBareTurnGoesToTheOtherPartyEvenAfterTwoTurnsOfOneSpeaker() throws Exception {
        Document doc = analyse("""
                The inn

                "Is there a room for tonight?" asked Martin.

                "There is one, under the roof," said Mrs. Hobbs.

                "It is small, but it is dry," Mrs. Hobbs added.

                "Then I will take it."

                "You will want supper too."
                """);
        assertEquals("Martin", speaker(quote(doc, "Then I will take it")));
        assertEquals("Mrs. Hobbs", speaker(quote(doc, "You will want supper")));
    }

    @Test void aCapitalisedSubjectThatIsAlsoAWordStillMakesAQuotedPhraseSpeech() throws Exception {
        Document doc = analyse("""
                Rally

                Speaking earlier in Ohio, Baker insisted that he has "grown the movement," and the crowd cheered.
                """);
        Quote q = quote(doc, "grown the movement");
        assertEquals(QuoteKind.PHRASE, q.kind());
        assertEquals("Baker", speaker(q));
    }

    @Test void aNameAndAColonIntroduceTheQuotation() throws Exception {
        Document doc = analyse("""
                Digest

                Both candidates answered the same question.

                Mayor Greene: "We will rebuild the bridge by spring."

                POLLS CLOSE EARLY - Ada Brandt and Lev Orsini: "The counts were in by nine and nobody disputed them."
                """);
        assertEquals("Mayor Greene", speaker(quote(doc, "We will rebuild")));
        assertEquals("Ada Brandt and Lev Orsini", speaker(quote(doc, "The counts were in")));
    }

    @Test void aParticipleAfterTheSentenceGivesItsSubject() throws Exception {
        Document doc = analyse("""
                Fireworks

                Before the festival, Police Chief Mark Delaney asked the council to act, saying, "The fewer fireworks, the better."
                """);
        assertEquals("Police Chief Mark Delaney", speaker(quote(doc, "The fewer fireworks")));
    }

    @Test void theNarratorIsAPartyOfTheExchangeButNeverNamed() throws Exception {
        Document doc = analyse("""
                The terrace

                "You are late again," said Varvara.

                "The train was held at the border," I replied.

                "Every train is held somewhere."

                "Not every one, and not for four hours."

                "Then you should have walked."
                """);
        assertNull(speaker(quote(doc, "The train was held")));
        assertEquals("Varvara", speaker(quote(doc, "Every train is held")));
        assertNull(speaker(quote(doc, "Not every one")), "the narrator's turn has no name to give");
        assertEquals("Varvara", speaker(quote(doc, "Then you should have walked")));
    }

    @Test void theOtherIsTheOtherPartyOfTheExchange() throws Exception {
        Document doc = analyse("""
                The shop

                "Is the blue one cheaper?" asked Hester.

                "Not by much," said Mrs. Lyle. "But it wears better."

                "Then I shall have the blue," said the other quietly.
                """);
        assertEquals("Hester", speaker(quote(doc, "Then I shall have the blue")));
    }

    @Test void aClauseWithItsOwnSubjectIsNoAppositive() throws Exception {
        Document doc = analyse("""
                Policy

                The plan targets the cartel, also known as the Syndicate, though at a briefing last week he used harsher words, saying the group "must be dismantled."
                """);
        Quote q = quote(doc, "must be dismantled");
        assertNotEquals("Syndicate", speaker(q));
    }

    @Test void theSubjectOfTheFirstReportingVerbSpeaksAQuotedPhrase() throws Exception {
        Document doc = analyse("""
                Recess

                Sen. Clara Voss said that once the Council goes on recess, "I will campaign wherever I can."
                """);
        assertEquals("Clara Voss", speaker(quote(doc, "I will campaign")));
    }

    @Test void backFromTheTurnsAfterABareTurnIsTheOtherPartys() throws Exception {
        Document doc = analyse("""
                The garden

                Nobody had spoken for a while.

                "Will it rain, do you think?"

                "Not before the evening," said Mr. Harrow.

                "Then we can finish the hedge," said Nell.
                """);
        assertEquals("Nell", speaker(quote(doc, "Will it rain")));
    }

    @Test void anUnnamedSourceWithOneIsKeptAsWritten() throws Exception {
        Document doc = analyse("""
                Insiders

                "If Maria wins the county, it will be close," said one Ohio Democrat.
                """);
        assertEquals("one Ohio Democrat", speaker(quote(doc, "If Maria wins")));
    }

    @Test void aSentenceEndingInAColonIsItsSubjectsIntroduction() throws Exception {
        Document doc = analyse("""
                Carry laws

                Governor Okafor resisted: "We do not suspend rights."
                """);
        assertEquals("Governor Okafor", speaker(quote(doc, "We do not suspend")));
    }

    @Test void aParagraphIndentedWithANoBreakSpaceStillOpensItsQuotation() throws Exception {
        Document doc = analyse("Review\n\nThe party lost ground that year.\n\u00a0\u201cThe changes add to the urgency of our task,\u201d the report stated.\n");
        assertEquals("the report", speaker(quote(doc, "The changes add")));
    }

    @Test void anUnnamedDescriptionKeepsTheNameItIsDescribedBy() throws Exception {
        Document doc = analyse("""
                Report

                "We went the opposite way," said the former top aide to President Ada Lund. "It cost us."
                """);
        assertEquals("the former top aide to President Ada Lund", speaker(quote(doc, "We went the opposite way")));
    }

    @Test void aDocumentSpeaksByBeingRead() throws Exception {
        Document doc = analyse("""
                Fundraising

                The campaign wrote to its donors on Friday.

                "Friend, let me be blunt. We can win this," the email read.
                """);
        assertEquals("the email", speaker(quote(doc, "Friend, let me be blunt")));
    }

    @Test void aDescriptionOfAManGoesWhereHeWouldGo() throws Exception {
        // the name's gender is nowhere given; the description stands for the paragraph's subject as a pronoun would
        Document doc = analyse("""
                The lake

                The wind came off the water. Tarkington looked up from his book. "Not yet," said the young man.
                """);
        Quote q = quote(doc, "Not yet");
        assertEquals("Tarkington", speaker(q));
        assertEquals("the young man", q.speaker().asWritten());
    }

    // ---- frames across a paragraph break, subjectless verbs, interrupted quotations, epithets ------------------

    @Test void aParagraphEndingInAColonIntroducesTheQuotationThatOpensTheNext() throws Exception {
        Document doc = analyse("""
                The inn

                Mrs. Pargeter folded her napkin twice and said, with some dignity:

                "We shall take the rooms at the back, and we shall not complain of them."

                The landlord bowed and went out.
                """);
        assertEquals("Mrs. Pargeter", speaker(quote(doc, "We shall take the rooms")));
    }

    @Test void aParagraphEndingInASpeechVerbIntroducesTheNext() throws Exception {
        Document doc = analyse("""
                The meeting

                Tobias Wren looked round the table for a long time and then said slowly

                "There is not one of you I would trust with a shilling."

                Nobody answered him.
                """);
        assertEquals("Tobias Wren", speaker(quote(doc, "There is not one of you")));
    }

    @Test void aSpeechVerbWithoutItsOwnSubjectTakesTheSentences() throws Exception {
        Document doc = analyse("""
                The garden

                Harriet Vane stood up from the bench, brushed the leaves from her skirt, and said to the gardener, "The roses will want cutting back before the frost."
                """);
        assertEquals("Harriet Vane", speaker(quote(doc, "The roses will want")));
    }

    @Test void theSecondHalfOfAnInterruptedQuotationAfterAColonSharesItsSpeaker() throws Exception {
        Document doc = analyse("""
                The crossing

                "You may think the river is calm today," the Ferryman said after a pause: "it has drowned better swimmers than you."

                "Then I shall wait," said Peter.
                """);
        assertEquals("the Ferryman", speaker(quote(doc, "You may think the river")));
        assertEquals("the Ferryman", speaker(quote(doc, "it has drowned better")));
    }

    @Test void aNewSentenceAfterATagIsNoInterruptedQuotation() throws Exception {
        Document doc = analyse("""
                Council

                "Close the road and be done with it," said Tomas Brandt, the head of the drivers' union. Mayor Ostrander refused: "The road stays open while I hold this office."
                """);
        assertEquals("Tomas Brandt", speaker(quote(doc, "Close the road")));
        assertNotEquals("Tomas Brandt", speaker(quote(doc, "The road stays open")));
    }

    @Test void anEpithetBeforeANameIsNoPartOfIt() throws Exception {
        Document doc = analyse("""
                Supper

                "But the soup is cold," said poor Matilda. "It was cold yesterday as well."
                """);
        assertEquals("Matilda", speaker(quote(doc, "But the soup is cold")));
        assertEquals("Matilda", speaker(quote(doc, "It was cold yesterday")));
    }

    @Test void anAdjectiveBetweenTheAndANameLeavesTheName() throws Exception {
        Document doc = analyse("""
                The club

                Bertram Quill had not spoken all evening.

                "I have nothing to add," said the motionless Quill. "Nothing whatever."
                """);
        assertEquals("Bertram Quill", speaker(quote(doc, "I have nothing to add")));
    }

    @Test void aTagAfterAQuotationEndingInANestedQuotationIsRead() throws Exception {
        Document doc = analyse("""
                Radio

                Dana Whitlock hosts a morning show in Mobile. “A listener rang in and said, ‘Nobody asked us, so we asked ourselves,’” said Whitlock, who has run the show for a decade.
                """);
        assertEquals("Dana Whitlock", speaker(quote(doc, "A listener rang in")));
    }

    @Test void moreSpeechVerbsTagAQuotation() throws Exception {
        Document doc = analyse("""
                The station

                "And the train to Leeds?" pursued Gilbert.

                "It has gone," assented the porter's wife, Agnes Lyle.

                "Then we walk," persisted Gilbert.
                """);
        assertEquals("Gilbert", speaker(quote(doc, "And the train to Leeds")));
        assertEquals("Gilbert", speaker(quote(doc, "Then we walk")));
    }

    // ---- gender, pronouns, relations -------------------------------------------------------------------------

    @Test void aNamesGenderComesFromTheSubjectPronounsOfTheNarrativeNotFromHerOrHim() throws Exception {
        // Quarrington has no listed given name; the narrative calls him "he", and talks to him about "her"
        Document doc = analyse("""
                The lake

                Quarrington sat on the terrace. He had told her about the boat, and she had laughed at him.

                Quarrington watched the steamer. He thought of her again.

                Quarrington finished his coffee. He rose.

                Edith Barlow came along the path with her parasol.

                "You will take me across, I suppose?" she asked.

                "If you wish it," he said.
                """);
        assertEquals("Edith Barlow", speaker(quote(doc, "You will take me across")));
        assertEquals("Quarrington", speaker(quote(doc, "If you wish it")));
    }

    @Test void aPronounContinuesTheLastSpeakerWhoseGenderTheTextNeverGave() throws Exception {
        Document doc = analyse("""
                Prosecutors

                Ada Lindqvist, a former prosecutor, chaired the panel on Monday.

                "The records were destroyed, and everyone in the room knows it," Okonkwo said in an interview.

                He continued, "I have never seen a case like it in thirty years."
                """);
        assertEquals("Okonkwo", speaker(quote(doc, "I have never seen a case")));
    }

    @Test void aPronounGoesToAPersonOfItsGenderNamedSinceTheLastSpeaker() throws Exception {
        Document doc = analyse("""
                Prosecutors

                "The records were destroyed," Okonkwo said in an interview.

                Maria Estevez, who leads the inquiry, was more careful.

                She added, "We will review all of it."
                """);
        assertEquals("Maria Estevez", speaker(quote(doc, "We will review all of it")));
    }

    @Test void herMotherIsTheMrsOfTheDaughtersFamily() throws Exception {
        Document doc = analyse("""
                The hotel

                Clara Fenwick came down the stairs with her mother, Mrs. Fenwick, who was carrying two shawls.

                "I shall not want a shawl," said Clara.

                "You will want it by nine o'clock," said her mother.
                """);
        assertEquals("Mrs. Fenwick", speaker(quote(doc, "You will want it by nine")));
    }

    @Test void aRelationTheTextNamesNoOneForStaysUnattributed() throws Exception {
        Document doc = analyse("""
                The hotel

                Clara Fenwick came down the stairs alone.

                "I shall not want a shawl," said Clara.

                "You will want it by nine o'clock," said her mother.
                """);
        assertNull(speaker(quote(doc, "You will want it by nine")));
    }

    @Test void aWordInCapitalsForStressIsNoSpeaker() throws Exception {
        Document doc = analyse("""
                Rome

                Lawrence Abney had thought about nothing else all week. What if she WERE foolish? "How long have you been waiting here?" he asked.
                """);
        assertEquals("Lawrence Abney", speaker(quote(doc, "How long have you been")));
    }

    @Test void inAStoryInDialogueATitleUsedAsANameIsTheSubjectOfASubjectlessVerb() throws Exception {
        Document doc = analyse("""
                The beach

                "Is it far?"

                "Not very far."

                "And the tide?"

                "It is turning."

                "Then we must hurry."

                Then the Walrus put down his spoon, and said to the Carpenter, "The oysters will not wait for us."
                """);
        assertEquals("the Walrus", speaker(quote(doc, "The oysters will not wait")));
    }

    @Test void theOneATurnAddressesByNameAnswersIt() throws Exception {
        Document doc = analyse("""
                Night

                Mrs. Ashdown heard the cry and went along the corridor to her guest's room.

                "Forgive me, Mrs. Ashdown, it was only a dream."

                "A bad dream?"

                "Only a dream."

                "Then go back to sleep."

                The house was quiet again.
                """);
        assertEquals("Mrs. Ashdown", speaker(quote(doc, "A bad dream")));
        assertNotEquals("Mrs. Ashdown", speaker(quote(doc, "Forgive me")));
    }

    @Test void aNameAddressedThatTheStoryNeverIntroducedGivesNoSpeaker() throws Exception {
        Document doc = analyse("""
                Night

                Someone knocked at the door of the cottage long after midnight.

                "Open up, Bartholomew, it is only me."

                "Who is there?"

                "A friend."

                "Go away."
                """);
        assertNull(speaker(quote(doc, "Who is there")));
    }
}
