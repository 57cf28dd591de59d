package org.exhibit.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * The index's field names and how text is analysed. One Lucene document per post and per quote; names, works
 * and text are analysed (lower-cased, accents folded, so "Wyszyński" finds "Wyszynski"); ids are exact.
 */
public final class Fields {
    public static final String ID = "id";           // path#post or path#quote: unique
    public static final String TYPE = "type";       // post | quote
    public static final String PATH = "path";
    public static final String POST = "post";
    public static final String QUOTE = "quote";
    public static final String AUTHOR = "author";   // the post's author (for a quote: who posted it)
    public static final String PUBLISHED = "published"; // ISO 8601 as the board gave it: ranges compare as strings
    /** The same value as doc values (sorted), for checking a date range on the few documents a query matches. */
    public static final String PUBLISHED_DV = "published_dv";
    public static final String SPEAKER = "speaker";
    public static final String WORK = "work";
    public static final String KIND = "kind";       // post | passage | scare | title
    public static final String PERSON = "person";   // people mentioned in the span
    public static final String TEXT = "text";
    public static final String BOARD = "board";     // the board or site of the document, exact
    public static final String BOARD_ID = "board_id"; // the board's own id of the post (stored only)
    public static final String URL = "url";         // the post's permalink on the board (stored only)

    /** Stored text with offsets in the postings, so the unified highlighter needs no re-analysis. */
    public static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);
    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private Fields() {}

    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new ASCIIFoldingFilter(ts);
                return new TokenStreamComponents(source, ts);
            }

            @Override protected TokenStream normalize(String field, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }
}
