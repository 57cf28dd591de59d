package org.exhibit.analysis.quotes;

import org.exhibit.analysis.attribution.Lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Nouns that present the words quoted after them as someone's (lang/en/speech-nouns.txt): "chants of "...", "a sign
 * that read "..."". Short words quoted there are speech or writing, not the writer's scare quotes.
 */
final class SpeechNouns {
    private SpeechNouns() {}

    private static final Pattern OF_CUE, READ_CUE, AFTER_CUE;

    static {
        List<String> of = new ArrayList<>(), read = new ArrayList<>(), after = new ArrayList<>();
        List<String> cur = of;
        for (String line : Lexicon.lines("speech-nouns.txt")) {
            if (line.equals("[read]")) { cur = read; continue; }
            if (line.equals("[after]")) { cur = after; continue; }
            List<String> words = new ArrayList<>();
            for (String w : line.split("\\s+")) words.add(Pattern.quote(w));
            cur.add(String.join("\\s+", words));
        }
        OF_CUE = Pattern.compile("(?i)\\b(?:" + String.join("|", of) + ")(?:e?s)?\\s+of\\s*$");
        READ_CUE = Pattern.compile("(?i)\\b(?:" + String.join("|", read) + ")(?:e?s)?(?:\\s*[-—–,]\\s*|\\s+)(?:(?:that|which)\\s+)?(?:read|reads|reading|said|says)\\s*[,:]?\\s*$");
        AFTER_CUE = Pattern.compile("(?i)^[,.]?\\s+(?:" + String.join("|", after) + ")(?:e?s)?\\b");
    }

    /** Whether the text right after a closing mark names the quoted words as a slogan or cry. */
    static boolean after(String after) {
        return AFTER_CUE.matcher(after).find();
    }

    /** Whether the text right before an opening mark ends with such a cue. */
    static boolean before(String before) {
        int from = Math.max(0, before.length() - 60);
        String b = before.substring(from);
        return OF_CUE.matcher(b).find() || READ_CUE.matcher(b).find();
    }
}
