import MTText

/// The kinds of text web pages carry around an article (`Data/page-text.tsv`), matched on the
/// NFKC_Casefold key of a whole line.
public enum PageTextKind: String, Sendable, CaseIterable {
    /// Labels that open a photo or media credit line ("Photo: TASS").
    case creditLabel = "credit-label"
    /// Interface phrases captured with a page. A phrase ending in "…" matches any line it begins.
    case interface

    /// Kind → language code → phrases, from rows of `language, kind, phrase`.
    static func table(_ rows: [[String]]) -> [String: [String: [String]]] {
        var table: [String: [String: [String]]] = [:]
        for row in rows where row.count == 3 {
            table[row[1], default: [:]][row[0], default: []].append(row[2])
        }
        return table
    }
}

extension Knowledge {
    /// The phrases of a kind of page text in a language.
    public func pageText(_ kind: PageTextKind, in language: Language) -> [String] {
        pageText.value[kind.rawValue]?[language.code] ?? []
    }
}
