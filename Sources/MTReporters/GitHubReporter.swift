import MTCore

/// GitHub Actions workflow commands (`--format github`): one annotation per finding,
/// `::error` for critical, `::warning` for major, `::notice` for minor; then the document's verdict
/// (`::error` with the reasons when it fails the gate, `::notice` when it passes), and at the end
/// of the run one line for the whole gate.
public enum GitHubReporter {
    public static func render(_ result: LintResult) -> String {
        let score = result.score
        let verdict = "\(score.passed ? "notice" : "error") file=\(escapeProperty(result.document.path)),title=mtlint gate::"
            + escapeData("\(score.verdict); score \(String(format2: score.value)) over \(score.wordCount) words")
        return annotations(result) + "::\(verdict)\n"
    }

    /// The run's last line: how many documents failed the gate.
    public static func summary(_ gate: GateSummary) -> String {
        "::\(gate.passed ? "notice" : "error") title=mtlint gate::\(escapeData("\(gate); gate: \(gate.policy)"))\n"
    }

    static func annotations(_ result: LintResult) -> String {
        result.findings.map { finding in
            let target = finding.target
            let properties = [
                "file=\(escapeProperty(result.document.path))",
                "line=\(target.start.line)", "col=\(target.start.column)",
                "endLine=\(target.end.line)", "endColumn=\(target.end.column)",
                "title=\(escapeProperty("\(finding.code) \(finding.ruleID)"))",
            ]
            return "::\(level(finding.severity)) \(properties.joined(separator: ","))::\(escapeData(finding.message))\n"
        }.joined()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical: "error"
        case .major: "warning"
        case .minor: "notice"
        }
    }

    /// The escaping GitHub's workflow-command parser expects in the message ("\r\n" is one Character),
    /// then any other control character made visible.
    static func escapeData(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", "\r\n": "%0D%0A"]).escapingControlCharacters
    }

    /// …and in property values.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll([":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces characters by strings, in one pass.
    func replacingAll(_ table: [Character: String]) -> String {
        guard contains(where: { table[$0] != nil }) else { return self }
        var out = ""
        for character in self {
            if let replacement = table[character] { out += replacement } else { out.append(character) }
        }
        return out
    }
}
