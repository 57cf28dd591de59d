package org.exhibit.analysis.attribution;

import org.exhibit.analysis.reuse.ReuseFinder;
import org.exhibit.model.*;

/**
 * Attribution read off the reuse layer: a quote whose text reproduces most of an earlier post of the thread takes
 * that post as its source, and the post's author as its speaker when nothing else has named one. The evidence is
 * the earlier copy.
 */
final class ReusedPosts {
    private ReusedPosts() {}

    static void attribute(Document doc) {
        // the quotes of each post, in document order: a scan of every quote for each reuse pair was quadratic in the
        // posts of a board
        java.util.Map<String, java.util.List<Quote>> byPost = new java.util.HashMap<>();
        for (Quote c : doc.quotes()) if (c.post() != null) byPost.computeIfAbsent(c.post(), k -> new java.util.ArrayList<>()).add(c);
        for (Reuse r : doc.reuse()) {
            if (!r.kind().equals("verbatim") && !r.kind().equals("altered") || r.parts().size() != 2) continue;
            Span a = r.parts().get(0).span(), b = r.parts().get(1).span();
            Post pa = doc.postAt(a.start()), pb = doc.postAt(b.start());
            if (pa == null || pb == null || pa == pb) continue;
            Quote q = null;
            for (Quote c : byPost.getOrDefault(pb.id(), java.util.List.of()))
                if (c.span().overlap(b) * 2 > c.span().length()
                        && (q == null || c.span().length() < q.span().length())) q = c;
            if (q == null || !ReuseFinder.coversPost(doc, pa, a)) continue;
            if (q.sourcePost() == null) q.sourcePost(pa.id());
            if (q.speaker() == null && pa.author() != null)
                q.speaker(new Speaker(pa.author(), pa.author(), null, new Evidence(a, brief(doc.slice(a))), 0.9));
        }
    }

    private static String brief(String s) { return s.length() <= 200 ? s : s.substring(0, 200) + "…"; }
}
