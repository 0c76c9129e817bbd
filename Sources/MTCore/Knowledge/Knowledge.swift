import Foundation
import MTText

/// What a check knows about its languages: the tables of mtlint's data files (`Data/`), plus, for a
/// project that adds its own (`knowledge:` in `.mtlint.yml`), rows of the same form added to them.
/// Each table is built from its rows once per knowledge set (and language or pair), on first use; a
/// document carries the set it was read with, so that classification, alignment and the rules all see
/// the same tables.
public final class Knowledge: Sendable {
    /// The bundled data alone.
    public static let bundled = Knowledge(rows: [:], files: [])

    /// The project's files, in the order given (empty for the bundled set): what tells two sets apart.
    public let files: [String]
    /// Rows added to each table, by the bundled file's name.
    private let added: [String: [[String]]]

    let lexicons = ProcessCache<LanguagePair, BilingualLexicon>()
    let entityMemoPools = ProcessCache<LanguagePair, EntityAlignment.MemoPool>()
    let matchers = ProcessCache<String, OrganisationMatcher>()
    let conventionalNameTables = ProcessCache<String, [String: [String]]>()
    let diminutiveTables = ProcessCache<String, [DiminutiveEntry]>()
    let organisationTable: Lazy<(organisations: [Organisation], rejected: [[String]])>
    let pageText: Lazy<[String: [String: [String]]]>

    /// - Parameters:
    ///   - rows: rows to add, by the name of the table they extend (checked by `Knowledge.read`).
    ///   - files: the files they come from.
    public init(rows: [String: [[String]]], files: [String]) {
        self.files = files
        added = rows
        organisationTable = Lazy { Organisation.read(KnowledgeFile.rows(named: "organisations.tsv") + (rows["organisations.tsv"] ?? [])) }
        pageText = Lazy { PageTextKind.table(KnowledgeFile.rows(named: "page-text.tsv") + (rows["page-text.tsv"] ?? [])) }
    }

    /// A table's rows: the bundled file's, then the project's.
    public func rows(named name: String) -> [[String]] {
        KnowledgeFile.rows(named: name) + added(named: name)
    }

    /// Only the project's rows of a table.
    public func added(named name: String) -> [[String]] { added[name] ?? [] }

    /// The bilingual lexicon of a language pair with this knowledge.
    public func lexicon(for pair: LanguagePair) -> BilingualLexicon {
        lexicons.value(for: pair) { [unowned self] in BilingualLexicon(pair: pair, knowledge: self) }
    }

    /// The memos of word analyses that entity alignment keeps between documents of a pair with this knowledge.
    func entityMemos(for pair: LanguagePair) -> EntityAlignment.MemoPool {
        entityMemoPools.value(for: pair) { EntityAlignment.MemoPool() }
    }
}

// MARK: - Tables a project may extend

extension Knowledge {
    /// A data file a project may add rows to, and what its rows must hold beyond its columns.
    public struct Table: Sendable {
        /// The first part of the file's name: `organisations` for `organisations.tsv`,
        /// `acronyms` for `acronyms.ru-en.tsv`.
        public let kind: String
        /// Values a column allows, by column name (a column not named takes any value).
        let allowed: @Sendable () -> [String: Set<String>]
        /// Checks of a row against the rows before it (bundled and the project's): a column and a
        /// message, or nil.
        let check: @Sendable (_ row: [String: String], _ before: [[String]]) -> (column: String, message: String)?
    }

    private static var languageCodes: Set<String> { Set(Language.all.map(\.code)) }

    /// The tables a project may extend. Not the generated compiled lexicon, the precision budget or the
    /// offered language pairs: those are measurements, not knowledge.
    public static let tables: [Table] = [
        Table(kind: "organisations", allowed: { ["kind": Set(Organisation.Kind.allCases.map(\.rawValue)), "language": languageCodes] }) { row, before in
            // An organisation has one kind on all its lines (`Organisation.read`).
            guard let other = before.first(where: { $0.count == 5 && $0[0] == row["id"] && $0[1] != row["kind"] }) else { return nil }
            return ("kind", "\(row["id"] ?? "") is of kind \(other[1]) elsewhere: an organisation has one kind on all its lines")
        },
        Table(kind: "page-text", allowed: { ["language": languageCodes, "kind": Set(PageTextKind.allCases.map(\.rawValue))] }) { row, _ in
            // Lines are compared on their NFKC_Casefold key: a phrase written otherwise could never match
            // (a final "…" stands for the rest of the line).
            guard let phrase = row["phrase"].map({ $0.hasSuffix("…") ? String($0.dropLast()) : $0 }), Normalizer.foldKey(phrase) != phrase else { return nil }
            return ("phrase", "write the phrase as lines are compared, folded: '\(Normalizer.foldKey(phrase))'")
        },
        Table(kind: "acronyms", allowed: { ["kind": ["", "country"]] }) { _, _ in nil },
        Table(kind: "conventional-names", allowed: { [:] }) { _, _ in nil },
        Table(kind: "compound-prefixes", allowed: { [:] }) { _, _ in nil },
        Table(kind: "diminutives", allowed: { [:] }) { _, _ in nil },
        Table(kind: "lexicon", allowed: { [:] }) { _, _ in nil },
    ]

    /// The bundled table a project file extends, by its name: the table's own file name
    /// (`organisations.tsv`) or that name after a prefix of the project's (`newsroom.organisations.tsv`).
    public static func table(forFileNamed name: String) -> (table: Table, fileName: String)? {
        KnowledgeFile.names.filter { name == $0 || name.hasSuffix("." + $0) }.max { $0.count < $1.count }.flatMap { fileName in
            tables.first { fileName.hasPrefix($0.kind + ".") && !fileName.hasSuffix(".compiled.tsv") }.map { ($0, fileName) }
        }
    }

    /// The names of the bundled files a project may extend.
    public static var extensibleFileNames: [String] {
        KnowledgeFile.names.filter { name in
            !name.hasSuffix(".compiled.tsv") && tables.contains { name.hasPrefix($0.kind + ".") }
        }
    }

    /// A row of a knowledge file that cannot be used: its line and column (1-based, in characters).
    public struct Problem: Error, Sendable {
        public let line: Int
        public let column: Int
        public let message: String
    }

    /// The rows of a project's file for a bundled table: its first line that is not a comment names the
    /// same columns as the bundled file's, every other line holds a value for each, the values the
    /// table allows. The rows already in the table (`before`) are checked against too.
    public static func read(_ text: String, extending fileName: String, before: [[String]]) throws(Problem) -> [[String]] {
        guard let table = table(forFileNamed: fileName)?.table, let header = KnowledgeFile.header(named: fileName) else {
            throw Problem(line: 1, column: 1, message: "\(fileName) is not a table mtlint can add rows to")
        }
        let allowed = table.allowed()
        var rows: [[String]] = [], sawHeader = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            guard !line.allSatisfy(\.isWhitespace), !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // The column where field `i` starts.
            func column(_ i: Int) -> Int { 1 + fields.prefix(i).reduce(0) { $0 + $1.count + 1 } }
            func problem(_ i: Int, _ message: String) -> Problem { Problem(line: number + 1, column: column(i), message: message) }
            guard sawHeader else {
                guard fields == header else {
                    throw Problem(line: number + 1, column: 1, message: "the first line must name the columns of \(fileName), separated by tabs: "
                        + header.joined(separator: " | ") + " (found: \(fields.joined(separator: " | ")))")
                }
                sawHeader = true
                continue
            }
            guard fields.count == header.count else {
                throw problem(min(fields.count, header.count), "\(fields.count) tab-separated values where \(fileName) has \(header.count) columns (\(header.joined(separator: ", ")))")
            }
            guard !fields[0].trimmingCharacters(in: .whitespaces).isEmpty else { throw problem(0, "the first column (\(header[0])) is empty") }
            for (i, value) in fields.enumerated() where value != value.trimmingCharacters(in: .whitespaces) {
                throw problem(i, "\(header[i]) has spaces around its value")
            }
            for (i, name) in header.enumerated() {
                if let values = allowed[name], !values.contains(fields[i]) {
                    throw problem(i, "\(name) '\(fields[i])' is not one of \(values.sorted().map { $0.isEmpty ? "(empty)" : $0 }.joined(separator: ", "))")
                }
            }
            if let found = table.check(Dictionary(uniqueKeysWithValues: zip(header, fields)), before + rows) {
                throw problem(header.firstIndex(of: found.column) ?? 0, found.message)
            }
            rows.append(fields)
        }
        guard sawHeader else { throw Problem(line: 1, column: 1, message: "no header line: the first line must name the columns of \(fileName)") }
        return rows
    }
}

