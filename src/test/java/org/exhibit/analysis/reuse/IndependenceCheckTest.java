package org.exhibit.analysis.reuse;

import org.exhibit.analysis.HandSet;
import org.exhibit.analysis.Layer;
import org.exhibit.model.*;
import org.exhibit.read.BoardTextReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class IndependenceCheckTest {
    static final String ACCOUNT_1 = "‘Yes, there was the confrontation with Lomov at the meeting of the bureau. Lomov reminded him how they had "
            + "walked along the embankment and he had asked who would act, and whether people could be found for it. "
            + "Sergo [Ordzhonikidze – ed.] sprang up and asked whether he had really said this, and he answered yes.’";
    static final String ACCOUNT_2 = "Yes, there was the confrontation with Lomov at the meeting of the bureau. Lomov reminded him how they had "
            + "walked along the embankment and he had asked who would act, and whether people could really be found for it. "
            + "Sergo sprang up and asked whether he had said this, and he answered yes.";

    static Document doc(String text) {
        return new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text));
    }

    static Quote quote(Document d, String id, String passage, String post) {
        int s = d.text().indexOf(passage, d.post(post).body().start());
        Quote q = new Quote(id, post, new Span(s, s + passage.length()), QuoteKind.PASSAGE, Marker.SINGLE, null, null);
        d.quotes().add(q);
        return q;
    }

    @Test void oneAccountByTwoRoutesIsOneSource() {
        Document d = doc("Petra\n4th June 2006, 09:15\nThe article I pasted above says:\n" + ACCOUNT_1
                + "\nSo both his friends and his enemies concur that he planned it.\n"
                + "Karel\n4th June 2006, 11:40\nAnd the interview itself, from the book of conversations:\n" + ACCOUNT_2 + "\n");
        quote(d, "article-account", ACCOUNT_1.substring(1, ACCOUNT_1.length() - 1), "p1");
        quote(d, "interview-account", ACCOUNT_2, "p2");
        new ReuseFinder().apply(d);
        new IndependenceCheck().apply(d);
        List<Reuse> same = d.reuse().stream().filter(r -> r.kind().equals("same-source")).toList();
        assertEquals(1, same.size(), d.reuse().toString());
        assertEquals("article-account", same.get(0).parts().get(0).quote());
        assertEquals("interview-account", same.get(0).parts().get(1).quote());
        assertNotNull(same.get(0).alignment());
        assertEquals(1, d.flags().size());
        assertEquals("not-independent", d.flags().get(0).type());
        assertTrue(d.flags().get(0).evidence().text().contains("concur"), d.flags().get(0).evidence().text());
    }

    @Test void aPostQuotedInAReplyIsNotASecondSource() {
        String body = "The commission ordered forty hoists from a Berlin firm at a price per kilogramme that counted the weight "
                + "of cast iron bases nobody needed, and the deputy commissar approved the contract himself.";
        Document d = HandSet.board("Petra\n4th June 2006, 09:15\n" + body + "\nKarel\n4th June 2006, 11:40\nQUOTE\n" + body
                        + "\nQUOTE\nThat is graft, not sabotage; the two accounts do not concur.\n")
                .passage("reply", "p2", body)
                .given(Layer.CITATIONS, Layer.DATES, Layer.ENTITIES)
                .run(new ReuseFinder(), new org.exhibit.analysis.attribution.Attribution(), new IndependenceCheck());
        assertEquals(1, d.reuse().size(), d.reuse().toString());
        assertEquals("p1", d.quote("reply").sourcePost());
        assertTrue(d.flags().isEmpty());
    }

    @Test void sameSpeakerAndWorkAreOneSource() {
        String a = "The engineers were not saboteurs, they were frightened men.";
        String b = "Every order from Moscow contradicted the one before it.";
        Document d = doc("Petra\n4th June 2006, 09:15\nTwo independent witnesses: first \"" + a + "\" and then \"" + b + "\"\n");
        Work w = new Work("Notes from the Copper Mines", "Harold Wynne", 1937, null, null, 1);
        for (Quote q : List.of(quote(d, "w1", a, "p1"), quote(d, "w2", b, "p1"))) {
            q.speaker(new Speaker("Harold Wynne", "Wynne", null, null, 1));
            q.work(w);
        }
        new IndependenceCheck().apply(d);
        assertEquals(1, d.reuse().size());
        Reuse r = d.reuse().get(0);
        assertEquals(IndependenceCheck.SAME_WORK, r.kind());
        assertEquals(List.of("w1", "w2"), r.parts().stream().map(Reuse.Part::quote).toList());
        assertNull(r.alignment());
        assertEquals(0, d.flags().size(), "no shared text: grouped, but not flagged as one source reaching the thread twice");
    }
}
