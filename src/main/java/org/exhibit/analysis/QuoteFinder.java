package org.exhibit.analysis;

import org.exhibit.model.Document;

public final class QuoteFinder implements Stage {
    @Override public String name() { return "quotes"; }
    @Override public void apply(Document doc) {}
}
