package org.exhibit.read;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * How a comment dump is cut into threads, shared by {@code exhibit ingest} and the Spark job: a comment belongs to
 * the thread named by its {@code link_id}, {@code thread_id}, {@code topic_id} or {@code submission_id}; a record
 * with a {@code text} field and none of these is a whole thread of its own.
 */
public final class ThreadKeys {
    public static final List<String> KEYS = List.of("link_id", "thread_id", "topic_id", "submission_id");
    /** The group of comments that name no thread. */
    public static final String NO_THREAD = "(no thread)";
    /** The group of lines that are not JSON objects. */
    public static final String NOT_JSON = "(not json)";

    private ThreadKeys() {}

    /** Files read line by line as dumps: {@code .ndjson} or {@code .jsonl}, plain or compressed. */
    public static boolean isDump(String name) {
        return name.toLowerCase(Locale.ROOT).matches(".*\\.(ndjson|jsonl)(\\.gz|\\.bz2|\\.zst|\\.zstd)?$");
    }

    /** The thread a comment belongs to, or null when it names none. */
    public static String thread(JsonNode o) {
        if (o == null || !o.isObject()) return null;
        for (String k : KEYS) if (o.hasNonNull(k)) return o.get(k).asText();
        return null;
    }

    /** True for a whole-thread record: {@code {"id": ..., "text": "...", "format": ...}} with no thread key. */
    public static boolean isWholeThread(JsonNode o) {
        return o != null && o.isObject() && thread(o) == null && o.path("text").isTextual();
    }

    /** The id of a whole-thread record: its id, else its path, else a hash of the line. */
    public static String recordId(JsonNode o, String line) {
        return o.hasNonNull("id") ? o.get("id").asText() : o.hasNonNull("path") ? o.get("path").asText() : Integer.toHexString(line.hashCode());
    }

    /** The format a whole-thread record asks for, or "auto". */
    public static String recordFormat(JsonNode o) {
        return o.path("format").isTextual() ? o.get("format").asText() : "auto";
    }
}
