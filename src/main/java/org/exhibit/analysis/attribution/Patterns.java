package org.exhibit.analysis.attribution;

import java.util.Set;
import java.util.regex.Pattern;

/** The English phrasings that introduce quoted words, and the works they come from. */
final class Patterns {
    private Patterns() {}

    static final String NAME = Names.NAME_RX;
    static final String DESCRIPTOR = "the\\s+(?:(?:[A-Z][\\p{L}]+|anonymous|former|then)\\s+)*(?:[Aa]mbassador|[Ll]awyer|[Ee]ngineer|[Rr]eviewer|[Hh]istorian|[Jj]ournalist|[Cc]orrespondent|[Ww]itness|[Pp]rosecutor|[Dd]iplomat|[Mm]inister|[Ss]ecretary|[Ll]eader|[Pp]oet|[Ww]riter|[Aa]uthor|[Dd]aughter|[Ww]ife|[Ww]orker|[Cc]onsul|[Gg]eneral|[Oo]fficer|[Dd]efendant)\\b(?:\\s+(?:to|of|in|at|for)\\s+(?:the\\s+)?[A-Z][\\p{L}.]+)?";
    static final String PRONOUN = "\\b(?:[Hh]e|[Ss]he)\\b";
    static final Pattern CAPITALISED_WORD = Pattern.compile("[A-Z][\\p{L}’'.-]*");
    /** The head of a writer's description ("the ambassador"): a passage by that writer would not name him so. */
    static final Pattern WRITER_HEAD = Pattern.compile("(?i)(ambassador|lawyer|engineer|reviewer|historian|journalist|correspondent|witness|prosecutor|diplomat|minister|secretary|poet|writer|author|consul|officer)");
    /** A speech verb or phrase that presents a passage, with the adverbs that may come before it ("also wrote"); the words live in lang/en. */
    static final String SPEECH = "(?:(?:also|then|further|later|himself|herself|themselves|did|does|once)\\s+){0,2}(?:" + Lexicon.INTRO_RX + ")\\b";

    /** "Pitt wrote", "Faupel, Hitler's ambassador to Franco, wrote", "he also testifies". */
    static final Pattern SAYS = Pattern.compile("(" + NAME + "|" + PRONOUN + ")(\\s+and\\s+" + NAME + ")?(\\s*,[^,:;\\n]{1,100},)?\\s+" + SPEECH);
    /** "the testimony of John Littlepage", "the account of the American Ambassador". */
    static final Pattern TESTIMONY_OF = Pattern.compile("\\b(?:testimony|account|words|description|comment|recollections?|evidence|version)\\s+of\\s+(" + DESCRIPTOR + "|" + NAME + ")");
    /** "Littlepage's description". */
    static final Pattern POSSESSIVE = Pattern.compile("(" + NAME + ")(?:’s|'s)\\s+(?:testimony|account|words|description|comment|recollections?|evidence|version|memoirs|letter|speech|declarations?|confession|reply|answer)\\b");
    /** "the telegram Ribbentrop sent to Berlin", "a letter that Bukharin wrote": a document and its writer. */
    static final Pattern DOCUMENT_BY = Pattern.compile("\\b(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat|[Hh]is|[Hh]er)\\s+(?:telegram|letter|note|cable|memorandum|memo|message|order|dispatch|despatch|directive|circular)\\s+(?:that\\s+|which\\s+)?("
            + NAME + ")\\s+(?:had\\s+)?(?:sent|wrote|signed|dictated|issued|drafted|cabled|addressed|gave)\\b");
    static final Pattern ACCORDING_TO = Pattern.compile("\\b(?:[Aa]ccording\\s+to|[Ii]n\\s+the\\s+words\\s+of|[Aa]s\\s+quoted\\s+by|[Tt]o\\s+quote)\\s+(" + DESCRIPTOR + "|" + NAME + ")");
    /** "interview of Kaganovich in 1992 with Chuyev", "conversations of L.M. Kaganovich with the poet Feliks Chuyev". */
    static final Pattern INTERVIEW = Pattern.compile("\\b(interviews?|conversations?|talks?)\\s+(?:of|with)\\s+(" + NAME + ")(?:[^.:]{0,40}?\\bwith\\s+([^.:,;]{1,80}))?");
    static final Pattern INTERVIEW_POSSESSIVE = Pattern.compile("(" + NAME + ")(?:’s|'s)\\s+(interviews?|conversations?)\\s+with\\s+(" + NAME + ")");
    static final Pattern INTERVIEWED = Pattern.compile("(" + NAME + ")\\s+interviewed\\s+(" + NAME + ")");
    static final Pattern THE_INTERVIEW = Pattern.compile("\\b(?:the|this|that|same)\\s+interview\\b", Pattern.CASE_INSENSITIVE);
    /** "the reviewer of the memoirs ... in the pages of the 'Times Literary Supplement'". */
    static final Pattern REVIEWER = Pattern.compile("\\b(anonymous\\s+)?reviewer\\s+of\\b[^:\\n]{0,160}?\\b(?:in|of)\\s+(?:the\\s+pages\\s+of\\s+)?(?:the\\s+)?['‘\"“]([^'’\"”]{3,80})['’\"”]");
    /** Reported speech opening a block: "Bukharin also told me that ...". */
    static final Pattern TOLD_ME = Pattern.compile("^\\s*(" + NAME + ")\\s+(?:also\\s+|then\\s+)?(?:told|said to|informed|assured|confided to)\\s+(?:me|us)\\b");
    /** "the memoirs of Humbert-Droz". */
    static final Pattern MEMOIRS_OF = Pattern.compile("\\b(memoirs|diary|diaries|autobiography|recollections|letters)\\s+of\\s+(" + NAME + ")");
    static final Pattern YEAR_AFTER = Pattern.compile("^\\W{0,3}\\s*(?:in|of|\\()\\s*(1[5-9]\\d\\d|20\\d\\d)\\b");
    static final Pattern YEAR_IN = Pattern.compile("\\bin\\s+(1[89]\\d\\d|20\\d\\d)\\b");
    /** An unquoted title after "wrote in": "As he wrote in The Gulag Archipelago:". */
    static final Pattern WROTE_IN = Pattern.compile("\\b(?:wrote|writes|write|written|said|says|say|put it|argued|argues|argue|stated|states|state|recalled|recalls|described it|conclude|concludes|concluded|explains|explained|notes|noted)\\s+in\\s+(?:his\\s+|her\\s+|their\\s+)?(?:(?:book|memoirs?|article|essay|study|novel)\\s+)?((?:The|A|An)\\s+[A-Z][\\p{L}'’-]+(?:\\s+(?:of|the|and|in|on|a|to|for|[A-Z][\\p{L}'’-]+))*|[A-Z][\\p{L}'’-]+(?:\\s+(?:of|the|and|in|on|a|to|for|[A-Z][\\p{L}'’-]+)){1,8})\\s*[:,.]?\\s*$");
    /** "his talks with Chuev": the talks of the sentence's subject with the named person. */
    static final Pattern HIS_INTERVIEW = Pattern.compile("\\b(?:his|her)\\s+(interviews?|conversations?|talks?)\\s+with\\s+(" + NAME + ")");
    /** "The Burdenko commission reported", "Gorbachev's TASS statement said": a body, or the issuer of a document, speaks. */
    static final Pattern BODY_SAYS = Pattern.compile("((?:[A-Z][\\p{L}’'.-]*\\s+){1,4})([Cc]ommission|[Cc]ommittee|[Gg]overnment|[Cc]ourt|[Tt]ribunal|[Mm]inistry|[Cc]ouncil|[Pp]olitburo|[Aa]gency|[Nn]ewspaper|[Ss]tatement|[Rr]eport|[Cc]ommuniqu[ée]|[Dd]eclaration|[Dd]ecree|[Rr]esolution|[Ee]ditorial)\\s+(?:also\\s+)?(?:said|says|stated|states|reported|reports|declared|declares|concluded|concludes|found|wrote|writes|announced|announces|admitted|admits|reads|read)\\b");
    static final Set<String> DOCUMENT_NOUNS = Set.of("statement", "report", "communique", "communiqué", "declaration", "decree", "resolution", "editorial");
    /** A line after a passage naming its source: "- Beria's proposal, approved by the Politburo", "— Conquest". */
    static final Pattern DASH_ATTRIBUTION = Pattern.compile("^[ \\t]*\\n?[ \\t]*[-—–~][ \\t]*(" + NAME + ")");
    /** "Source: Report of the Special Commission, Moscow, 1944, p. 10" on the line after a passage. */
    static final Pattern SOURCE_LINE = Pattern.compile("^[ \\t]*\\n?[ \\t]*(?:Source|Sources|From|Ref|Reference|Quelle)\\s*:\\s*([^\\n]{3,200})");
    static final Pattern PAGES = Pattern.compile("\\bpp?\\.\\s*(\\d+(?:\\s*[-–]+\\s*\\d+)?)");
    static final Pattern STARTS_WITH_PRONOUN = Pattern.compile("^\\W*(He|She|They|It|That|This|Which|These|Those|His|Her|Their)\\b");
}
