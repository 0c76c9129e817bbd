import MTCore
import MTText

/// Compiler-style terminal output: one diagnostic per finding with the offending line
/// underlined, then a summary per document.
public struct TextReporter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) { self.useColor = useColor }

    public func render(_ result: LintResult) -> String {
        var out = ""
        for finding in result.findings {
            out += diagnostic(finding, in: result.document)
        }
        out += summary(result) + "\n"
        return out
    }

    /// Context shown around a span on each side, in UTF-16 units; longer lines are clipped with "…".
    static let context = 80

    func diagnostic(_ finding: Finding, in document: Document) -> String {
        let start = finding.target.start
        var out = "\(document.path.escapingControlCharacters):\(start.line):\(start.column): "
        out += paint(finding.severity.rawValue, color(finding.severity), bold: true)
        // One line per diagnostic, with no control character reaching the terminal.
        let message = finding.message.replacingAll(["\n": " ", "\r": " ", "\r\n": " "]).escapingControlCharacters
        out += ": \(message) " + paint("[\(finding.ruleID)]", "2") + "\n"

        // The excerpt: the span's first line, clipped to a window around the span.
        let buffer = document.buffer
        let line = buffer.lineRange(start.line)
        let spanEnd = min(finding.target.end.utf16Offset, line.upperBound)
        var from = max(line.lowerBound, start.utf16Offset - Self.context)
        var to = min(line.upperBound, spanEnd + Self.context)
        if from > line.lowerBound, UTF16.isTrailSurrogate(buffer.units[from]) { from -= 1 }
        if to < line.upperBound, UTF16.isTrailSurrogate(buffer.units[to]) { to += 1 }
        let lead = from > line.lowerBound ? "…" : "", tail = to < line.upperBound ? "…" : ""
        // Before, in and after the span, as shown: the caret is placed by what the terminal displays.
        let shown = [from..<start.utf16Offset, start.utf16Offset..<spanEnd, spanEnd..<to].map {
            buffer.string($0).replacingTabs.escapingControlCharacters
        }
        let indent = lead.count + shown[0].unicodeScalars.count
        let width = max(1, shown[1].unicodeScalars.count)
        out += "    " + lead + shown.joined() + tail + "\n"
        out += "    " + String(repeating: " ", count: indent)
            + paint(String(repeating: "^", count: width), color(finding.severity), bold: true) + "\n"
        return out
    }

    func summary(_ result: LintResult) -> String {
        let counts = Severity.allCases.reversed().map { "\(result.score.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let reasons = result.score.reasons.map(\.description).joined(separator: "; ")
        let verdict = result.score.passed ? paint("PASS", "32", bold: true) : paint("FAIL", "31", bold: true) + " (\(reasons))"
        let score = String(format2: result.score.value)
        return "\(result.document.path.escapingControlCharacters): \(counts); \(result.score.wordCount) words, penalty \(String(format2: result.score.penalty)), score \(score): \(verdict)"
    }

    private func color(_ severity: Severity) -> String {
        switch severity {
        case .critical: "35"
        case .major: "31"
        case .minor: "33"
        }
    }

    private func paint(_ text: String, _ code: String, bold: Bool = false) -> String {
        guard useColor else { return text }
        return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// Tabs as single spaces, so the underline stays under its span.
    var replacingTabs: String {
        guard utf8.contains(0x09) else { return self }
        return String(decoding: utf8.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self)
    }
}
