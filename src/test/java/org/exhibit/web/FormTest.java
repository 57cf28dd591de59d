package org.exhibit.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** The form parser's reading of part headers and its boundary search (cases found by FormFuzzTest). */
class FormTest {
    private static Form multipart(String disposition, String value) {
        String body = "--xyz\r\nContent-Disposition: " + disposition + "\r\n\r\n" + value + "\r\n--xyz--\r\n";
        return Form.parse("multipart/form-data; boundary=xyz", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test void aQuotedNameMayHoldSemicolonsEqualsSignsAndBackslashes() {
        Form f = multipart("form-data; name=\"a ;filename=x\\\"; filename=\"report; name=b.txt\"", "hello");
        Form.Field field = f.get("a ;filename=x\\");
        assertNotNull(field, "the name runs to its closing quote");
        assertEquals("report; name=b.txt", field.filename());
        assertEquals("hello", field.string());
        assertNull(f.get("b.txt"));
    }

    @Test void parametersInAnyOrderAndUnquoted() {
        Form f = multipart("form-data; filename=\"n.txt\"; name=file", "x");
        assertEquals("n.txt", f.get("file").filename());
    }

    @Test void boundarySearchIsLinearOnSelfSimilarBytes() {
        byte[] hay = new byte[8 << 20];
        java.util.Arrays.fill(hay, (byte) '-');
        byte[] needle = ("--" + "-".repeat(998) + "x").getBytes(StandardCharsets.US_ASCII);
        long t0 = System.nanoTime();
        assertEquals(-1, Form.indexOf(hay, needle, 0));
        hay[hay.length - 1] = 'x';
        assertEquals(hay.length - needle.length, Form.indexOf(hay, needle, 0));
        // the naive search compares ~1000 bytes at each of 8 M positions (seconds); this one each byte about twice
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "boundary search took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
