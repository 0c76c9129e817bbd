import MTCore
import MTText

/// MT307: a translation that starts in lower case, or is written all in one case, unlike its source.
public struct LetterCaseMismatch: ConfigurableRule, PairRule {
    static let minimumLettersOption = RuleOption.integer(
        "minimum-letters", 12, in: 1...1000, "Fewest letters a translation needs before \"all lower case\" or \"all upper case\" is judged.",
        provenance: "Set by hand, not measured apart: shorter segments are acronyms, codes and labels, written in one case on purpose.")

    let minimumLetters: Int

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        minimumLetters = configuration.integer(Self.minimumLettersOption)
    }

    public let description = RuleDescription(
        code: "MT307",
        id: "letter-case-mismatch",
        summary: "A translated sentence starts in lower case where its source starts in upper case, or the translation is all lower (or upper) case unlike its source.",
        rationale: """
            Lost capitals make a translation look broken and hide its names. In each aligned pair, mtlint \
            compares the first letter of the translation with the first letter of its source, and, when both \
            have as many sentences, the first letter of each sentence with its counterpart's. A word with a \
            capital inside ("iPhone", "eBay") starts lower case on purpose and is left alone. A translation of \
            twelve letters or more with no capital at all, where its source has capitals, is reported once as \
            written in lower case (and one with no lower-case letter, where its source has some, as written in \
            capitals).
            """,
        mqm: .spelling,
        severity: .minor,
        options: [Self.minimumLettersOption],
        triggering: [
            .segment("В Московском регионе ожидаются дожди.", "⟦in⟧ the Moscow region, rain is expected.", messages: ["'in' starts its sentence in lower case; the source sentence starts with 'В' (line 1)"]),
            .segment("В Московском регионе ожидаются дожди.", "⟦in the moscow region, rain is expected.⟧", messages: ["the translation is written all in lower case; its source (line 1) is not"]),
            .segment("Дожди ожидаются в Москве! Завтра потеплеет.", "Rain is expected in Moscow! ⟦tomorrow⟧ it will be warmer.", messages: ["'tomorrow' starts its sentence in lower case; the source sentence starts with 'Завтра' (line 1)"]),
        ],
        nonTriggering: [
            .segment("В Московском регионе ожидаются дожди.", "In the Moscow region, rain is expected."),
            .segment("iPhone 16 поступил в продажу.", "iPhone 16 went on sale."),
            .segment("Оказывать помощь будут 10 тысяч человек.", "10,000 people will provide assistance."),
            .segment("«Мы готовы», — сказал он.", "\"We are ready,\" he said."),
            .segment("Фонд в 10 млн фунтов создан.", "£10m fund set up."),
            .segment("«Вместо того чтобы тратить триллионы».", "\"instead of just shoveling trillions\"."),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        guard document.hasContent(target) else { return [] }
        let sourceCase = document.letterCase(source.range), targetCase = document.letterCase(target.range)
        // A translation starting with a number has no capital to lose there ("10,000 people…").
        let startsWithWord = target.tokens.first(where: \.isWordLike)?.kind == .word
        // A quotation taken up in the middle may be all lower case when the source's one capital is its first letter.
        func quoted() -> Bool {
            sourceCase.upper <= 1 && document.firstWord(in: target.range, of: target).map { document.continuesQuotation($0, in: target.range) } == true
        }
        if targetCase.letters >= minimumLetters, targetCase.upper == 0, sourceCase.upper > (startsWithWord ? 0 : 1), !quoted() {
            return [finding(
                in: document, at: target.range,
                message: "the translation is written all in lower case; its source (line \(source.firstLine)) is not")]
        }
        if targetCase.letters >= minimumLetters, targetCase.lower == 0, sourceCase.lower > 0 {
            return [finding(
                in: document, at: target.range,
                message: "the translation is written all in capitals; its source (line \(source.firstLine)) is not")]
        }
        let starts = source.sentences.count == target.sentences.count
            ? Array(zip(source.sentences, target.sentences)) : [(source.range, target.range)]
        var findings: [Finding] = []
        for (sourceSentence, targetSentence) in starts {
            guard let expected = document.firstWord(in: sourceSentence, of: source), expected.isCapitalized,
                  let word = document.firstWord(in: targetSentence, of: target), !word.isCapitalized,
                  document.startsLowerCase(word), !document.continuesQuotation(word, in: targetSentence) else { continue }
            findings.append(finding(
                in: document, at: word.range,
                message: "'\(document.buffer.string(word.range))' starts its sentence in lower case; the source sentence "
                    + "starts with '\(document.buffer.string(expected.range))' (line \(source.firstLine))",
                source: expected.range))
        }
        return findings
    }
}

extension Document {
    /// Letters of a range, and how many are upper and lower case.
    func letterCase(_ range: Range<Int>) -> (letters: Int, upper: Int, lower: Int) {
        var letters = 0, upper = 0, lower = 0
        for (_, scalar) in buffer.scalars(in: range) {
            let properties = CharacterInfo.letterProperties(of: scalar)
            guard properties.isLetter else { continue }
            letters += 1
            if properties.isUppercase { upper += 1 } else if properties.isLowercase { lower += 1 }
        }
        return (letters, upper, lower)
    }

    /// The first word of a range of a block; `nil` when the range starts with a number ("10,000 people",
    /// "£10m fund").
    func firstWord(in range: Range<Int>, of block: Block) -> Token? {
        block.tokens.first { range.contains($0.range.lowerBound) && $0.isWordLike }.flatMap { token in
            token.kind == .word && !hasNumber(token.range) ? token : nil
        }
    }

    /// Whether a range holds a number character (`Character.isNumber`; ASCII is read from its units).
    private func hasNumber(_ range: Range<Int>) -> Bool {
        let units = buffer.units[range]
        guard units.allSatisfy({ $0 < 0x80 }) else { return buffer.string(range).contains(where: \.isNumber) }
        return units.contains { (0x30...0x39).contains($0) }
    }

    /// Whether a sentence's first word follows a quotation mark or an ellipsis that opens the sentence:
    /// a quotation taken up in the middle ("\"instead of just …\"") starts in lower case.
    func continuesQuotation(_ word: Token, in sentence: Range<Int>) -> Bool {
        buffer.units[sentence.lowerBound..<word.range.lowerBound].contains { [0x22, 0x201C, 0xAB, 0x2018, 0x27, 0x2026].contains($0) }
    }

    /// Whether a word is lower case all through: "iPhone" and "eBay" are not (a capital inside).
    func startsLowerCase(_ token: Token) -> Bool {
        letterCase(token.range).upper == 0
    }
}
