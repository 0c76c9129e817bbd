import Foundation
import MTText
import Synchronization

/// `<!-- mtlint-disable-next-line RULE, RULE -->` on a line of its own: the findings of those rules (of
/// every rule, when none is named) on the next line with text are not reported. The comment is not part
/// of the article: no rule reads it.
public struct SuppressionDirective: Sendable, Hashable {
    public static let keyword = "mtlint-disable-next-line"

    /// The comment, in the document's buffer.
    public let range: Range<Int>
    /// The comment's line in the document's file.
    public let line: Int
    /// The line whose findings it suppresses, in the file (`nil`: the comment ends the document).
    public let targetLine: Int?
    /// That line in the document's buffer.
    let target: Range<Int>?
    /// Rule ids or codes as written; empty: every rule.
    public let rules: [String]

    /// Whether the directive covers a finding.
    public func covers(_ finding: Finding) -> Bool {
        guard let target, target.lowerBound <= finding.target.bufferRange.lowerBound,
              finding.target.bufferRange.lowerBound <= target.upperBound else { return false }
        return rules.isEmpty || rules.contains { $0 == finding.ruleID || $0.uppercased() == finding.code }
    }

    /// The rule names of a directive comment, when a trimmed line is one ("" names none).
    static func rules(inLine text: Substring) -> [String]? {
        guard text.hasPrefix("<!--"), text.hasSuffix("-->") else { return nil }
        let body = text.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard body == keyword || body.hasPrefix(keyword + " ") else { return nil }
        return body.dropFirst(keyword.count).split { $0 == "," || $0 == " " }.map(String.init)
    }

    /// Whether a trimmed line is a directive (the classifier leaves such lines out of the article).
    static func isDirective(_ buffer: TextBuffer, _ range: Range<Int>) -> Bool {
        // Most lines do not start with "<": decided without building a string.
        guard range.count >= 7, buffer.units[range.lowerBound] == 0x3C else { return false }
        return rules(inLine: Substring(buffer.string(range))) != nil
    }

    /// The directives of a document's lines; lines are given in the file a map leads to, if any.
    static func directives(in buffer: TextBuffer, fileMap: FileMap?) -> [SuppressionDirective] {
        func fileLine(_ range: Range<Int>) -> Int { fileMap?.position(at: range.lowerBound, end: false).line ?? buffer.line(at: range.lowerBound) }
        var found: [SuppressionDirective] = []
        var pending: [(range: Range<Int>, rules: [String])] = []
        for number in 1...max(1, buffer.lineCount) {
            let range = buffer.trimmed(buffer.lineRange(number))
            guard !range.isEmpty else { continue }
            if isDirective(buffer, range), let rules = rules(inLine: Substring(buffer.string(range))) {
                pending.append((range, rules))
                continue
            }
            found += pending.map { SuppressionDirective(range: $0.range, line: fileLine($0.range), targetLine: fileLine(range), target: buffer.lineRange(number), rules: $0.rules) }
            pending = []
        }
        return found + pending.map { SuppressionDirective(range: $0.range, line: fileLine($0.range), targetLine: nil, target: nil, rules: $0.rules) }
    }
}

/// A rule that judges the other rules' findings on a document (unused suppressions): run after them,
/// before suppressions and the baseline take findings away.
public protocol FindingsRule: Rule {
    func check(_ document: Document, findings: [Finding]) -> [Finding]
}

extension FindingsRule {
    /// Alone, with no other rule's findings.
    public func check(_ document: Document) -> [Finding] { check(document, findings: []) }
}

/// An `ignore:` entry of a configuration: findings that match every field it sets are not reported.
public struct IgnoreEntry: Sendable {
    /// Rule ids or codes; empty: any rule.
    public let rules: [String]
    /// The flagged text, exactly.
    public let text: String?
    public let line: Int?
    /// Where it is written ("FILE:LINE:COLUMN"), for the warning when it matches nothing.
    public let origin: String

    public init(rules: [String], text: String?, line: Int?, origin: String) {
        self.rules = rules
        self.text = text
        self.line = line
        self.origin = origin
    }

    public func covers(_ finding: Finding) -> Bool {
        (rules.isEmpty || rules.contains { $0 == finding.ruleID || $0.uppercased() == finding.code })
            && (text == nil || text == finding.target.text) && (line == nil || line == finding.target.start.line)
    }
}

/// Which suppressions (configuration entries, baseline entries) matched a finding somewhere in a run:
/// shared by the documents' threads, read once the run is over.
public final class UsageTracker: Sendable {
    private let used = Mutex<Set<Int>>([])

    public init() {}

    func use(_ index: Int) { used.withLock { _ = $0.insert(index) } }

    public func isUsed(_ index: Int) -> Bool { used.withLock { $0.contains(index) } }
}

/// The findings of an earlier run that a project accepted (`check --write-baseline`): a finding with the
/// same fingerprint in the same file is not reported. A fingerprint is the rule, the flagged text (with
/// the related texts, in any order), the source text and which occurrence of these in the file it is
/// (whitespace runs counted as one space),
/// not a line: a finding keeps it when paragraphs move around it (the idea of SARIF's partialFingerprints).
public struct Baseline: Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        /// Relative to the baseline file's directory.
        public let path: String
        public let rule: String
        public let fingerprint: String
        /// For people reading the file: where and what it was.
        public let line: Int
        public let text: String
    }

    struct File: Codable {
        var version = 1
        var tool = "mtlint"
        var findings: [Entry]
    }

    public let entries: [Entry]
    /// Absolute path of each entry's file.
    let absolutePaths: [String]
    /// Entry indices by absolute path and fingerprint.
    let index: [String: [String: [Int]]]
    public let usage = UsageTracker()

    init(entries: [Entry], directory: String) {
        self.entries = entries
        absolutePaths = entries.map { Self.absolute($0.path, in: directory) }
        var index: [String: [String: [Int]]] = [:]
        for (number, entry) in entries.enumerated() { index[absolutePaths[number], default: [:]][entry.fingerprint, default: []].append(number) }
        self.index = index
    }

    /// Reads a baseline file: exit-worthy errors name the file (and byte offset of bad JSON).
    public static func load(_ path: String) throws(InputError) -> Baseline {
        let decoded = try DocumentReader.read(path: FilePath(path), maximumSize: 256 << 20)
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(decoded.text.utf8))
        } catch DecodingError.dataCorrupted(let context) {
            let offset = (context.underlyingError as NSError?)?.userInfo["NSJSONSerializationErrorIndex"] as? Int
            throw InputError(path: path, reason: "is not valid JSON", byteOffset: offset.map { $0 + decoded.byteOffset })
        } catch {
            throw InputError(path: path, reason: "is not an mtlint baseline (\(Self.describe(error)))")
        }
        guard file.version == 1 else { throw InputError(path: path, reason: "is a baseline of version \(file.version); this mtlint reads version 1") }
        return Baseline(entries: file.findings, directory: Self.directory(of: path))
    }

    /// The baseline of checked documents' findings, paths relative to `path`'s directory, as JSON.
    public static func json(_ documents: [(path: String, findings: [Finding])], for path: String) throws -> String {
        let directory = Self.directory(of: path)
        let entries = documents.flatMap { document in
            zip(document.findings, fingerprints(document.findings)).map { finding, fingerprint in
                Entry(path: relative(document.path, to: directory), rule: finding.ruleID, fingerprint: fingerprint,
                      line: finding.target.start.line, text: finding.target.text)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(File(findings: entries)), as: UTF8.self) + "\n"
    }

    /// The findings of a document not in the baseline, and how many were.
    func filter(_ findings: [Finding], of path: String) -> (kept: [Finding], baselined: Int) {
        guard let known = index[Self.absolute(path, in: FileManager.default.currentDirectoryPath)] else { return (findings, 0) }
        var kept: [Finding] = []
        for (finding, fingerprint) in zip(findings, Self.fingerprints(findings)) {
            if let matches = known[fingerprint] {
                for match in matches { usage.use(match) }
            } else {
                kept.append(finding)
            }
        }
        return (kept, findings.count - kept.count)
    }

    /// Entries no finding of the run matched (fixed, or changed beyond recognition).
    public var unmatched: Int { (0..<entries.count).filter { !usage.isUsed($0) }.count }

    /// The fingerprint of each finding, in order: occurrences of the same rule, text and source counted in report order.
    static func fingerprints(_ findings: [Finding]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            // The flagged text with its related texts, in any order: a repetition or an inconsistency whose
            // two places swap (a paragraph moved before the other) is the same finding.
            let texts = ([finding.target.text] + finding.related.map(\.text)).map(collapsed).sorted()
            let key = ([finding.ruleID] + texts + [collapsed(finding.source?.text ?? "")]).joined(separator: "\u{1F}")
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return hex(fnv1a(key + "\u{1F}\(occurrence)"))
        }
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (Swift's Hasher is seeded per process).
    private static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func directory(of path: String) -> String {
        (absolute(path, in: FileManager.default.currentDirectoryPath) as NSString).deletingLastPathComponent
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
    }

    private static func relative(_ path: String, to directory: String) -> String {
        let absolute = absolute(path, in: FileManager.default.currentDirectoryPath)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: "no \(key.stringValue) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
