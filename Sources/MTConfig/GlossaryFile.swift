import CSV
import Foundation
import MTCore
import MTText

/// Reads glossaries: TBX (TBX-Basic 2008 and TBX 2019: `termEntry`/`conceptEntry`, `langSet`/`langSec`,
/// `tig`/`ntig`/`termSec` with an `administrativeStatus` term note) and CSV or TSV
/// (`source,target[,status,note]`, status preferred, admitted or forbidden; a first row `source,target,…`
/// is a header).
public enum GlossaryFile {
    /// Glossaries are term lists; a larger file is refused rather than read.
    static let maximumSize = 64 << 20

    static func load(_ path: String, pair: LanguagePair) throws(ConfigError) -> [Glossary.Entry] {
        let bytes: [UInt8]
        do {
            let decoded = try DocumentReader.read(path: FilePath(path), maximumSize: maximumSize)
            bytes = Array(decoded.text.utf8)
        } catch {
            throw ConfigError(path: path, message: error.reason + (error.byteOffset.map { " at byte offset \($0)" } ?? ""))
        }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tbx", "xml": return try tbx(bytes, path: path, pair: pair)
        case "csv": return try table(String(decoding: bytes, as: UTF8.self), delimiter: ",", path: path)
        case "tsv", "txt": return try table(String(decoding: bytes, as: UTF8.self), delimiter: "\t", path: path)
        default: throw ConfigError(path: path, message: "is not a glossary mtlint reads: name it .tbx, .csv or .tsv")
        }
    }

    enum Status {
        case preferred, forbidden

        /// TBX's administrative status or the CSV status column; `nil`: not one mtlint knows.
        init?(_ text: String) {
            let value = text.lowercased().trimmingCharacters(in: .whitespaces)
            if value.isEmpty || value.hasPrefix("preferred") || value.hasPrefix("admitted") {
                self = .preferred
            } else if value.hasPrefix("forbidden") || value.hasPrefix("deprecated") || value.hasPrefix("superseded") || value.hasPrefix("notrecommended") {
                self = .forbidden
            } else {
                return nil
            }
        }
    }

    public static func tbx(_ bytes: [UInt8], path: String, pair: LanguagePair) throws(ConfigError) -> [Glossary.Entry] {
        let root: XMLElement
        do {
            root = try XML.parse(bytes)
        } catch {
            throw ConfigError(path: path, line: error.line, column: error.column,
                              message: error.byteOffset == nil ? error.message : error.description)
        }
        guard root.name == "martif" || root.name == "tbx" else {
            throw ConfigError(path: path, line: root.line, column: nil, message: "is not TBX: its root element is <\(root.name)>, not <martif> or <tbx>")
        }
        var entries: [Glossary.Entry] = []
        for concept in root.descendants(named: ["termEntry", "conceptEntry"]) {
            var sources: [String] = [], targets: [String] = [], forbidden: [String] = []
            for languageSet in concept.descendants(named: ["langSet", "langSec"]) {
                let language = languageSet.attributes["xml:lang"]?.split(separator: "-").first?.lowercased()
                for holder in languageSet.descendants(named: ["tig", "ntig", "termSec"]) {
                    guard let term = holder.descendants(named: ["term"]).first?.text.trimmingCharacters(in: .whitespacesAndNewlines), !term.isEmpty else { continue }
                    let note = holder.descendants(named: ["termNote"]).first { $0.attributes["type"] == "administrativeStatus" }
                    guard let status = Status(note?.text ?? "") else {
                        throw ConfigError(path: path, line: note?.line, column: nil,
                                          message: "administrativeStatus '\(note?.text ?? "")' is not one mtlint knows (preferred, admitted, deprecated, superseded)")
                    }
                    if language == pair.source.code, status == .preferred { sources.append(term) }
                    if language == pair.target.code { status == .preferred ? targets.append(term) : forbidden.append(term) }
                }
            }
            let note = concept.descendants(named: ["note"]).first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let origin = "\(path):\(concept.line)"
            if sources.isEmpty {
                if !forbidden.isEmpty { entries.append(Glossary.Entry(source: nil, targets: targets, forbidden: forbidden, note: note, origin: origin)) }
            } else {
                // The forbidden terms are reported once, with the first source term.
                for (number, source) in sources.enumerated() {
                    entries.append(Glossary.Entry(source: source, targets: targets, forbidden: number == 0 ? forbidden : [], note: note, origin: origin))
                }
            }
        }
        return entries
    }

    public static func table(_ text: String, delimiter: UnicodeScalar, path: String) throws(ConfigError) -> [Glossary.Entry] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, delimiter: delimiter)
        } catch {
            throw ConfigError(path: path, message: "is not valid \(delimiter == "," ? "CSV" : "TSV"): \(error)")
        }
        // Rows of the same source term make one entry, in the order of their first row.
        var order: [String] = []
        var groups: [String: (row: Int, targets: [String], forbidden: [String], note: String?)] = [:]
        var row = 0
        while let fields = reader.next() {
            row += 1
            let cells = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy(\.isEmpty) || cells.first?.hasPrefix("#") == true { continue }
            if row == 1, cells.first?.lowercased() == "source" { continue }
            func fail(_ message: String) -> ConfigError { ConfigError(path: path, line: row, column: nil, message: message) }
            guard cells.count >= 2, !cells[1].isEmpty else { throw fail("a row needs a source term (may be empty) and a target term: source\(delimiter == "," ? "," : "<tab>")target[,status,note]") }
            guard cells.count <= 4 else { throw fail("a row has at most four fields: source, target, status, note") }
            guard let status = Status(cells.count > 2 ? cells[2] : "") else {
                throw fail("status '\(cells[2])' is not preferred, admitted or forbidden")
            }
            guard !cells[0].isEmpty || status == .forbidden else { throw fail("a row without a source term must forbid its target (status forbidden)") }
            let key = cells[0]
            if groups[key] == nil {
                order.append(key)
                groups[key] = (row, [], [], nil)
            }
            if status == .preferred { groups[key]!.targets.append(cells[1]) } else { groups[key]!.forbidden.append(cells[1]) }
            if cells.count > 3, !cells[3].isEmpty, groups[key]!.note == nil { groups[key]!.note = cells[3] }
        }
        if let error = reader.error { throw ConfigError(path: path, line: row + 1, column: nil, message: "is not valid \(delimiter == "," ? "CSV" : "TSV"): \(error)") }
        return order.map { key in
            let group = groups[key]!
            return Glossary.Entry(source: key.isEmpty ? nil : key, targets: group.targets, forbidden: group.forbidden, note: group.note, origin: "\(path):\(group.row)")
        }
    }
}
