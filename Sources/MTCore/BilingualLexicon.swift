import Foundation
import MTText

/// What mtlint knows about which target words can translate which source words, for recognising
/// translated (not transliterated) names and terms: "Северной" is a form of северный = north, so
/// "North" is its counterpart; "ЮАР" is the initialism of CLDR's "Южно-Африканская Республика" =
/// "South Africa". Keys are Snowball stems of both languages, so any case form matches.
///
/// Sources, all reviewable data: the pair's bilingual word list in `Data/` (for ru→en the
/// OpenRussian lexicon, CC BY-SA 4.0), CLDR names from ICU (territories, languages, currencies,
/// exemplar cities) and `Data/conventional-names.<source>-<target>.tsv`.
public final class BilingualLexicon: Sendable {
    public let pair: LanguagePair
    /// Source stem → stems of the target words that can translate it.
    private let translations: [String: Set<String>]
    /// Source stems of more than four letters that have translations, for compounds whose last part is
    /// a known word ("гидрометцентр" ends with "центр" = centre).
    private let compoundHeads: [Int: Set<String>]
    /// Stems of the source language's common (lower-case) words.
    public let sourceCommonStems: Set<String>
    /// Source stems that translate into a capitalised name ("московский" = "Moscow"): words of a name
    /// even where the source language writes them in lower case.
    public let sourceProperStems: Set<String>
    /// Stems of target words that the word list uses to translate common words.
    public let targetCommonStems: Set<String>
    /// Source initialisms (folded) → target stems of what they stand for ("юар" → south, africa).
    private let sourceInitialisms: [String: Set<String>]
    /// Target initialisms (folded) of names the source may spell out ("uk" → великобритан).
    private let targetInitialisms: [String: Set<String>]

    private static let cache = ProcessCache<String, BilingualLexicon>()

    /// The lexicon of a language pair, built once per process.
    public static func shared(for pair: LanguagePair) -> BilingualLexicon {
        cache.value(for: pair.description) { BilingualLexicon(pair: pair) }
    }

    init(pair: LanguagePair) {
        self.pair = pair
        var translations: [String: Set<String>] = [:]
        var sourceCommon = Set<String>(), targetCommon = Set<String>(), sourceProper = Set<String>()
        var sourceInitialisms: [String: Set<String>] = [:], targetInitialisms: [String: Set<String>] = [:]
        let source = pair.source, target = pair.target
        let targetSpeller = target.speller

        /// Records that `targetText` translates the source phrase `sourceText` (its words and their
        /// stems, computed once per row by the caller). `common`: from the word list, not a name table.
        func add(_ sourceText: String, _ sourceWords: [String], _ sourceStems: [String], _ targetText: String, common: Bool) {
            let targetWords = Self.words(targetText)
            let targetWordStems = targetWords.map(target.stem)
            if common {
                for (word, stem) in zip(sourceWords, sourceStems) where word.first?.isLowercase ?? false { sourceCommon.insert(stem) }
                for (word, stem) in zip(targetWords, targetWordStems) where word.first?.isLowercase ?? false { targetCommon.insert(stem) }
            }
            let targetStems = Set(zip(targetWords, targetWordStems).filter { !target.isStopword($0.0) }.map(\.1))
            guard !targetStems.isEmpty, !sourceWords.isEmpty else { return }
            // A proper name's translation: capitalised, and not a common word the dictionary knows in
            // lower case (the word list writes some common words capitalised: "министр" = "Minister").
            if common, sourceWords.count == 1, sourceText.first?.isLowercase ?? false,
               targetWords.allSatisfy({ $0.first?.isUppercase ?? false }),
               !(targetSpeller.map { speller in targetWords.allSatisfy { speller.accepts($0.lowercased()) } } ?? false) {
                sourceProper.insert(sourceStems[0])
            }
            for (word, stem) in zip(sourceWords, sourceStems) where !source.isStopword(word) {
                translations[stem, default: []].formUnion(targetStems)
            }
            if sourceWords.count >= 2 { sourceInitialisms[Self.initials(sourceWords), default: []].formUnion(targetStems) }
            let contentTarget = targetWords.filter { !target.isStopword($0.lowercased()) }
            if contentTarget.count >= 2 {
                targetInitialisms[Self.initials(contentTarget), default: []].formUnion(sourceStems)
            }
        }
        func add(_ sourceText: String, translations targetTexts: [String], common: Bool) {
            let sourceWords = Self.words(sourceText)
            let sourceStems = sourceWords.map(source.stem)
            for targetText in targetTexts { add(sourceText, sourceWords, sourceStems, targetText, common: common) }
        }

        for row in KnowledgeFile.rows(named: "lexicon.\(source.code)-\(target.code).tsv") where row.count >= 3 {
            add(row[0], translations: Self.alternatives(row[2]), common: true)
        }
        for entry in CLDRNames.entries(source: source.icuLocale, target: target.icuLocale) {
            add(entry.source, translations: [entry.target], common: false)
        }
        for row in KnowledgeFile.rows(named: "conventional-names.\(source.code)-\(target.code).tsv") where row.count >= 2 {
            add(row[0], translations: row[1].split(separator: "|").map(String.init), common: false)
        }
        self.translations = translations
        compoundHeads = Dictionary(grouping: translations.keys.filter { $0.count > 4 }, by: \.count).mapValues(Set.init)
        sourceCommonStems = sourceCommon
        sourceProperStems = sourceProper
        targetCommonStems = targetCommon
        self.sourceInitialisms = sourceInitialisms
        self.targetInitialisms = targetInitialisms
    }

    /// Stems of the target words that can translate a source word (by its stem): its own entry,
    /// else the entry of the longest known word it ends with (a compound's head).
    public func targetStems(forSourceStem stem: String) -> Set<String> {
        if let direct = translations[stem] { return direct }
        if let restored = withFleetingVowel(stem) { return restored }
        for length in stride(from: stem.count - 3, through: 5, by: -1) {
            let tail = String(stem.suffix(length))
            if compoundHeads[length]?.contains(tail) ?? false, let found = translations[tail] { return found }
        }
        return []
    }

    /// Russian and other Slavic nouns drop a vowel before their last consonant in case forms
    /// ("дворце" → "дворц", lemma "дворец"): the entry of the stem with "е" or "о" put back.
    private func withFleetingVowel(_ stem: String) -> Set<String>? {
        guard pair.source.script == .cyrillic, stem.count >= 4 else { return nil }
        let vowels = Set("аеёиоуыэюя")
        let letters = Array(stem)
        guard !vowels.contains(letters[letters.count - 1]), !vowels.contains(letters[letters.count - 2]) else { return nil }
        for vowel in ["е", "о"] {
            let candidate = String(letters.dropLast()) + vowel + String(letters.last!)
            if let found = translations[candidate] { return found }
        }
        return nil
    }

    /// What a source initialism stands for, as target stems.
    public func expansion(ofSourceInitialism folded: String) -> Set<String> { sourceInitialisms[folded] ?? [] }

    /// Source stems a target initialism can stand for.
    public func sourceStems(forTargetInitialism folded: String) -> Set<String> { targetInitialisms[folded] ?? [] }

    /// Folded initial letters of words ("Южно-Африканская Республика" → "юар").
    static func initials(_ words: [String]) -> String {
        String(words.compactMap { $0.first }).lowercased()
    }

    /// Letter runs of a phrase, hyphenated parts separately.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
    }

    /// "United States of America (USA); US" → ["United States of America", "USA", "US"].
    static func alternatives(_ field: String) -> [String] {
        field.split(separator: ";").flatMap { part -> [String] in
            var outside = "", inside: [String] = [], current = ""
            var depth = 0
            for character in part {
                if character == "(" { depth += 1; continue }
                if character == ")" { depth = max(0, depth - 1); if depth == 0 { inside.append(current); current = "" }; continue }
                if depth > 0 { current.append(character) } else { outside.append(character) }
            }
            return ([outside] + inside).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}
