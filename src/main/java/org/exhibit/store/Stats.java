package org.exhibit.store;

import java.util.List;
import java.util.Map;

/** Counts over a store, for {@code exhibit stats}. */
public record Stats(long documents, long bytes, long posts, long quotes, Map<String, Long> quotesByKind,
                    long failures, List<Count> topSpeakers, List<Count> topWorks, List<Count> topAuthors) {
    public record Count(String name, long count) {}
}
