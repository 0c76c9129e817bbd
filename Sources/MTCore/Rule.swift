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
    /// The thresholds a project may set (`.mtlint.yml`), each with its default, range and provenance.
    public let options: [RuleOption]

    public init(
        code: String, id: String, summary: String, rationale: String, mqm: MQMType, severity: Severity,
        tier: RuleTier = .stable, options: [RuleOption] = [], triggering: [RuleExample], nonTriggering: [RuleExample]
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
        self.options = options
    }

    public func option(named name: String) -> RuleOption? { options.first { $0.name == name } }
}

/// A setting of a rule that a project may change (`rules: RULE: NAME: VALUE` in `.mtlint.yml`): a
/// threshold with its default, the values it may take, and the measurement that set the default.
public struct RuleOption: Sendable {
    public enum Kind: Sendable {
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        /// A number in a range.
        case number(ClosedRange<Double>)
        /// A name, e.g. a Hunspell dictionary; `nil` default: none set.
        case text
    }

    /// Kebab-case, e.g. `minimum-words`.
    public let name: String
    public let summary: String
    public let kind: Kind
    /// The default, as the configuration writes it ("3", "0.05"); `nil` for a text option left unset.
    public let defaultValue: RuleOptionValue?
    /// How the default was chosen: the data it was measured on and what it gave.
    public let provenance: String

    public static func integer(_ name: String, _ defaultValue: Int, in range: ClosedRange<Int>, _ summary: String, provenance: String) -> RuleOption {
        RuleOption(name: name, summary: summary, kind: .integer(range), defaultValue: .number(Double(defaultValue)), provenance: provenance)
    }

    public static func number(_ name: String, _ defaultValue: Double, in range: ClosedRange<Double>, _ summary: String, provenance: String) -> RuleOption {
        RuleOption(name: name, summary: summary, kind: .number(range), defaultValue: .number(defaultValue), provenance: provenance)
    }

    public static func text(_ name: String, _ summary: String, provenance: String) -> RuleOption {
        RuleOption(name: name, summary: summary, kind: .text, defaultValue: nil, provenance: provenance)
    }

    /// The values it takes, in words: "an integer from 1 to 20".
    public var valuesDescription: String {
        switch kind {
        case .integer(let range): "an integer from \(range.lowerBound) to \(range.upperBound)"
        case .number(let range): "a number from \(RuleOptionValue.number(range.lowerBound)) to \(RuleOptionValue.number(range.upperBound))"
        case .text: "a name"
        }
    }

    /// `value` when the option takes it, else why not.
    public func validate(_ value: RuleOptionValue) -> Result<RuleOptionValue, RuleOptionError> {
        switch (kind, value) {
        case (.integer(let range), .number(let number)):
            guard number.rounded() == number, range.contains(Int(exactly: number) ?? Int.min) else { break }
            return .success(value)
        case (.number(let range), .number(let number)):
            guard range.contains(number) else { break }
            return .success(value)
        case (.text, .text):
            return .success(value)
        default:
            break
        }
        return .failure(RuleOptionError(message: "\(name) must be \(valuesDescription), not \(value)"))
    }
}

public struct RuleOptionError: Error, Sendable {
    public let message: String
}

/// A value of a rule option.
public enum RuleOptionValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// "3", "0.05", "en_GB".
    public var description: String {
        switch self {
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .text(let text): text
        }
    }
}

/// How a project set up a rule: its options and the project's data. A rule that has options is
/// built from one (`ConfigurableRule`); an option not set takes its declared default.
public struct RuleConfiguration: Sendable {
    public var values: [String: RuleOptionValue]
    /// Words the project accepts besides the dictionary's (`words:` files).
    public var words: Set<String>
    /// The project's terminology (`glossaries:` files).
    public var glossary: Glossary
    /// The language pair the rule checks (a glossary's terms are analysed in its languages).
    public var pair: LanguagePair

    public init(values: [String: RuleOptionValue] = [:], words: Set<String> = [], glossary: Glossary = Glossary(entries: []),
                pair: LanguagePair = .russianEnglish) {
        self.values = values
        self.words = words
        self.glossary = glossary
        self.pair = pair
    }

    public func number(_ option: RuleOption) -> Double {
        if case .number(let value) = values[option.name] ?? option.defaultValue { return value }
        return 0
    }

    public func integer(_ option: RuleOption) -> Int { Int(number(option)) }

    public func text(_ option: RuleOption) -> String? {
        if case .text(let value) = values[option.name] ?? option.defaultValue { return value }
        return nil
    }
}

/// A rule with options: the registry builds it from a project's configuration.
public protocol ConfigurableRule: Rule {
    init(configuration: RuleConfiguration)
    /// The configuration its examples are checked with (default: every option's default, no project data).
    static var exampleConfiguration: RuleConfiguration { get }
}

extension ConfigurableRule {
    public static var exampleConfiguration: RuleConfiguration { RuleConfiguration() }
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
    /// Whether `source` and `marked` are a unit of a bilingual file, with inline tags (XLIFF 1.2 markup).
    public let isUnit: Bool
    /// The message of each finding at the marked spans, in order (a triggering example): what the user reads.
    public let messages: [String]
    /// The languages of the source and the translation.
    public let pair: LanguagePair

    public init(_ marked: String, messages: [String] = [], pair: LanguagePair = .russianEnglish) {
        self.init(source: nil, marked: marked, isTwoFiles: false, messages: messages, pair: pair)
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// A segment pair: `source` and its (marked) translation.
    public static func segment(_ source: String, _ marked: String, messages: [String] = [], pair: LanguagePair = .russianEnglish) -> RuleExample {
        RuleExample(source: source, marked: marked, isTwoFiles: false, messages: messages, pair: pair)
    }

    /// A source article and its (marked) translation, checked as two files.
    public static func twoFiles(_ source: String, _ marked: String, messages: [String] = [], pair: LanguagePair = .russianEnglish) -> RuleExample {
        RuleExample(source: source, marked: marked, isTwoFiles: true, messages: messages, pair: pair)
    }

    /// A unit of a bilingual file: a source segment and its (marked) translation as XLIFF 1.2 content,
    /// inline tags written as XLIFF writes them (`<x id="1"/>`, `<g id="2">…</g>`).
    public static func unit(_ source: String, _ marked: String, messages: [String] = [], pair: LanguagePair = .russianEnglish) -> RuleExample {
        RuleExample(source: source, marked: marked, isTwoFiles: false, isUnit: true, messages: messages, pair: pair)
    }

    private init(source: String?, marked: String, isTwoFiles: Bool, isUnit: Bool = false, messages: [String], pair: LanguagePair) {
        self.marked = marked
        self.source = source
        self.isTwoFiles = isTwoFiles
        self.isUnit = isUnit
        self.messages = messages
        self.pair = pair
    }

    /// The XLIFF file of a unit example, and where its translation starts in it.
    private var unitFile: (text: String, targetOffset: Int) {
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2"><file original="example" datatype="plaintext" source-language="\(pair.source.code)" target-language="\(pair.target.code)"><body>
            <trans-unit id="example"><source>\(source ?? "")</source><target>
            """
        return (head + text + "</target></trans-unit></body></file></xliff>\n", head.utf16.count)
    }

    /// The document the example stands for.
    public var document: Document {
        if isUnit {
            let file = unitFile.text
            // The examples are the project's own: one that is not a readable file fails its tests (no finding).
            return (try? BilingualFile.read(DocumentReader.Decoded(text: file, byteOffset: 0), path: "example.xlf", format: .xliff, pair: pair,
                                            knowledge: .bundled)) ?? Document(path: "example.xlf", text: "", pair: pair)
        }
        guard let source else { return Document(path: "example", text: text, pair: pair) }
        return isTwoFiles
            ? Document(translation: text, at: "example.en.txt", source: source, at: "example.ru.txt", pair: pair)
            : Document(segmentID: "example", source: source, target: text, pair: pair)
    }

    /// Where `text` starts in the document's buffer (a two-file document's buffer starts with the translation).
    /// For a unit, where it starts in the XLIFF file (a unit's findings are compared by their file offsets).
    public var textOffset: Int { isUnit ? unitFile.targetOffset : isTwoFiles ? 0 : source.map { $0.utf16.count + 1 } ?? 0 }

    /// How the docs show it: the document, or "source: …" and "target: …" lines.
    public var display: String {
        guard let source else { return marked }
        return isTwoFiles ? "source file:\n\(source)\ntranslation file:\n\(marked)"
            : isUnit ? "XLIFF source: \(source)\nXLIFF target: \(marked)" : "source: \(source)\ntarget: \(marked)"
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
    /// What this rule reports on an example (or on `document`, the example read another way): each span as a
    /// UTF-16 range in the example's text, with its message, in order of the spans. What the example's markers
    /// and messages must say.
    public func flagged(in example: RuleExample, document: Document? = nil) -> [(range: Range<Int>, message: String)] {
        check(document ?? example.document)
            .filter { $0.ruleID == description.id }
            .map { finding in
                let range = example.isUnit ? finding.target.utf16Range : finding.target.bufferRange
                return ((range.lowerBound - example.textOffset)..<(range.upperBound - example.textOffset), finding.message)
            }
            .sorted { ($0.range.lowerBound, $0.range.upperBound, $0.message) < ($1.range.lowerBound, $1.range.upperBound, $1.message) }
    }

    /// The spans of `flagged(in:document:)`.
    public func flaggedRanges(in example: RuleExample, document: Document? = nil) -> [Range<Int>] {
        flagged(in: example, document: document).map(\.range)
    }

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
