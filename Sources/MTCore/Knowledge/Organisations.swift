import MTText

/// International organisations: the names and acronyms under which each appears in every
/// language mtlint knows, and its kind, from `Data/organisations.tsv`. Rules use the kind to tell a
/// confusion (CSTO ↔ OSCE, both security organisations) from an unrelated mention.
public struct Organisation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case security, unSystem, financial, economicUnion, economicForum, court, europeanInstitution, sport,
             humanitarian, technical
    }

    /// The English acronym (or short name), used as the identifier.
    public let id: String
    public let kind: Kind
    /// Full names and acronyms by language code. Acronyms match case-sensitively, names in any case form.
    public let names: [String: [String]]
    public let acronyms: [String: [String]]

    /// Organisations from rows of `id, kind, language, names, acronyms` (names and acronyms separated
    /// by `|`), in the order of their first line.
    static func read(_ rows: [[String]]) -> (organisations: [Organisation], rejected: [[String]]) {
        var order: [String] = []
        var kinds: [String: Kind] = [:]
        var names: [String: [String: [String]]] = [:], acronyms: [String: [String: [String]]] = [:]
        var rejected: [[String]] = []
        func list(_ column: String) -> [String] { column.split(separator: "|").map(String.init) }
        for row in rows {
            guard row.count == 5, !row[0].isEmpty, !row[2].isEmpty, let kind = Kind(rawValue: row[1]),
                  kinds[row[0]].map({ $0 == kind }) ?? true else {
                rejected.append(row)
                continue
            }
            let id = row[0], language = row[2]
            if kinds[id] == nil { order.append(id) }
            kinds[id] = kind
            names[id, default: [:]][language, default: []] += list(row[3])
            acronyms[id, default: [:]][language, default: []] += list(row[4])
        }
        let organisations = order.map { id in
            Organisation(id: id, kind: kinds[id]!, names: names[id] ?? [:], acronyms: acronyms[id] ?? [:])
        }
        return (organisations, rejected)
    }
}

extension Knowledge {
    /// The organisations of the table.
    public var organisations: [Organisation] { organisationTable.value.organisations }

    /// Data rows the table could not use (an unknown kind, a missing column, a kind that differs
    /// between an organisation's lines), for the tests.
    public var rejectedOrganisationRows: [[String]] { organisationTable.value.rejected }

    /// The organisation matcher of a language, built once.
    public func organisationMatcher(for language: Language) -> OrganisationMatcher {
        matchers.value(for: language.code) { [unowned self] in OrganisationMatcher(language: language, organisations: self.organisations) }
    }
}
