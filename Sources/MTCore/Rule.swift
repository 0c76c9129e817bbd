import MTText

/// Everything there is to know about a rule, declared once in the rule's file. It drives
/// the rule's tests (the examples), `mtlint rules` and the rule documentation.
public struct RuleDescription: Sendable {
    /// Stable code, e.g. `MT101`. Never reused.
    public let code: String
    /// Kebab-case name of the pattern the rule flags, e.g. `untranslated-caption`.
    public let id: String
    public let summary: String
    public let rationale: String
    public let mqm: MQMType
    public let severity: Severity
    /// Whether the rule runs by default (`stable`) or only with `--preview`.
    public let tier: RuleTier
    /// Documents the rule must flag, with each expected span marked `⟦…⟧`.
    public let triggering: [RuleExample]
    /// Documents the rule must not flag.
    public let nonTriggering: [RuleExample]

    public init(
        code: String, id: String, summary: String, rationale: String, mqm: MQMType, severity: Severity,
        tier: RuleTier = .stable, triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.code = code
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.mqm = mqm
        self.severity = severity
        self.tier = tier
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// Which rules run by default. A rule whose false alarms on correct translations are not near
/// zero (measured with `mtlint eval`) ships in `preview`, off unless `--preview` is given
/// (the model is Ruff's preview rules).
public enum RuleTier: String, Sendable, CaseIterable {
    case stable, preview
}

/// A small document for a rule's docs and tests, or a source segment and its translation (the
/// `--stdin-jsonl` segment mode). In a triggering example, `⟦` and `⟧` mark each span the rule must
/// report (in the translation, for a segment).
public struct RuleExample: Sendable, ExpressibleByStringLiteral {
    public static let open: Character = "⟦"
    public static let close: Character = "⟧"

    /// The document, or the segment's translation, with its markers.
    public let marked: String
    /// The segment's source; `nil` for a document.
    public let source: String?
    /// Whether `source` is a source article and `marked` its translation, two files (`check --source`).
    public let isTwoFiles: Bool

    public init(_ marked: String) {
        self.marked = marked
        source = nil
        isTwoFiles = false
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// A segment pair: `source` and its (marked) translation.
    public static func segment(_ source: String, _ marked: String) -> RuleExample { RuleExample(source: source, marked: marked) }

    /// A source article and its (marked) translation, checked as two files.
    public static func twoFiles(_ source: String, _ marked: String) -> RuleExample {
        RuleExample(source: source, marked: marked, isTwoFiles: true)
    }

    private init(source: String, marked: String, isTwoFiles: Bool = false) {
        self.marked = marked
        self.source = source
        self.isTwoFiles = isTwoFiles
    }

    /// The document the example stands for.
    public var document: Document {
        guard let source else { return Document(path: "example", text: text) }
        return isTwoFiles
            ? Document(translation: text, at: "example.en.txt", source: source, at: "example.ru.txt")
            : Document(segmentID: "example", source: source, target: text)
    }

    /// Where `text` starts in the document's buffer (a two-file document's buffer starts with the translation).
    public var textOffset: Int { isTwoFiles ? 0 : source.map { $0.utf16.count + 1 } ?? 0 }

    /// How the docs show it: the document, or "source: …" and "target: …" lines.
    public var display: String {
        guard let source else { return marked }
        return isTwoFiles ? "source file:\n\(source)\ntranslation file:\n\(marked)" : "source: \(source)\ntarget: \(marked)"
    }

    /// The document text without markers.
    public var text: String { marked.filter { $0 != Self.open && $0 != Self.close } }

    /// The marked spans as UTF-16 offset ranges into `text`.
    public var expectedRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        var start: Int?
        for character in marked {
            switch character {
            case Self.open: start = offset
            case Self.close:
                if let begin = start { ranges.append(begin..<offset) }
                start = nil
            default: offset += character.utf16.count
            }
        }
        return ranges
    }
}

/// A check over a document. Each rule lives in one file and declares itself once.
public protocol Rule: Sendable {
    var description: RuleDescription { get }
    func check(_ document: Document) -> [Finding]
}

/// A rule that compares each aligned pair (`Document.alignedCaptions`) on its own: what it finds in one
/// pair does not depend on any other. A document checked alone on several threads shares its pairs
/// among them (`Session.check(_:threads:)`); the findings are those of one run over the pairs in order.
public protocol PairRule: Rule {
    func check(source: Block, target: Block, in document: Document) -> [Finding]
}

extension PairRule {
    public func check(_ document: Document) -> [Finding] {
        check(pairs: document.alignedCaptions[...], in: document)
    }

    /// The findings on some of the document's aligned pairs, in order.
    public func check(pairs: ArraySlice<(source: Block, target: Block)>, in document: Document) -> [Finding] {
        pairs.flatMap { check(source: $0.source, target: $0.target, in: document) }
    }
}

/// A rule that reads the text of one block at a time, in the block's own language: doubled words,
/// spacing, quotation marks. In an aligned pair (a caption and its translation, a segment pair) the
/// same reading is applied to the source: a problem the source has too (a quotation that opens in this
/// segment and closes in the next, a repetition, a space before a stop) was carried over faithfully,
/// so as many target findings of that kind as the source has are not reported.
public protocol TextRule: Rule {
    /// Findings in one block, each with its kind ("never closed", "closes nothing"): what a
    /// source finding must share with a target finding to account for it.
    func findings(in block: Block, of document: Document) -> [(kind: String, finding: Finding)]

    /// The kinds of finding a source block accounts for, one entry each: by default the kinds of its
    /// own findings; a rule adds what the source language writes differently (Russian opens direct
    /// speech with a dash where English opens a quotation mark).
    func carriedOver(from source: Block, of document: Document) -> [String]
}

extension TextRule {
    public func carriedOver(from source: Block, of document: Document) -> [String] {
        findings(in: source, of: document).map(\.kind)
    }

    public func check(_ document: Document) -> [Finding] {
        document.targetTextBlocks.flatMap { block -> [Finding] in
            let found = findings(in: block, of: document)
            guard !found.isEmpty, let source = document.alignedSource(of: block), document.isInItsScript(source) else {
                return found.map(\.finding)
            }
            var excused = Dictionary(carriedOver(from: source, of: document).map { ($0, 1) }, uniquingKeysWith: +)
            return found.compactMap { kind, finding in
                guard let left = excused[kind], left > 0 else { return finding }
                excused[kind] = left - 1
                return nil
            }
        }
    }
}

extension Rule {
    /// A finding of this rule at a UTF-16 range of the document.
    /// `severity` and `mqm` override the rule's defaults for this finding.
    public func finding(
        in document: Document, at range: Range<Int>, message: String, source: Range<Int>? = nil,
        related: [Range<Int>] = [], severity: Severity? = nil, mqm: MQMType? = nil
    ) -> Finding {
        // A range in the source file of two files is reported at its translation, and becomes the source span.
        let reported = document.reportedRange(range)
        return Finding(
            ruleID: description.id, code: description.code, mqm: mqm ?? description.mqm,
            severity: severity ?? description.severity, message: message,
            target: document.span(reported), source: (source ?? (reported == range ? nil : range)).map(document.span),
            related: related.map(document.span))
    }
}
