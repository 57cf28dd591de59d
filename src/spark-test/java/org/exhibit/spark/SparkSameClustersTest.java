package org.exhibit.spark;

import org.apache.spark.sql.SparkSession;
import org.exhibit.analysis.reuse.CorpusReuse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Spark and the single machine find the same clusters on a slice made of the test threads and of threads that
 * paste their passages around (one passage into more threads than a document keeps partners, so the partner cap
 * decides which pairs are aligned): the same pairs, and the same counts and membership hash of the clusters.
 */
class SparkSameClustersTest {
    @Test void sameCountsAndMembershipAsOneMachine(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/threads"))) { s.sorted().forEach(files::add); }
        String[] passages = {
                "The engineers reported that the pumping station had been built on sand, that the foundations were cracked in three places, "
                        + "and that nobody had inspected the outflow pipes since the flood of the previous spring had washed away the embankment.",
                "In her letter to the committee the librarian explained that the catalogue had been copied by hand twice, once before the fire "
                        + "and once after it, and that the second copy left out every pamphlet printed outside the capital during the war years.",
                "According to the harbour master the ship left the quay at dawn with half its crew, a cargo of salted fish and barrel staves, "
                        + "and a captain who had never before sailed north of the islands in the season of autumn storms."};
        String[] talk = {"I read this somewhere and it stuck with me.", "Quoting the report for those who missed it:", "Not sure this is right, but here goes:",
                "Here is the passage again, since nobody read it the first time.", "Copied from the other thread:", "Source below, judge for yourselves."};
        int n = 0;
        for (int t = 0; t < 9; t++) {
            StringBuilder sb = new StringBuilder();
            for (int p = 0; p < 3; p++) {
                sb.append("poster").append((t + p) % 5).append("\n1").append(p).append("th May 2006, 1").append(t).append(":0").append(p).append('\n');
                sb.append(talk[(t + p) % talk.length]).append('\n');
                // passage 0 in every thread (more than maxPartners), passage 1 in every other, passage 2 in every third (altered)
                if (p == 0) sb.append(passages[0]).append('\n');
                if (p == 1 && t % 2 == 0) sb.append(passages[1]).append('\n');
                if (p == 2 && t % 3 == 0) sb.append(passages[2].replace("autumn", t == 0 ? "autumn" : "winter")).append('\n');
                sb.append("Thread ").append(t).append(" post ").append(p).append(" ends with words of its own about item ").append(t * 7 + p).append(".\n\n");
            }
            files.add(Files.writeString(dir.resolve("paste-" + (n++) + ".txt"), sb.toString()));
        }
        CorpusReuse local = settings(files);
        List<CorpusReuse.Pair> expected = new ArrayList<>(local.run());
        expected.sort(SparkReuse.ORDER);
        CorpusReuse uncapped = settings(files);
        uncapped.maxPartners = 1000;
        assertTrue(uncapped.run().size() > expected.size(), "the slice exercises the partner cap");

        SparkSession spark = SparkSession.builder().master("local[2]").appName("test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        try {
            List<CorpusReuse.Pair> got = SparkReuse.run(spark, files, settings(files));
            assertEquals(expected.size(), got.size());
            assertEquals(expected, got);
            String one = SparkReuse.membership(SparkReuse.clusters(expected)), many = SparkReuse.membership(SparkReuse.clusters(got));
            assertEquals(one, many);
            assertTrue(SparkReuse.clusters(got).size() >= 3, "at least the three planted passages: " + one);
        } finally {
            spark.stop();
        }
    }

    static CorpusReuse settings(List<Path> files) {
        CorpusReuse c = new CorpusReuse(files);
        c.progress = null;
        c.maxPartners = 2;
        return c;
    }
}
