import MTCore

/// MT105: a date in a translated caption that differs from the date in its source.
public struct DateMismatch: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT105",
        id: "date-mismatch",
        summary: "A date in the translation differs from the date in the source.",
        rationale: """
            Dates are facts: a wrong day or year in a caption misinforms. mtlint reads dates in both languages \
            with ICU's month names, in any case form ("28 ноября 2024 года", "в ноябре 2024 г.", "28.11.2024"; \
            "November 28, 2024", "Nov. 28", "28 November 2024"), pairs the dates of each aligned caption in order, \
            and reports a target date whose day, month or year contradicts its source.
            """,
        mqm: .mistranslation,
        severity: .major,
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Уборка пшеницы в Ставропольском крае. 12 июля 2025 года
            Wheat harvesting in the Stavropol Territory. ⟦July 21, 2025⟧
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'July 21, 2025' in the target, '12 июля 2025' in the source (line 3)"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Президент на заседании в Астане 28.11.2024, после встречи в ноябре 2024 г.
            The president at the meeting in Astana on 28 November 2024, after the talks in November 2024
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        let sourceDates = document.dates(in: source)
        guard !sourceDates.isEmpty else { return [] }
        let sourceText = document.text(source)
        var findings: [Finding] = []
        for (index, date) in document.dates(in: target).enumerated() {
            // A translation may order its dates otherwise: a date that agrees with any of the source's is right.
            guard !sourceDates.contains(where: { !date.conflicts(with: $0) }) else { continue }
            let written = document.buffer.string(date.range)
            // A date the source writes the same way in the same script ("the May 2020 Update"), and a
            // month's name standing in a name ("Brian May", "Theresa May") are no dates of the source's.
            guard !sourceText.contains(written), !(date.day == nil && date.year == nil && document.followsName(date.range, in: target)) else { continue }
            // The source date in the same position, or failing that one of the same month.
            let expected = sourceDates.first { $0.month == date.month } ?? sourceDates[min(index, sourceDates.count - 1)]
            findings.append(substitution(in: document, target: date.range, source: expected.range))
        }
        return findings
    }
}

extension Document {
    /// Whether a word stands right after a capitalised word that is a name: one that does not start its
    /// sentence, or that the dictionary knows only capitalised ("Brian May"; not "Since May").
    func followsName(_ range: Range<Int>, in block: Block) -> Bool {
        guard let index = block.tokenIndex(at: range.lowerBound), index > 0 else { return false }
        let previous = block.tokens[index - 1]
        guard previous.kind == .word, previous.isCapitalized, buffer.isBlank(previous.range.upperBound..<range.lowerBound) else { return false }
        let startsSentence = block.sentences.contains { $0.lowerBound == previous.range.lowerBound }
        let lower = buffer.string(previous.range).lowercased()
        return !startsSentence || !(language(of: block).speller?.accepts(lower) ?? true)
    }
}
