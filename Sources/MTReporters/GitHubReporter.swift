import MTCore

/// GitHub Actions workflow commands (`--format github`): one annotation per finding,
/// `::error` for critical, `::warning` for major, `::notice` for minor.
public enum GitHubReporter {
    public static func render(_ result: LintResult) -> String {
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
