package org.exhibit.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** JSON parsing for the JSON readers, with errors worded for the user. */
final class Json {
    /** Made on first use: a text file never needs it, and making one costs a cold start tens of milliseconds. */
    private static final class Mapper { static final ObjectMapper MAPPER = new ObjectMapper(); }
    private static final Pattern START = Pattern.compile("^\\s*(?:\\{|\\[\\s*[\\[{\"\\]])");
    /** "[1, 2]" is JSON but "[1]: http://..." (a Markdown link) or "[2003-07-27] ..." is not: these must parse. */
    private static final Pattern SCALAR_ARRAY = Pattern.compile("^\\s*\\[\\s*(?:[\\d-]|true|false|null)");

    private Json() {}

    /** True when the text starts like a JSON object or array (a BBCode "[quote]" does not). */
    static boolean looksLikeJson(String text) {
        String head = text.length() > 200 ? text.substring(0, 200) : text;
        if (START.matcher(head).lookingAt()) return true;
        if (!SCALAR_ARRAY.matcher(head).lookingAt()) return false;
        try {
            Mapper.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every top-level value: one for a JSON document, one per line for NDJSON. */
    static List<JsonNode> values(String text, String name) throws InputException {
        List<JsonNode> l = new ArrayList<>();
        try (MappingIterator<JsonNode> it = Mapper.MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) l.add(it.nextValue());
        } catch (JsonProcessingException e) {
            throw invalid(name, e);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read as JSON: " + e.getMessage());
        } catch (RuntimeException e) { // MappingIterator wraps parse errors
            if (e.getCause() instanceof JsonProcessingException j) throw invalid(name, j);
            throw e;
        }
        return l;
    }

    /** A streaming parser over the text, for readers that must not hold the whole tree. */
    static com.fasterxml.jackson.core.JsonParser parser(String text) throws IOException {
        return Mapper.MAPPER.getFactory().createParser(text);
    }

    /** The value the parser is at, as a tree (the parser moves past it). */
    static JsonNode value(com.fasterxml.jackson.core.JsonParser p) throws IOException {
        return Mapper.MAPPER.readTree(p);
    }

    /** One JSON document. */
    static JsonNode tree(String text, String name) throws InputException {
        List<JsonNode> l = values(text, name);
        if (l.size() != 1) throw new InputException(name + ": is not one JSON document (found " + l.size() + " top-level values)");
        return l.get(0);
    }

    static InputException invalid(String name, JsonProcessingException e) {
        String msg = e.getOriginalMessage().lines().findFirst().orElse("")
                .replaceAll("\\s*\\((?:for|start marker at) .*$", "");
        boolean eof = msg.contains("end-of-input");
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new InputException(name + ": is not valid JSON" + where + ": " + msg + (eof ? " (is the file truncated?)" : ""));
    }

    /** "a number", "an array", ... for messages. */
    static String kind(JsonNode n) {
        if (n == null || n.isMissingNode()) return "missing";
        if (n.isObject()) return n.isEmpty() ? "an empty object" : "an object with " + fields(n);
        if (n.isArray()) return "an array";
        if (n.isNumber()) return "a number";
        if (n.isTextual()) return "a string";
        if (n.isBoolean()) return "a boolean";
        return "null";
    }

    private static String fields(JsonNode n) {
        List<String> f = new ArrayList<>();
        n.fieldNames().forEachRemaining(k -> { if (f.size() < 4) f.add(k); });
        return "fields " + String.join(", ", f) + (n.size() > 4 ? ", ..." : "");
    }

    /** A text field, or null when absent, null or empty. */
    static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }
}
