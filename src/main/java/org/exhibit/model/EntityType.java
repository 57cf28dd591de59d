package org.exhibit.model;

public enum EntityType {
    PERSON, PLACE, ORGANISATION;

    public String json() { return name().toLowerCase(); }
}
