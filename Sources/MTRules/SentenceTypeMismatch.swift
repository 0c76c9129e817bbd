import MTCore

/// MT111: a question turned into a statement, or a statement into a question.
public struct SentenceTypeMismatch: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT111",
        id: "sentence-type-mismatch",
        summary: "The translation asks a question where its source states something, or the other way round.",
        rationale: """
            A question mark changes what a sentence says: "Did the centre report rain?" is not a report of \
            rain. In each aligned pair (caption and translation, or a segment pair), mtlint counts the questions \
            on both sides: runs of sentence marks holding a question mark ("?", "?!"), wherever they stand, \
            inside quotation marks or not, so Russian and English quotation conventions do not matter. A \
            translation with more questions is reported at its first extra question mark (unless the source \
            opens with a question word and so asks without the mark, as headlines do); one with fewer, at \
            its end, as minor, and not at all when it has a question word ("how", "whether": the language \
            profile's interrogatives), the mark of an indirect question.
            """,
        mqm: .mistranslation,
        severity: .major,
        triggering: [
            .segment("Путин прибыл в Кронштадт для участия в торжественных мероприятиях.",
                     "Did Putin arrive in Kronstadt to take part in the celebrations⟦?⟧", messages: ["the translation asks a question here, but its source (line 1) has none"]),
            .segment("Вы готовы к переговорам?", "You are ready for the talks⟦.⟧", messages: ["the source (line 1) asks a question, the translation none"]),
        ],
        nonTriggering: [
            .segment("«Вы готовы к переговорам?» — спросил журналист.", "\"Are you ready for the talks?\" the journalist asked."),
            .segment("Путин прибыл в Кронштадт.", "Putin arrived in Kronstadt."),
            .segment("Напишите в комментариях, какая погода в вашем городе?", "Write in the comments how the weather is in your city."),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        guard document.hasContent(target) else { return [] }
        var findings: [Finding] = []
        let asked = document.questionMarks(in: source), asking = document.questionMarks(in: target)
        // A source that opens with a question word asks without its mark (a headline: "Как повлияет
        // решение ЦБ на экономику"): the translation may add it.
        if asking.count > asked.count, !document.opensWithInterrogative(source) {
            findings.append(finding(
                in: document, at: asking[asked.count],
                message: "the translation asks a question here, but its source (line \(source.firstLine)) has "
                    + (asked.isEmpty ? "none" : "only \(asked.count)"),
                source: asked.isEmpty ? nil : asked.last))
        } else if asking.count < asked.count, !document.hasInterrogative(target) {
            // A question may be rendered as an indirect one ("Напишите, какая погода?" = "Write how the
            // weather is."), which a question word shows; without one it is still weaker evidence than a
            // question the source never asked.
            let end = document.endMark(of: target).range ?? (target.range.upperBound - 1)..<target.range.upperBound
            findings.append(finding(
                in: document, at: end,
                message: "the source (line \(source.firstLine)) asks \(asked.count == 1 ? "a question" : "\(asked.count) questions"), "
                    + "the translation " + (asking.isEmpty ? "none" : "only \(asking.count)"),
                source: asked[asking.count], severity: .minor))
        }
        return findings
    }
}

extension Document {
    /// Whether a block's first word is one of its language's question words.
    func opensWithInterrogative(_ block: Block) -> Bool {
        guard let first = block.tokens.first(where: \.isWordLike), first.kind == .word else { return false }
        return language(of: block).interrogatives.contains(key(first, in: block).folded)
    }

    /// Whether a block has one of its language's question words ("how", "whether").
    func hasInterrogative(_ block: Block) -> Bool {
        let words = language(of: block).interrogatives
        return zip(block.tokens, keys(of: block)).contains { token, known in
            token.kind == .word && words.contains((known ?? key(token, in: block)).folded)
        }
    }
}
