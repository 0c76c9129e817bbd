import MTCore
import MTText

/// MT106: a person or place name of the source replaced by another in the translation.
public struct NameMismatch: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT106",
        id: "name-mismatch",
        summary: "A name in the translation does not match the name in the source (a surname or first name changed).",
        rationale: """
            Machine translation sometimes swaps a rare name for a frequent one. In each aligned caption pair, \
            mtlint romanizes the source's name words with ICU and compares them with the target's capitalised \
            words under a similarity that tolerates transliteration conventions ("Ляйен" ~ "Leyen", \
            "Мирзиёев" ~ "Mirziyoyev"), plus a table of names English does not transliterate ("Киргизия" = \
            "Kyrgyzstan", "Си Цзиньпин" = "Xi Jinping"). When one word of a multi-word source name is found in the \
            target but the word next to it is not, the target word in its place is reported: a kept first name \
            with a changed surname, or the other way round. A source name with two words found in the target is \
            accounted for, and its other capitalised words (titles, places) are not compared.
            """,
        mqm: .mistranslation,
        severity: .major,
        triggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Губернатор Ставропольского края Владимир Владимиров и фермер Иван Петренко
            Stavropol Governor Vladimir ⟦Volodin⟧ and farmer ⟦Igor⟧ Petrenko
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Председатель Еврокомиссии Урсула фон дер Ляйен, президент Узбекистана Шавкат Мирзиёев и Си Цзиньпин в Киргизии
            European Commission President Ursula von der Leyen, Uzbek President Shavkat Mirziyoyev and Xi Jinping in Kyrgyzstan
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for (source, target) in document.alignedCaptions {
            let sourceWords = document.nameWords(source), targetWords = document.nameWords(target)
            // Greedy matching of source name words to target words.
            var matchOf: [Int: Int] = [:]  // source index → target index
            var taken = Set<Int>()
            for (i, word) in sourceWords.enumerated() {
                if let j = targetWords.indices.first(where: {
                    !taken.contains($0) && NameMatch.matches(word.text, targetWords[$0].text, pair: document.pair)
                }) {
                    matchOf[i] = j
                    taken.insert(j)
                }
            }
            for (i, word) in sourceWords.enumerated() where matchOf[i] == nil {
                // A name with two words found is accounted for; a further word is a title or a place.
                let runMatches = sourceWords.indices.filter { sourceWords[$0].run == word.run && matchOf[$0] != nil }
                guard runMatches.count == 1 else { continue }
                // A matched neighbour in the same source name tells where this word should be in the target.
                let anchor = sourceWords.indices.first { k in
                    k != i && sourceWords[k].run == word.run && matchOf[k] != nil && abs(sourceWords[k].position - word.position) == 1
                }
                guard let anchor, let anchorTarget = matchOf[anchor] else { continue }
                let expectedPosition = targetWords[anchorTarget].position + (word.position - sourceWords[anchor].position)
                guard let j = targetWords.indices.first(where: {
                    targetWords[$0].run == targetWords[anchorTarget].run && targetWords[$0].position == expectedPosition
                }), !taken.contains(j) else { continue }
                let romanized = document.pair.source.romanize(word.text)
                findings.append(finding(
                    in: document, at: targetWords[j].token.range,
                    message: "'\(targetWords[j].text)' in the target, but the source has '\(word.text)'"
                        + (romanized == word.text ? "" : " (\(romanized))")
                        + " (line \(document.buffer.line(at: word.token.range.lowerBound)))",
                    source: word.token.range))
                taken.insert(j)
            }
        }
        return findings
    }
}
