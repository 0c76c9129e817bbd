import MTCore

/// MT118: a sentence of the translation that no sentence of the source article accounts for (two files).
public struct AddedSentence: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT118",
        id: "added-sentence",
        summary: "A sentence of the translation has no counterpart in the source article (two files, check --source).",
        rationale: """
            A translation may add a sentence that its source does not have: a machine translation system's \
            hallucination, a sentence repeated, or text pasted in from elsewhere. With the source article \
            beside the translation, mtlint aligns their sentences and reports each sentence of the \
            translation left without a counterpart. Minor: a sentence the translator split off or moved \
            can also end up alone.
            """,
        mqm: .addition,
        severity: .minor,
        tier: .preview,
        triggering: [
            .twoFiles(
                "Министр финансов выступил в парламенте в понедельник. Дефицит бюджета составит 1,5% ВВП.",
                "The finance minister spoke in parliament on Monday. ⟦Thousands of people protested outside the building in 2019.⟧ The budget deficit will be 1.5% of GDP.", messages: ["this sentence has no counterpart in the source article"]),
        ],
        nonTriggering: [
            .twoFiles(
                "Министр финансов выступил в парламенте в понедельник. Дефицит бюджета составит 1,5% ВВП.",
                "The finance minister spoke in parliament on Monday. The budget deficit will be 1.5% of GDP."),
        ])

    public func check(_ document: Document) -> [Finding] {
        document.unpairedTargetBlocks.map { block in
            finding(in: document, at: block.range, message: "this sentence has no counterpart in the source article")
        }
    }
}
