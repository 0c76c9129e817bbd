import MTText

/// A short form of a given name (`Data/diminutives.<language>.tsv`: "Саша" = "Александр").
struct DiminutiveEntry: Sendable {
    /// The short form's fold key, and its letters.
    let short: String
    let letters: [Unicode.Scalar]
    let full: [String]
}

/// Short forms of given names, so that a translation writing the full name, or the short one,
/// accounts for either.
extension Knowledge {
    /// The table of a language: folded short forms, sorted, with their full names.
    func diminutives(_ language: Language) -> [DiminutiveEntry] {
        diminutiveTables.value(for: language.code) { [unowned self] in
            self.rows(named: "diminutives.\(language.code).tsv").compactMap { row in
                guard row.count >= 2 else { return nil }
                let short = Normalizer.foldKey(row[0])
                return DiminutiveEntry(short: short, letters: Array(short.unicodeScalars), full: row[1].split(separator: "|").map(String.init))
            }.sorted { $0.short < $1.short }
        }
    }

    /// The full names a word (its fold key, any case form) is a short form of; empty when none.
    public func fullNames(of folded: String, in language: Language) -> [String] {
        // A case form shares its first three letters with the listed form (`BilingualLexicon.isCaseForm`):
        // only the entries that start with them are compared.
        let letters = Array(folded.unicodeScalars)
        let head = String(String.UnicodeScalarView(letters.prefix(3)))
        let table = diminutives(language)
        var found: [String] = []
        var i = table.partitionPoint { $0.short >= head }
        while i < table.count, table[i].short.unicodeScalars.starts(with: head.unicodeScalars) {
            if BilingualLexicon.isCaseForm(letters, of: table[i].letters) { found += table[i].full }
            i += 1
        }
        return found
    }
}
