import Foundation
import MTCore

/// SARIF 2.1.0 (`--format sarif`), as GitHub code scanning reads it: the rules from their
/// declarations, one result per finding with its region, the source span as a related location,
/// and fingerprints that survive unrelated edits (they hash the rule, the flagged text and its
/// occurrence count, not line numbers).
public struct SARIFReporter {
    public let rules: [RuleDescription]
    public let toolVersion: String

    public init(rules: [RuleDescription], toolVersion: String) {
        self.rules = rules
        self.toolVersion = toolVersion
    }

    public func render(_ results: [LintResult]) throws -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(
                name: "mtlint", version: toolVersion, rules: rules.map(ReportingDescriptor.init))),
            invocations: [Invocation(GateSummary(results))],
            columnKind: "unicodeCodePoints",
            results: results.flatMap { result in
                var seen: [String: Int] = [:]
                return result.findings.map { finding in
                    let key = "\(finding.code)\u{1F}\(finding.target.text)"
                    let occurrence = seen[key, default: 0]
                    seen[key] = occurrence + 1
                    return Result(finding, path: result.document.path, ruleIndex: ruleIndex[finding.code],
                                  fingerprint: Self.fingerprint("\(key)\u{1F}\(occurrence)"))
                }
            })])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical: "error"
        case .major: "warning"
        case .minor: "note"
        }
    }

    /// 64-bit FNV-1a of the UTF-8 bytes, in hex: a stable key, not a security measure.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - SARIF objects (only the properties mtlint fills)

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let columnKind: String
        let results: [Result]
    }

    /// The run and its gate. `executionSuccessful` is SARIF's "the tool ran to completion" (true: a
    /// document that fails the gate is a result, not a tool failure); the verdict is `exitCode`
    /// (1 when a document failed the gate) and `properties.gate`, as in the JSON report.
    struct Invocation: Encodable {
        let executionSuccessful = true
        let exitCode: Int
        let exitCodeDescription: String
        let properties: Properties

        struct Properties: Encodable {
            let gate: JSONReporter.RunGateEntry
        }

        init(_ gate: GateSummary) {
            exitCode = gate.passed ? 0 : 1
            exitCodeDescription = "\(gate); gate: \(gate.policy)"
            properties = Properties(gate: JSONReporter.RunGateEntry(gate))
        }
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [ReportingDescriptor]
    }

    struct Text: Encodable {
        let text: String
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Text
        let fullDescription: Text
        let help: Help
        let defaultConfiguration: Configuration
        let properties: Properties

        struct Help: Encodable {
            let text: String
            let markdown: String
        }

        struct Configuration: Encodable {
            let level: String
        }

        struct Properties: Encodable {
            let tags: [String]
            let mqm: String
            let severity: String
        }

        init(_ rule: RuleDescription) {
            id = rule.code
            name = rule.id
            shortDescription = Text(text: rule.summary)
            fullDescription = Text(text: rule.rationale)
            help = Help(
                text: RuleCatalog.explain(rule),
                markdown: "**\(rule.code) \(rule.id)**: \(rule.summary)\n\n\(rule.rationale)\n\nMQM type: `\(rule.mqm)`, default severity: \(rule.severity.rawValue).")
            defaultConfiguration = Configuration(level: SARIFReporter.level(rule.severity))
            properties = Properties(tags: [rule.mqm.dimension, rule.mqm.description], mqm: rule.mqm.description, severity: rule.severity.rawValue)
        }
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int?
        let level: String
        let message: Text
        let locations: [Location]
        let relatedLocations: [Location]?
        let partialFingerprints: [String: String]
        let properties: [String: String]

        init(_ finding: Finding, path: String, ruleIndex: Int?, fingerprint: String) {
            ruleId = finding.code
            self.ruleIndex = ruleIndex
            level = SARIFReporter.level(finding.severity)
            message = Text(text: finding.message)
            locations = [Location(id: nil, span: finding.target, path: path, message: nil,
                                  logicalLocations: finding.unit.map { [LogicalLocation(name: $0.id, kind: "resource")] })]
            let related = (finding.source.map { [($0, "source text")] } ?? []) + finding.related.map { ($0, "related") }
            relatedLocations = related.isEmpty ? nil : related.enumerated().map { index, item in
                Location(id: index, span: item.0, path: path, message: Text(text: item.1))
            }
            partialFingerprints = ["mtlintFinding/v1": fingerprint]
            var properties = ["mqm": finding.mqm.description, "severity": finding.severity.rawValue, "rule": finding.ruleID]
            if let unit = finding.unit, !unit.notes.isEmpty { properties["unitNotes"] = unit.notes.joined(separator: "\n") }
            self.properties = properties
        }
    }

    struct Location: Encodable {
        let id: Int?
        let physicalLocation: PhysicalLocation
        /// The unit of a bilingual file the finding is in.
        let logicalLocations: [LogicalLocation]?
        let message: Text?

        init(id: Int?, span: Span, path: String, message: Text?, logicalLocations: [LogicalLocation]? = nil) {
            self.id = id
            self.logicalLocations = logicalLocations
            physicalLocation = PhysicalLocation(
                artifactLocation: ArtifactLocation(uri: ArtifactLocation.uri(path)),
                region: Region(
                    startLine: span.start.line, startColumn: span.start.column,
                    endLine: span.end.line, endColumn: span.end.column,
                    byteOffset: span.start.utf8Offset, byteLength: span.end.utf8Offset - span.start.utf8Offset,
                    snippet: Text(text: span.text)))
            self.message = message
        }
    }

    struct LogicalLocation: Encodable {
        let name: String
        let kind: String
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String

        /// A relative path as a relative URI reference; an absolute one as a file URI.
        static func uri(_ path: String) -> String {
            let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
            let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
            return path.hasPrefix("/") ? "file://" + encoded : encoded
        }
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let byteOffset: Int
        let byteLength: Int
        let snippet: Text
    }
}
