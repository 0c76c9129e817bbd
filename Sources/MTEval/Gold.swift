import Foundation
import MTCore

/// A reviewer's annotation of one article (the format of `Corpora/*.gold.json` and the shared
/// seeds): the errors a checker should find, the traps it must not flag, and the caption alignment.
public struct Gold: Decodable, Sendable {
    public struct Error: Decodable, Sendable {
        public let id: String
        /// 1-based line of the article.
        public let line: Int
        /// Exact text on that line that a finding must overlap.
        public let text: String
        public let mqm: String
        public let severity: String
        /// `yes`: a rule-based checker should catch it; `stretch`: hard.
        public let expect: String
    }

    public struct Trap: Decodable, Sendable {
        public let line: Int
        public let text: String
    }

    public struct Alignment: Decodable, Equatable, Sendable {
        public let source: Int
        public let target: Int?

        public init(source: Int, target: Int?) {
            self.source = source
            self.target = target
        }
    }

    /// The article's file name, relative to the gold file's directory.
    public let document: String
    /// The source article's file name, when the article is checked against it as two files; `line`s
    /// are then the translation's and an alignment's `source` lines are the source file's.
    public let source: String?
    /// The expected gate result with default settings (`pass` or `fail`), when given.
    public let verdict: String?
    public let errors: [Error]
    public let traps: [Trap]
    public let alignment: [Alignment]

    /// Reads a gold file; a file that is not one gives an `InputError` naming it.
    public static func load(path: String) throws(InputError) -> Gold {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(path: path, reason: "cannot be read")
        }
        do {
            return try JSONDecoder().decode(Gold.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw InputError(path: path, reason: "is not valid JSON (\(Self.describe(context)))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError(path: path, reason: "is not a gold file: \(Self.describe(context, key: key)) is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw InputError(path: path, reason: "is not a gold file: \(Self.describe(context)) has the wrong type")
        } catch {
            throw InputError(path: path, reason: "is not a gold file: \(error)")
        }
    }

    private static func describe(_ context: DecodingError.Context, key: CodingKey? = nil) -> String {
        let path = (context.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        if path.isEmpty { return context.debugDescription }
        return "'" + path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[") + "'"
    }
}

/// How a linted article compares with its gold file.
public struct GoldComparison: Sendable {
    public let result: LintResult
    public let gold: Gold
    /// MQM types that the rules which ran can report: gold errors of other types are not expected.
    public let coveredTypes: Set<String>

    public init(result: LintResult, gold: Gold, coveredTypes: Set<String>) {
        self.result = result
        self.gold = gold
        self.coveredTypes = coveredTypes
    }

    /// "accuracy/addition (repetition)" is of type "accuracy/addition".
    public static func baseType(_ mqm: String) -> String {
        String(mqm.prefix { $0 != " " && $0 != "(" })
    }

    /// UTF-16 ranges where `text` occurs on a 1-based line of the document's file (a page's own text, for
    /// a document read from a page).
    public func occurrences(of text: String, line: Int) -> [Range<Int>] {
        let buffer = result.document.fileMap?.file ?? result.document.buffer
        guard (1...buffer.lineCount).contains(line) else { return [] }
        let lineRange = buffer.lineRange(line)
        let needle = Array(text.utf16), haystack = Array(buffer.units[lineRange])
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).compactMap { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
                ? (lineRange.lowerBound + start)..<(lineRange.lowerBound + start + needle.count) : nil
        }
    }

    public func touches(_ finding: Finding, line: Int, text: String) -> Bool {
        occurrences(of: text, line: line).contains { $0.overlaps(finding.target.utf16Range) }
    }

    /// Gold errors a checker is expected to find: `expect: yes`, of a type some rule reports.
    public var expected: [Gold.Error] {
        gold.errors.filter { $0.expect == "yes" && coveredTypes.contains(Self.baseType($0.mqm)) }
    }

    public var missed: [Gold.Error] {
        expected.filter { error in !result.findings.contains { touches($0, line: error.line, text: error.text) } }
    }

    /// The gold errors a finding overlaps.
    public func errors(touchedBy finding: Finding) -> [Gold.Error] {
        gold.errors.filter { touches(finding, line: $0.line, text: $0.text) }
    }

    /// Findings over a trap's text. An occurrence of the trap text inside a gold error's text
    /// (a name that is also part of a repeated phrase) is not the trap.
    public var trapHits: [(trap: Gold.Trap, finding: Finding)] {
        gold.traps.flatMap { trap in
            let errorRanges = gold.errors.filter { $0.line == trap.line }.flatMap { occurrences(of: $0.text, line: $0.line) }
            let trapRanges = occurrences(of: trap.text, line: trap.line).filter { range in
                !errorRanges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
            }
            return result.findings
                .filter { finding in trapRanges.contains { $0.overlaps(finding.target.utf16Range) } }
                .map { (trap, $0) }
        }
    }

    /// Findings that overlap no gold error.
    public var unexpected: [Finding] {
        result.findings.filter { errors(touchedBy: $0).isEmpty }
    }

    /// The caption alignment mtlint made, in the gold file's terms (first lines of blocks).
    public var alignment: [Gold.Alignment] {
        result.document.captionPairs.map { pair in
            Gold.Alignment(
                source: result.document.blocks[pair.source].firstLine,
                target: pair.target.map { result.document.blocks[$0].firstLine })
        }
    }
}
