import Foundation
import MTCore

/// Every output format, and whether it is written document by document (streamed) or once for
/// the whole run.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, github, junit

    /// Streamed formats print each document as soon as it (and every document before it) is checked.
    public var isStreamed: Bool { [.text, .jsonl, .github].contains(self) }
}

/// Renders results in a format. Reporters know findings and rule declarations, never individual rules.
public struct Reporting: Sendable {
    public let format: OutputFormat
    public let useColor: Bool
    /// The rule declarations, for formats that describe the rules (SARIF).
    public let rules: [RuleDescription]
    public let toolVersion: String

    public init(format: OutputFormat, useColor: Bool = false, rules: [RuleDescription], toolVersion: String) {
        self.format = format
        self.useColor = useColor
        self.rules = rules
        self.toolVersion = toolVersion
    }

    /// The output for one document of a streamed format.
    public func document(_ result: LintResult) throws -> String {
        switch format {
        case .text: TextReporter(useColor: useColor).render(result)
        case .jsonl: try JSONReporter.line(result)
        case .github: GitHubReporter.render(result)
        case .json, .sarif, .junit: ""
        }
    }

    /// The output of a whole-run format.
    public func run(_ results: [LintResult]) throws -> String {
        switch format {
        case .json: try JSONReporter.render(results)
        case .sarif: try SARIFReporter(rules: rules, toolVersion: toolVersion).render(results)
        case .junit: JUnitReporter.render(results)
        case .text, .jsonl, .github: ""
        }
    }
}
