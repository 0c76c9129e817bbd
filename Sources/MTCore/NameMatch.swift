import MTText

/// Whether a name word of the source and a word of the target can be the same name.
///
/// The source word is romanized with ICU (`Russian-Latin/BGN; Latin-ASCII` for Russian) and both
/// are reduced to a skeleton that ignores the spelling conventions transliterations disagree on, in
/// either direction: y/h and vowel+i glides, x for ks, apostrophes for soft signs, doubled letters,
/// "dzh"/"zh" for j, "kh" for h, "ts" for c before e/i (and soft c for s) and k for c elsewhere, w as a vowel ("Ляйен" →
/// "lyayyen" → "laen" ~ "Leyen" → "leen"; "Крейг" ~ "Craig"; "Джоэла" ~ "Joel"). They match when the
/// skeletons are within an edit distance of a third of the longer one, share a prefix of five letters
/// (case forms: "Ставропольском" ~ "Stavropol"), or have the same consonant frame up to one
/// trailing case-ending consonant ("Льюис" ~ "Lewis", "Айседоры" ~ "Isadora"). Names English does
/// not transliterate come from `ConventionalNames` and CLDR (`BilingualLexicon`).
public enum NameMatch {
    public static func matches(_ sourceWord: String, _ targetWord: String, pair: LanguagePair) -> Bool {
        let target = Normalizer.foldKey(targetWord)
        if let conventional = ConventionalNames.forms(of: sourceWord, from: pair.source, to: pair.target),
           conventional.contains(where: { Normalizer.bareKey(targetWord).hasPrefix(Normalizer.bareKey($0)) }) {
            return true
        }
        return similar(Normalizer.foldKey(pair.source.romanize(sourceWord)), target)
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        similar(skeleton(a), skeleton(b))
    }

    /// Compares two skeletons (see `skeleton`).
    public static func similar(_ x: [Character], _ y: [Character]) -> Bool {
        guard !x.isEmpty, !y.isEmpty else { return false }
        let prefix = zip(x, y).prefix(while: same).count
        if prefix >= min(5, x.count, y.count) { return true }
        if Double(editDistance(x, y)) <= 0.34 * Double(max(x.count, y.count)) { return true }
        let cx = consonants(x), cy = consonants(y)
        let (short, long) = cx.count <= cy.count ? (cx, cy) : (cy, cx)
        guard short.count >= 2, long.starts(with: short, by: same) else { return false }
        // A derived form ("Центристская" ~ "Center") keeps a frame of four consonants.
        return short.count >= 4 || (long.count - short.count <= 1 && (short.count >= 3 || long.count == short.count))
    }

    /// A stricter test for common words borrowed by transliteration ("oblast" for "области"): the same
    /// first five letters, or one edit apart. A misspelled translation of a cognate ("gropu" for
    /// "группы") keeps the consonant frame but fails this.
    public static func transliterates(_ x: [Character], _ y: [Character]) -> Bool {
        guard x.count >= 3, y.count >= 3 else { return x == y }
        let prefix = zip(x, y).prefix(while: same).count
        return prefix >= 5 || editDistance(x, y) <= 1
    }

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Letters a transliteration may write for one another: a soft "c" is "s" in one direction and
    /// "ts" in the other ("Tracy" ~ "Трейси", "Center" ~ "Центр").
    static func same(_ a: Character, _ b: Character) -> Bool {
        a == b || (a == "c" && b == "s") || (a == "s" && b == "c")
    }

    /// A folded Latin word reduced to what transliterations agree on.
    public static func skeleton(_ word: String) -> [Character] {
        var letters = Array(word)
        for (from, to) in replacements { replace(from, with: to, in: &letters) }
        var out: [Character] = []
        for (index, character) in letters.enumerated() where character.isLetter && !"yh".contains(character) {
            var letter = character
            // c is "ts"/"s" before e, i and y, "k" elsewhere (Center ~ Центр, Craig ~ Крейг).
            if letter == "c" {
                let next = index + 1 < letters.count ? letters[index + 1] : " "
                if !"eiy".contains(next) && next != "c" { letter = "k" }
            }
            // "i" after a vowel is a glide some transliterations write "y" (Aleksei, Alexey).
            if letter == "i", let last = out.last, vowels.contains(last) { continue }
            if out.last != letter { out.append(letter) }
        }
        return out
    }

    /// Spelling conventions rewritten in order, each everywhere in the word before the next.
    private static let replacements: [([Character], [Character])] = [
        ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("tz", "ts"), ("ts", "c"), ("x", "ks"), ("ck", "k"), ("ph", "f"), ("q", "k"), ("w", "u"),
    ].map { (Array($0.0), Array($0.1)) }

    /// Replaces every occurrence of `pattern`, left to right (what `replacingOccurrences` does, without
    /// Foundation's string machinery on a hot path).
    private static func replace(_ pattern: [Character], with replacement: [Character], in letters: inout [Character]) {
        guard letters.count >= pattern.count, letters.contains(pattern[0]) else { return }
        var out: [Character] = []
        out.reserveCapacity(letters.count + 2)
        var i = 0
        while i < letters.count {
            if i + pattern.count <= letters.count, letters[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += replacement
                i += pattern.count
            } else {
                out.append(letters[i])
                i += 1
            }
        }
        letters = out
    }

    /// A folded Cyrillic word reduced the same way: soft and hard signs dropped, vowels folded to
    /// five Latin vowel letters (so the consonant frame works alike), doubled letters collapsed.
    public static func cyrillicSkeleton(_ word: String) -> [Character] {
        let vowels: [Character: Character] = ["а": "a", "я": "a", "е": "e", "ё": "e", "э": "e", "и": "i", "ы": "i", "й": "i",
                                              "о": "o", "у": "u", "ю": "u"]
        var out: [Character] = []
        for character in word where character.isLetter && character != "ь" && character != "ъ" {
            let letter = vowels[character] ?? character
            if letter == "i", let last = out.last, Self.vowels.contains(last) { continue }
            if out.last != letter { out.append(letter) }
        }
        return out
    }

    static func consonants(_ skeleton: [Character]) -> [Character] {
        skeleton.filter { !vowels.contains($0) }
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
