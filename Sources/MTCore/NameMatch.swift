import MTText

/// Whether a name word of the source and a word of the target can be the same name.
///
/// The source word is romanized with ICU (`Russian-Latin/BGN; Latin-ASCII` for Russian) and both
/// are reduced to a skeleton that ignores the spelling conventions transliterations disagree on
/// (y/j/h and vowel+i glides, x for ks, apostrophes for soft signs, doubled letters): "Ляйен" → "lyayyen" → "laen" ~
/// "Leyen" → "leen". They match when the skeletons are within an edit distance of 40% of the
/// longer one, or share a prefix of five letters (case forms: "Ставропольском" ~ "Stavropol").
/// Names English does not transliterate come from `ConventionalNames`.
public enum NameMatch {
    public static func matches(_ sourceWord: String, _ targetWord: String, pair: LanguagePair) -> Bool {
        let target = Normalizer.foldKey(targetWord)
        // Abbreviation periods do not count ("U.S" as a word token, "U.S." in the table).
        func bare(_ text: String) -> String { Normalizer.foldKey(text).filter { $0 != "." } }
        if let conventional = ConventionalNames.forms(of: sourceWord, from: pair.source, to: pair.target),
           conventional.contains(where: { bare(targetWord).hasPrefix(bare($0)) }) {
            return true
        }
        return similar(Normalizer.foldKey(pair.source.romanize(sourceWord)), target)
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        let x = skeleton(a), y = skeleton(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        let prefix = zip(x, y).prefix { $0 == $1 }.count
        if prefix >= min(5, x.count, y.count) { return true }
        return Double(editDistance(x, y)) <= 0.4 * Double(max(x.count, y.count))
    }

    static func skeleton(_ word: String) -> [Character] {
        var out: [Character] = []
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        for character in word.replacingOccurrences(of: "x", with: "ks").replacingOccurrences(of: "tz", with: "ts")
        where character.isLetter && !"yjh".contains(character) {
            // "i" after a vowel is a glide some transliterations write "y" (Aleksei, Alexey).
            if character == "i", let last = out.last, vowels.contains(last) { continue }
            if out.last != character { out.append(character) }
        }
        return out
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

extension ConventionalNames {
    /// The English forms of a Russian name word, if the table has it.
    public static func forms(of word: String, from source: Language, to target: Language) -> [String]? {
        guard source == .russian, target == .english else { return nil }
        return russianToEnglish[source.stem(word)]
    }
}
