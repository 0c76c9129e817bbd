import Foundation
import MTCore
import Synchronization

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
    /// schema version and, when given, the input's id. Written by `LineWriter`, byte for byte what
    /// `JSONEncoder` with sorted keys writes for these entries (a test compares the two on every kind of value).
    public static func line(_ result: LintResult, id: RecordID? = nil) throws -> String {
        var writer = LineWriter()
        writer.write(DocumentEntry(result), version: version, id: id)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    struct Report: Encodable {
        let version: Int
        let gate: RunGateEntry
        let documents: [DocumentEntry]
    }

    /// The gate's settings.
    struct PolicyEntry: Encodable {
        let policy: ScoringPolicy
        var minScore: Double { policy.minimumScore }
        var failOn: String? { policy.failOn?.rawValue }
        var weights: [String: Double] { Dictionary(uniqueKeysWithValues: policy.weights.map { ($0.rawValue, $1) }) }

        init(_ policy: ScoringPolicy) { self.policy = policy }

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

extension JSONReporter {
    /// Writes the entries of a JSON line straight into bytes, keys in sorted order, as `JSONEncoder`
    /// (`.sortedKeys`, `.withoutEscapingSlashes`) does: it builds a tree of boxed values and sorts each
    /// object's keys, which on a stream of segment pairs cost a twelfth of checking them.
    /// Each entry's keys are listed here in sorted order; a new field goes in its place.
    struct LineWriter {
        private(set) var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(1_024) }

        mutating func write(_ document: DocumentEntry, version: Int, id: RecordID?) {
            raw("{")
            if let baselined = document.baselined { key("baselined"); integer(baselined); raw(",") }
            key("findings"); array(document.findings) { $0.write($1) }
            raw(","); key("gate"); write(document.gate)
            switch id {
            case .text(let text): raw(","); key("id"); string(text)
            case .integer(let number): raw(","); key("id"); integer(number)
            case nil: break
            }
            raw(","); key("passed"); boolean(document.passed)
            raw(","); key("path"); string(document.path)
            raw(","); key("penalty"); number(document.penalty)
            raw(","); key("score"); number(document.score)
            raw(","); key("sourceLanguage"); string(document.sourceLanguage)
            if let suppressed = document.suppressed { raw(","); key("suppressed"); integer(suppressed) }
            raw(","); key("targetLanguage"); string(document.targetLanguage)
            raw(","); key("version"); integer(version)
            raw(","); key("wordCount"); integer(document.wordCount)
            raw("}\n")
        }

        private mutating func write(_ gate: GateEntry) {
            raw("{"); key("passed"); boolean(gate.passed)
            raw(","); key("policy"); write(gate.policy)
            raw(","); key("reasons"); array(gate.reasons) { $0.write($1) }
            raw("}")
        }

        /// A policy's JSON, written once per policy: a stream's lines all have the same.
        private static let policies = Mutex<[ScoringPolicy: [UInt8]]>([:])

        private mutating func write(_ entry: PolicyEntry) {
            if let known = Self.policies.withLock({ $0[entry.policy] }) {
                bytes.append(contentsOf: known)
                return
            }
            var writer = LineWriter()
            writer.writePolicy(entry)
            Self.policies.withLock { policies in
                if policies.count >= 64 { policies.removeAll() }  // (a process meets a few: its profiles')
                policies[entry.policy] = writer.bytes
            }
            bytes.append(contentsOf: writer.bytes)
        }

        private mutating func writePolicy(_ policy: PolicyEntry) {
            raw("{"); key("failOn")
            if let failOn = policy.failOn { string(failOn) } else { raw("null") }
            raw(","); key("minScore"); number(policy.minScore)
            raw(","); key("weights"); raw("{")
            for (index, weight) in policy.weights.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { raw(",") }
                string(weight.key); raw(":"); number(weight.value)
            }
            raw("}}")
        }

        private mutating func write(_ reason: ReasonEntry) {
            raw("{")
            if let count = reason.count { key("count"); integer(count); raw(",") }
            if let failOn = reason.failOn { key("failOn"); string(failOn); raw(",") }
            key("kind"); string(reason.kind)
            raw(","); key("message"); string(reason.message)
            if let minScore = reason.minScore { raw(","); key("minScore"); number(minScore) }
            if let score = reason.score { raw(","); key("score"); number(score) }
            if let severity = reason.severity { raw(","); key("severity"); string(severity) }
            raw("}")
        }

        private mutating func write(_ finding: FindingEntry) {
            raw("{"); key("code"); string(finding.code)
            raw(","); key("message"); string(finding.message)
            raw(","); key("mqm"); string(finding.mqm)
            raw(","); key("related"); array(finding.related) { $0.write($1) }
            raw(","); key("rule"); string(finding.rule)
            raw(","); key("severity"); string(finding.severity)
            raw(","); key("source")
            if let source = finding.source { write(source) } else { raw("null") }
            raw(","); key("target"); write(finding.target)
            if let unit = finding.unit {
                raw(","); key("unit"); raw("{"); key("id"); string(unit.id)
                raw(","); key("notes"); array(unit.notes) { $0.string($1) }
                raw("}")
            }
            raw("}")
        }

        private mutating func write(_ span: SpanEntry) {
            raw("{"); key("column"); integer(span.column)
            raw(","); key("endColumn"); integer(span.endColumn)
            raw(","); key("endLine"); integer(span.endLine)
            raw(","); key("line"); integer(span.line)
            raw(","); key("text"); string(span.text)
            raw(","); key("utf16EndOffset"); integer(span.utf16EndOffset)
            raw(","); key("utf16Offset"); integer(span.utf16Offset)
            raw(","); key("utf8EndOffset"); integer(span.utf8EndOffset)
            raw(","); key("utf8Offset"); integer(span.utf8Offset)
            raw("}")
        }

        private mutating func array<Element>(_ elements: [Element], _ write: (inout LineWriter, Element) -> Void) {
            raw("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { raw(",") }
                write(&self, element)
            }
            raw("]")
        }

        private mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        /// A key and its colon (the keys are plain ASCII words, written as they are).
        private mutating func key(_ name: StaticString) {
            bytes.append(UInt8(ascii: "\""))
            raw(name)
            raw("\":")
        }

        private mutating func boolean(_ value: Bool) {
            if value { raw("true") } else { raw("false") }
        }

        private mutating func integer(_ value: Int) {
            bytes.append(contentsOf: String(value).utf8)
        }

        /// As `JSONEncoder` writes a Double: its shortest round-trip form, without a trailing ".0" ("98", "92.59", "1e+16").
        private mutating func number(_ value: Double) {
            let text = value.description
            bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
        }

        /// A JSON string: quotation mark and reverse solidus escaped, control characters as `\b`, `\t`,
        /// `\n`, `\f`, `\r` or `\u00XX`; everything else (the solidus and all non-ASCII text) as it is.
        private mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case 0x08: raw("\\b")
                case 0x09: raw("\\t")
                case 0x0A: raw("\\n")
                case 0x0C: raw("\\f")
                case 0x0D: raw("\\r")
                case ..<0x20:
                    raw("\\u00")
                    for digit in [byte >> 4, byte & 0xF] { bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit) }  // lower-case hex
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
