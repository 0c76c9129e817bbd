import Foundation
import MTCore
import MTText

/// MT309: a target word the spelling dictionary does not know.
public struct MisspelledWord: PairRule, ConfigurableRule {
    static let dictionaryOption = RuleOption.text(
        "dictionary", "The Hunspell dictionary to check with, used alone, e.g. en_GB (default: the target language's own).",
        provenance: "The language profile names the default dictionaries (for English en_US and en_GB together), so that American and British spellings both pass.")

    /// The Hunspell dictionary to check with (`nil`: the target language's own, e.g. en_US).
    public let dictionary: String?
    /// Words a project accepts besides the dictionary's, folded ("mtlint", "oblast").
    public let projectWords: Set<String>

    /// What each word form is by its text alone (`Verdict`), worked out once per form in the process.
    private let verdicts = WordMemo<Verdict>()
    /// The words one typo away from a capitalised unknown word, by their stem: stemmed once per form (a name
    /// recurs in an article and across a stream's segments), then looked up only under the source's translations.
    /// (Few slots: each holds hundreds of words.)
    private let candidatesByStem = WordMemo<[UTF8Key: [String]]>(capacity: 64)

    public init(dictionary: String? = nil, projectWords: Set<String> = []) {
        self.dictionary = dictionary
        self.projectWords = Set(projectWords.map(Normalizer.foldKey))
    }

    /// What a word is by its text alone, for this rule's dictionaries and project words.
    struct Verdict: Sendable {
        /// The word as checked (typographic apostrophes as ASCII ones).
        let word: String
        /// A shape not checked: an abbreviation's period, a name particle ("von"), a capital inside ("iPhone"), a digit.
        let isSkipped: Bool
        /// The form the language always writes it in, when it is written otherwise ("I" for "i").
        let capitalizedForm: String?
        /// Spelled right: a dictionary or project word, a scale word, a known compound or derivation (or one letter).
        let isKnown: Bool
    }

    private func verdict(_ key: WordKey, _ language: Language, _ spellers: [Speller], _ speller: Speller) -> Verdict {
        verdicts.value(for: key) {
            let word = key.text.replacingApostrophes
            // Name particles ("von der Leyen") are parts of names.
            guard !word.utf8.contains(0x2E), !language.nameConnectors.contains(word), !word.dropFirst().contains(where: { $0.isUppercase }),
                  !word.contains(where: \.isNumber) else { return Verdict(word: word, isSkipped: true, capitalizedForm: nil, isKnown: true) }
            let capitalized = word.prefix(1).uppercased() + word.dropFirst()
            let folded = Normalizer.foldKey(word)
            return Verdict(
                word: word, isSkipped: false, capitalizedForm: language.alwaysCapitalized.contains(capitalized) ? capitalized : nil,
                isKnown: word.count < 2 || projectWords.contains(folded) || language.scale(of: folded) != nil
                    || spellers.contains(where: { Self.accepts($0, word) }) || Self.isCompound(word, speller) || Self.isDerivation(word, language, spellers))
        }
    }

    /// The `dictionary` option and the project's `words:`.
    public init(configuration: RuleConfiguration) {
        self.init(dictionary: configuration.text(Self.dictionaryOption), projectWords: configuration.words)
    }

    public let description = RuleDescription(
        code: "MT309",
        id: "misspelled-word",
        summary: "A word of the translation is not in the target language's spelling dictionary (Hunspell), with its suggestions.",
        rationale: """
            A typo or a dropped letter ("finacial", "similr") slips past machine translation metrics and readers \
            notice it first. mtlint checks the target text with Hunspell (the language's dictionaries: en_US, \
            and en_GB for British spellings such as "programme" and "storey"; another installed dictionary with \
            --spelling-dictionary, extra accepted words with --words FILE, one a line). It reads the translations \
            of aligned pairs (captions and segment pairs), where the source can vouch for a word; an article's \
            paragraphs, with no source, are left alone. A word is reported only when it looks like a typo: one \
            edit (a letter dropped, added, changed, or two swapped) from a dictionary word, which the message \
            suggests. A word no dictionary word is that close to is a rare or new word ("flashbang", \
            "loungewear"), not a typo. Not checked: acronyms, words with digits or a capital inside ("iPhone"), \
            abbreviations, parts of hyphenated compounds, one-letter words, URLs and handles, words in \
            another script, a compound the dictionary knows in parts ("hydrobiologist"), a dictionary word with a \
            productive prefix or suffix of the language profile ("reshore", "brainer"), and a word that \
            transliterates a source word ("oblast" for "области", "Zenit" for "Зенит"), unless a dictionary word \
            one typo away transliterates it better (a misspelled cognate: "vido" for "видео"). Any other \
            capitalised word is a name, reported only when the word it is one typo from translates a source word \
            ("Russion" for "российский", where "Russian" was meant).
            """,
        mqm: .spelling,
        severity: .minor,
        options: [Self.dictionaryOption],
        triggering: [
            .segment("Пилоты авиационной группы показали фигуры высшего пилотажа.", "Pilots of the aviation ⟦gropu⟧ performed aerobatics.", messages: ["'gropu' is not in the en_US or en_GB dictionary; did you mean 'group', 'grope'?"]),
            .segment("Российские пилоты показали фигуры высшего пилотажа.", "⟦Russion⟧ pilots performed aerobatics.", messages: ["'Russion' is not in the en_US or en_GB dictionary; did you mean 'Russian'?"]),
            .segment("Показали видео с места событий.", "They showed a ⟦vido⟧ from the scene.", messages: ["'vido' is not in the en_US or en_GB dictionary; did you mean 'dido', 'lido', 'vino'?"]),
            .segment("Этот город очень отличается от других.", "This city ⟦i⟧ very different from the others.", messages: ["'i' is written 'I' in English; did you mean 'I'?"]),
            .segment("Министры обсудили бюджет и сроки реформ.", "The ministers discussed the ⟦budgte⟧ and the timetable for reforms.", messages: ["'budgte' is not in the en_US or en_GB dictionary; did you mean 'budge', 'budget', 'budgie'?"]),
        ],
        nonTriggering: [
            .segment("Губернатор Ставропольского края посетил область.", "The Stavropol governor visited the oblast."),
            .segment("Центр организации в родном городе Пфанненштиля наградил главу компании 3 мая, т. е. в пятницу (www.example.org).",
                     "The organisation's centre in Pfannenstiel's home town honoured the iPhone maker's CEO on 3rd May, i.e. on Friday (www.example.org)."),
            """
            The hydrobiologist said the expedition would return de jure in spring.
            """,
            .segment("Программа локдауна в Англии расширена.", "The lockdown programme in England has been extended."),
            .segment("Полузащитник «Зенита» и фермер из села Ивановка.", "A Zenit midfielder and a farmer from the selo of Ivanovka."),
            .segment("Эти светошумовые гранаты применили в Сиэтле.", "These flashbang grenades were used in Seattle."),
        ])

    public func check(source: Block, target block: Block, in document: Document) -> [Finding] {
        let language = document.pair.target
        let spellers = dictionary.map { Speller.shared($0).map { [$0] } ?? [] } ?? language.spellers
        guard let speller = spellers.first else { return [] }
        var findings: [Finding] = []
        let units = document.buffer.units
        func isLetter(_ offset: Int) -> Bool {
            offset >= 0 && offset < units.count && (Unicode.Scalar(units[offset]).map(CharacterInfo.isLetter) ?? false)
        }
        let skipped = document.placeholders(in: block).map(\.range)
        // What the source vouches for, computed when a word needs it: the skeletons of its words
        // romanized, and the stems of their translations.
        var sourceSkeletons: [(skeleton: NameMatch.Skeleton, isName: Bool)]?
        // (Compared byte for byte: the stems of fold keys are in one normal form.)
        var sourceTranslations: Set<UTF8Key>?
        /// How close the word comes to transliterating a source word (`names`: a capitalised one): the
        /// least skeleton edit distance among the source words it transliterates (`nil`: none).
        func transliteration(_ word: String, names: Bool = false) -> Int? {
            let skeletons = sourceSkeletons ?? document.romanizedWords(of: source).map { ($0.skeleton, $0.token.isCapitalized) }
            sourceSkeletons = skeletons
            // A possessive's ending is English, not the name's ("Prosa's").
            let bare = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
            let skeleton = NameMatch.skeleton(Normalizer.foldKey(bare))
            return skeletons.filter { (!names || $0.isName) && NameMatch.transliterates($0.skeleton, skeleton) }
                .map { NameMatch.editDistance($0.skeleton, skeleton) }.min()
        }
        func translationStems() -> Set<UTF8Key> {
            let stems = sourceTranslations ?? Set(document.renderings(of: source).joined().lazy.map(UTF8Key.init))
            sourceTranslations = stems
            return stems
        }
        func translatesSource(_ word: String) -> Bool { translationStems().contains(UTF8Key(language.stem(word))) }
        let keys = document.keys(of: block)
        for (index, token) in block.tokens.enumerated() where token.kind == .word && token.script == .single(language.script) {
            guard let key = keys[index] else { continue }
            let (start, end) = (token.range.lowerBound, token.range.upperBound)
            // Dotted abbreviations ("i.e.", "a.m.", "Sts.") are not words to spell, nor is a part of a
            // hyphenated compound ("roly-polies"): the dictionaries list few of those.
            let verdict = verdict(key, language, spellers, speller)
            let word = verdict.word
            let dotted = (end < units.count && units[end] == 0x2E && isLetter(end + 1)) || (units[max(0, start - 1)] == 0x2E && isLetter(start - 2))
                || (end < units.count && units[end] == 0x2E && language.abbreviations.contains(word.lowercased() + "."))
            let hyphenated = (end + 1 < units.count && units[end] == 0x2D && isLetter(end + 1)) || (start >= 2 && units[start - 1] == 0x2D && isLetter(start - 2))
            guard !dotted, !hyphenated, !verdict.isSkipped, !skipped.contains(where: { $0.overlaps(token.range) }) else { continue }
            // "i" for "I": in the dictionary (a numeral), never right in running text.
            if !token.isCapitalized, let capitalized = verdict.capitalizedForm, !Self.isListMarker(token.range, units) {
                findings.append(finding(
                    in: document, at: token.range,
                    message: "'\(word)' is written '\(capitalized)' in \(language.name); did you mean '\(capitalized)'?"))
                continue
            }
            guard !verdict.isKnown else { continue }
            // A typo is one edit from the word meant; a word no dictionary word is that close to is a
            // rare or new word ("flashbang", "loungewear"), not a typo.
            // A name of the source transliterated, in whatever spelling ("Humza" for "Хамза"): checked
            // first, as it is far cheaper than the dictionary lookups of the words one typo away.
            if token.isCapitalized, transliteration(word, names: true) != nil { continue }
            // Another capitalised word needs a word one typo away that translates the source (below):
            // only the words one typo away whose stem is a translation's are looked up in the dictionary.
            if token.isCapitalized, transliteration(word) == nil {
                let byStem = candidatesByStem.value(for: key) {
                    Dictionary(grouping: speller.candidates(word, alphabet: language.alphabet)) { UTF8Key(language.stem($0, caching: false)) }
                }
                guard !speller.accepted(translationStems().flatMap { byStem[$0] ?? [] }, of: word).isEmpty else { continue }
            }
            let nearby = speller.wordsOneEditAway(word, alphabet: language.alphabet)
            guard !nearby.isEmpty else { continue }
            if let distance = transliteration(word) {
                // A source word transliterated ("oblast" for "области", "Zenit" for "Зенит", "selo" for
                // "села"); but a misspelled cognate ("vido" for "видео", "istory" for "истории",
                // "Secretery" for "секретаря") is one typo from a word that transliterates it better, or
                // as well when the word itself is two edits off.
                // For a name, only a common word counts: a name one edit away ("Luis" for "Luiz") is
                // another spelling of it.
                guard distance > 0, nearby.contains(where: { candidate in
                    (!token.isCapitalized || candidate.first?.isLowercase == true)
                        && transliteration(candidate).map { $0 < distance || ($0 == distance && distance >= 2) } ?? false
                }) else { continue }
            } else if token.isCapitalized {
                // Another capitalised word is a name unless the word it is one typo from translates a
                // word of the source ("Russion" for "российский" → "Russian"), other than by an ending
                // ("Koreas", "Gazan" are made from "Korea", "Gaza").
                let translations = nearby.filter(translatesSource)
                guard !translations.isEmpty, !translations.contains(where: { Self.inflects(word, $0) }) else { continue }
            }
            let shown = Array(nearby.prefix(3))
            findings.append(finding(
                in: document, at: token.range,
                message: "'\(document.buffer.string(token.range))' is not in the \(spellers.map(\.dictionary).joined(separator: " or ")) "
                    + "dictionary; did you mean " + shown.map { "'\($0)'" }.joined(separator: ", ") + "?",
                source: nil))
        }
        return findings
    }

    /// Whether one word is another with an ending added or changed at its end ("Koreas", "Gazan" and
    /// "Korean" from "Korea"): a form of the word, not a typo of it.
    static func inflects(_ word: String, _ other: String) -> Bool {
        let a = Array(word.lowercased()), b = Array(other.lowercased())
        let shared = zip(a, b).prefix { $0 == $1 }.count
        guard shared >= 3 else { return false }
        // "Koreas" is "Korea" and an ending; "Koreas" and "Korean" differ in their last letter only.
        return shared == b.count || (a.count == b.count && shared == a.count - 1)
    }

    /// Whether a word is a dictionary word with one of the language's productive prefixes or suffixes
    /// ("reshore" = re + shore, "brainer" = brain + er, "duking" = duke + ing): a derivation the
    /// dictionary does not list, not a typo.
    static func isDerivation(_ word: String, _ language: Language, _ spellers: [Speller]) -> Bool {
        let lower = word.lowercased()
        func known(_ stem: String) -> Bool { stem.count >= 3 && spellers.contains { $0.accepts(stem) } }
        for prefix in language.derivationPrefixes where lower.hasPrefix(prefix) && known(String(lower.dropFirst(prefix.count))) {
            return true
        }
        for suffix in language.derivationSuffixes where lower.hasSuffix(suffix) {
            let stem = String(lower.dropLast(suffix.count))
            // The stem as written, with the "e" a vowel suffix drops ("duke" + "ing"), or with the consonant
            // it doubles ("plan" + "ner").
            if known(stem) || known(stem + "e") || (stem.count >= 4 && stem.last == stem.dropLast().last && known(String(stem.dropLast()))) {
                return true
            }
        }
        return false
    }

    /// Whether a word is a list marker: "(i)", "i)", "i.".
    static func isListMarker(_ range: Range<Int>, _ units: [UInt16]) -> Bool {
        let before = range.lowerBound > 0 ? units[range.lowerBound - 1] : 0x20
        let after = range.upperBound < units.count ? units[range.upperBound] : 0x20
        return before == 0x28 || after == 0x29 || after == 0x2E
    }

    /// Whether the word is two dictionary words of five letters or more written together
    /// ("hydrobiologist"): a compound, not a typo ("is tory" for "istory" is no such split).
    static func isCompound(_ word: String, _ speller: Speller) -> Bool {
        let letters = Array(word.lowercased())
        guard letters.count >= 10 else { return false }
        return (5...(letters.count - 5)).contains { split in
            speller.accepts(String(letters[..<split])) && speller.accepts(String(letters[split...]))
        }
    }

    /// Whether the dictionary accepts a word as written or in lower case (a sentence's first word).
    static func accepts(_ speller: Speller, _ word: String) -> Bool {
        speller.accepts(word) || speller.accepts(word.lowercased())
    }
}

extension String {
    /// The word with typographic apostrophes as ASCII ones (Hunspell's dictionaries use ').
    fileprivate var replacingApostrophes: String {
        // Looked for first (its UTF-8 lead byte): Foundation's replacing costs more than the spell check.
        utf8.contains(0xE2) ? replacingOccurrences(of: "’", with: "'") : self
    }
}
