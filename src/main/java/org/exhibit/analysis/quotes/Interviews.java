package org.exhibit.analysis.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Interview transcripts pasted without marks: a paragraph that announces an interview or conversation, then a run
 * of questions and answers. The run is the quoted passage; it ends where the poster's own paragraphs resume.
 */
final class Interviews {
    private Interviews() {}

    private static final Pattern ANNOUNCE = Pattern.compile("(?i)\\b(interview(s|ed)?|conversations?|talks? with|transcript|Q ?& ?A|questioned|asked him|asked her)\\b");
    private static final Pattern LABEL = Pattern.compile("^(Q|A|Question|Answer|[A-Z][\\p{L}.'-]{1,20})\\s*[:.]\\s+\\S");

    /** Runs [first, last] of paragraph indexes that are interview transcripts. */
    static List<int[]> find(List<Para> paras, Set<Integer> excluded) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i + 2 < paras.size(); i++) {
            if (excluded.contains(i) || paras.get(i).words() > 80) continue; // the word count before the search
            if (!ANNOUNCE.matcher(paras.get(i).text()).find()) continue;
            int first = i + 1, last = first;
            int questions = 0;
            for (int k = first; k < paras.size() && !excluded.contains(k); k++) {
                last = k;
                if (isQuestion(paras.get(k))) questions++;
            }
            boolean opensWithTurn = isQuestion(paras.get(first)) || first + 1 <= last && isQuestion(paras.get(first + 1))
                    || LABEL.matcher(paras.get(first).text()).find();
            if (questions >= 2 && opensWithTurn && last > first) {
                out.add(new int[]{first, last});
                i = last;
            }
        }
        return out;
    }

    static boolean isQuestion(Para p) {
        String t = p.text().strip();
        return (t.endsWith("?") || t.endsWith("?\"") || t.endsWith("?”")) && p.words() <= 30;
    }
}
