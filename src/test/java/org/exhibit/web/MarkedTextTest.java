package org.exhibit.web;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class MarkedTextTest {
    @Test void nestedMarksNest() {
        MarkedText t = new MarkedText("He said \"she said 'no' twice\" today");
        t.mark(9, 28, "q", "class=\"outer\"", "a", 0);
        t.mark(19, 21, "q", "class=\"inner\"", "b", 0);
        assertEquals("He said &quot;<q class=\"outer\" id=\"a\">she said &#39;<q class=\"inner\" id=\"b\">no</q>&#39; twice</q>&quot; today",
                t.render(0, 35));
    }

    @Test void crossingMarksAreSplitIntoFragmentsWithOneId() {
        MarkedText t = new MarkedText("abcdef");
        t.mark(0, 4, "x", "class=\"a\"", "a", 0);
        t.mark(2, 6, "y", "class=\"b\"", "b", 0);
        assertEquals("<x class=\"a\" id=\"a\">ab<y class=\"b\" id=\"b\">cd</y></x><y class=\"b\">ef</y>", t.render(0, 6));
    }

    @Test void equalSpansNestByRank() {
        MarkedText t = new MarkedText("word");
        t.mark(0, 4, "i", "class=\"later\"", null, 5);
        t.mark(0, 4, "b", "class=\"first\"", null, 1);
        assertEquals("<b class=\"first\"><i class=\"later\">word</i></b>", t.render(0, 4));
    }

    @Test void insertsSitBeforeMarksThatStartThereAndInsideThoseThatGoOn() {
        MarkedText t = new MarkedText("one two three");
        t.mark(0, 13, "s", "class=\"all\"", null, 0);
        t.mark(4, 7, "q", "class=\"two\"", null, 0);
        t.insert(4, "<a class=\"note\">*</a>");
        t.insert(13, "<a class=\"end\">.</a>");
        assertEquals("<s class=\"all\">one <a class=\"note\">*</a><q class=\"two\">two</q> three</s><a class=\"end\">.</a>", t.render(0, 13));
    }

    @Test void renderingARangeClipsMarksAndStaysWellFormed() {
        String text = "0123456789";
        MarkedText t = new MarkedText(text);
        t.mark(2, 8, "q", "class=\"q\"", "q", 0);
        t.mark(5, 20, "q", "class=\"bad\"", null, 0); // past the end: ignored
        t.mark(6, 3, "q", "class=\"bad\"", null, 0);  // reversed: ignored
        String html = t.render(4, 6);
        assertEquals("<q class=\"q\" id=\"q\">45</q>", html);
        assertEquals("45", Jsoup.parseBodyFragment(html).text());
    }

    @Test void textIsEscapedAndControlsAreShown() {
        MarkedText t = new MarkedText("<b>&\u202Ex");
        assertEquals("&lt;b&gt;&amp;<span class=\"ctl\" title=\"invisible control character U+202E\">U+202E</span>x", t.render(0, 6));
        assertEquals("a&quot; onclick=&quot;x [U+202E] &lt;", Html.attr("a\" onclick=\"x\n\u202E <"));
    }

    @Test void surrogatePairsAndManyOverlapsStayBalanced() {
        String text = "𝔄𝔅 words 𝔄𝔅 more words and more";
        MarkedText t = new MarkedText(text);
        for (int i = 0; i + 6 <= text.length(); i += 3) t.mark(i, i + 6, "span", "class=\"m\"", "m" + i, i % 4);
        String html = t.render(0, text.length());
        assertEquals(text, Jsoup.parseBodyFragment(html).text());
        int opens = html.split("<span", -1).length - 1, closes = html.split("</span>", -1).length - 1;
        assertEquals(opens, closes);
    }
}
