import Foundation
import MTCore

/// Every output format, and whether it is written document by document (streamed) or once for
/// the whole run.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, sarif, github, junit, html

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
    /// The gate, which the HTML report states.
    public let policy: ScoringPolicy

    public init(
        format: OutputFormat, useColor: Bool = false, rules: [RuleDescription], toolVersion: String,
        policy: ScoringPolicy = ScoringPolicy()
    ) {
        self.format = format
        self.useColor = useColor
        self.rules = rules
        self.toolVersion = toolVersion
        self.policy = policy
    }

    public var html: HTMLReporter { HTMLReporter(rules: rules, policy: policy, toolVersion: toolVersion) }

    /// The output for one document of a streamed format.
    public func document(_ result: LintResult) throws -> String {
        switch format {
        case .text: TextReporter(useColor: useColor).render(result)
        case .jsonl: try JSONReporter.line(result)
        case .github: GitHubReporter.render(result)
        case .json, .sarif, .junit, .html: ""
        }
    }

    /// The end of a streamed format's output, once every document is written: github's gate line,
    /// and with several documents text's count of those that failed.
    public func end(_ gate: GateSummary) -> String {
        switch format {
        case .github: GitHubReporter.summary(gate)
        case .text where gate.documents > 1: "\(gate)\n"
        default: ""
        }
    }

    /// The output of a whole-run format.
    public func run(_ results: [LintResult]) throws -> String {
        switch format {
        case .json: try JSONReporter.render(results)
        case .sarif: try SARIFReporter(rules: rules, toolVersion: toolVersion).render(results)
        case .junit: JUnitReporter.render(results)
        // One document: its page. Several: the index (pages need a directory, see `--output DIR/`).
        case .html: results.count == 1 ? html.page(results[0]) : html.index(results)
        case .text, .jsonl, .github: ""
        }
    }
}
