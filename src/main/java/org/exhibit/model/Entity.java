package org.exhibit.model;

import java.util.List;
import java.util.Map;

/** A person, place or organisation, as the authority file (or a corpus cluster) knows it. */
public record Entity(String id, String name, EntityType type, String years, String role, List<String> variants,
                     Map<String, String> ids) {}
