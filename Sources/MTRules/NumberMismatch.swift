import MTCore
import MTText

/// MT104: a number in a translated caption that has no equal in its source.
public struct NumberMismatch: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT104",
        id: "number-mismatch",
        summary: "A number in the translation has no equal in the source, which has another number instead.",
        rationale: """
            Numbers must survive translation. mtlint reads the numbers of each aligned caption pair in each \
            language's own notation with ICU ("1 234,5" = "1,234.5", "110,4 млн" = "110.4 million", "−5" ≠ "+5"), including \
            number words and ordinals through ICU's spell-out rules ("4-й" = "fourth", "двух" = "two") and numbers \
            inside names ("Взаимодействие-2018" = "Interaction-2018"), and scale words on their own ("a dozen", \
            "a million people" = "миллион человек"). A number in the target (in digits, or a number word from \
            two up: "one" is more often a pronoun than a number) that matches no source number, while the \
            source has a number the target lacks, is reported with that source number, in either direction \
            ("three" for "пять", "two" for "3", "7" for "семь"). Dates are left to date-mismatch.
            """,
        mqm: .mistranslation,
        severity: .major,
        triggering: [
            .segment("Певица назвала пять продуктов, которые помогли ей.", "The singer named ⟦three⟧ products that helped her."),
            .segment("Пострадали десять человек.", "A ⟦dozen⟧ people were injured."),
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Зерновоз в порту Новороссийска, где за сезон отгрузили 1,2 млн тонн пшеницы
            A grain carrier in the port of Novorossiysk, where ⟦12 million⟧ tons of wheat were shipped
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Температура в Якутске опустилась до −45 градусов
            The temperature in Yakutsk dropped to ⟦+45⟧ degrees
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ],
        nonTriggering: [
            .segment("Зал на двести двадцать пять мест.", "A hall with two hundred twenty-five seats."),
            .segment("Пострадали двенадцать человек, один из них в тяжелом состоянии.", "A dozen people were injured, one of them seriously."),
            .segment("Парад посмотрели миллионы людей.", "Millions of people watched the parade."),
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Женщина на 4-й годовщине окончания 44-х дневной войны; бюджет 1 234,5 млн рублей, рост на двух заводах
            A woman at the fourth anniversary of the end of the 44-day war; a budget of 1,234.5 million rubles, growth at two plants
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for (source, target) in document.alignedCaptions {
            let sourceQuantities = Quantities(document, source), targetQuantities = Quantities(document, target)
            var unmatchedSource = sourceQuantities.numbers(excluding: sourceQuantities.dates.map(\.range))
            var unmatchedTarget: [NumberMention] = []
            for number in targetQuantities.numbers(excluding: targetQuantities.dates.map(\.range)) {
                if let match = unmatchedSource.firstIndex(where: { Self.equal($0.value, number.value) }) {
                    unmatchedSource.remove(at: match)
                } else if number.inDigits || number.value >= 2 {
                    // Number words count from two up: "one" and "a" are more often words than numbers.
                    unmatchedTarget.append(number)
                }
            }
            for (number, expected) in zip(unmatchedTarget, unmatchedSource) {
                findings.append(substitution(in: document, target: number.range, source: expected.range))
            }
        }
        return findings
    }

    private static func equal(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }
}
