package org.exhibit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The Spark job in local mode gives what the single-machine path gives, file for file. */
class CorpusJobTest {
    static SparkSession spark;
    @TempDir static Path tmp;

    @BeforeAll static void start() { spark = CorpusJob.session("local[2]"); }

    @AfterAll static void stop() throws Exception { if (spark != null) spark.close(); }

    @Test void analysesFilesAndNdjsonThreadsLikeTheSingleMachinePath() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        List<Path> threads;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/corpus"))) { threads = s.sorted().toList(); }
        for (Path t : threads) Files.copy(t, in.resolve(t.getFileName()));
        Files.write(in.resolve("broken.txt"), new byte[0]);
        // A dump of whole threads, one per line, and a line that is not JSON.
        StringBuilder dump = new StringBuilder();
        var mapper = JsonWriter.mapper();
        for (int i = 0; i < 2; i++) {
            String text = Files.readString(threads.get(i));
            dump.append(mapper.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(mapper.createObjectNode().put("id", "t" + i).put("text", text))).append('\n');
        }
        dump.append("{truncated\n");
        Files.writeString(in.resolve("dump.ndjson"), dump);

        Path out = tmp.resolve("out");
        CorpusJob.Summary s = CorpusJob.run(spark, List.of(in.toString()), out.toString(), 4);

        // Expected: each file and each dump record through Readers + Pipeline, as exhibit analyze does.
        Map<String, Document> expected = new HashMap<>();
        for (Path t : threads) {
            Document d = Pipeline.standard().run(Readers.read(in.resolve(t.getFileName()).toAbsolutePath().normalize(), "auto"));
            expected.put(d.source().path(), d);
        }
        for (int i = 0; i < 2; i++) {
            String name = in.resolve("dump.ndjson").toAbsolutePath().normalize() + "#t" + i;
            Document d = Pipeline.standard().run(Readers.read(name, Files.readAllBytes(threads.get(i)), "auto"));
            expected.put(name, d);
        }
        int posts = expected.values().stream().mapToInt(d -> d.posts().size()).sum();
        int quotes = expected.values().stream().mapToInt(d -> d.quotes().size()).sum();
        assertEquals(new CorpusJob.Summary(expected.size(), posts, quotes, 2, s.clusters()), s);

        List<Row> docs = spark.read().parquet(out + "/documents").collectAsList();
        assertEquals(expected.size(), docs.size());
        for (Row r : docs) {
            Document d = expected.get(r.getString(r.fieldIndex("path")));
            assertNotNull(d, r.toString());
            assertEquals(d.source().sha256(), r.getString(r.fieldIndex("sha256")));
            assertEquals(d.posts().size(), r.getInt(r.fieldIndex("post_count")));
        }
        assertEquals(posts, spark.read().parquet(out + "/posts").count());
        assertEquals(quotes, spark.read().parquet(out + "/quotes").count());
        assertEquals(posts, spark.read().parquet(out + "/posts").filter("author IS NOT NULL").count(), "every test post has an author");

        List<Row> failures = spark.read().parquet(out + "/failures").collectAsList();
        assertEquals(2, failures.size());
        assertTrue(failures.stream().anyMatch(r -> r.getString(0).endsWith("broken.txt") && r.getString(1).contains("broken.txt")), failures.toString());
        assertTrue(failures.stream().anyMatch(r -> r.getString(1).contains("dump.ndjson") && r.getString(1).contains("not JSON")), failures.toString());

        // The editions are the JSON editions of the same analysis, one per line.
        List<String> editions = spark.read().text(out + "/editions").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(expected.size(), editions.size());
        for (String e : editions) {
            JsonNode n = JsonWriter.mapper().readTree(e);
            Document d = expected.get(n.path("source").path("path").asText());
            assertEquals(JsonWriter.toJson(d), n);
        }
    }

    @Test void parquetRowsAreThreads() throws Exception {
        Path text = Path.of("src/test/resources/corpus/hastings-arrow.txt");
        var schema = new org.apache.spark.sql.types.StructType().add("id", "string").add("text", "string");
        List<Row> rows = List.of(org.apache.spark.sql.RowFactory.create("hastings", Files.readString(text)),
                org.apache.spark.sql.RowFactory.create("nothing", null));
        Path in = tmp.resolve("threads.parquet");
        spark.createDataFrame(rows, schema).write().parquet(in.toString());
        CorpusJob.Summary s = CorpusJob.run(spark, List.of(in.toString()), tmp.resolve("out3").toString(), 2);
        Document d = Pipeline.standard().run(Readers.read("x", Files.readAllBytes(text), "auto"));
        assertEquals(new CorpusJob.Summary(1, d.posts().size(), d.quotes().size(), 1, 0), s);
        Row doc = spark.read().parquet(tmp.resolve("out3") + "/documents").first();
        assertEquals(in.toAbsolutePath() + "#hastings", doc.getString(0));
    }

    @Test void commentLinesAreGroupedIntoThreads() throws Exception {
        Path in = tmp.resolve("comments");
        Files.createDirectories(in);
        Files.writeString(in.resolve("RC_2015-01.jsonl"), String.join("\n",
                "{\"link_id\":\"t3_a\",\"id\":\"c1\",\"author\":\"kulak\",\"created_utc\":1420070400,\"body\":\"Conquest's numbers are too high.\"}",
                "{\"link_id\":\"t3_b\",\"id\":\"c2\",\"author\":\"quill\",\"created_utc\":1420070500,\"body\":\"Taylor says 25,000.\"}",
                "{\"link_id\":\"t3_a\",\"id\":\"c3\",\"author\":\"mir\",\"created_utc\":1420070600,\"body\":\"Which edition?\"}", ""));
        CorpusJob.Summary s = CorpusJob.run(spark, List.of(in.toString()), tmp.resolve("out2").toString(), 2);
        assertEquals(2, s.documents(), "two threads: t3_a and t3_b");
        assertEquals(0, s.failures());
        List<Row> docs = spark.read().parquet(tmp.resolve("out2") + "/documents").orderBy("path").collectAsList();
        assertTrue(docs.get(0).getString(0).endsWith("RC_2015-01.jsonl#t3_a"));
        assertTrue(docs.get(1).getString(0).endsWith("RC_2015-01.jsonl#t3_b"));
    }

    @Test void aDumpOfOneThreadIsNamedAsIngestNamesIt() throws Exception {
        // comments with no thread key, or all of one thread: exhibit ingest reads the file whole, under its own name
        Path in = tmp.resolve("single");
        Files.createDirectories(in);
        Files.writeString(in.resolve("board-17.ndjson"), String.join("\n",
                "{\"id\":\"1\",\"author\":\"kulak\",\"created_utc\":1420070400,\"body\":\"Conquest's numbers are too high.\"}",
                "{\"id\":\"2\",\"author\":\"quill\",\"created_utc\":1420070500,\"body\":\"Taylor says 25,000.\",\"parent_id\":\"1\"}", ""));
        Files.writeString(in.resolve("board-18.ndjson"), String.join("\n",
                "{\"link_id\":\"t3_z\",\"id\":\"c1\",\"author\":\"mir\",\"created_utc\":1420070600,\"body\":\"Which edition?\"}", ""));
        CorpusJob.run(spark, List.of(in.toString()), tmp.resolve("out4").toString(), 2, false);
        List<String> names = new java.util.ArrayList<>();
        for (Row r : spark.read().parquet(tmp.resolve("out4") + "/documents").orderBy("path").collectAsList()) names.add(r.getString(0));
        assertEquals(List.of(in.resolve("board-17.ndjson").toAbsolutePath().normalize().toString(),
                in.resolve("board-18.ndjson").toAbsolutePath().normalize().toString()), names);
        Path db = tmp.resolve("single-db");
        assertEquals(0, org.exhibit.cli.Exhibit.commandLine().execute("ingest", "-q", "--db", db.toString(), in.toString()));
        try (var st = org.exhibit.store.Store.open(org.exhibit.store.StoreTarget.parse(db.toString()), false)) {
            assertEquals(names, st.paths().stream().sorted().toList(), "the same names as exhibit ingest");
        }
    }
}
