package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.read.Threads.assertQuote;
import static org.exhibit.read.Threads.quote;
import static org.junit.jupiter.api.Assertions.*;

class HtmlReaderTest {
    @Test void phpbbPostsAndCitedNestedQuotes() throws Exception {
        Document doc = Threads.read("phpbb-thread.html");
        assertEquals("html", doc.source().format());
        assertEquals(List.of("Lenka", "Pyotr"), Threads.authors(doc));
        assertEquals(List.of("2012-12-01T16:30", "2012-12-01T17:05:00Z"), Threads.times(doc));
        assertEquals("Khrushchev told the 22nd Congress:\nThe killer of Kirov had twice before been detained near Smolny, and both times he was released.\n"
                + "Nobody has ever explained who gave that order.", doc.slice(doc.posts().get(0).body()));
        assertFalse(doc.text().contains("Sapere aude"), "signature is not part of the post");
        assertFalse(doc.text().contains("not a quote"), "script text is not part of the post");
        assertEquals(3, doc.quotes().size());
        assertQuote(doc, "q1", id(doc, 1), null, "The killer of Kirov had twice before been detained near Smolny, and both times he was released.",
                "The killer of Kirov had twice before been detained near Smolny, and both times he was released.");
        assertQuote(doc, "q2", id(doc, 2), null,
                "Khrushchev wrote:\nThe killer of Kirov had twice before been detained near Smolny.\nNobody has ever explained who gave that order.",
                "The killer of Kirov had twice before been detained near Smolny.\nNobody has ever explained who gave that order.");
        Quote q2 = quote(doc, "q2");
        assertEquals("Lenka", q2.markupName());
        assertEquals("3101", q2.markupPost());
        assertEquals("2012-12-01T16:30", q2.markupDate());
        assertTrue(doc.slice(q2.openMarker()).startsWith("Lenka wrote:"));
        assertTrue(q2.openMarker().end() <= q2.span().start(), "cite line is outside the span");
        assertQuote(doc, "q3", id(doc, 2), "q2", "The killer of Kirov had twice before been detained near Smolny.",
                "The killer of Kirov had twice before been detained near Smolny.");
        assertEquals("Khrushchev", quote(doc, "q3").markupName());
        for (Quote q : doc.quotes()) assertEquals(Marker.HTML, q.marker());
    }

    @Test void xenforoQuoteTitleAndExpandLinkAreNotQuoted() throws Exception {
        Document doc = Threads.read("xenforo-thread.html");
        assertEquals(List.of("Wojtek", "Sergei M"), Threads.authors(doc));
        assertEquals(List.of("2015-04-13T21:04:00+02:00", "2015-04-14T08:30:00+02:00"), Threads.times(doc));
        assertFalse(doc.text().contains("Click to expand"));
        assertEquals(2, doc.quotes().size());
        String burdenko = "The shooting of the Polish prisoners of war was carried out by the German occupiers in the autumn of 1941.";
        assertQuote(doc, "q1", id(doc, 1), null, burdenko, burdenko);
        assertQuote(doc, "q2", id(doc, 2), null, "In 1990 the Soviet government itself withdrew that conclusion.",
                "In 1990 the Soviet government itself withdrew that conclusion.");
        Quote q2 = quote(doc, "q2");
        assertEquals("Wojtek", q2.markupName());
        assertEquals("55001", q2.markupPost());
        assertEquals("Wojtek said:", doc.slice(q2.openMarker()));
        assertEquals("Wojtek said:\nIn 1990 the Soviet government itself withdrew that conclusion.\nWithdrew it under pressure, you mean.",
                doc.slice(doc.posts().get(1).body()));
    }

    @Test void ipb4NestedQuotesWithCitations() throws Exception {
        Document doc = Threads.read("ipb4-thread.html");
        assertEquals(List.of("Andriy", "Mykola"), Threads.authors(doc));
        assertEquals(List.of("2018-11-24T19:12:44Z", "2018-11-25T08:00:00Z"), Threads.times(doc));
        assertEquals(2, doc.quotes().size());
        assertQuote(doc, "q1", "p1", null,
                "The census counted 162 million people where 180 million had been expected.\nStalin said:\nThe census was organised in a deeply unsatisfactory way.",
                "The census counted 162 million people where 180 million had been expected.\nThe census was organised in a deeply unsatisfactory way.");
        Quote q1 = quote(doc, "q1");
        assertEquals("Kulchytsky", q1.markupName());
        assertEquals("2018-11-23T19:06:40Z", q1.markupDate());
        assertEquals("8790", q1.markupPost());
        assertQuote(doc, "q2", "p1", "q1", "The census was organised in a deeply unsatisfactory way.",
                "The census was organised in a deeply unsatisfactory way.");
        assertEquals("Stalin", quote(doc, "q2").markupName());
        assertFalse(doc.slice(doc.posts().get(0).body()).contains("Posted"), "post meta line is not body");
    }

    @Test void vbulletinPostcontentIsNotAQuote() throws Exception {
        Document doc = Threads.read("vbulletin-thread.html");
        assertEquals(List.of("Sidney", "Feliks"), Threads.authors(doc));
        assertEquals(List.of("2007-06-16T14:19", "2007-06-16T15:40"), Threads.times(doc));
        assertEquals("The commission found the Moscow trials to be frame-ups.\nDewey himself said so in his summary.",
                doc.slice(doc.posts().get(0).body()));
        assertEquals(1, doc.quotes().size());
        assertQuote(doc, "q1", id(doc, 2), null, "The commission found the Moscow trials to be frame-ups.",
                "The commission found the Moscow trials to be frame-ups.");
        assertEquals("Sidney", quote(doc, "q1").markupName());
        assertEquals("120301", quote(doc, "q1").markupPost());
    }

    @Test void textReadsLikeABoardCopy() throws Exception {
        // Each post is headed by author and time lines, so the board-text splitter finds the same posts.
        for (String f : List.of("phpbb-thread.html", "xenforo-thread.html", "ipb4-thread.html", "vbulletin-thread.html")) {
            Document doc = Threads.read(f);
            List<Post> again = BoardTextReader.posts(doc.text());
            assertEquals(Threads.authors(doc), again.stream().map(Post::author).toList(), f);
            for (int i = 0; i < again.size(); i++) assertEquals(doc.posts().get(i).body(), again.get(i).body(), f + " post " + i);
        }
    }

    @Test void unknownPageIsOnePostWithGenericBlockquotes() throws Exception {
        String html = "<html><body><nav>Home | Forum</nav><main><h1>Comments</h1><p>Anna wrote below.</p>"
                + "<blockquote><p>First <cite>level</cite></p><blockquote>second level</blockquote><p>first again</p></blockquote>"
                + "<p>She called it <q>a farce</q>.</p></main></body></html>";
        Document doc = Threads.readText("page.html", html, "auto");
        assertEquals("html", doc.source().format());
        assertEquals(1, doc.posts().size());
        assertNull(doc.posts().get(0).author());
        assertEquals("Comments\nAnna wrote below.\nFirst level\nsecond level\nfirst again\nShe called it “a farce”.", doc.text());
        assertQuote(doc, "q1", "p1", null, "First level\nsecond level\nfirst again", "First level\nsecond level\nfirst again");
        assertQuote(doc, "q2", "p1", "q1", "second level", "second level");
    }

    @Test void invisionTwoQuoteBoxesAndSmfHeaders() throws Exception {
        String html = "<div class='postcolor'>Look:<div class='quotetop'>QUOTE(Boris @ Jun 16 2007, 02:19 PM)</div>"
                + "<div class='quotemain'>The plan was fulfilled in four years.</div>So what?</div>"
                + "<div class='quoteheader'><div class='topslice_quote'><a href='index.php?topic=5.msg77#msg77'>Quote from: Olga on June 17, 2007, 09:00:00 AM</a></div></div>"
                + "<blockquote class='bbc_standard_quote'>Not in grain.</blockquote>"
                + "<p class='citation'>Olga, on 17 June 2007 - 10:00 AM, said:</p><blockquote class='ipsBlockquote' data-author='Olga' data-cid='1203'>"
                + "<p>Grain is the whole question.</p><p class='citation'>Boris, on 16 June 2007 - 02:19 PM, said:</p>"
                + "<blockquote class='ipsBlockquote'><p>Fulfilled.</p></blockquote></blockquote>";
        Document doc = Threads.readText("ipb2.html", html, "html");
        assertEquals(4, doc.quotes().size());
        Quote ipb = quote(doc, "q1");
        assertEquals("The plan was fulfilled in four years.", doc.slice(ipb.span()));
        assertEquals("Boris", ipb.markupName());
        assertEquals("2007-06-16T14:19", ipb.markupDate());
        Quote smf = quote(doc, "q2");
        assertEquals("Not in grain.", doc.slice(smf.span()));
        assertEquals("Olga", smf.markupName());
        assertEquals("2007-06-17T09:00:00", smf.markupDate());
        Quote ipb3 = quote(doc, "q3");
        assertEquals("Olga", ipb3.markupName());
        assertEquals("1203", ipb3.markupPost());
        assertEquals("Grain is the whole question.\nBoris, on 16 June 2007 - 02:19 PM, said:\nFulfilled.", doc.slice(ipb3.span()));
        assertEquals("Grain is the whole question.\nFulfilled.", ipb3.text(doc));
        Quote inner = quote(doc, "q4");
        assertEquals("q3", inner.parent());
        assertEquals("Boris", inner.markupName());
        assertEquals("2007-06-16T14:19", inner.markupDate());
    }

    @Test void discourseCrawlerPage() throws Exception {
        String html = "<!DOCTYPE html><html><body><div id='main-outlet'>"
                + "<div id='post_1' itemprop='comment' class='topic-body crawler-post'><div class='crawler-post-meta'>"
                + "<span class='creator' itemprop='author'><a href='/u/anna'><span itemprop='name'>anna</span></a></span>"
                + "<span class='crawler-post-infos'><time itemprop='datePublished' datetime='2021-05-04T09:30:12Z' class='post-time'>May 4, 2021</time></span></div>"
                + "<div class='post' itemprop='text'><p>Vyshinsky demanded that they be shot like mad dogs.</p></div></div>"
                + "<div id='post_2' itemprop='comment' class='topic-body crawler-post'><div class='crawler-post-meta'>"
                + "<span class='creator' itemprop='author'><a href='/u/ben'><span itemprop='name'>ben</span></a></span>"
                + "<time itemprop='datePublished' datetime='2021-05-04T10:00:00Z'>May 4, 2021</time></div>"
                + "<div class='post' itemprop='text'><aside class='quote no-group' data-username='anna' data-post='1' data-topic='9'>"
                + "<div class='title'><div class='quote-controls'></div> anna:</div><blockquote><p>shot like mad dogs</p></blockquote></aside>"
                + "<p>That phrase is in the transcript.</p></div></div></div></body></html>";
        Document doc = Threads.readText("d.html", html, "auto");
        assertEquals(List.of("anna", "ben"), Threads.authors(doc));
        assertEquals(List.of("2021-05-04T09:30:12Z", "2021-05-04T10:00:00Z"), Threads.times(doc));
        assertEquals(1, doc.quotes().size());
        assertQuote(doc, "q1", id(doc, 2), null, "shot like mad dogs", "shot like mad dogs");
        assertEquals("anna", quote(doc, "q1").markupName());
        assertEquals("1", quote(doc, "q1").markupPost());
    }

    @Test void xenforoOneQuoteContainerIsOneQuote() throws Exception {
        String html = "<ol id='messageList'><li id='post-7' class='message' data-author='Tomasz'>"
                + "<div class='messageContent'><article><blockquote class='messageText SelectQuoteContainer ugc baseHtml'>"
                + "<div class='bbCodeBlock bbCodeQuote' data-author='Anna'><aside><div class='attribution type'>Anna said:"
                + " <a href='goto/post?id=6#post-6' class='AttributionLink'>&uarr;</a></div>"
                + "<blockquote class='quoteContainer'><div class='quote'>The NKVD files were opened in 1991.</div>"
                + "<div class='quoteExpand'>Click to expand...</div></blockquote></aside></div>Only some of them.</blockquote></article></div>"
                + "<div class='messageMeta'><span class='DateTime' title='Jun 16, 2007 at 2:19 PM'>Jun 16, 2007</span></div></li></ol>";
        Document doc = Threads.readText("xf1.html", html, "auto");
        assertEquals(List.of("Tomasz"), Threads.authors(doc));
        assertEquals(List.of("2007-06-16T14:19"), Threads.times(doc));
        assertEquals(1, doc.quotes().size());
        assertQuote(doc, "q1", id(doc, 1), null, "The NKVD files were opened in 1991.", "The NKVD files were opened in 1991.");
        assertEquals("Anna", quote(doc, "q1").markupName());
        assertEquals("6", quote(doc, "q1").markupPost());
        assertFalse(doc.text().contains("Click to expand"));
    }

    @Test void phpbb2QuoteTable() throws Exception {
        String html = "<span class='postbody'>Read this:</span><table width='90%' cellspacing='1' cellpadding='3' border='0' align='center'>"
                + "<tr><td><span class='genmed'><b>Trotsky wrote:</b></span></td></tr><tr><td class='quote'>I have never had any dealings with Pyatakov.</td></tr>"
                + "</table><span class='postbody'>Yet Pyatakov's flight to Oslo was never shown to be impossible.</span>";
        Document doc = Threads.readText("phpbb2.html", html, "html");
        assertEquals(1, doc.quotes().size());
        assertQuote(doc, "q1", "p1", null, "I have never had any dealings with Pyatakov.", "I have never had any dealings with Pyatakov.");
        assertEquals("Trotsky", quote(doc, "q1").markupName());
    }

    @Test void smfPosts() throws Exception {
        String post = "<div class='post_wrapper'><div class='poster'><h4><a href='?action=profile;u=%d'>%s</a></h4></div><div class='postarea'>"
                + "<div class='keyinfo'><h5><a href='#'>Re: Kirov</a></h5><div class='smalltext'>&#171; <strong>Reply #%d on:</strong> %s &#187;</div></div>"
                + "<div class='post'><div class='inner' id='msg_%d'>%s</div></div></div></div>";
        String html = "<html><body><div id='forumposts'>"
                + String.format(post, 3, "Olga", 1, "June 17, 2007, 09:00:00 AM", 77, "Nikolaev acted alone.")
                + String.format(post, 4, "Boris", 2, "June 17, 2007, 10:30:00 PM", 78,
                "<div class='quoteheader'><div class='topslice_quote'><a href='?topic=5.msg77#msg77'>Quote from: Olga on June 17, 2007, 09:00:00 AM</a></div></div>"
                        + "<blockquote class='bbc_standard_quote'>Nikolaev acted alone.</blockquote><div class='quotefooter'></div>Then who released him twice?")
                + "</div></body></html>";
        Document doc = Threads.readText("smf.html", html, "auto");
        assertEquals(List.of("Olga", "Boris"), Threads.authors(doc));
        assertEquals(List.of("2007-06-17T09:00:00", "2007-06-17T22:30:00"), Threads.times(doc));
        assertQuote(doc, "q1", id(doc, 2), null, "Nikolaev acted alone.", "Nikolaev acted alone.");
        assertEquals("Olga", quote(doc, "q1").markupName());
        assertEquals("Quote from: Olga on June 17, 2007, 09:00:00 AM\nNikolaev acted alone.\nThen who released him twice?",
                doc.slice(doc.posts().get(1).body()));
    }

    @Test void outerQuoteGetsTheLowerIdWhenBothStartTogether() throws Exception {
        Document doc = Threads.readText("n.html", "<p>x</p><blockquote><blockquote>inner</blockquote></blockquote>", "html");
        assertQuote(doc, "q1", "p1", null, "inner", "inner");
        assertQuote(doc, "q2", "p1", "q1", "inner", "inner");
    }

    @Test void blogArticleWithComments() throws Exception {
        String html = "<!DOCTYPE html><html><body><article id='post-12' class='post-12 post type-post status-publish'>"
                + "<header class='entry-header'><h1 class='entry-title'>Bukharin's last letter</h1><div class='entry-meta'>"
                + "<span class='byline'><span class='author vcard'><a class='url fn n' href='/author/mira/'>Mira</a></span></span>"
                + "<time class='entry-date published' datetime='2019-03-02T10:15:00+00:00'>March 2, 2019</time></div></header>"
                + "<div class='entry-content'><p>He wrote to Stalin from prison:</p><blockquote><p>Koba, why do you need my death?</p></blockquote></div>"
                + "<div id='comments' class='comments-area'><ol class='comment-list'><li id='comment-3' class='comment even thread-even depth-1'>"
                + "<article id='div-comment-3' class='comment-body'><footer class='comment-meta'><div class='comment-author vcard'>"
                + "<b class='fn'>Pavel</b> <span class='says'>says:</span></div><div class='comment-metadata'><a href='#comment-3'>"
                + "<time datetime='2019-03-03T08:05:00+00:00'>March 3, 2019 at 8:05 am</time></a></div></footer>"
                + "<div class='comment-content'><p>The letter was published only in 1993.</p></div></article></li></ol></div></article></body></html>";
        Document doc = Threads.readText("blog.html", html, "auto");
        assertEquals(List.of("Mira", "Pavel"), Threads.authors(doc));
        assertEquals(List.of("2019-03-02T10:15:00Z", "2019-03-03T08:05:00Z"), Threads.times(doc));
        assertEquals("The letter was published only in 1993.", doc.slice(doc.posts().get(1).body()));
        assertQuote(doc, "q1", id(doc, 1), null, "Koba, why do you need my death?", "Koba, why do you need my death?");
    }

    @Test void schemaOrgComments() throws Exception {
        String html = "<div itemscope itemtype='https://schema.org/DiscussionForumPosting'><div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
                + "<span itemprop='name'>Lev</span></div><meta itemprop='datePublished' content='2020-01-02T03:04:05Z'>"
                + "<div itemprop='text'><blockquote>Yagoda confessed.</blockquote>To what, exactly?</div></div>";
        Document doc = Threads.readText("schema.html", html, "html");
        assertEquals(List.of("Lev"), Threads.authors(doc));
        assertEquals(List.of("2020-01-02T03:04:05Z"), Threads.times(doc));
        assertQuote(doc, "q1", "p1", null, "Yagoda confessed.", "Yagoda confessed.");
    }

    /** The id of the n-th post (1-based): the board's own where its markup gives one. */
    private static String id(Document doc, int n) { return doc.posts().get(n - 1).id(); }

    @Test void boardPostIdsFromAnchors() throws Exception {
        // phpBB div#p3101, vBulletin li#post_120301: the number is the post id; no anchor, positional ids
        assertEquals(List.of("3101", "3102"), Threads.read("phpbb-thread.html").posts().stream().map(org.exhibit.model.Post::id).toList());
        assertEquals(List.of("120301", "120302"), Threads.read("vbulletin-thread.html").posts().stream().map(org.exhibit.model.Post::id).toList());
        assertEquals(List.of("p1", "p2"), Threads.read("ipb4-thread.html").posts().stream().map(org.exhibit.model.Post::id).toList());
    }
}
