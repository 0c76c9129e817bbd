import MTCore
import MTText

/// MT114: a translation that stops in the middle of a sentence.
public struct TruncatedTranslation: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT114",
        id: "truncated-translation",
        summary: "The translation stops mid-sentence: no final punctuation, and its last word is a function word or a comma.",
        rationale: """
            Machine translation output is sometimes cut off (a length limit, a failed request). In each aligned \
            pair whose source ends a sentence (with a stop, question, exclamation or ellipsis), a translation \
            that ends with no sentence mark and whose last word is a function word of its language ("the", \
            "of", "and") or that ends on a comma, colon, dash or opening bracket has lost its end. Reported at \
            the translation's last word or mark.
            """,
        mqm: .omission,
        severity: .major,
        triggering: [
            .segment("Путин прибыл в Кронштадт для участия в торжественных мероприятиях.",
                     "Putin arrived in Kronstadt to take part in ⟦the⟧", messages: ["the translation stops mid-sentence at 'the'; its source (line 1) goes on to a full sentence"]),
            .segment("Он поблагодарил спасателей, врачей и волонтеров.", "He thanked the rescuers, doctors⟦,⟧", messages: ["the translation stops mid-sentence at ','; its source (line 1) goes on to a full sentence"]),
        ],
        nonTriggering: [
            .segment("Путин прибыл в Кронштадт для участия в торжественных мероприятиях.",
                     "Putin arrived in Kronstadt to take part in the celebrations."),
            .segment("Участники заседания в Минске", "Participants of the meeting in"),
        ])

    private static let danglingMarks: Set<UInt16> = [0x2C, 0x3A, 0x3B, 0x2D, 0x2013, 0x2014, 0x28, 0x5B, 0xAB, 0x201C]  // , : ; - – — ( [ « “

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        let language = document.pair.target
        guard document.hasContent(target), document.endMark(of: source).mark.isTerminal, document.endMark(of: target).mark == .none,
              let lastToken = target.tokens.last else { return [] }
        let dangling = lastToken.kind == .punctuation && lastToken.range.count == 1
            && Self.danglingMarks.contains(document.buffer.units[lastToken.range.lowerBound])
        let onFunctionWord = lastToken.isWordLike && language.isStopword(Normalizer.foldKey(document.buffer.string(lastToken.range)))
        guard dangling || onFunctionWord else { return [] }
        return [finding(
            in: document, at: lastToken.range,
            message: "the translation stops mid-sentence at '\(document.buffer.string(lastToken.range))'; its source "
                + "(line \(source.firstLine)) goes on to a full sentence")]
    }
}
