import MTText

/// Name words whose English form is not a transliteration of the Russian one, from
/// `Data/conventional-names.<source>-<target>.tsv` (one word a line; names of several words are
/// looked up word by word). Keys are source stems, so any case form matches; values are the target
/// forms, any of which may stand in the translation.
extension Knowledge {
    /// The conventional names of a pair: source stem → target forms.
    func conventionalNames(from source: Language, to target: Language) -> [String: [String]] {
        conventionalNameTables.value(for: "\(source.code)-\(target.code)") { [unowned self] in
            var table: [String: [String]] = [:]
            for row in rows(named: "conventional-names.\(source.code)-\(target.code).tsv") where row.count >= 2 {
                table[source.stem(row[0]), default: []] += row[1].split(separator: "|").map(String.init)
            }
            return table
        }
    }

    /// The target-language forms of a source name word, if the table has it.
    public func conventionalForms(of word: String, from source: Language, to target: Language) -> [String]? {
        conventionalNames(from: source, to: target)[source.stem(word)]
    }
}
