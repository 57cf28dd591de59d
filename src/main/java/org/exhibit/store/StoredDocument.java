package org.exhibit.store;

import java.util.List;

/** What the store holds for one file version, as rows: what the full-text index is built from. */
public record StoredDocument(String path, String sha256, long seq, List<PostRow> posts, List<QuoteRow> quotes,
                             List<MentionRow> mentions, String board) {
    public StoredDocument(String path, String sha256, long seq, List<PostRow> posts, List<QuoteRow> quotes, List<MentionRow> mentions) {
        this(path, sha256, seq, posts, quotes, mentions, null);
    }

    /** A post's row: {@code id} as in the edition, {@code boardId} and {@code url} the board's own where the input gave them. */
    public record PostRow(String id, String author, String published, int start, int end, String text, String boardId, String url) {
        public PostRow(String id, String author, String published, int start, int end, String text) {
            this(id, author, published, start, end, text, null, null);
        }
    }

    public record QuoteRow(String id, String post, String kind, String speaker, String work, int start, int end,
                           String text) {}

    public record MentionRow(String entity, String name, String type, int start, int end) {}
}
