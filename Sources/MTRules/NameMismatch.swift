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
            probably replaced. A run of capitalised words counts word by word: a changed surname next to a kept \
            first name ("Vladimir Volodin" for "Владимир Владимиров"), or a new name inside a run whose \
            other words are accounted for ("Moscow Mayor Tomasz Wierzbicki" for "Мэр Москвы Сергей Собянин"), \
            is reported too. A target name whose every word the spelling \
            dictionary knows ("Jesus" for "Иисус") is left to the preview rule unsupported-known-name: \
            translated names outside the word lists are common.
            """,
        mqm: .mistranslation,
        severity: .minor,
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Губернатор Ставропольского края Владимир Владимиров и фермер Иван Петренко
            Stavropol Governor Vladimir Vladimirov and farmer Ivan ⟦Sidorenko⟧
            Photo: TASS/Ivan Petrov

            Губернатор Ставропольского края Владимир Владимиров на встрече с журналистами
            Stavropol Governor Vladimir ⟦Volodin⟧ at a meeting with journalists
            Photo: TASS/Ivan Petrov

            Мэр Москвы Сергей Собянин на открытии станции метро
            Moscow Mayor ⟦Tomasz Wierzbicki⟧ at the opening of the metro station
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'Sidorenko' in the target, but the source has 'Петренко' (Petrenko) (line 3)", "'Volodin' in the target, but the source has 'Владимиров' (Vladimirov) (line 7)", "'Tomasz Wierzbicki' in the target, but the source has 'Сергей Собянин' (Sergey Sobyanin) (line 11)"]),
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
            // What the source names that the translation does not account for: names, and also acronyms
            // and capitalised terms ("Государственный суд"), any of which a name may have replaced.
            let sourceNames = pair.alignment.source.filter { !$0.matched && !document.overlapsOrganisation($0.range, in: pair.source) }
            guard !sourceNames.isEmpty else { continue }
            let properNames = sourceNames.filter { !$0.isAcronym && !$0.isCommon }
            // A rare name anywhere while a source name is unaccounted for; any other unaccounted name,
            // acronym or capitalised word where a source entity stands.
            let rare = properNames.isEmpty ? [] : pair.unknownTargetNames(in: document)
            let named = sourceNames.filter { !$0.isCommon }
            // Where a source name or acronym stands: a rare name, or a well-known one or a capitalised word
            // ("Peninsula"; "Kuzbass" for "РИА Новости"); an acronym or a name of several words only where a
            // name stands (acronyms translate acronyms, and a name of several words may spell one out: "Korean
            // Central News Agency" for "УТАК"). A capitalised term of the source ("Возрождения") may be
            // rendered by a name ("Ennahdha").
            let placed = pair.alignment.target.filter { !$0.matched && !rare.contains($0) }.filter { entity in
                let candidates = entity.isAcronym || entity.words.count > 1 ? properNames : named
                return !document.overlapsOrganisation(entity.range, in: pair.target)
                    && candidates.contains { pair.distance($0.range, entity.range) <= EntityPair.nearby }
            }
            for entity in (rare + placed).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                // The source entities it most likely replaced: the nearest first.
                let replaced = sourceNames.sorted { pair.distance($0.range, entity.range) < pair.distance($1.range, entity.range) }
                // A name that sounds much like the nearest one ("Newcastle" for "Ньюкаслом", "Himalayan" for
                // "Гималаев") is a rendering the word lists do not know, not another name.
                guard !document.soundsRelated(replaced[0].range, entity.range) else { continue }
                findings.append(finding(
                    in: document, at: entity.range,
                    message: "'\(document.buffer.string(entity.range))' in the target, but the source has "
                        + replaced.map { document.quotedWithRomanization($0.range) }.joined(separator: ", ")
                        + " (line \(document.line(at: replaced[0].range.lowerBound)))",
                    source: replaced[0].range,
                    severity: !entity.isDictionaryKnown && !replaced[0].isDictionaryKnown
                        && document.soundsUnrelated(replaced[0].range, entity.range) ? .major : nil))
            }
        }
        return findings
    }
}

extension Document {
    /// Whether a source name and a target name share no consonant sound at all (each of two or more):
    /// no transcription makes one of the other, and an editor sees another name ("Tomasz Wierzbicki" for
    /// "Сергей Собянин"). Major only for two rare names: a name the dictionary knows ("Savage") may be
    /// a word the source translates. A name that shares sounds ("Newcastle" for "Ньюкаслом") may be a rendering the
    /// word lists do not know.
    func soundsUnrelated(_ source: Range<Int>, _ target: Range<Int>) -> Bool {
        let (sourceSound, targetSound) = sounds(source, target)
        return sourceSound.count >= 2 && targetSound.count >= 2 && Set(sourceSound).isDisjoint(with: Set(targetSound))
    }

    /// Whether a source name and a target name share most of their consonant sounds, in order: the first,
    /// at least two, and three fifths of the longer name's ("Sidorenko" is no rendering of "Петренко"); of a
    /// name of one consonant sound, that one and at most one more ("Кау" ~ "Cowie").
    func soundsRelated(_ source: Range<Int>, _ target: Range<Int>) -> Bool {
        let (sourceSound, targetSound) = sounds(source, target)
        guard let first = sourceSound.first, first == targetSound.first else { return false }
        // A name of one consonant sound ("Кау" ~ "Cowie") keeps just that one.
        if min(sourceSound.count, targetSound.count) == 1 { return max(sourceSound.count, targetSound.count) <= 2 }
        let shared = DuplicatedPhrase.longestCommonSubsequence(sourceSound, targetSound)
        return shared >= 2 && Double(shared) >= 0.6 * Double(max(sourceSound.count, targetSound.count))
    }

    /// The phonetic keys of a source and a target text.
    private func sounds(_ source: Range<Int>, _ target: Range<Int>) -> (NameMatch.PhoneticKey, NameMatch.PhoneticKey) {
        (NameMatch.phoneticKey(Normalizer.foldKey(pair.source.romanize(buffer.string(source))),
                               spelling: pair.source.script == .latin ? .latin : .romanized),
         NameMatch.phoneticKey(Normalizer.foldKey(buffer.string(target)), spelling: .latin))
    }
}
