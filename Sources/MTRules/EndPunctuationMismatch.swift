import MTCore
import MTText

/// MT306: the translation ends a sentence differently from its source.
public struct EndPunctuationMismatch: ConfigurableRule, PairRule {
    static let headlineWordsOption = RuleOption.integer(
        "headline-words", 12, in: 0...1000,
        "A translation of at most this many words may end without a stop: a headline or title, which English writes without one even where the source has one.",
        provenance: """
            Issue 20: 13 of the 21 professional WMT21 translations this rule flagged were headlines of 3 to \
            12 words; news headlines rarely run longer.
            """)

    let headlineWords: Int

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        headlineWords = configuration.integer(Self.headlineWordsOption)
    }

    public let description = RuleDescription(
        code: "MT306",
        id: "end-punctuation-mismatch",
        summary: "The translation drops its source's final punctuation, or turns an ellipsis or exclamation into a stop.",
        rationale: """
            A sentence that ends without its stop reads as cut off, and a lost ellipsis or exclamation mark \
            changes the tone. In each aligned pair mtlint reads the last run of sentence marks on both sides, \
            past closing quotation marks and brackets (Russian writes «Мы готовы»., English "We are ready."). \
            It reports a translation that ends with no mark where its source has one, an ellipsis that became \
            a stop, and an exclamation that became a stop. Questions are sentence-type-mismatch's, a translation \
            that stops on a function word is truncated-translation's, and a stop the translation adds is not \
            reported (captions often end without one in one language only). A translation of twelve words or \
            fewer may drop its stop: English writes headlines and titles without one.
            """,
        mqm: .punctuation,
        severity: .minor,
        options: [Self.headlineWordsOption],
        triggering: [
            .segment("Путин прибыл в Кронштадт для участия в торжественных мероприятиях по случаю Дня Военно-морского флота.",
                     "Putin arrived in Kronstadt to take part in the celebrations held on the occasion of Navy ⟦Day⟧", messages: ["the translation ends without the final '.' of its source (line 1)"]),
            .segment("Переговоры продолжатся…", "The talks will continue⟦.⟧", messages: ["the source (line 1) ends with '…', the translation with a stop"]),
        ],
        nonTriggering: [
            .segment("«Мы готовы», — сказал он.", "\"We are ready,\" he said."),
            .segment("Участники заседания в Минске. 26 декабря 2024 года", "Participants of the meeting in Minsk. December 26, 2024"),
            .segment("Переговоры продолжатся...", "The talks will continue…"),
            .segment("Легендарный вратарь может стать скаутом \"Интера\".", "Legendary goalkeeper may become a scout for Inter"),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        guard document.hasContent(target) else { return [] }
        let language = document.pair.target
        let (expected, sourceRange) = document.endMark(of: source)
        let (found, range) = document.endMark(of: target)
        switch (expected, found) {
        case (.stop, .none), (.exclamation, .none), (.ellipsis, .none):
            // A headline; a translation stopping on a function word is truncated-translation's.
            guard target.wordCount > headlineWords, let last = document.lastWord(of: target),
                  !language.isStopword(Normalizer.foldKey(document.buffer.string(last.range))) else { return [] }
            return [finding(
                in: document, at: last.range,
                message: "the translation ends without the final '\(document.buffer.string(sourceRange!))' of its source "
                    + "(line \(source.firstLine))",
                source: sourceRange)]
        case (.ellipsis, .stop), (.exclamation, .stop):
            return [finding(
                in: document, at: range!,
                message: "the source (line \(source.firstLine)) ends with '\(document.buffer.string(sourceRange!))', "
                    + "the translation with a stop",
                source: sourceRange)]
        default:
            return []
        }
    }
}
