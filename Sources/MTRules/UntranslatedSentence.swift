import MTCore

/// MT117: a sentence of the source article that no sentence of the translation renders (two files).
public struct UntranslatedSentence: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT117",
        id: "untranslated-sentence",
        summary: "A sentence of the source article has no counterpart in the translation (two files, check --source).",
        rationale: """
            A machine translation system can drop a sentence, most often a short one next to a long one or \
            one it could not parse, and nothing in the translation shows the gap: sentence-level checks never \
            see it. With the source article beside the translation, mtlint aligns their sentences (length and \
            numbers, beads of one or two sentences a side) and reports each source sentence left without a \
            counterpart, on the translation's sentence after which it is missing.
            """,
        mqm: .omission,
        severity: .major,
        tier: .stable,
        triggering: [
            .twoFiles(
                "Министр финансов выступил в парламенте в понедельник. Он сказал, что бюджет на 2026 год будет принят в срок. Дефицит бюджета составит 1,5% ВВП.",
                "⟦The finance minister spoke in parliament on Monday.⟧ The budget deficit will be 1.5% of GDP."),
        ],
        nonTriggering: [
            .twoFiles(
                "Министр финансов выступил в парламенте в понедельник. Он сказал, что бюджет на 2026 год будет принят в срок. Дефицит бюджета составит 1,5% ВВП.",
                "The finance minister spoke in parliament on Monday. He said that the budget for 2026 would be adopted on time. The budget deficit will be 1.5% of GDP."),
        ])

    public func check(_ document: Document) -> [Finding] {
        guard document.sourceFile != nil else { return [] }
        var findings: [Finding] = []
        for pair in document.captionPairs where pair.target == nil {
            // Reported on the translation's sentence before the gap (the first, when the gap opens the article).
            guard let anchor = document.translationAnchor(ofSource: pair.source) else { continue }
            let source = document.span(document.blocks[pair.source].range)
            let position = anchor.before ? "before" : "after"
            let quoted = source.text.count > 60 ? String(source.text.prefix(59)) + "…" : source.text
            findings.append(finding(
                in: document, at: document.blocks[anchor.block].range,
                message: "the source's '\(quoted)' (line \(source.start.line)) has no counterpart in the translation; missing \(position) this sentence",
                source: document.blocks[pair.source].range))
        }
        return findings
    }
}
