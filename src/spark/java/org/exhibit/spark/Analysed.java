package org.exhibit.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.Speaker;
import org.exhibit.model.Work;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One input analysed on an executor with the same readers and pipeline as {@code exhibit analyze} and
 * {@code exhibit ingest}, as rows whose columns match the corpus store's tables.
 */
public final class Analysed implements Serializable {
    public static final StructType DOCUMENTS = new StructType()
            .add("path", DataTypes.StringType, false).add("sha256", DataTypes.StringType, false)
            .add("format", DataTypes.StringType, false).add("bytes", DataTypes.LongType, false)
            .add("post_count", DataTypes.IntegerType, false).add("quote_count", DataTypes.IntegerType, false);
    public static final StructType POSTS = new StructType()
            .add("path", DataTypes.StringType, false).add("post_id", DataTypes.StringType, false)
            .add("ord", DataTypes.IntegerType, false).add("author", DataTypes.StringType)
            .add("published", DataTypes.StringType).add("reply_to", DataTypes.StringType)
            .add("start_cp", DataTypes.IntegerType, false).add("end_cp", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false);
    public static final StructType QUOTES = new StructType()
            .add("path", DataTypes.StringType, false).add("quote_id", DataTypes.StringType, false)
            .add("ord", DataTypes.IntegerType, false).add("post_id", DataTypes.StringType)
            .add("parent_id", DataTypes.StringType).add("kind", DataTypes.StringType, false)
            .add("marker", DataTypes.StringType, false).add("markup_name", DataTypes.StringType)
            .add("speaker", DataTypes.StringType).add("speaker_entity", DataTypes.StringType)
            .add("work_title", DataTypes.StringType).add("work_author", DataTypes.StringType)
            .add("work_year", DataTypes.IntegerType).add("work_pages", DataTypes.StringType)
            .add("source_post", DataTypes.StringType)
            .add("start_cp", DataTypes.IntegerType, false).add("end_cp", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, false);
    public static final StructType FAILURES = new StructType()
            .add("path", DataTypes.StringType, false).add("message", DataTypes.StringType, false);

    public final Row document;   // null when the input failed
    public final String edition; // the JSON edition, one line
    public final List<Row> posts;
    public final List<Row> quotes;
    public final Row failure;    // null when it was read

    private Analysed(Row document, String edition, List<Row> posts, List<Row> quotes, Row failure) {
        this.document = document;
        this.edition = edition;
        this.posts = posts;
        this.quotes = quotes;
        this.failure = failure;
    }

    /** Reads and analyses one input; a bad input becomes a failure row, never an exception. */
    public static Analysed of(String name, byte[] bytes, String format) {
        Document doc;
        try {
            doc = Readers.read(name, bytes, format == null ? "auto" : format);
            Pipeline.standard().run(doc);
        } catch (InputException e) {
            return failed(name, e.getMessage());
        } catch (RuntimeException e) {
            return failed(name, name + ": analysis failed: " + e);
        }
        String path = doc.source().path();
        List<Row> posts = new ArrayList<>();
        int ord = 0;
        for (Post p : doc.posts())
            posts.add(RowFactory.create(path, p.id(), ord++, p.author(), p.published(), p.replyTo(),
                    doc.codePoint(p.body().start()), doc.codePoint(p.body().end()), doc.slice(p.body())));
        List<Row> quotes = new ArrayList<>();
        ord = 0;
        for (Quote q : doc.quotesInOrder()) {
            Speaker s = q.speaker();
            Work w = q.work();
            quotes.add(RowFactory.create(path, q.id(), ord++, q.post(), q.parent(), q.kind().json(), q.marker().label(),
                    q.markupName(), s == null ? null : s.name() != null ? s.name() : s.asWritten(), s == null ? null : s.entity(),
                    w == null ? null : w.title(), w == null ? null : w.author(), w == null ? null : w.year(),
                    w == null ? null : w.pages(), q.sourcePost(),
                    doc.codePoint(q.span().start()), doc.codePoint(q.span().end()), q.text(doc)));
        }
        Row document = RowFactory.create(path, doc.source().sha256(), doc.source().format(), (long) bytes.length,
                doc.posts().size(), doc.quotes().size());
        return new Analysed(document, edition(doc), posts, quotes, null);
    }

    static Analysed failed(String name, String message) {
        return new Analysed(null, null, List.of(), List.of(), RowFactory.create(name, message));
    }

    private static String edition(Document doc) {
        try {
            return JsonWriter.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(JsonWriter.toJson(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
