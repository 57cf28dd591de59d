package org.exhibit.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The reading view in the system's headless Chromium (Debian's chromium and chromium-driver, which
 * scripts/setup-chromium.sh installs): selecting quotes and names, following reuse links, hostile posts that must
 * not run. Screenshots go to target/screenshots/. Skips when the browser or its driver is not installed.
 */
class BrowserTest {
    /** Debian's paths; -Dexhibit.chromium=... and -Dexhibit.chromedriver=... point elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("exhibit.chromium", "/usr/bin/chromium")),
            DRIVER = Path.of(System.getProperty("exhibit.chromedriver", "/usr/bin/chromedriver"));
    static WebServer server;
    static ChromeDriver browser;
    static Path profile;
    static Document annotated;
    static String annotatedId, hostileId;
    static Path corpusDir;
    static CorpusView corpus;

    /** Selenium warns that it has no CDP bindings for this Chromium; the tests use WebDriver only. */
    static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll static void start() throws IOException {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        String missing = "headless Chromium not installed (" + CHROMIUM + " and " + DRIVER + "; run scripts/setup-chromium.sh): skipping browser tests";
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) System.err.println("BrowserTest: " + missing);
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), missing);
        ThreadStore store = new ThreadStore();
        annotated = WebFixtures.annotated();
        annotatedId = store.add("ambassador.txt", annotated).id();
        hostileId = store.add("hostile.txt", WebFixtures.hostile()).id();
        // A small ingested corpus, for the search pages.
        corpusDir = Files.createTempDirectory("exhibit-corpus");
        try {
            CorpusWebTest.ingest(corpusDir, WebFixtures.annotated(), WebFixtures.read("krivitsky.txt", UploadTest.THREAD));
            corpus = CorpusView.open(corpusDir);
        } catch (Exception e) {
            throw new IOException("cannot build the test corpus: " + e.getMessage(), e);
        }
        server = WebServer.start(store, InetAddress.getLoopbackAddress(), 0, new WebServer.Options(corpus, new Uploads(store, null, 1 << 20)));
        profile = Files.createTempDirectory("exhibit-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        // The driver is given explicitly so that Selenium never looks for (or downloads) one of its own.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterAll static void stop() throws IOException {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (corpus != null) corpus.close();
        for (Path dir : new Path[]{profile, corpusDir}) if (dir != null) try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    static int qi(String id) {
        ArrayNode quotes = JsonWriter.toJson(annotated).withArray("quotes");
        for (int i = 0; i < quotes.size(); i++) if (quotes.get(i).get("id").asText().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }

    static Object js(String script, Object... args) { return ((JavascriptExecutor) browser).executeScript(script, args); }

    /** Waits for the page's script to react (it does so at once; the bound only stops a broken page hanging the suite). */
    static void await(String what, BooleanSupplier condition) {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) return;
            try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
        }
        fail("browser never showed: " + what + " (at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").substring(0, Math.min(300, browser.findElement(By.tagName("body")).getText().length())) + ")");
    }

    static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    void open(String id) {
        browser.get(server.url() + "threads/" + id);
        await("view.js running under the CSP", () -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && document.documentElement.classList.contains('js')")));
    }

    @Test void clickingAQuoteShowsItsAttribution() throws IOException {
        open(annotatedId);
        WebElement panel = browser.findElement(By.id("panel"));
        assertTrue(panel.findElement(By.cssSelector(".hint")).isDisplayed());
        int q1 = qi("q1");
        WebElement card = browser.findElement(By.id("card-q-" + q1));
        assertFalse(card.isDisplayed(), "cards stay hidden until chosen");
        browser.findElement(By.id("q-" + q1)).click();
        await("card of q1", card::isDisplayed);
        String shown = card.getText();
        assertTrue(shown.contains("Joseph E. Davies") && shown.contains("Mission to Moscow") && shown.contains("p. 43"), shown);
        assertTrue(browser.findElement(By.id("q-" + q1)).getAttribute("class").contains("sel"));
        assertTrue(browser.findElement(By.cssSelector("[data-ev='q-" + q1 + "-s']")).getAttribute("class").contains("lit"),
                "the words naming the speaker light up");
        // Hovering the work line lights the words that name the work.
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(card.findElement(By.cssSelector("dd.work"))).perform();
        WebElement workEvidence = browser.findElement(By.cssSelector("[data-ev='q-" + q1 + "-w']"));
        await("work evidence lit on hover", () -> workEvidence.getAttribute("class").contains("hot"));
        assertEquals("In Mission to Moscow (1941), p. 43", workEvidence.getText());
        screenshot("thread-quote-selected.png");

        int q3 = qi("q3");
        browser.findElement(By.id("q-" + q3)).click();
        WebElement viaCard = browser.findElement(By.id("card-q-" + q3));
        await("card of q3", viaCard::isDisplayed);
        assertFalse(card.isDisplayed(), "one card at a time");
        String via = viaCard.findElement(By.cssSelector("dd.via")).getText();
        assertTrue(via.contains("Robert Conquest") && via.contains("a review in the TLS"), via);
        assertTrue(viaCard.findElement(By.cssSelector("dd.speaker")).getText().startsWith("Nikolai Bukharin"));

        // The nested quote: clicking inside it selects it, not its parent.
        int q6 = qi("q6");
        browser.findElement(By.id("q-" + q6)).click();
        WebElement innerCard = browser.findElement(By.id("card-q-" + q6));
        await("card of the nested quote", innerCard::isDisplayed);
        assertTrue(innerCard.findElement(By.cssSelector("dd.via")).getText().contains("Cassius Clay"));
    }

    @Test void reuseLinksJumpToTheOtherCopy() {
        open(annotatedId);
        browser.findElement(By.cssSelector("a.jump[href='#r-0-1']")).click();
        await("second copy in view", () -> Boolean.TRUE.equals(js(
                "var r = document.getElementById('r-0-1').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;")));
        assertTrue(browser.getCurrentUrl().endsWith("#r-0-1"), browser.getCurrentUrl());
        browser.findElement(By.cssSelector("a.jump[href='#r-0-0']")).click();
        await("first copy in view", () -> Boolean.TRUE.equals(js(
                "var r = document.getElementById('r-0-0').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;")));
    }

    @Test void namesOpenTheirPersonAndTheTimelineIsPlaced() throws IOException {
        open(annotatedId);
        browser.findElement(By.id("m-0-1")).click();
        WebElement card = browser.findElement(By.id("card-e-0"));
        await("person card", card::isDisplayed);
        assertTrue(card.getText().contains("Joseph E. Davies") && card.getText().contains("1876-1958"), card.getText());
        assertEquals(2, card.findElements(By.cssSelector(".mentions li")).size());
        // 1938, 1939, 1941 and a post of 2003: the empty decades are cut short so the first three stay apart.
        @SuppressWarnings("unchecked")
        java.util.List<Object> lefts = (java.util.List<Object>) js("return Array.from(document.querySelectorAll('.timeline .tick')).map(t => parseFloat(t.style.left))");
        assertEquals(4, lefts.size());
        double[] x = lefts.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        assertEquals(0, x[0], 1e-6);
        assertEquals(100, x[3], 1e-6);
        assertTrue(x[1] - x[0] > 10 && x[2] - x[1] > 10 && x[3] - x[2] > 10, java.util.Arrays.toString(x));
        assertEquals(1, browser.findElements(By.cssSelector(".timeline .gap")).size());
        screenshot("thread-person-selected.png");
        js("document.getElementById('sources').scrollIntoView()");
        screenshot("thread-lists.png");
    }

    @Test void hostilePostsDoNotRunAndReadLiterally() throws IOException {
        open(hostileId);
        assertEquals("undefined", js("return typeof window.__pwned"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        String body = browser.findElement(By.cssSelector("article.post .body")).getText();
        assertTrue(body.contains(WebFixtures.HOSTILE_BODY), body);
        assertTrue(body.contains(WebFixtures.HOSTILE_IMG), body);
        assertTrue(body.contains(WebFixtures.HOSTILE_LINK), body);
        assertTrue(body.contains("reportU+202Egnp.exeU+202C done"), body);
        assertEquals(0, browser.findElements(By.cssSelector("main img, main svg, main iframe, main a[href^='javascript']")).size());
        // Choosing the hostile quote and hovering its flag must not run anything either.
        WebElement quote = browser.findElement(By.cssSelector(".q[data-q='0']"));
        quote.click();
        WebElement card = browser.findElement(By.id("card-q-0"));
        await("hostile quote's card", card::isDisplayed);
        assertTrue(card.getText().contains("<img src=x onerror=window.__pwned=4>"), card.getText());
        assertTrue(card.getText().contains("</span><script>window.__pwned=5</script>"), card.getText());
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(card.findElement(By.cssSelector(".flags li"))).perform();
        browser.findElement(By.cssSelector(".m[data-e='0']")).click();
        assertEquals("undefined", js("return typeof window.__pwned"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        screenshot("thread-hostile.png");
    }

    void ready() {
        await("view.js running under the CSP", () -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && document.documentElement.classList.contains('js')")));
    }

    @Test void theSampleReadsAndAQuoteOpensItsCard() throws IOException {
        Path sample = Path.of("..", "shared", "samples", "show-trials-thread.txt");
        Assumptions.assumeTrue(org.exhibit.Shared.has(sample), "../shared/samples not present: skipping");
        ThreadStore one = new ThreadStore();
        one.addFiles(java.util.List.of(sample), "auto", m -> fail(m));
        try (WebServer s = WebServer.start(one, InetAddress.getLoopbackAddress(), 0)) {
            browser.get(s.url());
            browser.findElement(By.cssSelector("table.threads a")).click();
            ready();
            // A passage with nothing nested in it, so the click cannot land on an inner quote.
            String q = (String) js("return Array.from(document.querySelectorAll('.q.k-passage[data-q]')).find(e => !e.querySelector('.q')).dataset.q");
            WebElement quote = browser.findElement(By.id("q-" + q));
            js("arguments[0].scrollIntoView({block: 'center'})", quote);
            quote.click();
            WebElement card = browser.findElement(By.id("card-q-" + q));
            await("the sample's first passage card", card::isDisplayed);
            String shown = card.getAttribute("textContent");
            assertTrue(shown.contains("Speaker") && shown.contains("Quote"), shown);
            screenshot("sample-quote-selected.png");
        }
    }

    @Test void searchShowsMarkedHitsThatLeadToTheQuote() throws IOException {
        browser.get(server.url() + "search");
        ready();
        browser.findElement(By.id("q")).sendKeys("kneel");
        browser.findElement(By.cssSelector("select[name=kind] option[value=quote]")).click();
        browser.findElement(By.cssSelector("form.search button")).click();
        await("hits", () -> !browser.findElements(By.cssSelector("li.hit")).isEmpty());
        assertEquals(1, browser.findElements(By.cssSelector("li.hit")).size());
        assertEquals("kneel", browser.findElement(By.cssSelector("li.hit .snippet mark")).getText());
        assertTrue(browser.getCurrentUrl().contains("q=kneel") && browser.getCurrentUrl().contains("kind=quote"), browser.getCurrentUrl());
        screenshot("corpus-search.png");
        browser.findElement(By.cssSelector("li.hit a.to")).click();
        ready();
        int q3 = qi("q3");
        assertTrue(browser.getCurrentUrl().endsWith("#q-" + q3), browser.getCurrentUrl());
        WebElement card = browser.findElement(By.id("card-q-" + q3));
        await("the hit's quote chosen on arrival", card::isDisplayed);
        assertTrue(card.getText().contains("Nikolai Bukharin"), card.getText());
        await("the quote in view, not under the header", () -> Boolean.TRUE.equals(js("var r = document.getElementById('q-" + q3 + "').getBoundingClientRect(),"
                + " h = document.querySelector('header.top').getBoundingClientRect(); return r.top >= h.bottom && r.bottom <= window.innerHeight;")));
        screenshot("corpus-hit-opened.png");
        browser.get(server.url() + "people/davies");
        ready();
        assertEquals(2, browser.findElements(By.cssSelector("li.hit")).stream().filter(e -> e.getText().contains("speaker")).count());
        screenshot("corpus-person.png");
    }

    @Test void aPastedThreadLandsOnItsOwnUrl() throws IOException {
        browser.get(server.url() + "new");
        ready();
        browser.findElement(By.id("text")).sendKeys(UploadTest.THREAD);
        screenshot("open-thread-form.png");
        browser.findElement(By.cssSelector("form.open button")).click();
        await("the new thread's page", () -> browser.getCurrentUrl().matches(".*/threads/u-[0-9a-f]{20}$"));
        ready();
        assertEquals(2, browser.findElements(By.cssSelector("article.post")).size());
        assertTrue(browser.findElement(By.cssSelector("article.post .author")).getText().contains("Ruth Fischer"));
        String url = browser.getCurrentUrl();
        // The same text again: the same address.
        browser.get(server.url() + "new");
        ready();
        browser.findElement(By.id("text")).sendKeys(UploadTest.THREAD);
        browser.findElement(By.cssSelector("form.open button")).click();
        await("the same page again", () -> browser.getCurrentUrl().equals(url));
        screenshot("open-thread-result.png");
    }

    @Test void hostileUploadsRunNothing() throws IOException {
        String html = "<html><body><div class=\"post\"><div class=\"author\">Mallory<script>window.__pwned=20</script></div>"
                + "<blockquote onmouseover=\"window.__pwned=21\"><p>quoted <img src=x onerror=\"window.__pwned=22\"></p></blockquote>"
                + "<p><a href=\"javascript:window.__pwned=23\">link</a> " + WebFixtures.HOSTILE_BODY + "</p></div></body></html>";
        String[][] files = {{".html", html}, {".txt", ThreadPageTest.HOSTILE}};
        int n = 0;
        for (String[] f : files) {
            Path file = Files.createTempFile("hostile", f[0]);
            try {
                Files.writeString(file, f[1]);
                browser.get(server.url() + "new");
                ready();
                browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
                browser.findElement(By.cssSelector("form.open button")).click();
                await("the uploaded thread's page", () -> browser.getCurrentUrl().matches(".*/threads/u-[0-9a-f]{20}$"));
                ready();
                for (WebElement q : browser.findElements(By.cssSelector("main .q[data-q]"))) if (q.isDisplayed()) q.click();
                for (WebElement p : browser.findElements(By.cssSelector("article.post"))) new org.openqa.selenium.interactions.Actions(browser).moveToElement(p).perform();
                assertEquals("undefined", js("return typeof window.__pwned"));
                assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
                assertEquals(0, browser.findElements(By.cssSelector("main img, main svg, main iframe, main script, main a[href^='javascript']")).size());
                screenshot("upload-hostile-" + n++ + ".png");
            } finally {
                Files.deleteIfExists(file);
            }
        }
        // The text file's markup reads literally.
        assertTrue(browser.findElement(By.cssSelector("article.post .body")).getText().contains("<script>window.__pwned=1</script>"));
    }

    @Test void theSourcesPanelLinksCollapsedSources() throws IOException {
        open(annotatedId);
        WebElement item = browser.findElement(By.cssSelector("#sources ul.independence li"));
        assertTrue(item.getText().contains("one witness, not two"), item.getText());
        js("document.getElementById('sources').scrollIntoView()");
        screenshot("thread-sources.png");
    }

    // ---- the provenance graph

    /** Labels of the drawing that overlap one another, or that run out of their node's box (measured by the browser). */
    static String overlaps() {
        return (String) js("var out = [];"
                + "var ts = Array.from(document.querySelectorAll('svg.pg text')).map(function (t) { var b = t.getBBox(); return {t: t, x: b.x, y: b.y, w: b.width, h: b.height}; });"
                + "for (var i = 0; i < ts.length; i++) for (var j = i + 1; j < ts.length; j++) { var a = ts[i], b = ts[j];"
                + "  if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5 && a.t.parentNode !== b.t.parentNode && a.t.ownerSVGElement === b.t.ownerSVGElement)"
                + "    out.push(a.t.textContent + ' / ' + b.t.textContent); }"
                + "document.querySelectorAll('svg.pg .pg-node').forEach(function (n) { var r = n.querySelector('rect').getBBox(), l = n.querySelector('.pg-label').getBBox(), c = n.querySelector('.pg-count').getBBox();"
                + "  if (l.x + l.width > c.x - 2 || l.x < r.x || c.x + c.width > r.x + r.width) out.push('label out of its box: ' + n.querySelector('.pg-label').textContent); });"
                + "return out.slice(0, 10).join('; ');");
    }

    static void screenshotAt1400x900(String name) throws IOException {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        // The window's size includes what the browser draws around the page: make the page itself 1400 x 900.
        long inner = ((Number) js("return window.innerHeight")).longValue(), innerW = ((Number) js("return window.innerWidth")).longValue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension((int) (1400 + 1400 - innerW), (int) (900 + 900 - inner)));
        try {
            js("window.scrollTo(0, 0)");
            screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test void theSampleGraphGroupsTheKulikovPassagesAndLightsTheBukharinChain() throws IOException {
        Assumptions.assumeTrue(org.exhibit.Shared.has(Path.of("..", "shared", "samples", "show-trials-thread.txt")), "../shared/samples not present: skipping");
        Path sample = Path.of("..", "shared", "samples", "show-trials-thread.txt");
        ThreadStore one = new ThreadStore();
        one.addFiles(java.util.List.of(sample), "auto", m -> fail(m));
        com.fasterxml.jackson.databind.JsonNode ed = one.all().iterator().next().edition();
        // The passages that mention Kulikov, from the edition: the innermost attributed passage holding each mention.
        java.util.Set<Integer> kulikov = new java.util.TreeSet<>();
        for (com.fasterxml.jackson.databind.JsonNode e : ed.get("entities"))
            if (e.path("name").asText().equals("Kulikov"))
                for (com.fasterxml.jackson.databind.JsonNode m : e.get("mentions")) {
                    int best = -1, len = Integer.MAX_VALUE;
                    for (int i = 0; i < ed.get("quotes").size(); i++) {
                        com.fasterxml.jackson.databind.JsonNode q = ed.get("quotes").get(i);
                        if (q.path("kind").asText().equals("passage") && q.get("start").asInt() <= m.get("start").asInt() && m.get("end").asInt() <= q.get("end").asInt()
                                && q.get("end").asInt() - q.get("start").asInt() < len) { best = i; len = q.get("end").asInt() - q.get("start").asInt(); }
                    }
                    // The testimony about him (passages with a speaker), not the words of the article that quotes it.
                    if (best >= 0 && ed.get("quotes").get(best).path("speaker").isObject()) kulikov.add(best);
                }
        assertTrue(kulikov.size() >= 2, "the sample quotes Kulikov's confrontation more than once: " + kulikov);
        int bukharin = -1;
        for (int i = 0; i < ed.get("quotes").size() && bukharin < 0; i++) {
            com.fasterxml.jackson.databind.JsonNode q = ed.get("quotes").get(i);
            if (q.path("speaker").path("name").asText().contains("Bukharin") && q.path("via").size() == 2) bukharin = i;
        }
        assertTrue(bukharin >= 0, "the Bukharin passage inside the TLS review inside the article");
        try (WebServer s = WebServer.start(one, InetAddress.getLoopbackAddress(), 0)) {
            browser.get(s.url() + "threads/" + one.all().iterator().next().id());
            ready();
            assertEquals("", overlaps(), "labels overlap");
            // One group holds the sources of every Kulikov passage.
            @SuppressWarnings("unchecked")
            java.util.List<Object> holding = (java.util.List<Object>) js("var ks = arguments[0]; return Array.from(document.querySelectorAll('svg.pg .pg-group')).filter(function (g) {"
                    + " var members = g.getAttribute('data-members').split(' ');"
                    + " return ks.every(function (k) { return members.some(function (m) { return document.getElementById('pg-n-' + m).getAttribute('data-qs').split(' ').indexOf(String(k)) >= 0; }); });"
                    + "}).map(function (g) { return g.getAttribute('data-g'); });", new java.util.ArrayList<>(kulikov));
            assertEquals(1, holding.size(), "one group around the Kulikov passages' sources: " + holding);
            assertEquals(Boolean.TRUE, js("var g = document.querySelector('svg.pg .pg-group[data-g=\"' + arguments[0] + '\"]'), box = g.querySelector('.pg-box').getBBox();"
                    + "return g.getAttribute('data-members').split(' ').every(function (m) { var r = document.getElementById('pg-n-' + m).querySelector('rect').getBBox();"
                    + " return r.x >= box.x && r.y >= box.y && r.x + r.width <= box.x + box.width && r.y + r.height <= box.y + box.height; });", holding.get(0)),
                    "the group's box is drawn around its sources");
            screenshotAt1400x900("graph-sample.png");
            // Clicking the Bukharin passage lights its chain: four links, five nodes.
            WebElement quote = browser.findElement(By.id("q-" + bukharin));
            js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", quote);
            WebElement card = browser.findElement(By.id("card-q-" + bukharin));
            await("the Bukharin card", card::isDisplayed);
            assertEquals(4L, js("return document.querySelectorAll('svg.pg .pg-edge.lit').length"));
            String lit = (String) js("return Array.from(document.querySelectorAll('svg.pg .pg-node.lit title')).map(function (t) { return t.textContent; }).join(' | ')");
            assertEquals(5, lit.split(" \\| ").length, lit);
            assertTrue(lit.contains("Nikolai Bukharin") && lit.contains("Humbert-Droz") && lit.contains("Times Literary Supplement") && lit.contains("unnamed source")
                    && lit.contains("Cassius Clay"), lit);
            assertTrue(card.findElement(By.cssSelector("dd.path")).getText().startsWith("Nikolai Bukharin → memoirs of Jules Humbert-Droz →"), card.getText());
            js("document.getElementById('provenance').scrollIntoView()");
            screenshot("graph-sample-bukharin-path.png");
            // Hovering a source lights its passages in the text.
            WebElement kaganovich = browser.findElements(By.cssSelector("svg.pg .pg-node.k-speaker")).stream()
                    .filter(n -> n.findElement(By.cssSelector("title")).getAttribute("textContent").startsWith("Lazar Kaganovich")).findFirst().orElseThrow();
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(kaganovich).perform();
            await("Kaganovich's passages lit", () -> ((Number) js("return document.querySelectorAll('.q.gl').length")).intValue() > 0);
            long glowing = (Long) js("return new Set(Array.from(document.querySelectorAll('.q.gl')).map(function (e) { return e.getAttribute('data-q'); })).size");
            assertEquals(kaganovich.getAttribute("data-qs").split(" ").length, glowing);
            kaganovich.click();
            WebElement info = browser.findElement(By.id("pg-info-" + kaganovich.getAttribute("data-n")));
            await("the source's passages listed", info::isDisplayed);
            assertTrue(info.getText().contains("Lazar Kaganovich") && info.getText().contains("passages"), info.getText());
            assertEquals("undefined", js("return typeof window.__pwned"));
        }
    }

    @Test void aThreadOfAHundredPostsIsLegible() throws IOException {
        Path iac = Path.of("..", "shared", "dev", "iac", "iac-9196.txt");
        Assumptions.assumeTrue(org.exhibit.Shared.has(iac), "../shared/dev not present: skipping");
        ThreadStore one = new ThreadStore();
        one.addFiles(java.util.List.of(iac), "auto", m -> fail(m));
        try (WebServer s = WebServer.start(one, InetAddress.getLoopbackAddress(), 0)) {
            String id = one.all().iterator().next().id();
            browser.get(s.url() + "threads/" + id);
            ready();
            assertEquals("", overlaps(), "labels overlap");
            screenshotAt1400x900("graph-iac-9196.png");
            // A passage quoting an earlier post lights the reproduction from that post.
            String q = (String) js("var e = Array.from(document.querySelectorAll('svg.pg .pg-edge.k-reproduces')).find(function (e) { return e.getAttribute('data-qs') !== ''; });"
                    + "return e.getAttribute('data-qs').split(' ')[0];");
            js("var q = document.getElementById('q-' + arguments[0]); q.scrollIntoView({block: 'center'}); q.click();", q);
            await("the reproduction lit", () -> ((Number) js("return document.querySelectorAll('svg.pg .pg-edge.k-reproduces.lit').length")).intValue() >= 1);
            browser.get(s.url() + "threads/" + id + "/sources");
            ready();
            assertEquals("", overlaps(), "labels overlap");
            screenshotAt1400x900("graph-iac-9196-sources.png");
        }
    }
}
