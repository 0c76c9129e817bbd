import MTCore
import MTText

/// MT102: source-language text in the target outside recognised captions.
public struct UntranslatedText: ConfigurableRule {
    static let majorWordsOption = RuleOption.integer(
        "major-words", 8, in: 1...1000, "An untranslated paragraph of at least this many words is major; shorter lines are minor.",
        provenance: """
            Set by hand, not measured apart: the interface lines and credits that articles keep untranslated \
            ("Озвучить текст", a photo agency's name) are a few words; a paragraph of eight words or more is text \
            a reader misses.
            """)

    /// An untranslated paragraph of at least this many words is major.
    let majorWords: Int

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        majorWords = configuration.integer(Self.majorWordsOption)
    }

    public let description = RuleDescription(
        code: "MT102",
        id: "untranslated-text",
        summary: "Source-language text is left in the target outside the photo captions.",
        rationale: """
            Lines in the source script that are not captions (interface text, credits, whole paragraphs) and \
            source-script words inside target sentences were not translated. Whole untranslated paragraphs of \
            eight words or more are major; shorter lines and words inside a sentence are minor.
            """,
        mqm: .untranslated,
        severity: .minor,
        options: [Self.majorWordsOption],
        triggering: [
            RuleExample("""
            ⟦Озвучить текст⟧

            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.
            """, messages: ["Russian page text left untranslated: 'Озвучить текст'"]),
            RuleExample("""
            The statistics agency ⟦Росстат⟧ said on Monday that inflation slowed to four percent in March.
            """, messages: ["Russian words inside English text: 'Росстат'"]),
        ],
        nonTriggering: [
            """
            The statistics agency Rosstat said on Monday that inflation slowed to four percent in March.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let source = document.pair.source
        for block in document.blocks {
            if block.language == .source {
                guard !block.isSourceCaption else { continue }
                let major = block.kind == .paragraph && block.wordCount >= majorWords
                findings.append(finding(
                    in: document, at: block.range,
                    message: "\(source.name) \(Self.noun(for: block.kind)) left untranslated: '\(document.text(block))'",
                    severity: major ? .major : nil))
            } else {
                for run in sourceScriptRuns(block, script: source.script) {
                    findings.append(finding(
                        in: document, at: run,
                        message: "\(source.name) words inside \(document.pair.target.name) text: '\(document.buffer.string(run))'"))
                }
            }
        }
        return findings
    }

    private static func noun(for kind: BlockKind) -> String {
        switch kind {
        case .furniture: "page text"
        case .credit: "credit line"
        case .heading: "heading"
        case .paragraph, .caption: "paragraph"
        }
    }

    /// Runs of consecutive words written only in the source script.
    private func sourceScriptRuns(_ block: Block, script: Script) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var current: Range<Int>?
        for token in block.tokens where token.isWordLike {
            if token.script == .single(script) {
                current = (current?.lowerBound ?? token.range.lowerBound)..<token.range.upperBound
            } else if token.script != .none, let run = current {
                runs.append(run)
                current = nil
            }
        }
        if let current { runs.append(current) }
        return runs
    }
}
