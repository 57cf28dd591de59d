package org.exhibit.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.exhibit.store.Store;
import org.exhibit.store.StoreTarget;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the reuse clusters of the corpus job ({@code OUT/reuse}) with those {@code exhibit reuse --db} stored in a
 * corpus: counts and the membership hash of {@link SparkReuse#membershipOf}, one line each, then "identical" (exit
 * 0) or "different" (exit 1). Used by bench/iac-corpus.sh. usage: ReuseCompare OUT STORE
 */
public final class ReuseCompare {
    private ReuseCompare() {}

    public static void main(String[] args) throws Exception {
        Map<Long, List<String>> spark = new TreeMap<>(), single = new TreeMap<>();
        SparkSession s = SparkSession.builder().master("local[1]").appName("exhibit-reuse-compare").config("spark.ui.enabled", "false").getOrCreate();
        try {
            for (Row r : s.read().parquet(args[0] + "/reuse").select("cluster", "path", "start_cp", "end_cp").collectAsList())
                spark.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getString(1) + " " + r.getInt(2) + " " + r.getInt(3));
        } finally {
            s.stop();
        }
        try (Store st = Store.open(StoreTarget.parse(args[1]), false);
             PreparedStatement ps = st.connection().prepareStatement("SELECT cluster, path, start_cp, end_cp FROM reuse");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) single.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
        }
        String a = SparkReuse.membershipOf(new ArrayList<>(spark.values())), b = SparkReuse.membershipOf(new ArrayList<>(single.values()));
        System.out.println("spark local: " + a);
        System.out.println("reuse --db:  " + b);
        System.out.println(a.equals(b) ? "identical" : "different");
        System.exit(a.equals(b) ? 0 : 1);
    }
}
