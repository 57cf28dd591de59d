package org.exhibit.spark;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import scala.Tuple2;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.exhibit.analysis.reuse.CorpusReuse;
import org.exhibit.output.JsonWriter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.*;

/**
 * The corpus reuse job of {@link CorpusReuse} on Apache Spark: the same winnowed anchors, the same shingle join
 * (hashes in 2..maxDf documents, at most two occurrences per document, document pairs with at least minAnchors
 * anchors in one run on one diagonal, each document's maxPartners best partners by rare anchors) and the same word
 * alignment, so both give the same passages and clusters. Run with
 * {@code spark-submit --class org.exhibit.spark.SparkReuse exhibit.jar DIR_OR_FILE...} (build with {@code -Pspark}).
 */
public final class SparkReuse {
    private SparkReuse() {}

    /** Reuse among files, each read with the readers (an unreadable file takes part in nothing). */
    public static List<CorpusReuse.Pair> run(SparkSession spark, List<Path> files, CorpusReuse settings) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> paths = files.stream().map(Path::toString).toList();
        JavaPairRDD<Long, ReuseDoc> docs = jsc.parallelize(IntStream.range(0, paths.size()).boxed().toList())
                .mapToPair(d -> {
                    try {
                        return new Tuple2<>((long) d, ReuseDoc.of(Readers.read(Path.of(paths.get(d)), "auto")));
                    } catch (InputException e) {
                        return new Tuple2<>((long) d, (ReuseDoc) null);
                    }
                }).filter(t -> t._2() != null);
        return run(spark, docs, settings);
    }

    /**
     * Reuse among documents numbered 0..n-1 (the numbers order the two sides of a pair, as file order does on one
     * machine): anchors on the executors, the shingle join in Spark SQL, then each candidate pair is aligned with
     * both documents joined to it.
     */
    public static List<CorpusReuse.Pair> run(SparkSession spark, JavaPairRDD<Long, ReuseDoc> docs, CorpusReuse settings) {
        int window = settings.window, minAnchors = settings.minAnchors, minWords = settings.minWords;
        docs = docs.persist(StorageLevel.MEMORY_AND_DISK());
        int maxDf = settings.dfCap((int) docs.count());
        org.exhibit.analysis.reuse.Aligner chain = new org.exhibit.analysis.reuse.Aligner();
        int maxGap = chain.maxGap, band = chain.band;
        JavaRDD<Row> rows = docs.flatMap(t -> {
            List<Row> out = new ArrayList<>();
            int d = (int) (long) t._1();
            CorpusReuse.anchors(t._2().text(), window, (h, p) -> out.add(RowFactory.create(h, d, p)));
            return out.iterator();
        });
        StructType schema = new StructType().add("hash", DataTypes.LongType).add("doc", DataTypes.IntegerType).add("pos", DataTypes.IntegerType);
        Dataset<Row> anchors = spark.createDataFrame(rows, schema).cache();
        Dataset<Row> df = anchors.groupBy("hash").agg(countDistinct("doc").as("df")).filter(col("df").between(2, maxDf));
        Dataset<Row> kept = anchors.withColumn("occ", row_number().over(Window.partitionBy("hash", "doc").orderBy("pos")))
                .filter(col("occ").leq(2)).join(df, "hash").select("hash", "doc", "pos", "df");
        Dataset<Row> x = kept.as("x"), y = kept.as("y");
        // each shared anchor adds CorpusReuse.weight(df) = 1000 / df to its pair's rank
        Dataset<Row> pairs = x.join(y, col("x.hash").equalTo(col("y.hash")).and(col("x.doc").lt(col("y.doc"))))
                .select(col("x.doc").as("da"), col("y.doc").as("db"),
                        shiftleft(col("x.pos").cast("long"), 32).bitwiseOR(col("y.pos").cast("long")).as("seed"),
                        floor(lit(1000L).divide(greatest(col("x.df"), lit(1)))).cast("long").as("w"));
        Dataset<Row> grouped = pairs.groupBy("da", "db").agg(count(lit(1)).as("n"), collect_list("seed").as("seeds"), sum("w").as("weight"))
                .filter(col("n").geq(minAnchors));
        // as on one machine: only pairs whose shared anchors run along one diagonal are candidates
        JavaRDD<Row> chainedRows = grouped.toJavaRDD().filter(r -> {
            List<Long> s = r.getList(3);
            long[] seeds = s.stream().mapToLong(Long::longValue).toArray();
            return org.exhibit.analysis.reuse.Aligner.longestChain(seeds, seeds.length, maxGap, band) >= minAnchors;
        });
        Dataset<Row> chained = spark.createDataFrame(chainedRows, grouped.schema()).persist(StorageLevel.MEMORY_AND_DISK());
        // each document keeps its maxPartners best partners (weight, then the lower partner number); a pair is
        // aligned when it is among the best of either of its documents (CorpusReuse.best)
        Dataset<Row> sides = chained.select(col("da").as("doc"), col("db").as("partner"), col("da"), col("db"), col("weight"))
                .union(chained.select(col("db").as("doc"), col("da").as("partner"), col("da"), col("db"), col("weight")));
        Dataset<Row> chosen = sides.withColumn("rank", row_number().over(Window.partitionBy("doc").orderBy(col("weight").desc(), col("partner").asc())))
                .filter(col("rank").leq(settings.maxPartners)).select("da", "db").distinct();
        Dataset<Row> candidates = chained.as("c").join(chosen.as("k"), col("c.da").equalTo(col("k.da")).and(col("c.db").equalTo(col("k.db"))))
                .select(col("c.da"), col("c.db"), col("c.n"), col("c.seeds"));
        // (da, (db, seeds)) joined with doc a, then keyed by db and joined with doc b
        JavaPairRDD<Long, Tuple2<Long, long[]>> byA = candidates.toJavaRDD().mapToPair(r -> {
            List<Long> s = r.getList(3);
            return new Tuple2<>((long) r.getInt(0), new Tuple2<>((long) r.getInt(1), s.stream().mapToLong(Long::longValue).toArray()));
        });
        JavaPairRDD<Long, Tuple2<ReuseDoc, long[]>> byB = byA.join(docs)
                .mapToPair(t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(t._2()._2(), t._2()._1()._2())));
        List<CorpusReuse.Pair> found = new ArrayList<>(byB.join(docs).flatMap(t -> {
            ReuseDoc a = t._2()._1()._1(), b = t._2()._2();
            long[] seeds = t._2()._1()._2();
            CorpusReuse cr = new CorpusReuse(two(a, b));
            cr.progress = null;
            cr.minWords = minWords;
            return cr.align(0, 1, seeds, seeds.length).iterator();
        }).collect());
        chained.unpersist();
        anchors.unpersist();
        docs.unpersist();
        found.sort(ORDER);
        return found;
    }

    /** Clusters of witnesses in a stable order: witnesses by document and start, clusters by their first witness. */
    public static List<CorpusReuse.Cluster> clusters(List<CorpusReuse.Pair> pairs) {
        List<CorpusReuse.Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(ORDER);
        List<CorpusReuse.Cluster> out = new ArrayList<>();
        Comparator<CorpusReuse.Side> side = Comparator.comparing(CorpusReuse.Side::document).thenComparingInt(CorpusReuse.Side::start);
        for (CorpusReuse.Cluster c : CorpusReuse.clusters(sorted)) {
            List<CorpusReuse.Side> w = new ArrayList<>(c.witnesses());
            w.sort(side);
            out.add(new CorpusReuse.Cluster(w, c.earliest()));
        }
        out.sort((p, q) -> side.compare(p.witnesses().get(0), q.witnesses().get(0)));
        return out;
    }

    /**
     * What two runs compare: clusters, witnesses, and a SHA-256 over the membership (each cluster as its witnesses'
     * "document start end" lines in order, the clusters in order), as "N clusters, M witnesses, membership HASH".
     */
    public static String membership(List<CorpusReuse.Cluster> clusters) {
        List<List<String>> rows = new ArrayList<>();
        for (CorpusReuse.Cluster c : clusters) {
            List<String> w = new ArrayList<>();
            for (CorpusReuse.Side s : c.witnesses()) w.add(s.document() + " " + s.start() + " " + s.end());
            rows.add(w);
        }
        return membershipOf(rows);
    }

    /** The same from rows already read (one list of "document start end" per cluster), e.g. a store's reuse table. */
    public static String membershipOf(List<List<String>> clusters) {
        List<String> lines = new ArrayList<>();
        long witnesses = 0;
        for (List<String> c : clusters) {
            List<String> w = new ArrayList<>(c);
            java.util.Collections.sort(w);
            witnesses += w.size();
            lines.add(String.join("\t", w));
        }
        java.util.Collections.sort(lines);
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String l : lines) md.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return clusters.size() + " clusters, " + witnesses + " witnesses, membership " + java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CorpusReuse.Documents two(ReuseDoc a, ReuseDoc b) {
        return new CorpusReuse.Documents() {
            @Override public int size() { return 2; }
            @Override public String name(int d) { return (d == 0 ? a : b).name(); }
            @Override public long bytes(int d) { return (d == 0 ? a : b).text().length(); }
            @Override public Document read(int d) { return (d == 0 ? a : b).document(); }
        };
    }

    /** A stable order for comparing runs. */
    public static final Comparator<CorpusReuse.Pair> ORDER = Comparator.comparing((CorpusReuse.Pair p) -> p.a().document())
            .thenComparing(p -> p.b().document()).thenComparingInt(p -> p.a().start()).thenComparingInt(p -> p.b().start());

    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) try (Stream<Path> s = Files.walk(p)) { s.filter(Files::isRegularFile).sorted().forEach(files::add); }
            else files.add(p);
        }
        SparkSession spark = SparkSession.builder().appName("exhibit-reuse").getOrCreate();
        try {
            var arr = JsonWriter.mapper().createArrayNode();
            for (CorpusReuse.Pair p : run(spark, files, new CorpusReuse(files))) arr.addPOJO(p);
            System.out.println(JsonWriter.mapper().writeValueAsString(arr));
        } finally {
            spark.stop();
        }
    }
}
