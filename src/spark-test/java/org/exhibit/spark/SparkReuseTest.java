package org.exhibit.spark;

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
        } finally {
            spark.stop();
        }
    }
}
