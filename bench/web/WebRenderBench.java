package org.exhibit.web;
import org.exhibit.model.*;
import org.exhibit.web.*;
import java.util.*;
/** Renders a generated thread of N posts (5 quotes, 5 names, 5 dates each) and prints how long the page takes. */
public class WebRenderBench {
  public static void main(String[] a) throws Exception {
    StringBuilder sb = new StringBuilder();
    List<Post> posts = new ArrayList<>();
    int n = a.length > 0 ? Integer.parseInt(a[0]) : 500;
    for (int i = 0; i < n; i++) {
      int s = sb.length();
      sb.append("Vyshinsky said \"the accused Bukharin confessed in March 1938\" and Davies agreed in Moscow. ".repeat(5));
      posts.add(new Post("p" + i, "user" + i, "2003-07-27T12:08", new Span(s, sb.length())));
      sb.append("\n\n");
    }
    Document d = new Document(new Source("big.txt", "text", "x"), sb.toString(), posts);
    d.entities().add(new Entity("b", "Bukharin", EntityType.PERSON, null, null, List.of(), Map.of()));
    int q = 0;
    for (Post p : posts) for (int k = 0; k < 5; k++) {
      int base = p.body().start() + k * 89;
      d.quotes().add(new Quote("q" + q++, p.id(), new Span(base + 15, base + 60), QuoteKind.PASSAGE, Marker.DOUBLE, null, null));
      d.mentions().add(new Mention(new Span(base + 28, base + 36), "Bukharin", "b", EntityType.PERSON, "exact", 1));
      d.dates().add(new TimeExpression(new Span(base + 50, base + 60), "March 1938", "1938-03", null, null, null));
    }
    for (int i = 0; i < Integer.getInteger("reps", 3); i++) { long u = System.nanoTime(); String h = new ThreadPage("big", "big", org.exhibit.output.JsonWriter.toJson(d)).render(); System.out.printf("render #%d: %.0f ms (%d chars of HTML)%n", i + 1, (System.nanoTime() - u) / 1e6, h.length()); }
    ThreadStore st = new ThreadStore();
    st.add("big.txt", d);
    try (WebServer w = WebServer.start(st, java.net.InetAddress.getLoopbackAddress(), 0)) {
      var http = java.net.http.HttpClient.newHttpClient();
      long t0 = System.nanoTime();
      var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(w.url() + "threads/big")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      System.out.printf("posts=%d quotes=%d mentions=%d text=%d chars page=%d bytes status=%d over HTTP (first request) %.0f ms%n", n, d.quotes().size(), d.mentions().size(), d.text().length(), r.body().length(), r.statusCode(), (t1 - t0) / 1e6);
    }
  }
}
