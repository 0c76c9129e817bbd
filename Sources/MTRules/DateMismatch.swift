import MTCore

/// MT105: a date in a translated caption that differs from the date in its source.
public struct DateMismatch: Rule {
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
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Уборка пшеницы в Ставропольском крае. 12 июля 2025 года
            Wheat harvesting in the Stavropol Territory. ⟦July 21, 2025⟧
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
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

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for (source, target) in document.alignedCaptions {
            let sourceDates = Quantities(document, source).dates
            for (index, date) in Quantities(document, target).dates.enumerated() {
                // The source date in the same position, or failing that any source date of the same month.
                guard let expected = index < sourceDates.count ? sourceDates[index] : sourceDates.first(where: { $0.month == date.month }),
                      date.conflicts(with: expected) else { continue }
                findings.append(substitution(in: document, target: date.range, source: expected.range))
            }
        }
        return findings
    }
}
