import MTCore
import MTText

/// MT106: a person or place name of the source replaced by another in the translation.
public struct NameMismatch: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT106",
        id: "name-mismatch",
        summary: "A name in the translation stands where the source has a different name.",
        rationale: """
            Machine translation sometimes swaps a rare name for a frequent one, or for a name from \
            elsewhere in the text. In each aligned pair, mtlint accounts for every name on both sides the \
            way unsupported-entity does (transliteration in either direction with the usual spelling \
            variation, "Ляйен" ~ "Leyen", "Крейг" ~ "Craig"; the bilingual word list and CLDR for names \
            English translates, "Северной" = "North", "Киргизии" = "Kyrgyzstan"; conventional names, \
            "Си Цзиньпин" = "Xi Jinping"; any case form). A target name that nothing in the source accounts \
            for, while a source name has no counterpart in the target, is reported with the source name it \
            probably replaced; in a name found on both sides, a changed word next to a kept one \
            ("Vladimir Volodin" for "Владимир Владимиров") is reported too. A target name whose every word the spelling \
            dictionary knows ("Jesus" for "Иисус") is left to the preview rule unsupported-known-name: \
            translated names outside the word lists are common.
            """,
        mqm: .mistranslation,
        severity: .major,
        triggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Губернатор Ставропольского края Владимир Владимиров и фермер Иван Петренко
            Stavropol Governor Vladimir Vladimirov and farmer Ivan ⟦Sidorenko⟧
            Photo: TASS/Ivan Petrov

            Губернатор Ставропольского края Владимир Владимиров на встрече с журналистами
            Stavropol Governor Vladimir ⟦Volodin⟧ at a meeting with journalists
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
        for pair in document.entityPairs {
            findings += changedWords(pair, document)
            let sourceNames = pair.unmatchedSourceNames
            guard let first = sourceNames.first else { continue }
            let replaced = sourceNames.map { document.quotedWithRomanization($0.range) }.joined(separator: ", ")
            for entity in pair.unmatchedTarget
            where !entity.isAcronym && !entity.isDictionaryKnown && !document.overlapsOrganisation(entity.range, in: pair.target) {
                findings.append(finding(
                    in: document, at: entity.range,
                    message: "'\(document.buffer.string(entity.range))' in the target, but the source has \(replaced) "
                        + "(line \(document.buffer.line(at: first.range.lowerBound)))",
                    source: sourceNames.count == 1 ? first.range : nil))
            }
        }
        return findings
    }

    /// In a name found on both sides, a word next to a corresponding word that corresponds to nothing,
    /// where the source name has an unaccounted word in the same place: a kept first name with a changed
    /// surname ("Vladimir Volodin" for "Владимир Владимиров"), or the other way round.
    private func changedWords(_ pair: EntityPair, _ document: Document) -> [Finding] {
        let alignment = pair.alignment
        var findings: [Finding] = []
        for target in alignment.target where target.matched && !target.isAcronym && target.words.count >= 2 {
            for (j, word) in target.words.enumerated() {
                for anchor in alignment.targetWordCounterparts[word.lowerBound] ?? [] {
                guard let source = alignment.source.first(where: { $0.words.contains(anchor) }),
                      let i = source.words.firstIndex(of: anchor) else { continue }
                for step in [-1, 1] {
                    let (tj, si) = (j + step, i + step)
                    guard target.words.indices.contains(tj), source.words.indices.contains(si) else { continue }
                    let changed = target.words[tj], original = source.words[si]
                    // The source word has no counterpart but the anchor's target word.
                    guard alignment.targetWordCounterparts[changed.lowerBound] == nil,
                          (alignment.sourceWordCounterparts[original.lowerBound] ?? []).allSatisfy({ $0 == word }),
                          !findings.contains(where: { $0.target.utf16Range == changed }),
                          document.pair.target.speller.map({ !$0.accepts(document.buffer.string(changed)) }) ?? true
                    else { continue }
                    findings.append(finding(
                        in: document, at: changed,
                        message: "'\(document.buffer.string(changed))' in the target, but the source has "
                            + "\(document.quotedWithRomanization(original)) (line \(document.buffer.line(at: original.lowerBound)))",
                        source: original))
                }
                }
            }
        }
        return findings
    }
}
