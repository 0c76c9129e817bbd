import Foundation
import MTCore

/// The versioned machine-readable report (`--format json`). Schema: README.md, "JSON output".
public enum JSONReporter {
    public static let version = 1

    public static func render(_ results: [LintResult]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Report(version: version, gate: RunGateEntry(GateSummary(results)), documents: results.map(DocumentEntry.init)))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One document as a single JSON line (`--format jsonl`): the document object of `render`, with the
    /// schema version and, when given, the input's id.
    public static func line(_ result: LintResult, id: RecordID? = nil) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Line(version: version, id: id, document: DocumentEntry(result)))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Line: Encodable {
        let version: Int
        let id: RecordID?
        let document: DocumentEntry

        func encode(to encoder: any Encoder) throws {
            try document.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(version, forKey: .version)
            try container.encodeIfPresent(id, forKey: .id)
        }

        enum Keys: String, CodingKey { case version, id }
    }

    struct Report: Encodable {
        let version: Int
        let gate: RunGateEntry
        let documents: [DocumentEntry]
    }

    /// The gate's settings.
    struct PolicyEntry: Encodable {
        let minScore: Double
        let failOn: String?
        let weights: [String: Double]

        init(_ policy: ScoringPolicy) {
            minScore = policy.minimumScore
            failOn = policy.failOn?.rawValue
            weights = Dictionary(uniqueKeysWithValues: policy.weights.map { ($0.rawValue, $1) })
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(minScore, forKey: .minScore)
            try container.encode(failOn, forKey: .failOn)  // null: no severity fails by itself
            try container.encode(weights, forKey: .weights)
        }

        enum CodingKeys: String, CodingKey { case minScore, failOn, weights }
    }

    /// The verdict of the whole run.
    struct RunGateEntry: Encodable {
        let passed: Bool
        let documents: Int
        let failed: Int
        let policy: PolicyEntry

        init(_ summary: GateSummary) {
            passed = summary.passed
            documents = summary.documents
            failed = summary.failed
            policy = PolicyEntry(summary.policy)
        }
    }

    /// One document's verdict and why.
    struct GateEntry: Encodable {
        let passed: Bool
        let reasons: [ReasonEntry]
        let policy: PolicyEntry

        init(_ score: Score) {
            passed = score.passed
            reasons = score.reasons.map(ReasonEntry.init)
            policy = PolicyEntry(score.policy)
        }
    }

    /// `{"kind":"score","score":91.25,"minScore":98,"message":…}` or
    /// `{"kind":"severity","severity":"major","count":4,"failOn":"major","message":…}`.
    struct ReasonEntry: Encodable {
        let kind: String
        let message: String
        var score: Double?
        var minScore: Double?
        var severity: String?
        var count: Int?
        var failOn: String?

        init(_ reason: GateReason) {
            message = reason.description
            switch reason {
            case .scoreBelowMinimum(let score, let minimum):
                kind = "score"
                self.score = (score * 100).rounded() / 100
                minScore = minimum
            case .severity(let severity, let count, let failOn):
                kind = "severity"
                self.severity = severity.rawValue
                self.count = count
                self.failOn = failOn.rawValue
            }
        }
    }

    struct DocumentEntry: Encodable {
        let path: String
        let sourceLanguage: String
        let targetLanguage: String
        let wordCount: Int
        let penalty: Double
        let score: Double
        let passed: Bool
        let gate: GateEntry
        let findings: [FindingEntry]
        /// Findings not reported: taken away by suppressions, held by the baseline (absent when none).
        let suppressed: Int?
        let baselined: Int?

        init(_ result: LintResult) {
            path = result.document.path
            sourceLanguage = result.document.pair.source.code
            targetLanguage = result.document.pair.target.code
            wordCount = result.score.wordCount
            penalty = result.score.penalty
            score = (result.score.value * 100).rounded() / 100
            passed = result.score.passed
            gate = GateEntry(result.score)
            findings = result.findings.map(FindingEntry.init)
            suppressed = result.suppressed == 0 ? nil : result.suppressed
            baselined = result.baselined == 0 ? nil : result.baselined
        }
    }

    struct FindingEntry: Encodable {
        let rule: String
        let code: String
        let mqm: String
        let severity: String
        let message: String
        let target: SpanEntry
        let source: SpanEntry?
        let related: [SpanEntry]
        /// In a bilingual file, the unit's id and notes (absent otherwise).
        let unit: UnitEntry?

        struct UnitEntry: Encodable {
            let id: String
            let notes: [String]
        }

        init(_ finding: Finding) {
            unit = finding.unit.map { UnitEntry(id: $0.id, notes: $0.notes) }
            rule = finding.ruleID
            code = finding.code
            mqm = finding.mqm.description
            severity = finding.severity.rawValue
            message = finding.message
            target = SpanEntry(finding.target)
            source = finding.source.map(SpanEntry.init)
            related = finding.related.map(SpanEntry.init)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(code, forKey: .code)
            try container.encode(mqm, forKey: .mqm)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            try container.encode(target, forKey: .target)
            try container.encode(source, forKey: .source)  // null when unknown
            try container.encode(related, forKey: .related)
            try container.encodeIfPresent(unit, forKey: .unit)
        }

        enum CodingKeys: String, CodingKey { case rule, code, mqm, severity, message, target, source, related, unit }
    }

    struct SpanEntry: Encodable {
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let utf8Offset: Int
        let utf8EndOffset: Int
        let utf16Offset: Int
        let utf16EndOffset: Int
        let text: String

        init(_ span: Span) {
            line = span.start.line
            column = span.start.column
            endLine = span.end.line
            endColumn = span.end.column
            utf8Offset = span.start.utf8Offset
            utf8EndOffset = span.end.utf8Offset
            utf16Offset = span.start.utf16Offset
            utf16EndOffset = span.end.utf16Offset
            text = span.text
        }
    }
}
