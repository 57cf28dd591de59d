package org.exhibit.analysis;

import org.exhibit.authority.Authority;

/**
 * What an analysis is run with. {@code authority} is the list people, places and organisations are resolved
 * against (null: {@link Authority#current()}, the built-in file extended by $EXHIBIT_AUTHORITY or
 * {@code --authority}). Input limits (size, posts, nesting, line length) are process-wide settings, see
 * {@link org.exhibit.Limits}.
 */
public record AnalysisConfig(Authority authority) {
    public static final AnalysisConfig DEFAULT = new AnalysisConfig(null);
}
