import MTCore

/// MT101: a source-language caption that the aligner could not pair with a target caption.
public struct UntranslatedCaption: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT101",
        id: "untranslated-caption",
        summary: "A source-language caption has no translation next to it.",
        rationale: """
            Articles exported from a publishing system keep each photo caption in the source language, \
            followed by its translation and a credit line. When the translation is missing, readers of the \
            target language see a caption they cannot read. mtlint aligns every source caption with the target \
            text that follows it (length and lexical anchors); a caption left without a counterpart is reported.
            """,
        mqm: .untranslated,
        severity: .major,
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            ⟦Участники встречи в столице⟧
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["caption in Russian has no English translation"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов в Москве. 3 марта 2025 года
            Finance Minister Anton Siluanov in Moscow. March 3, 2025
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        // Two files have no captions kept beside their translations: untranslated-sentence reports there.
        guard document.sourceFile == nil else { return [] }
        return document.captionPairs.filter { $0.target == nil }.map { pair in
            let block = document.blocks[pair.source]
            return finding(
                in: document, at: block.range,
                message: "caption in \(document.pair.source.name) has no \(document.pair.target.name) translation",
                source: block.range)
        }
    }
}
