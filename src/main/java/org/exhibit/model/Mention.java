package org.exhibit.model;

/**
 * A span naming an entity. {@code how} says how it was resolved (exact, variant, transliteration, phonetic,
 * edit-distance, derived, description, context) so readers can judge it.
 */
public record Mention(Span span, String text, String entity, EntityType type, String how, double confidence) {}
