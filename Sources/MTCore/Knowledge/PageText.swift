import MTText

/// Text that web pages carry around an article, by language code, from `Data/page-text.tsv`:
/// credit labels and interface phrases. Matched on NFKC_Casefold keys of a whole line.
public enum PageText {
    /// Labels that open a photo or media credit line ("Photo: TASS").
    public static var creditLabels: [String: [String]] { table.value["credit-label"] ?? [:] }

    /// Interface phrases captured with a page. A phrase ending in "…" matches any line it begins.
    public static var interfacePhrases: [String: [String]] { table.value["interface"] ?? [:] }

    /// Kind → language → phrases, read once.
    private static let table = Lazy<[String: [String: [String]]]> {
        var table: [String: [String: [String]]] = [:]
        for row in KnowledgeFile.rows(named: "page-text.tsv") where row.count == 3 {
            table[row[1], default: [:]][row[0], default: []].append(row[2])
        }
        return table
    }
}
