package org.exhibit.analysis.quotes;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quotation-mark scanner and pairer on any text and any sub-range: marks lie in the range, in order and
 * without overlap; each pair opens before it closes, uses each mark once, and pairs never cross.
 * Seeds: src/test/resources/org/exhibit/analysis/quotes/QuoteMarksFuzzTestInputs/scanAndPair/.
 */
class QuoteMarksFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u2039", "\u203a", "''", "``", "QUOTE", "s' "})
    void scanAndPair(FuzzedDataProvider data) {
        int cut1 = data.consumeInt(0, 1 << 16), cut2 = data.consumeInt(0, 1 << 16);
        String text = data.consumeRemainingAsString();
        int from = Math.min(cut1, text.length()), to = Math.max(from, text.length() - Math.min(cut2, text.length()));
        List<QuoteMarks.Mark> marks = QuoteMarks.scan(text, from, to);
        int last = from;
        for (QuoteMarks.Mark m : marks) {
            if (m.pos() < last || m.end() > to || m.len() < 1)
                throw new AssertionError("mark " + m + " outside [" + last + ", " + to + ")");
            if (!m.canOpen() && !m.canClose()) throw new AssertionError("mark can neither open nor close: " + m);
            if (!text.startsWith(m.mark(), m.pos())) throw new AssertionError("mark text differs: " + m);
            last = m.end();
        }
        List<QuoteMarks.Pair> pairs = QuoteMarks.pair(marks);
        Set<QuoteMarks.Mark> used = new HashSet<>();
        for (QuoteMarks.Pair p : pairs) {
            if (p.open().pos() >= p.close().pos()) throw new AssertionError("pair closes before it opens: " + p);
            if (!used.add(p.open()) || !used.add(p.close())) throw new AssertionError("mark used twice: " + p);
            if (!QuoteMarks.compatible(p.open().mark(), p.close().mark())) throw new AssertionError("incompatible pair " + p);
        }
        for (QuoteMarks.Pair a : pairs)
            for (QuoteMarks.Pair b : pairs) {
                int as = a.open().pos(), ae = a.close().end(), bs = b.open().pos(), be = b.close().end();
                if (as < bs && bs < ae && ae < be) throw new AssertionError("pairs cross: " + a + " and " + b);
            }
        for (QuoteMarks.Mark m : QuoteMarks.unclosed(marks))
            if (!m.canOpen() || used.contains(m)) throw new AssertionError("unclosed mark was closed or cannot open: " + m);
        QuoteMarks.scanStrict(text, from, to);
    }
}
