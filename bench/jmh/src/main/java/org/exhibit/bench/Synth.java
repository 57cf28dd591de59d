package org.exhibit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic board threads in the board-text format (author line, timestamp line, body): prose from a Zipfian
 * pseudo-vocabulary, introduced QUOTE blocks, run-in quotations, replies that paste an earlier post, and passages
 * from a shared pool pasted (sometimes lightly edited) into several threads: the planted reuse.
 */
public final class Synth {
    /** One planted copy of a pool passage: the thread file, and char offsets of the passage in its text. */
    public record Planted(int passage, String file, int start, int end) {}

    private static final String[] SYLLABLES = {"ka", "to", "ri", "men", "sol", "ver", "na", "dor", "li", "sta",
            "pe", "gra", "mo", "tin", "ul", "bre", "chi", "zo", "an", "el", "ost", "ru", "vik", "sha", "der", "po"};
    private static final String[] COMMON = {"the", "of", "and", "to", "a", "in", "that", "was", "he", "it", "his",
            "for", "on", "with", "as", "by", "not", "they", "were", "at", "this", "had", "from", "but", "be", "which"};
    private static final String[] NAMES = {"Joseph Davies", "John Littlepage", "Jules Humbert-Droz", "Lazar Kaganovich",
            "Mao Zedong", "Anna Louise Strong", "Walter Duranty", "Robert Conquest", "Grover Furr", "Isaac Deutscher",
            "Victor Serge", "Boris Souvarine", "Ludo Martens", "Arch Getty", "Sheila Fitzpatrick", "Ivan Maisky"};
    private static final String[] USERS = {"Cassius Clay", "redstar", "Comrade_K", "historian77", "Ushakov", "Le Libertaire",
            "Sovietski", "Blackscare", "pastfinder", "Dr Ruth", "Kamo", "Tovarish", "nate", "Zanthorus"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    private final Random rnd;
    private final String[] vocab;
    private final double[] cumulative;
    private final List<String> pool = new ArrayList<>();

    public Synth(long seed, int poolSize) {
        rnd = new Random(seed);
        vocab = new String[40000];
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(COMMON));
        for (int i = 0; i < vocab.length; i++) {
            if (i < COMMON.length) { vocab[i] = COMMON[i]; continue; }
            String w;
            do { // distinct words, short ones frequent as in natural text
                StringBuilder b = new StringBuilder();
                int n = 1 + Math.min(4, i / 400 + rnd.nextInt(2));
                for (int k = 0; k < n; k++) b.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
                w = b.toString();
            } while (!seen.add(w));
            vocab[i] = w;
        }
        cumulative = new double[vocab.length];
        double sum = 0;
        for (int i = 0; i < vocab.length; i++) { sum += Math.pow(i + 1, -0.9); cumulative[i] = sum; }
        for (int i = 0; i < vocab.length; i++) cumulative[i] /= sum;
        for (int i = 0; i < poolSize; i++) pool.add(paragraph(60 + rnd.nextInt(80)));
    }

    public int poolSize() { return pool.size(); }

    String word() {
        double u = rnd.nextDouble();
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (cumulative[mid] < u) lo = mid + 1; else hi = mid; }
        return vocab[lo];
    }

    String sentence(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = word();
            if (i == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
            if (i > 0) sb.append(rnd.nextInt(14) == 0 ? ", " : " ");
            sb.append(w);
        }
        return sb.append('.').toString();
    }

    String paragraph(int words) {
        StringBuilder sb = new StringBuilder();
        while (words > 0) {
            int n = Math.min(words, 8 + rnd.nextInt(18));
            if (sb.length() > 0) sb.append(' ');
            sb.append(sentence(n));
            words -= n;
        }
        return sb.toString();
    }

    /** A copy with a few words replaced, as when a passage is retyped or machine-translated again. */
    String edited(String passage) {
        String[] w = passage.split(" ");
        for (int i = 0; i < w.length; i++) if (rnd.nextInt(30) == 0) w[i] = word();
        return String.join(" ", w);
    }

    /**
     * One thread of about {@code targetChars} characters. Each post has a 1-in-{@code reuseEvery} chance of pasting a
     * pool passage (recorded in {@code planted}, offsets into the returned text); pass 0 for no reuse.
     */
    public String thread(String file, int targetChars, int reuseEvery, List<Planted> planted) {
        StringBuilder sb = new StringBuilder();
        List<int[]> bodies = new ArrayList<>();
        int year = 2003 + rnd.nextInt(15), month = rnd.nextInt(12), day = 1 + rnd.nextInt(27), hour = rnd.nextInt(24);
        while (sb.length() < targetChars) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(USERS[rnd.nextInt(USERS.length)]).append('\n');
            sb.append(day).append(suffix(day)).append(' ').append(MONTHS[month]).append(' ').append(year)
              .append(String.format(", %02d:%02d", hour, rnd.nextInt(60))).append('\n');
            hour++;
            if (hour == 24) { hour = 0; day++; if (day > 28) { day = 1; month = (month + 1) % 12; } }
            int bodyStart = sb.length();
            int paras = 1 + rnd.nextInt(5);
            for (int p = 0; p < paras; p++) {
                int r = rnd.nextInt(10);
                String who = NAMES[rnd.nextInt(NAMES.length)];
                if (r == 0 && !bodies.isEmpty()) {
                    int[] prior = bodies.get(rnd.nextInt(bodies.size()));
                    String body = sb.substring(prior[0], Math.min(prior[1], prior[0] + 600));
                    if (!body.contains("QUOTE")) sb.append("QUOTE\n").append(body.strip()).append("\nQUOTE\n");
                } else if (r <= 2) {
                    sb.append(paragraph(10 + rnd.nextInt(20))).append(" Here is what ").append(who).append(" wrote in his book 'The ")
                      .append(cap(word())).append(' ').append(cap(word())).append("':\nQUOTE\n")
                      .append(paragraph(40 + rnd.nextInt(120))).append("\nQUOTE\n");
                } else if (r == 3) {
                    sb.append(paragraph(8 + rnd.nextInt(15))).append(" As ").append(who).append(" put it, \"")
                      .append(sentence(8 + rnd.nextInt(20))).append("\" ").append(paragraph(5 + rnd.nextInt(20))).append('\n');
                } else {
                    sb.append(paragraph(20 + rnd.nextInt(90))).append('\n');
                }
            }
            if (reuseEvery > 0 && rnd.nextInt(reuseEvery) == 0) {
                int id = rnd.nextInt(pool.size());
                String passage = rnd.nextInt(3) == 0 ? edited(pool.get(id)) : pool.get(id);
                sb.append("This was posted elsewhere, worth reading:\nQUOTE\n");
                int s = sb.length();
                sb.append(passage);
                planted.add(new Planted(id, file, s, sb.length()));
                sb.append("\nQUOTE\n");
            }
            bodies.add(new int[]{bodyStart, sb.length()});
        }
        return sb.toString();
    }

    private static String cap(String w) { return Character.toUpperCase(w.charAt(0)) + w.substring(1); }

    private static String suffix(int d) {
        if (d >= 11 && d <= 13) return "th";
        return switch (d % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
    }
}
