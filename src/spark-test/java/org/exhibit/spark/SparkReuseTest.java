package org.exhibit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.exhibit.analysis.reuse.CorpusReuse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The Spark job and the single-machine path give the same passages on one small corpus. */
class SparkReuseTest {
    static final String A = "Among other things, the commission had put out bids for several dozen mine-hoists, ranging from one hundred "
            + "to one thousand horse-power. The difference made me examine the specifications closely, and I discovered that the "
            + "firms which had made the lowest bids had substituted cast iron bases for the light steel required.";
    static final String B = "Yes, there was his confrontation with Kulikov. He was a Muscovite. At the meeting of the Politbureau members, "
            + "Kulikov addressed Bukharin: you remember how you took me by the arm and we walked along the Vozdvizhenka, and I said "
            + "to you, why are you wasting your time there, when it is time to act.";

    @Test void sameClustersAsTheInMemoryPath(@TempDir Path dir) throws Exception {
        String[] bodies = {
                "Littlepage saw it in Berlin:\n" + A + "\nThat was 1931. And the interview:\n" + B,
                "Everybody quotes this:\n\"" + A.replace("light steel", "lighter steel") + "\"\nGraft, not sabotage.",
                "From the Chuev book:\n" + B.replace("Muscovite", "Moscovite") + "\nSo it was said.\n" + B,
                "At the same time the Central Committee of the Communist Party of the Soviet Union decided to buy equipment abroad.",
                "The Central Committee of the Communist Party of the Soviet Union at the same time said nothing of it."};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++)
            files.add(Files.writeString(dir.resolve("t" + i + ".txt"), "user" + i + "\n12th April 2004, 10:1" + i + "\n" + bodies[i] + "\n"));
        CorpusReuse local = new CorpusReuse(files);
        local.progress = null;
        List<CorpusReuse.Pair> expected = new ArrayList<>(local.run());
        expected.sort(SparkReuse.ORDER);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        try {
            List<CorpusReuse.Pair> got = SparkReuse.run(spark, files, new CorpusReuse(files));
            assertEquals(expected, got);
            // t0-t1 (A) and t0-t2 (B; t2 holds it twice, the second copy is implied); nothing from the stock phrases
            assertEquals(2, got.size(), got.toString());

            // clusters: the single-machine clusters of 'exhibit reuse' equal those of the corpus job's reuse table
            List<CorpusReuse.Cluster> local2 = SparkReuse.clusters(expected);
            assertEquals(2, local2.size(), local2.toString());
            Path out = dir.resolve("out");
            CorpusJob.Summary s = CorpusJob.run(spark, List.of(dir.toString()), out.toString(), 2);
            assertEquals(2, s.clusters());
            List<Row> rows = spark.read().parquet(out.resolve("reuse").toString()).orderBy("cluster", "path", "start_cp").collectAsList();
            List<String> fromJob = new ArrayList<>(), fromLocal = new ArrayList<>();
            for (Row r : rows)
                fromJob.add(r.getLong(0) + " " + r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " [" + r.getInt(4) + "," + r.getInt(5) + ") " + r.getBoolean(7) + " " + r.getString(6));
            long id = 0;
            for (CorpusReuse.Cluster c : local2) {
                id++;
                for (CorpusReuse.Side w : c.witnesses())
                    fromLocal.add(id + " " + w.document() + " " + w.post() + " " + w.published() + " [" + w.start() + "," + w.end() + ") " + (w == c.earliest()) + " " + w.text());
            }
            assertEquals(fromLocal, fromJob);
            // each cluster's earliest witness is t0, posted first (10:10)
            assertTrue(fromJob.stream().filter(l -> l.contains(" true ")).allMatch(l -> l.contains("t0.txt")), fromJob.toString());
        } finally {
            spark.stop();
        }
    }
}
