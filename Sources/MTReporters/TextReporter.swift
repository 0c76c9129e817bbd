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
    /// A span longer than twice this is shown as its first and last this many units around " … ".
    static let spanEnd = 40

    func diagnostic(_ finding: Finding, in document: Document) -> String {
        let start = finding.target.start
        var out = "\(document.path.escapingControlCharacters):\(start.line):\(start.column): "
        out += paint(finding.severity.rawValue, color(finding.severity), bold: true)
        // One line per diagnostic, with no control character reaching the terminal.
        let message = finding.message.replacingAll(["\n": " ", "\r": " ", "\r\n": " "]).escapingControlCharacters
        out += ": \(message) " + paint("[\(finding.ruleID)]", "2")
        if let unit = finding.unit {
            // A PO unit's id is its msgid: long ones are clipped.
            let id = unit.id.count > Self.spanEnd ? String(unit.id.prefix(Self.spanEnd)) + "…" : unit.id
            out += paint(" (unit \(id.replacingAll(["\n": " ", "\r": " "]).escapingControlCharacters))", "2")
        }
        out += "\n"

        // The excerpt: the span's first line, clipped to a window around the span and any related
        // span on that line (a quotation's closing mark): '^' under the span, '-' under related ones.
        let buffer = document.buffer, target = finding.target.bufferRange
        let line = buffer.lineRange(buffer.line(at: target.lowerBound))
        var marks: [(range: Range<Int>, mark: Character)] = [(target.lowerBound..<min(target.upperBound, line.upperBound), "^")]
        for related in finding.related.map(\.bufferRange) where line.contains(related.lowerBound) && related.upperBound <= line.upperBound
            && !related.overlaps(marks[0].range) {
            marks.append((related, "-"))
        }
        marks.sort { $0.range.lowerBound < $1.range.lowerBound }
        let from = buffer.scalarBoundary(max(line.lowerBound, marks[0].range.lowerBound - Self.context))
        let to = buffer.scalarBoundary(min(line.upperBound, marks.map(\.range.upperBound).max()! + Self.context), forward: true)
        // The text as shown, and under it the marks: carets are placed by what the terminal displays.
        var text = from > line.lowerBound ? "…" : "", under = String(repeating: " ", count: text.count)
        func emit(_ range: Range<Int>, _ mark: Character) {
            let shown = buffer.string(range).replacingTabs.escapingControlCharacters
            text += shown
            under += String(repeating: mark, count: shown.unicodeScalars.count)
        }
        // A long span, or a long gap between marks, shows its two ends around " … ".
        func emitEnds(_ range: Range<Int>, _ mark: Character) {
            guard range.count > 2 * Self.spanEnd + 3 else { return emit(range, mark) }
            let headEnd = buffer.scalarBoundary(range.lowerBound + Self.spanEnd, forward: true)
            let tailStart = buffer.scalarBoundary(range.upperBound - Self.spanEnd)
            emit(range.lowerBound..<headEnd, mark)
            text += " … "
            under += String(repeating: mark, count: 3)
            emit(tailStart..<range.upperBound, mark)
        }
        var cursor = from
        for (index, marked) in marks.enumerated() {
            if cursor < marked.range.lowerBound {
                index == 0 ? emit(cursor..<marked.range.lowerBound, " ") : emitEnds(cursor..<marked.range.lowerBound, " ")
            }
            if marked.range.isEmpty { under.append(marked.mark) } else { emitEnds(marked.range, marked.mark) }
            cursor = max(cursor, marked.range.upperBound)
        }
        emit(cursor..<to, " ")
        if to < line.upperBound { text += "…" }
        while under.last == " " { under.removeLast() }
        out += "    " + text + "\n"
        out += "    " + paint(under, color(finding.severity), bold: true) + "\n"
        return out
    }

    func summary(_ result: LintResult) -> String {
        var counts = Severity.allCases.reversed().map { "\(result.score.counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let hidden = [(result.suppressed, "suppressed"), (result.baselined, "baselined")].filter { $0.0 > 0 }
        if !hidden.isEmpty { counts += " (" + hidden.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")" }
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
