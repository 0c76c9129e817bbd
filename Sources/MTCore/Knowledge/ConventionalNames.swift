import MTText

/// Name words whose English form is not a transliteration of the Russian one, from
/// `Data/conventional-names.<source>-<target>.tsv` (one word a line; names of several words are
/// looked up word by word). Keys are source stems, so any case form matches; values are the target
/// forms, any of which may stand in the translation.
public enum ConventionalNames {
    private static let tables = ProcessCache<String, [String: [String]]>()

    public static func table(from source: Language, to target: Language) -> [String: [String]] {
        tables.value(for: "\(source.code)-\(target.code)") {
            var table: [String: [String]] = [:]
            for row in rows(from: source, to: target) where row.count >= 2 {
                table[source.stem(row[0]), default: []] += row[1].split(separator: "|").map(String.init)
            }
            return table
        }
    }

    /// The file's rows (columns: source word, target forms separated by `|`).
    public static func rows(from source: Language, to target: Language) -> [[String]] {
        KnowledgeFile.rows(named: "conventional-names.\(source.code)-\(target.code).tsv")
    }

    /// The target-language forms of a source name word, if the table has it.
    public static func forms(of word: String, from source: Language, to target: Language) -> [String]? {
        table(from: source, to: target)[source.stem(word)]
    }
}
