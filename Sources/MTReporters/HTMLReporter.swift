import Foundation
import MTCore
import MTText
import Mustache

/// The HTML error report (`--format html`): one self-contained page per document (inline CSS and
/// JS, no network access) with the verdict, a chart of findings, the article with every finding
/// highlighted, the captions side by side, a findings table and the documentation of the rules
/// involved; and an index page for several documents. Rendered with Mustache templates, which
/// escape all text.
public struct HTMLReporter: Sendable {
    public let rules: [RuleDescription]
    public let policy: ScoringPolicy
    public let toolVersion: String

    public init(rules: [RuleDescription], policy: ScoringPolicy, toolVersion: String) {
        self.rules = rules
        self.policy = policy
        self.toolVersion = toolVersion
    }

    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, source) in HTMLTemplates.all {
            // The templates are constants of this module: a parse error is a programming error.
            library.register(try! MustacheTemplate(string: source), named: name)
        }
        return library
    }()

    /// The page for one document.
    public func page(_ result: LintResult) -> String {
        Self.library.render(PageView(result, rules: rules, policy: policy, toolVersion: toolVersion), withTemplate: "page") ?? ""
    }

    /// The index of several documents, linking to their pages (named by `PageNames`).
    public func index(_ results: [LintResult]) -> String {
        var names = PageNames()
        return index(results.map { IndexEntry($0, file: names.next(for: $0.document.path)) })
    }

    /// What the index shows of one document: a few numbers, so that a run over many documents can
    /// write each page as it finishes and keep only these.
    public struct IndexEntry: Sendable {
        let row: IndexRow

        public init(_ result: LintResult, file: String) {
            row = IndexRow(
                path: result.document.path, file: file,
                score: String(format2: result.score.value), passed: result.score.passed,
                critical: result.score.counts[.critical] ?? 0, major: result.score.counts[.major] ?? 0,
                minor: result.score.counts[.minor] ?? 0)
        }
    }

    /// The index of documents whose pages are already written.
    public func index(_ entries: [IndexEntry]) -> String {
        let rows = entries.map(\.row)
        let view = IndexView(
            rows: rows, documents: rows.count, failed: rows.filter { !$0.passed }.count,
            gate: policy.description, toolVersion: toolVersion, css: HTMLTemplates.css)
        return Self.library.render(view, withTemplate: "index") ?? ""
    }

    /// The page's file name for a document path: its characters other than letters, digits, '.',
    /// '-' and '_' replaced by '_', leading dots and underscores dropped (no hidden files), plus ".html".
    public static func file(for path: String) -> String {
        let safe = String(path.unicodeScalars.map {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0) ? Character($0) : "_"
        })
        let trimmed = safe.drop { $0 == "." || $0 == "_" }
        return (trimmed.isEmpty ? "document" : String(trimmed)) + ".html"
    }

    /// Page file names given in input order: `file(for:)`, with "-2", "-3"… added to a name an earlier
    /// document (or the index) already has ("a/b.txt" and "a_b.txt"), so no page overwrites another.
    public struct PageNames: Sendable {
        private var used: Set<String> = ["index.html"]  // the index's own name

        public init() {}

        public mutating func next(for path: String) -> String {
            let name = HTMLReporter.file(for: path)
            var candidate = name, number = 1
            while !used.insert(candidate).inserted {
                number += 1
                candidate = String(name.dropLast(".html".count)) + "-\(number).html"
            }
            return candidate
        }
    }
}

// MARK: - View models (what the templates see)

struct IndexView {
    let title = "mtlint reports"
    let rows: [IndexRow]
    let documents: Int
    let failed: Int
    let gate: String
    let toolVersion: String
    let css: String
}

struct IndexRow: Sendable {
    let path: String
    let file: String
    let score: String
    let passed: Bool
    let critical: Int
    let major: Int
    let minor: Int
}

/// A run of text with the same findings over it. Invisible format characters are split out as
/// visible code-point badges, so bidi controls and zero-width characters cannot act on the page.
struct Segment {
    let parts: [Part]
    let marked: Bool
    let anchor: String?
    let severity: String
    let tipID: String
    let tips: [Tip]

    struct Part {
        let text: String?
        let codepoint: String?
    }

    struct Tip {
        let message: String
        let rule: String
        let code: String
        let mqm: String
        let severity: String
        let expected: String?
        let number: Int
    }
}

struct BlockView {
    let kind: String
    let kindLabel: String
    let lang: String
    let line: Int
    let isHeading: Bool
    let segments: [Segment]
}

/// Segments of one side of a caption pair (a named list, so the segments partial finds it).
struct SegmentList {
    let segments: [Segment]
}

struct CaptionRow {
    let sourceLine: Int
    let source: SegmentList
    let target: SegmentList?
    let targetLine: Int?
    let status: String
    let findings: Int
}

struct FindingRow {
    let number: Int
    let line: Int
    let column: Int
    let severity: String
    let severityRank: Int
    let mqm: String
    let dimension: String
    let rule: String
    let code: String
    let message: String
    let text: String
    let expected: String?
}

struct RuleDoc {
    let id: String
    let code: String
    let summary: String
    let rationale: String
    let mqm: String
    let severity: String
}

struct SeverityCount {
    let name: String
    let count: Int
}

struct ChartBar {
    let label: String
    let count: Int
    let y: Int
    let width: Int
    let textX: Int
    let textY: Int
    let cssClass: String
}

struct PageView {
    /// Stored, not computed: Mustache reads properties by reflection.
    let title: String
    let path: String
    let sourceLanguage: String
    let targetLanguage: String
    let passed: Bool
    let score: String
    let penalty: String
    let wordCount: Int
    let gate: String
    /// Why the document failed the gate; empty when it passed.
    let reasons: String
    let findingCount: Int
    let severityCounts: [SeverityCount]
    let chart: [ChartBar]
    let chartHeight: Int
    let blocks: [BlockView]
    let captions: [CaptionRow]
    let findings: [FindingRow]
    let rules: [RuleDoc]
    let severities: [String]
    let dimensions: [String]
    let ruleIDs: [String]
    let toolVersion: String
    let css: String
    let script: String

    init(_ result: LintResult, rules: [RuleDescription], policy: ScoringPolicy, toolVersion: String) {
        let document = result.document
        path = document.path
        title = "mtlint: \(document.path)"
        sourceLanguage = document.pair.source.name
        targetLanguage = document.pair.target.name
        passed = result.score.passed
        score = String(format2: result.score.value)
        penalty = String(format2: result.score.penalty)
        wordCount = result.score.wordCount
        gate = policy.description
        reasons = result.score.reasons.map(\.description).joined(separator: "; ")
        findingCount = result.findings.count
        self.toolVersion = toolVersion
        css = HTMLTemplates.css
        script = HTMLTemplates.script
        let numbered = Array(result.findings.enumerated().map { (number: $0 + 1, finding: $1) })
        severityCounts = Severity.allCases.reversed().map { SeverityCount(name: $0.rawValue, count: result.score.counts[$0] ?? 0) }

        // Chart: one bar per severity, then one per MQM dimension found.
        let byDimension = Dictionary(grouping: result.findings, by: \.mqm.dimension).mapValues(\.count)
        let entries = Severity.allCases.reversed().map { ($0.rawValue, result.score.counts[$0] ?? 0, "sev-\($0.rawValue)") }
            + byDimension.keys.sorted().map { ($0, byDimension[$0]!, "dimension") }
        let largest = max(1, entries.map(\.1).max() ?? 1)
        chart = entries.enumerated().map { index, entry in
            let width = entry.1 == 0 ? 0 : max(2, 260 * entry.1 / largest)
            return ChartBar(label: entry.0, count: entry.1, y: index * 24, width: width,
                            textX: 210 + width + 6, textY: index * 24 + 14, cssClass: entry.2)
        }
        chartHeight = entries.count * 24

        let targetSpans = numbered.map { ($0.number, $0.finding, $0.finding.target) }
        blocks = document.blocks.map { block in
            let language = block.language == .source ? document.pair.source : document.pair.target
            return BlockView(
                kind: block.kind.rawValue,
                kindLabel: "\(block.kind.rawValue) · \(language.code) · line \(block.firstLine)",
                lang: language.code, line: block.firstLine, isHeading: block.kind == .heading,
                segments: Self.segments(document.buffer, block.range, targetSpans, anchors: true))
        }

        let sourceSpans = numbered.compactMap { item in item.finding.source.map { (item.number, item.finding, $0) } }
        captions = document.captionPairs.map { pair in
            let source = document.blocks[pair.source]
            let target = pair.target.map { document.blocks[$0] }
            let inPair = numbered.filter { item in
                [source.range, target?.range].compactMap { $0 }.contains { $0.overlaps(item.finding.target.utf16Range) }
            }
            let status = pair.decision(document.blocks)
            return CaptionRow(
                sourceLine: source.firstLine,
                source: SegmentList(segments: Self.segments(document.buffer, source.range, sourceSpans + targetSpans, anchors: false)),
                target: target.map { SegmentList(segments: Self.segments(document.buffer, $0.range, targetSpans, anchors: false)) },
                targetLine: target?.firstLine, status: status, findings: inPair.count)
        }

        findings = numbered.map { number, finding in
            FindingRow(
                number: number, line: finding.target.start.line, column: finding.target.start.column,
                severity: finding.severity.rawValue, severityRank: Severity.allCases.firstIndex(of: finding.severity)!,
                mqm: finding.mqm.description, dimension: finding.mqm.dimension, rule: finding.ruleID, code: finding.code,
                message: finding.message, text: finding.target.text, expected: finding.source?.text)
        }
        let used = Set(result.findings.map(\.ruleID))
        self.rules = rules.filter { used.contains($0.id) }.map {
            RuleDoc(id: $0.id, code: $0.code, summary: $0.summary, rationale: $0.rationale,
                    mqm: $0.mqm.description, severity: $0.severity.rawValue)
        }
        severities = Severity.allCases.reversed().map(\.rawValue).filter { name in result.findings.contains { $0.severity.rawValue == name } }
        dimensions = Set(result.findings.map(\.mqm.dimension)).sorted()
        ruleIDs = used.sorted()
    }

    /// Splits `range` at every boundary of the spans over it; each piece knows the findings covering
    /// it. With `anchors`, the first piece of each finding carries the id the findings table links to
    /// (the article view has them; the caption table repeats the text without them).
    static func segments(
        _ buffer: TextBuffer, _ range: Range<Int>, _ spans: [(number: Int, finding: Finding, span: Span)], anchors: Bool
    ) -> [Segment] {
        let covering = spans.filter { $0.span.utf16Range.overlaps(range) }
        var cuts = Set([range.lowerBound, range.upperBound])
        for item in covering {
            cuts.insert(max(range.lowerBound, item.span.start.utf16Offset))
            cuts.insert(min(range.upperBound, item.span.end.utf16Offset))
        }
        let points = cuts.sorted()
        var anchored = Set<Int>()
        return zip(points, points.dropFirst()).map { start, end in
            let over = covering.filter { $0.span.utf16Range.overlaps(start..<end) }
            let first = anchors ? over.first { !anchored.contains($0.number) && $0.span.start.utf16Offset >= start } : nil
            if let first { anchored.insert(first.number) }
            let worst = over.map(\.finding.severity).max()
            return Segment(
                parts: parts(buffer, start..<end), marked: !over.isEmpty,
                anchor: first.map { "f\($0.number)" }, severity: worst?.rawValue ?? "",
                tipID: "\(anchors ? "t" : "c")\(start)", tips: over.map { item in
                    Segment.Tip(message: item.finding.message, rule: item.finding.ruleID, code: item.finding.code,
                                mqm: item.finding.mqm.description, severity: item.finding.severity.rawValue,
                                expected: item.finding.source.map(\.text), number: item.number)
                })
        }
    }

    /// Text pieces, with invisible format characters as code-point badges.
    static func parts(_ buffer: TextBuffer, _ range: Range<Int>) -> [Segment.Part] {
        var parts: [Segment.Part] = []
        var text = ""
        for (_, scalar) in buffer.scalars(in: range) {
            if CharacterInfo.isFormatCharacter(scalar) {
                if !text.isEmpty { parts.append(.init(text: text, codepoint: nil)) }
                text = ""
                parts.append(.init(text: nil, codepoint: CharacterInfo.codePoint(scalar)))
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        if !text.isEmpty { parts.append(.init(text: text, codepoint: nil)) }
        return parts
    }
}
