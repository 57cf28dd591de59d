package org.exhibit.spark;

import org.apache.spark.api.java.JavaRDD;
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

    public static List<CorpusReuse.Pair> run(SparkSession spark, List<Path> files, CorpusReuse settings) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> paths = files.stream().map(Path::toString).toList();
        int window = settings.window, maxDf = settings.maxDf, minAnchors = settings.minAnchors, minWords = settings.minWords;
        JavaRDD<Row> rows = jsc.parallelize(IntStream.range(0, paths.size()).boxed().toList()).mapPartitions(it -> {
            CorpusReuse cr = runner(paths, minWords);
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                int d = it.next();
                String text = cr.text(d);
                if (text != null) CorpusReuse.anchors(text, window, (h, p) -> out.add(RowFactory.create(h, d, p)));
            }
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
        List<CorpusReuse.Pair> found = new ArrayList<>(candidates.toJavaRDD().mapPartitions(it -> {
            CorpusReuse cr = runner(paths, minWords);
            List<CorpusReuse.Pair> out = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                List<Long> s = r.getList(3);
                long[] seeds = s.stream().mapToLong(Long::longValue).toArray();
                out.addAll(cr.align(r.getInt(0), r.getInt(1), seeds, seeds.length));
            }
            return out.iterator();
        }).collect());
        anchors.unpersist();
        found.sort(ORDER);
        return found;
    }

    /** A stable order for comparing runs. */
    public static final Comparator<CorpusReuse.Pair> ORDER = Comparator.comparing((CorpusReuse.Pair p) -> p.a().document())
            .thenComparing(p -> p.b().document()).thenComparingInt(p -> p.a().start()).thenComparingInt(p -> p.b().start());

    private static CorpusReuse runner(List<String> paths, int minWords) {
        CorpusReuse cr = new CorpusReuse(paths.stream().map(Path::of).toList());
        cr.progress = null;
        cr.minWords = minWords;
        return cr;
    }

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
