package org.exhibit.spark;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;
import org.apache.spark.sql.Row;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What corpus reuse needs of a document, small enough to ship between executors: name, text, posts (char offsets). */
public record ReuseDoc(String name, String text, String[] posts, String[] published, int[] starts, int[] ends) implements Serializable {
    public static ReuseDoc of(Document doc) {
        int n = doc.posts().size();
        String[] ids = new String[n], pub = new String[n];
        int[] s = new int[n], e = new int[n];
        for (int i = 0; i < n; i++) {
            Post p = doc.posts().get(i);
            ids[i] = p.id();
            pub[i] = p.published();
            s[i] = p.body().start();
            e[i] = p.body().end();
        }
        return new ReuseDoc(doc.source().path(), doc.text(), ids, pub, s, e);
    }

    /** From the job's rows: the text of the JSON edition and the post rows (offsets in code points). */
    static ReuseDoc of(String name, String text, List<Row> postRows) {
        int n = postRows.size();
        String[] ids = new String[n], pub = new String[n];
        int[] s = new int[n], e = new int[n];
        for (int i = 0; i < n; i++) {
            Row r = postRows.get(i);
            ids[i] = r.getString(1);
            pub[i] = r.isNullAt(4) ? null : r.getString(4);
            s[i] = charOffset(text, r.getInt(6));
            e[i] = charOffset(text, r.getInt(7));
        }
        return new ReuseDoc(name, text, ids, pub, s, e);
    }

    private static int charOffset(String text, int cp) {
        try {
            return text.offsetByCodePoints(0, cp);
        } catch (IndexOutOfBoundsException ex) {
            return text.length();
        }
    }

    public Document document() {
        List<Post> ps = new ArrayList<>();
        for (int i = 0; i < posts.length; i++) ps.add(new Post(posts[i], null, published[i], new Span(starts[i], ends[i])));
        return new Document(new Source(name, "stored", null), text, ps);
    }
}
