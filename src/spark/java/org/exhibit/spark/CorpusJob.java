package org.exhibit.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.exhibit.read.ThreadKeys;
import scala.Tuple2;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The corpus analysis on Apache Spark: every thread file (any format Exhibit reads) and every thread in NDJSON
 * dumps is analysed in parallel with the same code as {@code exhibit ingest}; the job writes the JSON editions
 * (JSON Lines) and Parquet tables documents, posts, quotes and failures, with the store's column names.
 *
 * <p>NDJSON lines are either whole threads ({@code {"id": ..., "text": "...", "format": "bbcode"}}) or comments
 * (Reddit/Pushshift, Discourse exports) grouped into threads by {@code link_id}, {@code thread_id},
 * {@code topic_id} or {@code submission_id} within each dump file; a comment group is read as one NDJSON file.
 * Parquet inputs ({@code *.parquet}) hold one thread per row: a {@code text} column, optional {@code id} (or
 * {@code path}) and {@code format}.
 */
public final class CorpusJob {
    static final List<String> THREAD_KEYS = ThreadKeys.KEYS;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Summary(long documents, long posts, long quotes, long failures, long clusters) {}

    /** The reuse table's columns, as in the store: one row per witness of a cluster. */
    static final org.apache.spark.sql.types.StructType REUSE = new org.apache.spark.sql.types.StructType()
            .add("cluster", org.apache.spark.sql.types.DataTypes.LongType).add("path", org.apache.spark.sql.types.DataTypes.StringType)
            .add("post_id", org.apache.spark.sql.types.DataTypes.StringType).add("published", org.apache.spark.sql.types.DataTypes.StringType)
            .add("start_cp", org.apache.spark.sql.types.DataTypes.IntegerType).add("end_cp", org.apache.spark.sql.types.DataTypes.IntegerType)
            .add("text", org.apache.spark.sql.types.DataTypes.StringType).add("earliest", org.apache.spark.sql.types.DataTypes.BooleanType);

    private CorpusJob() {}

    public static void main(String[] args) throws Exception {
        String out = null, master = null;
        int partitions = 0;
        boolean reuse = true;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = args[++i];
                case "--master" -> master = args[++i];
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--no-reuse" -> reuse = false;
                case "-h", "--help" -> { usage(); return; }
                default -> inputs.add(args[i]);
            }
        }
        if (out == null || inputs.isEmpty()) { usage(); System.exit(2); }
        long t0 = System.nanoTime();
        try (SparkSession spark = session(master)) {
            Summary s = run(spark, inputs, out, partitions, reuse);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "spark: %d documents, %d posts, %d quotes, %d failed, %d reuse clusters in %.1f s (%.0f posts/s) -> %s%n",
                    s.documents(), s.posts(), s.quotes(), s.failures(), s.clusters(), secs, s.posts() / secs, out);
        }
    }

    private static void usage() {
        System.err.println("usage: CorpusJob --out DIR [--master URL] [--partitions N] [--no-reuse] FILE|DIR|NDJSON...");
    }

    /** A session for a spark-submit run, or a local one on loopback when no master is configured. */
    public static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("exhibit-corpus");
        String m = master != null ? master : System.getProperty("spark.master");
        if (m == null) m = "local[*]";
        b.master(m);
        if (m.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8");
        }
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    public static Summary run(SparkSession spark, List<String> inputs, String out, int partitions) throws IOException {
        return run(spark, inputs, out, partitions, true);
    }

    /** Analyses the inputs and, with {@code reuse}, finds the passages shared between them ({@code OUT/reuse}). */
    public static Summary run(SparkSession spark, List<String> inputs, String out, int partitions, boolean reuse) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> files = new ArrayList<>(), ndjson = new ArrayList<>(), parquet = new ArrayList<>();
        for (String in : inputs) {
            if (in.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet")) parquet.add(in);
            else classify(in, files, ndjson);
        }
        int parts = partitions > 0 ? partitions : sc.defaultParallelism() * 2;

        JavaRDD<Analysed> analysed = sc.emptyRDD();
        if (!files.isEmpty()) {
            JavaPairRDD<String, PortableDataStream> bin = sc.binaryFiles(String.join(",", files), parts);
            analysed = analysed.union(bin.map(t -> Analysed.of(localName(t._1()), t._2().toArray(), "auto")));
        }
        if (!ndjson.isEmpty()) {
            Dataset<Row> lines = spark.read().text(ndjson.toArray(String[]::new)).withColumn("file", functions.input_file_name());
            JavaPairRDD<String, Tuple2<String, String>> byFile = lines.javaRDD()
                    .filter(r -> !r.getString(0).isBlank())
                    .mapToPair(r -> {
                        String file = localName(r.getString(1));
                        return new Tuple2<>(file, key(file, r.getString(0)));
                    });
            // A dump that holds the comments of one thread only is one document named as the file, as 'exhibit
            // ingest' names it (Dumps.split reads such a file whole): same names, same document order for reuse.
            java.util.Map<String, String> whole = new java.util.HashMap<>();
            for (var e : byFile.mapValues(k -> k._2().charAt(0) == 'T' ? "T" : k._1()).distinct().groupByKey().collectAsMap().entrySet()) {
                java.util.Iterator<String> it = e.getValue().iterator();
                String only = it.next();
                if (!it.hasNext() && !only.equals("T")) whole.put(only, e.getKey());
            }
            JavaPairRDD<String, String> keyed = byFile.mapToPair(Tuple2::_2);
            analysed = analysed.union(keyed.groupByKey(parts).flatMap(g -> threads(whole.getOrDefault(g._1(), g._1()), g._2()).iterator()));
        }
        for (String in : parquet) {
            Dataset<Row> rows = spark.read().parquet(in);
            List<String> cols = List.of(rows.columns());
            if (!cols.contains("text")) throw new IOException(in + ": has no 'text' column (one thread per row: text, and optionally id and format)");
            String id = cols.contains("id") ? "id" : cols.contains("path") ? "path" : null;
            String name = localName(in);
            Dataset<Row> sel = rows.select(functions.col("text"), id == null ? functions.monotonically_increasing_id().cast("string") : functions.col(id).cast("string"),
                    cols.contains("format") ? functions.col("format") : functions.lit("auto"));
            analysed = analysed.union(sel.javaRDD().map(r -> r.isNullAt(0)
                    ? Analysed.failed(name + "#" + r.getString(1), name + "#" + r.getString(1) + ": has no text")
                    : Analysed.of(name + "#" + r.getString(1), r.getString(0).getBytes(StandardCharsets.UTF_8), r.isNullAt(2) ? "auto" : r.getString(2))));
        }
        analysed = analysed.persist(StorageLevel.MEMORY_AND_DISK());

        spark.createDataFrame(analysed.filter(a -> a.document != null).map(a -> a.document), Analysed.DOCUMENTS)
                .write().mode(SaveMode.Overwrite).parquet(out + "/documents");
        spark.createDataFrame(analysed.flatMap(a -> a.posts.iterator()), Analysed.POSTS)
                .write().mode(SaveMode.Overwrite).parquet(out + "/posts");
        spark.createDataFrame(analysed.flatMap(a -> a.quotes.iterator()), Analysed.QUOTES)
                .write().mode(SaveMode.Overwrite).parquet(out + "/quotes");
        spark.createDataFrame(analysed.filter(a -> a.failure != null).map(a -> a.failure), Analysed.FAILURES)
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(out + "/failures");
        spark.createDataset(analysed.filter(a -> a.edition != null).map(a -> a.edition).rdd(), Encoders.STRING())
                .write().mode(SaveMode.Overwrite).text(out + "/editions");

        long[] n = analysed.map(a -> new long[]{a.document != null ? 1 : 0, a.posts.size(), a.quotes.size(), a.failure != null ? 1 : 0})
                .fold(new long[4], (x, y) -> new long[]{x[0] + y[0], x[1] + y[1], x[2] + y[2], x[3] + y[3]});
        long clusters = reuse ? reuse(spark, analysed, out) : 0;
        analysed.unpersist();
        return new Summary(n[0], n[1], n[2], n[3], clusters);
    }

    /**
     * Corpus reuse over the analysed documents, numbered in name order, with {@link SparkReuse}; the clusters go
     * to {@code OUT/reuse} with the store's reuse columns. Returns how many clusters.
     */
    static long reuse(SparkSession spark, JavaRDD<Analysed> analysed, String out) {
        JavaPairRDD<Long, ReuseDoc> docs = analysed.filter(a -> a.document != null && a.edition != null)
                .map(a -> ReuseDoc.of(a.document.getString(0), JSON.readTree(a.edition).path("text").asText(""), a.posts))
                .sortBy(ReuseDoc::name, true, Math.max(1, analysed.getNumPartitions()))
                .zipWithIndex().mapToPair(t -> new Tuple2<>(t._2(), t._1()));
        List<org.exhibit.analysis.reuse.CorpusReuse.Cluster> clusters = SparkReuse.clusters(SparkReuse.run(spark, docs, new org.exhibit.analysis.reuse.CorpusReuse(List.of())));
        List<Row> rows = new ArrayList<>();
        long id = 0;
        for (var c : clusters) {
            id++;
            for (var w : c.witnesses())
                rows.add(org.apache.spark.sql.RowFactory.create(id, w.document(), w.post(), w.published(), w.start(), w.end(), w.text(), w == c.earliest()));
        }
        spark.createDataFrame(rows, REUSE).coalesce(1).write().mode(SaveMode.Overwrite).parquet(out + "/reuse");
        return clusters.size();
    }

    /** Local folders are walked here (hidden files left out); other URLs go to Spark as they are. */
    static void classify(String in, List<String> files, List<String> ndjson) throws IOException {
        Path p = in.contains("://") ? null : Path.of(in);
        if (p != null && Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    if (p.relativize(f).toString().matches("(^|.*/)[._].*")) continue;
                    (isNdjson(f.toString()) ? ndjson : files).add(f.toAbsolutePath().normalize().toString());
                }
            }
        } else (isNdjson(in) ? ndjson : files).add(p != null ? p.toAbsolutePath().normalize().toString() : in);
    }

    static boolean isNdjson(String name) {
        return ThreadKeys.isDump(name);
    }

    static String localName(String uri) {
        return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
    }

    /** Groups a line: a whole-thread record by its id, a comment by its thread within its file. */
    static Tuple2<String, String> key(String file, String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (IOException e) {
            return new Tuple2<>(file + "#" + ThreadKeys.NOT_JSON, "B" + line);
        }
        if (o == null || !o.isObject()) return new Tuple2<>(file + "#" + ThreadKeys.NOT_JSON, "B" + line);
        String thread = ThreadKeys.thread(o);
        if (thread != null) return new Tuple2<>(file + "#" + thread, "C" + line);
        if (ThreadKeys.isWholeThread(o)) return new Tuple2<>(file + "#" + ThreadKeys.recordId(o, line), "T" + line);
        return new Tuple2<>(file + "#" + ThreadKeys.NO_THREAD, "C" + line);
    }

    /** The threads of one group: each whole-thread record, and all comments together as one NDJSON file. */
    static List<Analysed> threads(String key, Iterable<String> values) throws IOException {
        List<Analysed> out = new ArrayList<>();
        StringBuilder comments = new StringBuilder();
        int bad = 0, records = 0;
        for (String v : values) {
            char kind = v.charAt(0);
            String line = v.substring(1);
            if (kind == 'B') bad++;
            else if (kind == 'C') comments.append(line).append('\n');
            else {
                JsonNode o = JSON.readTree(line);
                String name = records++ == 0 ? key : key + "~" + records;
                String format = ThreadKeys.recordFormat(o);
                out.add(Analysed.of(name, o.get("text").asText().getBytes(StandardCharsets.UTF_8), format));
            }
        }
        if (bad > 0) out.add(Analysed.failed(key, (key.lastIndexOf('#') < 0 ? key : key.substring(0, key.lastIndexOf('#'))) + ": " + bad + " line(s) are not JSON objects"));
        if (comments.length() > 0) out.add(Analysed.of(key, comments.toString().getBytes(StandardCharsets.UTF_8), "auto"));
        return out;
    }
}
