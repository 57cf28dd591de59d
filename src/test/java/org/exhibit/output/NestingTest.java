package org.exhibit.output;

import org.junit.jupiter.api.Test;

import java.util.*;

import static org.junit.jupiter.api.Assertions.*;

class NestingTest {
    /** Random overlapping spans: the tree is properly nested and the pieces of each span cover exactly that span. */
    @Test
    void randomSpansNestAndPiecesCoverTheirSpan() {
        for (int seed = 0; seed < 300; seed++) {
            Random rnd = new Random(seed);
            Nesting<String> n = new Nesting<>(100, (p, c) -> true);
            List<Nesting.Node<String>> spans = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(25); i++) {
                int s = rnd.nextInt(100), e = s + rnd.nextInt(100 - s + 1);
                Nesting.Node<String> node = new Nesting.Node<>(s, e, "s" + i, false);
                spans.add(node);
                n.insert(node);
            }
            Map<Nesting.Node<String>, List<int[]>> pieces = new HashMap<>();
            check(n.root, pieces, "seed " + seed);
            assertTrue(n.dropped.isEmpty());
            for (Nesting.Node<String> s : spans) {
                List<int[]> ps = pieces.get(s);
                assertNotNull(ps, "seed " + seed + " span " + s.tag);
                ps.sort(Comparator.comparingInt(a -> a[0]));
                int at = s.start;
                for (int[] p : ps) { assertEquals(at, p[0], "seed " + seed + " contiguous pieces of " + s.tag); at = p[1]; }
                assertEquals(s.end, at, "seed " + seed + " pieces of " + s.tag + " reach its end");
            }
        }
    }

    private static void check(Nesting.Node<String> node, Map<Nesting.Node<String>, List<int[]>> pieces, String where) {
        if (node.tag != null) pieces.computeIfAbsent(node.origin, k -> new ArrayList<>()).add(new int[]{node.start, node.end});
        int prevEnd = node.start;
        for (Nesting.Node<String> c : node.children) {
            assertTrue(c.start >= prevEnd && c.end <= node.end && c.start <= c.end, where + ": children inside and disjoint");
            prevEnd = c.end;
            check(c, pieces, where);
        }
    }

    @Test
    void forbiddenChildDropsTheOuterSpanAndContainersCutIt() {
        Nesting<String> n = new Nesting<>(50, (p, c) -> !(p.equals("date") && c.equals("quote")) && !c.equals("post"));
        n.insert(new Nesting.Node<>(0, 20, "post", true));
        n.insert(new Nesting.Node<>(20, 50, "post", true));
        n.insert(new Nesting.Node<>(5, 10, "quote", false));
        Nesting.Node<String> date = new Nesting.Node<>(3, 12, "date", false);
        n.insert(date);
        n.insert(new Nesting.Node<>(15, 25, "name", false));
        assertEquals(List.of(date), n.dropped);
        Nesting.Node<String> first = n.root.children.get(0), second = n.root.children.get(1);
        assertEquals("quote", first.children.get(0).tag);
        assertEquals(15, first.children.get(1).start);
        assertEquals(20, first.children.get(1).end);
        assertEquals(20, second.children.get(0).start);
        assertEquals(25, second.children.get(0).end);
        assertSame(first.children.get(1).origin, second.children.get(0).origin);
    }
}
