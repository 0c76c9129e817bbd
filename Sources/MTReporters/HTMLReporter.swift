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

struct BlockView {
    let kind: String
    let kindLabel: String
    let lang: String
    /// `line-N` on the first block of line N (two files' sentences share lines), nil on the others.
    let anchor: String?
    let isHeading: Bool
    /// The block's text as HTML, escaped and highlighted by `PageView.highlighted`.
    let html: String
}

struct CaptionRow {
    /// Nil for a sentence of two files' translation that has no source.
    let sourceLine: Int?
    let sourceHTML: String?
    let targetHTML: String?
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
    /// "Captions", or for two files "Aligned sentences", and the heading of the table's source column.
    let pairsTitle: String
    let sourceColumn: String
    /// Whether a source line is a block of the article section (captions), to link to.
    let sourceLinked: Bool
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

        // Each finding's spans grouped by the blocks they fall in, once: every block and caption then
        // looks only at its own findings (the page costs as much as the document and its findings).
        let ranges = document.blocks.map(\.range)
        let targetSpans = Self.byBlock(numbered.map { SpanItem(number: $0.number, finding: $0.finding, range: $0.finding.target.bufferRange) }, ranges)
        let sourceSpans = Self.byBlock(
            numbered.compactMap { item in item.finding.source.map { SpanItem(number: item.number, finding: item.finding, range: $0.bufferRange) } }, ranges)
        // Two files: the article is the translation; its source is shown beside it, bead by bead.
        let twoFiles = document.sourceFile != nil
        sourceLinked = !twoFiles
        var anchored = Set<Int>()
        blocks = document.blocks.enumerated().filter { !twoFiles || $0.1.language == .target }.map { index, block in
            let language = block.language == .source ? document.pair.source : document.pair.target
            return BlockView(
                kind: block.kind.rawValue,
                kindLabel: "\(block.kind.rawValue) · \(language.code) · line \(block.firstLine)",
                lang: language.code,
                anchor: anchored.insert(block.firstLine).inserted ? "line-\(block.firstLine)" : nil, isHeading: block.kind == .heading,
                html: Self.highlighted(document.buffer, block.range, targetSpans[index], anchors: true))
        }

        func row(source: Block?, target: Block?, status: String) -> CaptionRow {
            // A finding on an untranslated caption spans the caption on both sides: list it once.
            var seen = Set<Int>()
            let sourceItems = source.map { source in
                (sourceSpans[source.index] + targetSpans[source.index]).filter { item in
                    item.finding.source?.bufferRange == item.finding.target.bufferRange
                        ? seen.insert(item.number).inserted : true
                }
            }
            let inPair = Set(((sourceItems ?? []) + (target.map { targetSpans[$0.index] } ?? [])).map(\.number))
            return CaptionRow(
                sourceLine: source?.firstLine,
                sourceHTML: source.map { Self.highlighted(document.buffer, $0.range, sourceItems ?? [], anchors: false) },
                targetHTML: target.map { Self.highlighted(document.buffer, $0.range, targetSpans[$0.index], anchors: false) },
                targetLine: target?.firstLine, status: status, findings: inPair.count)
        }
        if twoFiles {
            // A bilingual file's pairs are its units, named by their ids.
            pairsTitle = document.units.isEmpty ? "Aligned sentences" : "Units"
            sourceColumn = "Source"
            captions = document.beads.map { bead in
                let delta = "length δ " + (bead.lengthDelta.map { ($0 > 0 ? "+" : "") + String(format2: $0) } ?? "-")
                let status = bead.source == nil ? "added in the translation" : bead.target == nil ? "left out of the translation"
                    : bead.target.flatMap { document.unit(at: $0.range) }.map { "unit \($0.id), \(delta)" } ?? "aligned, \(delta)"
                return row(source: bead.source, target: bead.target, status: status)
            }
        } else {
            pairsTitle = "Captions"
            sourceColumn = "Source caption"
            captions = document.captionPairs.map { pair in
                row(source: document.blocks[pair.source], target: pair.target.map { document.blocks[$0] }, status: pair.decision(document.blocks))
            }
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

    /// A finding's span (in the target, or in the source) with the finding's number on the page, as a
    /// range of the document's buffer (`Span.bufferRange`: the span's positions are given in its file, the
    /// source file of two files or the page text was taken from).
    struct SpanItem {
        let number: Int
        let finding: Finding
        let range: Range<Int>
    }

    /// The spans over each block (blocks sorted and disjoint, as a document's are), found by binary
    /// search: a span is listed under every block it overlaps, in the order given.
    static func byBlock(_ spans: [SpanItem], _ ranges: [Range<Int>]) -> [[SpanItem]] {
        var lists = [[SpanItem]](repeating: [], count: ranges.count)
        for item in spans {
            let range = item.range
            // The first block that ends after the span starts, and the blocks after it that start before it ends.
            var index = ranges.partitionPoint { $0.upperBound > range.lowerBound }
            while index < ranges.count, ranges[index].lowerBound < max(range.upperBound, range.lowerBound + 1) {
                lists[index].append(item)
                index += 1
            }
        }
        return lists
    }

    /// The longest source text a tooltip quotes (the findings table has it whole): a caption's
    /// finding must not repeat the whole caption in every highlighted piece of it.
    static let longestQuote = 80

    /// The text of `range` as HTML: split at every boundary of the spans over it, each piece with
    /// findings a `<mark>` holding their tooltip. With `anchors`, the first piece of each finding carries
    /// the id the findings table links to (the article view has them; the caption table repeats the
    /// text without them). One sweep over the boundaries, the findings covering a piece kept as it goes;
    /// written here rather than by the template engine, which cost ten times as much per piece. All
    /// text is escaped (`escape`).
    static func highlighted(_ buffer: TextBuffer, _ range: Range<Int>, _ spans: [SpanItem], anchors: Bool) -> String {
        let covering = spans.filter { $0.range.overlaps(range) }
        var cuts = Set([range.lowerBound, range.upperBound])
        for item in covering {
            cuts.insert(max(range.lowerBound, item.range.lowerBound))
            cuts.insert(min(range.upperBound, item.range.upperBound))
        }
        let points = cuts.sorted()
        let byStart = covering.indices.sorted { (covering[$0].range.lowerBound, $0) < (covering[$1].range.lowerBound, $1) }
        var next = 0
        var active: [Int] = []  // indices into `covering`, in their original order
        var anchored = Set<Int>()
        var html = ""
        for (start, end) in zip(points, points.dropFirst()) {
            while next < byStart.count, covering[byStart[next]].range.lowerBound < end {
                active.append(byStart[next])
                next += 1
            }
            active.removeAll { covering[$0].range.upperBound <= start }
            active.sort()
            let over = active.map { covering[$0] }
            guard let worst = over.map(\.finding.severity).max() else {
                appendParts(buffer, start..<end, to: &html)
                continue
            }
            // Findings that start here: the first is the mark's anchor, any other (two rules on one span,
            // as on a bilingual file's whole unit) an empty anchor before it, so each row of the table links here.
            let starting = anchors ? over.filter { !anchored.contains($0.number) && $0.range.lowerBound >= start } : []
            anchored.formUnion(starting.map(\.number))
            let first = starting.first
            for extra in starting.dropFirst() { html += "<mark class=\"anchor\" id=\"f\(extra.number)\" aria-hidden=\"true\"></mark>" }
            let tipID = "\(anchors ? "t" : "c")\(start)"
            html += "<mark class=\"sev-\(worst.rawValue)\"" + (first.map { " id=\"f\($0.number)\"" } ?? "")
                + " tabindex=\"0\" aria-describedby=\"\(tipID)\">"
            appendParts(buffer, start..<end, to: &html)
            html += "<span class=\"tip\" role=\"tooltip\" id=\"\(tipID)\">"
            for item in over {
                let finding = item.finding
                html += "<span class=\"tip-item\"><strong>#\(item.number) \(finding.severity.rawValue)</strong> \(escape(finding.message)) "
                    + "<small>[\(escape(finding.code)) \(escape(finding.ruleID)) · \(escape(finding.mqm.description))]</small>"
                if let source = finding.source { html += " <small>source: \(escape(quote(source.text)))</small>" }
                html += "</span>"
            }
            html += "</span></mark>"
        }
        return html
    }

    /// A source text as a tooltip quotes it: whole when short, its start and "…" otherwise.
    static func quote(_ text: String) -> String {
        text.count <= longestQuote ? text : String(text.prefix(longestQuote - 1)) + "…"
    }

    /// Appends the text of `range` as HTML: escaped, in `<bdi>` runs, with invisible format characters
    /// as visible code-point badges, so bidi controls and zero-width characters cannot act on the page.
    static func appendParts(_ buffer: TextBuffer, _ range: Range<Int>, to html: inout String) {
        var text = ""
        func flush() {
            if !text.isEmpty { html += "<bdi>" + escape(text) + "</bdi>" }
            text = ""
        }
        for (_, scalar) in buffer.scalars(in: range) {
            if CharacterInfo.isFormatCharacter(scalar) {
                flush()
                let codepoint = CharacterInfo.codePoint(scalar)
                html += "<span class=\"cp\" title=\"invisible character \(codepoint)\">\(codepoint)</span>"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        flush()
    }

    /// Text escaped for HTML as the templates escape it: & < > " and '.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { [0x26, 0x3C, 0x3E, 0x22, 0x27].contains($0) }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

// MARK: - Lookups without reflection

// Mustache finds a view's values through `MustacheParent` where a type provides it, and by `Mirror`
// otherwise; reflection cost most of the time of a large page, so every view answers by name. A nil
// optional is no value, as `Mirror` gives it (the name is then looked up in the enclosing views).
extension IndexView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "rows": self.rows
        case "documents": self.documents
        case "failed": self.failed
        case "gate": self.gate
        case "toolVersion": self.toolVersion
        case "css": self.css
        default: nil
        }
    }
}

extension IndexRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "path": self.path
        case "file": self.file
        case "score": self.score
        case "passed": self.passed
        case "critical": self.critical
        case "major": self.major
        case "minor": self.minor
        default: nil
        }
    }
}

extension BlockView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "kind": self.kind
        case "kindLabel": self.kindLabel
        case "anchor": self.anchor
        case "lang": self.lang
        case "isHeading": self.isHeading
        case "html": self.html
        default: nil
        }
    }
}

extension CaptionRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "sourceLine": self.sourceLine
        case "sourceHTML": self.sourceHTML
        case "targetHTML": self.targetHTML
        case "targetLine": self.targetLine
        case "status": self.status
        case "findings": self.findings
        default: nil
        }
    }
}

extension FindingRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": self.number
        case "line": self.line
        case "column": self.column
        case "severity": self.severity
        case "severityRank": self.severityRank
        case "mqm": self.mqm
        case "dimension": self.dimension
        case "rule": self.rule
        case "code": self.code
        case "message": self.message
        case "text": self.text
        case "expected": self.expected
        default: nil
        }
    }
}

extension RuleDoc: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "id": self.id
        case "code": self.code
        case "summary": self.summary
        case "rationale": self.rationale
        case "mqm": self.mqm
        case "severity": self.severity
        default: nil
        }
    }
}

extension SeverityCount: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "count": self.count
        default: nil
        }
    }
}

extension ChartBar: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "count": self.count
        case "y": self.y
        case "width": self.width
        case "textX": self.textX
        case "textY": self.textY
        case "cssClass": self.cssClass
        default: nil
        }
    }
}

extension PageView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "path": self.path
        case "sourceLanguage": self.sourceLanguage
        case "targetLanguage": self.targetLanguage
        case "passed": self.passed
        case "score": self.score
        case "penalty": self.penalty
        case "wordCount": self.wordCount
        case "gate": self.gate
        case "reasons": self.reasons
        case "findingCount": self.findingCount
        case "severityCounts": self.severityCounts
        case "chart": self.chart
        case "chartHeight": self.chartHeight
        case "blocks": self.blocks
        case "pairsTitle": self.pairsTitle
        case "sourceColumn": self.sourceColumn
        case "sourceLinked": self.sourceLinked
        case "captions": self.captions
        case "findings": self.findings
        case "rules": self.rules
        case "severities": self.severities
        case "dimensions": self.dimensions
        case "ruleIDs": self.ruleIDs
        case "toolVersion": self.toolVersion
        case "css": self.css
        case "script": self.script
        default: nil
        }
    }
}
