import Foundation
import MTCore
import MTText

/// MT309: a target word the spelling dictionary does not know.
public struct MisspelledWord: Rule {
    /// The Hunspell dictionary to check with (`nil`: the target language's own, e.g. en_US).
    public let dictionary: String?
    /// Words a project accepts besides the dictionary's, folded ("mtlint", "oblast").
    public let projectWords: Set<String>

    public init(dictionary: String? = nil, projectWords: Set<String> = []) {
        self.dictionary = dictionary
        self.projectWords = Set(projectWords.map(Normalizer.foldKey))
    }

    public let description = RuleDescription(
        code: "MT309",
        id: "misspelled-word",
        summary: "A word of the translation is not in the target language's spelling dictionary (Hunspell), with its suggestions.",
        rationale: """
            A typo or a dropped letter ("finacial", "similr") slips past machine translation metrics and readers \
            notice it first. mtlint checks the target text with Hunspell (en_US by default; another installed \
            dictionary with --spelling-dictionary, extra accepted words with --words FILE, one a line) and \
            reports the words it does not know with Hunspell's suggestions. It reads the translations of aligned \
            pairs (captions and segment pairs), where the source can vouch for a borrowed word; an article's \
            paragraphs, with no source, are left alone (foreign phrases such as "de jure" and rare names would \
            be false alarms). Proper names are the classic trap, so no capitalised word is checked (names are \
            the entity rules' business), nor acronyms, words with digits or a capital inside ("iPhone"), dotted \
            abbreviations, URLs, addresses and handles, words in another script, a word that transliterates a \
            source word ("oblast" for "области"), or a compound Hunspell knows in parts ("hydrobiologist"). A \
            British spelling ("organisation", "centre", "honour") is accepted when its American form is.
            """,
        mqm: .spelling,
        severity: .minor,
        triggering: [
            .segment("Пилоты авиационной группы показали фигуры высшего пилотажа.", "Pilots of the aviation ⟦gropu⟧ performed aerobatics."),
            .segment("Этот город очень отличается от других.", "This city ⟦i⟧ very different from the others."),
            .segment("Министры обсудили бюджет и сроки реформ.", "The ministers discussed the ⟦budgte⟧ and the timetable for reforms."),
        ],
        nonTriggering: [
            .segment("Губернатор Ставропольского края посетил область.", "The Stavropol governor visited the oblast."),
            .segment("Центр организации в родном городе Пфанненштиля наградил главу компании 3 мая, т. е. в пятницу (www.example.org).",
                     "The organisation's centre in Pfannenstiel's home town honoured the iPhone maker's CEO on 3rd May, i.e. on Friday (www.example.org)."),
            """
            The hydrobiologist said the expedition would return de jure in spring.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        let language = document.pair.target
        guard let speller = dictionary.map(Speller.shared) ?? language.speller else { return [] }
        var findings: [Finding] = []
        let units = document.buffer.units
        func isLetter(_ offset: Int) -> Bool {
            offset >= 0 && offset < units.count && (Unicode.Scalar(units[offset]).map(CharacterInfo.isLetter) ?? false)
        }
        for (source, block) in document.alignedCaptions {
            let skipped = Placeholder.all(in: block, of: document).map(\.range)
            var sourceSkeletons: [NameMatch.Skeleton]?
            for token in block.tokens where token.kind == .word && token.script == .single(language.script) && !token.isCapitalized {
                let word = document.buffer.string(token.range).replacingApostrophes
                let (start, end) = (token.range.lowerBound, token.range.upperBound)
                // Dotted abbreviations ("i.e.", "a.m.") are not words to spell.
                let dotted = (end < units.count && units[end] == 0x2E && isLetter(end + 1)) || (units[max(0, start - 1)] == 0x2E && isLetter(start - 2))
                // Name particles ("von der Leyen") are parts of names.
                guard !dotted, !word.contains("."), !language.nameConnectors.contains(word), !skipped.contains(where: { $0.overlaps(token.range) }),
                      !word.contains(where: { $0.isUppercase || $0.isNumber }) else { continue }
                // "i" for "I": in the dictionary (a numeral), never right in running text.
                let capitalized = word.prefix(1).uppercased() + word.dropFirst()
                if language.alwaysCapitalized.contains(capitalized), !Self.isListMarker(token.range, units) {
                    findings.append(finding(
                        in: document, at: token.range,
                        message: "'\(word)' is written '\(capitalized)' in \(language.name); did you mean '\(capitalized)'?"))
                    continue
                }
                if projectWords.contains(Normalizer.foldKey(word)) || Self.accepts(speller, word) { continue }
                // A compound the dictionary knows in parts ("hydrobiologist" = "hydro" + "biologist").
                if Self.isCompound(word, speller) { continue }
                // Dictionary words one typo away (cheap lookups); Hunspell's slower search only when none is.
                let nearby = speller.wordsOneEditAway(word, alphabet: language.alphabet)
                // A transliterated source word ("oblast" for "области"), unless a dictionary word is one
                // typo away: a misspelled cognate ("istory" for "истории", "vido" for "видео") is a typo.
                if nearby.isEmpty {
                    let skeletons = sourceSkeletons ?? source.tokens.filter { $0.kind == .word }.map { sourceToken in
                        NameMatch.skeleton(Normalizer.foldKey(document.pair.source.romanize(document.buffer.string(sourceToken.range))))
                    }
                    sourceSkeletons = skeletons
                    let skeleton = NameMatch.skeleton(Normalizer.foldKey(word))
                    if skeletons.contains(where: { NameMatch.transliterates($0, skeleton) }) { continue }
                }
                let suggestions = nearby.isEmpty ? speller.suggestions(word) : Array(nearby.prefix(3))
                // Hunspell also offers splits ("morn ign"); whole words are the useful corrections.
                let whole = suggestions.filter { !$0.contains(" ") && !$0.contains("-") }
                let shown = whole.isEmpty ? suggestions : whole
                findings.append(finding(
                    in: document, at: token.range,
                    message: "'\(document.buffer.string(token.range))' is not in the \(speller.dictionary) dictionary"
                        + (shown.isEmpty ? "" : "; did you mean " + shown.map { "'\($0)'" }.joined(separator: ", ") + "?"),
                    source: nil))
            }
        }
        return findings
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

    /// Whether the dictionary accepts a word as written, in lower case (a sentence's first word), or in
    /// its American form (British -our, -ise, -isation, -yse, -re, -ogue, doubled l).
    static func accepts(_ speller: Speller, _ word: String) -> Bool {
        if speller.accepts(word) || speller.accepts(word.lowercased()) { return true }
        let lower = word.lowercased()
        let american = britishToAmerican.compactMap { british, replacement, atEnd -> String? in
            guard let range = lower.range(of: british, options: atEnd ? [.backwards, .anchored] : .backwards) else { return nil }
            return lower.replacingCharacters(in: range, with: replacement)
        }
        return american.contains { speller.accepts($0) }
    }

    /// British spellings and their American forms, tried one at a time on the last occurrence (or, for
    /// the past forms "spoilt", "learnt", "dreamt", "leapt", only at the end).
    private static let britishToAmerican: [(String, String, atEnd: Bool)] = [
        ("our", "or", false), ("isation", "ization", false), ("ise", "ize", false), ("ising", "izing", false),
        ("ised", "ized", false), ("yse", "yze", false), ("tre", "ter", false), ("bre", "ber", false), ("ogue", "og", false),
        ("lled", "led", false), ("lling", "ling", false), ("ller", "ler", false), ("llor", "lor", false), ("ence", "ense", false),
        ("lt", "led", true), ("nt", "ned", true), ("mt", "med", true), ("pt", "ped", true),
    ]
}

extension String {
    /// The word with typographic apostrophes as ASCII ones (Hunspell's dictionaries use ').
    fileprivate var replacingApostrophes: String { replacingOccurrences(of: "’", with: "'") }
}
