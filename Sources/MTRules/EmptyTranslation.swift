import MTCore

/// MT112: an empty or punctuation-only translation of a source that has words.
public struct EmptyTranslation: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT112",
        id: "empty-translation",
        summary: "The translation is empty or only punctuation, while its source has words.",
        rationale: """
            A segment translated as nothing, or as a lone "." (what a failed machine-translation call often \
            leaves), loses the whole meaning. In each aligned pair (and each --stdin-jsonl segment pair) whose \
            source has a word or number, a translation with none is reported, as critical. An article's \
            caption with no translation at all is untranslated-caption's.
            """,
        mqm: .omission,
        severity: .critical,
        triggering: [
            .segment("Путин прибыл в Кронштадт.", "⟦.⟧", messages: ["the translation is only punctuation; its source (line 1) has 4 words"]),
            .segment("Путин прибыл в Кронштадт.", "⟦— …⟧", messages: ["the translation is only punctuation; its source (line 1) has 4 words"]),
        ],
        nonTriggering: [
            .segment("Путин прибыл в Кронштадт.", "Putin arrived in Kronstadt."),
            .segment("…", "…"),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        guard document.hasContent(source), !document.hasContent(target) else { return [] }
        return [finding(
            in: document, at: target.range,
            message: "the translation is " + (target.range.isEmpty ? "empty" : "only punctuation")
                + "; its source (line \(source.firstLine)) has \(source.wordCount) words",
            source: source.range)]
    }
}
