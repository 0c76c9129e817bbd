import MTCore
import MTText

/// MT104: a number in a translated caption that has no equal in its source.
public struct NumberMismatch: PairRule {
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
            .segment("Певица назвала пять продуктов, которые помогли ей.", "The singer named ⟦three⟧ products that helped her.", messages: ["'three' in the target, 'пять' in the source (line 1)"]),
            .segment("Пострадали десять человек.", "A ⟦dozen⟧ people were injured.", messages: ["'dozen' in the target, 'десять' in the source (line 1)"]),
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Зерновоз в порту Новороссийска, где за сезон отгрузили 1,2 млн тонн пшеницы
            A grain carrier in the port of Novorossiysk, where ⟦12 million⟧ tons of wheat were shipped
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'12 million' in the target, '1,2 млн' in the source (line 3)"]),
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Температура в Якутске опустилась до −45 градусов
            The temperature in Yakutsk dropped to ⟦+45⟧ degrees
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'+45' in the target, '−45' in the source (line 3)"]),
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

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        var findings: [Finding] = []
        let sourceDates = document.dates(in: source), targetDates = document.dates(in: target)
        // Number words count from two up: "one" and "a" are more often words than numbers.
        var unmatchedSource = document.numbers(in: source).filter { $0.inDigits || $0.value >= 2 }
        var unmatchedTarget: [NumberMention] = []
        // The days and years of dates, which the other side may write without a month ("9 и 10 августа"
        // = "August 9 and 10").
        var sourceDateParts = sourceDates.flatMap { [$0.day, $0.year].compactMap { $0 } }
        var targetDateParts = targetDates.flatMap { [$0.day, $0.year].compactMap { $0 } }
        for number in document.numbers(in: target) {
            if let match = unmatchedSource.firstIndex(where: { $0.equals(number) }) {
                unmatchedSource.remove(at: match)
            } else if let part = sourceDateParts.firstIndex(where: { Double($0) == number.value }) {
                sourceDateParts.remove(at: part)
            } else if number.inDigits || number.value >= 2 {
                unmatchedTarget.append(number)
            }
        }
        unmatchedSource.removeAll { number in
            guard let part = targetDateParts.firstIndex(where: { Double($0) == number.value }) else { return false }
            targetDateParts.remove(at: part)
            return true
        }
        // A number of a name the translation writes otherwise ("COVID-19" as "COVID") is no number
        // another one replaced; a name's number that became another name's number is ("Осень-2025" as
        // "Autumn-2024").
        var candidates = unmatchedSource
        for number in unmatchedTarget {
            guard let index = candidates.firstIndex(where: { !$0.inName || number.inName }) else { continue }
            let expected = candidates.remove(at: index)
            // Digits on both sides are evidence an editor accepts; a number word may be part of an
            // idiom ("в первую очередь", "once").
            findings.append(substitution(in: document, target: number.range, source: expected.range,
                                         severity: number.inDigits && expected.inDigits ? nil : .minor))
        }
        return findings
    }
}

extension Document {
    /// How many numbers of the target its source has too, and how many the target has.
    func sharedNumbers(_ source: Block, _ target: Block) -> (shared: Int, target: Int) {
        var sourceNumbers = allNumbers(in: source)
        let targetNumbers = allNumbers(in: target)
        var shared = 0
        for number in targetNumbers {
            if let match = sourceNumbers.firstIndex(where: { $0.equals(number) }) {
                sourceNumbers.remove(at: match)
                shared += 1
            }
        }
        return (shared, targetNumbers.count)
    }
}
