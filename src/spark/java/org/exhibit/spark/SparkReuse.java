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
 * anchors) and the same word alignment, so both give the same passages. Run with
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
                .filter(col("occ").leq(2)).join(df, "hash").select("hash", "doc", "pos");
        Dataset<Row> x = kept.as("x"), y = kept.as("y");
        Dataset<Row> pairs = x.join(y, col("x.hash").equalTo(col("y.hash")).and(col("x.doc").lt(col("y.doc"))))
                .select(col("x.doc").as("da"), col("y.doc").as("db"),
                        shiftleft(col("x.pos").cast("long"), 32).bitwiseOR(col("y.pos").cast("long")).as("seed"));
        Dataset<Row> candidates = pairs.groupBy("da", "db").agg(count(lit(1)).as("n"), collect_list("seed").as("seeds"))
                .filter(col("n").geq(minAnchors));
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
            // as on one machine: only pairs whose shared anchors run along one diagonal are aligned
            // (the single-machine cap of partners per document is not applied here yet)
            if (org.exhibit.analysis.reuse.Aligner.longestChain(seeds, seeds.length, maxGap, band) < minAnchors)
                return java.util.Collections.<CorpusReuse.Pair>emptyIterator();
            CorpusReuse cr = new CorpusReuse(two(a, b));
            cr.progress = null;
            cr.minWords = minWords;
            return cr.align(0, 1, seeds, seeds.length).iterator();
        }).collect());
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
