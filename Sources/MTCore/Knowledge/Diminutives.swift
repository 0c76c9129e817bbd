import MTText

/// Short forms of given names (`Data/diminutives.<language>.tsv`: "Саша" = "Александр"), so that a
/// translation writing the full name, or the short one, accounts for either.
public enum Diminutives {
    private static let tables = ProcessCache<String, [(short: String, full: [String])]>()

    /// The table of a language: folded short forms, sorted, with their full names.
    static func table(_ language: Language) -> [(short: String, full: [String])] {
        tables.value(for: language.code) {
            KnowledgeFile.rows(named: "diminutives.\(language.code).tsv").compactMap { row in
                row.count >= 2 ? (Normalizer.foldKey(row[0]), row[1].split(separator: "|").map(String.init)) : nil
            }.sorted { $0.short < $1.short }
        }
    }

    /// The full names a word (its fold key, any case form) is a short form of; empty when none.
    public static func fullNames(of folded: String, in language: Language) -> [String] {
        table(language).filter { BilingualLexicon.isCaseForm(folded, of: $0.short) }.flatMap(\.full)
    }
}
