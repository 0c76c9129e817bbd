import MTCore

/// Renders rule declarations for people: a terminal listing and the Markdown table in README.md.
public enum RuleCatalog {
    public static func text(_ rules: [RuleDescription]) -> String {
        let codeWidth = rules.map(\.code.count).max() ?? 0
        let idWidth = rules.map(\.id.count).max() ?? 0
        let mqmWidth = rules.map(\.mqm.description.count).max() ?? 0
        return rules.map { d in
            "\(pad(d.code, codeWidth))  \(pad(d.id, idWidth))  \(pad(d.mqm.description, mqmWidth))  \(pad(d.severity.rawValue, 8))  \(pad(d.tier.rawValue, 7))  \(d.summary)"
        }.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ rules: [RuleDescription]) -> String {
        var out = "| Code | Rule | MQM type | Default severity | Tier | Flags |\n|---|---|---|---|---|---|\n"
        for d in rules {
            out += "| \(d.code) | `\(d.id)` | \(d.mqm) | \(d.severity.rawValue) | \(d.tier.rawValue) | \(d.summary.replacingPipes) |\n"
        }
        let configurable = rules.filter { !$0.options.isEmpty }
        guard !configurable.isEmpty else { return out }
        out += "\nRule options (`.mtlint.yml`: `rules: RULE: OPTION: VALUE`; `mtlint explain RULE` gives why each default):\n\n"
        out += "| Rule | Option | Default | Values | Sets |\n|---|---|---|---|---|\n"
        for d in configurable {
            for option in d.options {
                out += "| `\(d.id)` | `\(option.name)` | \(option.defaultValue?.description ?? "not set") | \(option.valuesDescription) | \(option.summary.replacingPipes) |\n"
            }
        }
        return out
    }

    /// The full documentation of one rule, as `mtlint explain` prints it. In flagged examples
    /// `⟦…⟧` marks what the rule reports.
    public static func explain(_ d: RuleDescription) -> String {
        var out = "\(d.code) \(d.id)\n\n\(d.summary)\n\n"
        out += "MQM type: \(d.mqm)\nDefault severity: \(d.severity.rawValue)\n"
        out += "Tier: \(d.tier.rawValue)" + (d.tier == .preview ? " (runs only with --preview)" : " (on by default)") + "\n"
        let pairs = Set((d.triggering + d.nonTriggering).map(\.pair.description)).sorted()
        out += "Examples: \(pairs.joined(separator: ", "))\n\n"
        out += "Why\n\n\(d.rationale)\n"
        if !d.options.isEmpty {
            out += "\nOptions (.mtlint.yml: rules: \(d.id): NAME: VALUE)\n"
            for option in d.options {
                out += "\n    \(option.name): \(option.defaultValue?.description ?? "not set") by default; \(option.valuesDescription)\n"
                out += "        \(option.summary)\n        Why this default: \(option.provenance)\n"
            }
        }
        for (title, examples) in [("Flagged (⟦…⟧ marks the reported span; → the message)", d.triggering), ("Not flagged", d.nonTriggering)] {
            out += "\n\(title)\n"
            for example in examples {
                let pair = example.pair == .russianEnglish ? "" : "    (\(example.pair))\n"
                out += "\n" + pair + example.display.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "    " + $0 }.joined(separator: "\n") + "\n"
                out += example.messages.map { "    → \($0)\n" }.joined()
            }
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
