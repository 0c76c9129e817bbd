import MTCore

/// Renders rule declarations for people: a terminal listing and the Markdown table in README.md.
public enum RuleCatalog {
    public static func text(_ rules: [RuleDescription]) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 0
        let mqmWidth = rules.map(\.mqm.description.count).max() ?? 0
        return rules.map { d in
            "\(d.code)  \(pad(d.id, idWidth))  \(pad(d.mqm.description, mqmWidth))  \(pad(d.severity.rawValue, 8))  \(d.summary)"
        }.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ rules: [RuleDescription]) -> String {
        var out = "| Code | Rule | MQM type | Default severity | Flags |\n|---|---|---|---|---|\n"
        for d in rules {
            out += "| \(d.code) | `\(d.id)` | \(d.mqm) | \(d.severity.rawValue) | \(d.summary.replacingPipes) |\n"
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension String {
    fileprivate var replacingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
