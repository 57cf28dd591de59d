package org.exhibit.index;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A date range on {@link Fields#PUBLISHED} (ISO strings, compared as the index compares terms). Over the index
 * it is a term range, which visits every distinct timestamp in the range (tens of thousands on a board); when the
 * rest of the query matches few documents, Lucene instead checks those documents one by one
 * ({@link IndexOrDocValuesQuery}): by the doc values of {@link Fields#PUBLISHED_DV} where a segment has them, else
 * by the stored value.
 */
final class PublishedFilter extends Query {
    private final BytesRef lower, upper; // inclusive; null is open

    private PublishedFilter(String lower, String upper) {
        this.lower = lower == null ? null : new BytesRef(lower);
        this.upper = upper == null ? null : new BytesRef(upper);
    }

    /** The filter for published in [lower, upper] (either may be null). */
    static Query range(String lower, String upper) {
        return new IndexOrDocValuesQuery(TermRangeQuery.newStringRange(Fields.PUBLISHED, lower, upper, true, true), new PublishedFilter(lower, upper));
    }

    boolean inside(BytesRef v) {
        return v != null && (lower == null || v.compareTo(lower) >= 0) && (upper == null || v.compareTo(upper) <= 0);
    }

    @Override public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override public Scorer scorer(LeafReaderContext context) throws IOException {
                LeafReader leaf = context.reader();
                DocIdSetIterator all = DocIdSetIterator.all(leaf.maxDoc());
                FieldInfo dvInfo = leaf.getFieldInfos().fieldInfo(Fields.PUBLISHED_DV);
                TwoPhaseIterator check;
                if (dvInfo != null) {
                    SortedDocValues dv = leaf.getSortedDocValues(Fields.PUBLISHED_DV);
                    if (dv == null) return null;
                    check = new TwoPhaseIterator(all) {
                        @Override public boolean matches() throws IOException {
                            return dv.advanceExact(all.docID()) && inside(dv.lookupOrd(dv.ordValue()));
                        }
                        @Override public float matchCost() { return 10; }
                    };
                } else {
                    StoredFields stored = leaf.storedFields();
                    check = new TwoPhaseIterator(all) {
                        @Override public boolean matches() throws IOException {
                            Visitor v = new Visitor();
                            stored.document(all.docID(), v);
                            return inside(v.value);
                        }
                        @Override public float matchCost() { return 1000; }
                    };
                }
                return new ConstantScoreScorer(this, score(), scoreMode, check);
            }

            @Override public boolean isCacheable(LeafReaderContext ctx) { return true; }
        };
    }

    /** Reads the stored published value and stops there. */
    private static final class Visitor extends StoredFieldVisitor {
        BytesRef value;

        @Override public Status needsField(FieldInfo f) { return value != null ? Status.STOP : f.name.equals(Fields.PUBLISHED) ? Status.YES : Status.NO; }

        @Override public void stringField(FieldInfo f, String v) { value = new BytesRef(v.getBytes(StandardCharsets.UTF_8)); }
    }

    @Override public void visit(QueryVisitor visitor) { if (visitor.acceptField(Fields.PUBLISHED)) visitor.visitLeaf(this); }

    @Override public String toString(String field) { return "published-check:[" + lower + " TO " + upper + "]"; }

    @Override public boolean equals(Object o) {
        return o instanceof PublishedFilter p && Objects.equals(lower, p.lower) && Objects.equals(upper, p.upper);
    }

    @Override public int hashCode() { return Objects.hash(lower, upper); }
}
