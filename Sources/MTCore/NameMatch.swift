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
/// trailing case-ending consonant ("Льюис" ~ "Lewis", "Айседоры" ~ "Isadora"), or sound alike
/// (`phoneticKey`: "Джордж" ~ "George", "Уайли" ~ "Wiley", "Лестера" ~ "Leicester"). Names English does
/// not transliterate come from the conventional names (`Knowledge.conventionalNames`) and CLDR (`BilingualLexicon`).
public enum NameMatch {
    /// A word reduced to what transliterations agree on, as scalars (compared as integers).
    public typealias Skeleton = [Unicode.Scalar]

    public static func matches(_ sourceWord: String, _ targetWord: String, pair: LanguagePair, knowledge: Knowledge) -> Bool {
        matches(SourceName(sourceWord, pair: pair, knowledge: knowledge), TargetName(targetWord))
    }

    /// A source word analysed for `matches` once, however many target words it is compared with:
    /// its conventional target forms and its romanized skeleton.
    public struct SourceName: Sendable {
        let conventional: [String]?
        let skeleton: Skeleton
        let sound: PhoneticKey

        public init(_ word: String, pair: LanguagePair, knowledge: Knowledge) {
            conventional = knowledge.conventionalForms(of: word, from: pair.source, to: pair.target)?.map(Normalizer.bareKey)
            let romanized = Normalizer.foldKey(pair.source.romanize(word))
            skeleton = NameMatch.skeleton(romanized)
            sound = NameMatch.phoneticKey(romanized, spelling: pair.source.script == .latin ? .latin : .romanized)
        }
    }

    /// A target word analysed for `matches`: its bare key, skeleton and phonetic key.
    public struct TargetName: Sendable {
        let bare: String
        let skeleton: Skeleton
        let sound: PhoneticKey

        public init(_ word: String) {
            bare = Normalizer.bareKey(word)
            let folded = Normalizer.foldKey(word)
            skeleton = NameMatch.skeleton(folded)
            sound = NameMatch.phoneticKey(folded, spelling: .latin)
        }
    }

    /// Whether the target word can be the source word's name: a conventional form it starts with,
    /// similar skeletons, or the same sounds.
    public static func matches(_ source: SourceName, _ target: TargetName) -> Bool {
        if let conventional = source.conventional, conventional.contains(where: { target.bare.hasPrefix($0) }) { return true }
        return similar(source.skeleton, target.skeleton) || soundsAlike(source.sound, target.sound)
    }

    /// A word reduced to the consonant sounds transcription systems agree on, one code each: vowels
    /// left out, voiced and voiceless pairs one (b/p, d/t, g/k, v/f: Хашкаджи ~ Khashoggi), "kh", "h"
    /// and "g" one (Гэмпшир ~ Hampshire), "dzh", "zh", "j" and an English "g" before e/i/y one sound
    /// (Джордж ~ George), "sh", "sch", "ch" and "tch" one (French "ch" is "sh": Машиши ~ Mechichi),
    /// "s", "z", "ts", "tz" and an English "c" before e/i/y one (Кэпз ~ Caps, Лестер ~
    /// Leicester), "w", "v" and a "u" gliding into a vowel one (Уайли ~ Wiley, Хауи ~ Howie), "ph" = "f",
    /// "th" = "t", "x" = "ks", "q" and a hard "c" = "k", "Mc" = "mk"; Polish "rz", "sz", "cz" as "zh",
    /// "sh", "ch" (Гжегож ~ Grzegorz); Scandinavian "skj" and "sj" as "sh" (Сульшер ~ Solskjaer); a code
    /// repeated, even across vowels, once.
    public typealias PhoneticKey = [UInt8]

    /// How a Latin word came to be spelled: written in Latin script (where "g" and "c" soften before
    /// e, i and y), or romanized from another script by ICU (where they do not: "Вайоминге" is
    /// "vayominge", with a hard g).
    public enum Spelling: Sendable {
        case latin, romanized
    }

    /// The phonetic key of a folded Latin word. Letters outside a–z (diacritics, apostrophes) are left out.
    public static func phoneticKey(_ word: String, spelling: Spelling) -> PhoneticKey {
        var letters: [UInt8] = []
        letters.reserveCapacity(word.utf8.count)
        for byte in word.utf8 where byte >= 0x61 && byte <= 0x7A { letters.append(byte) }
        func at(_ i: Int) -> UInt8 { i < letters.count ? letters[i] : 0 }
        func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79 }
        func soft(_ c: UInt8) -> Bool { spelling == .latin && (c == 0x65 || c == 0x69 || c == 0x79) }  // e i y
        func starts(_ i: Int, _ text: StaticString) -> Bool {
            text.withUTF8Buffer { bytes in bytes.indices.allSatisfy { at(i + $0) == bytes[$0] } }
        }
        var out: PhoneticKey = []
        func emit(_ code: Unicode.Scalar) {
            // Voiced consonants as their voiceless pairs.
            // "h" is Russian "х" (kh) or "г" (Гарвард = Harvard): one with k and g.
            let value: Unicode.Scalar = switch code {
            case "b": "p"
            case "d": "t"
            case "g", "h": "k"
            case "v": "f"
            default: code
            }
            if out.last != UInt8(value.value) { out.append(UInt8(value.value)) }
        }
        var i = 0
        while i < letters.count {
            let c = letters[i]
            var step = 1
            if starts(i, "dzh") { emit("j"); step = 3 }
            else if starts(i, "shch") { emit("x"); step = 4 }
            else if starts(i, "sch") || starts(i, "sh") { emit("x"); step = starts(i, "sch") ? 3 : 2 }
            else if starts(i, "tch") { emit("x"); step = 3 }
            else if starts(i, "ch") { emit("x"); step = 2 }
            else if starts(i, "zh") || starts(i, "rz") { emit("j"); step = 2 }
            else if starts(i, "sz") { emit("x"); step = 2 }
            else if starts(i, "cz") { emit("x"); step = 2 }
            else if spelling == .latin, starts(i, "skj") || starts(i, "sj") { emit("x"); step = starts(i, "skj") ? 3 : 2 }  // Norwegian, Swedish: "Solskjaer" ~ "Сульшер"
            else if starts(i, "kh") { emit("k"); step = 2 }
            else if starts(i, "ph") { emit("f"); step = 2 }
            else if spelling == .latin, starts(i, "gh"), i + 2 == letters.count || !isVowel(at(i + 2)) { step = 2 }  // silent: "Leigh", "Hugh"
            else if spelling == .latin, starts(i, "ng"), i + 2 == letters.count { emit("n"); step = 2 }  // "Jiang" ~ "Цзян"
            else if starts(i, "tsz") {
                // Chinese in Russian spelling: "цзи", "цзя", "цзе", "цзю" are "ji", "jia", "jie", "jiu" ("Цзян" ~
                // "Jiang"); "цзы", "цза", "цзо", "цзу" are "zi", "za", "zuo", "zu" ("Янцзы" ~ "Yangtze").
                let soft = at(i + 3) == 0x69 || (at(i + 3) == 0x79 && [0x61, 0x65, 0x75].contains(at(i + 4)))
                emit(soft ? "j" : "s")
                step = 3
            }

            else if starts(i, "th") { emit("t"); step = 2 }
            else if starts(i, "ck") { emit("k"); step = 2 }
            else if starts(i, "ts") || starts(i, "tz") { emit("s"); step = 2 }
            else if i == 0 && starts(i, "mc") { emit("m"); emit("k"); step = 2 }
            else {
                switch c {
                case 0x63: emit(soft(at(i + 1)) ? "s" : "k")  // c
                case 0x67: emit(soft(at(i + 1)) ? "j" : "g")  // g
                case 0x7A: emit("s")  // z
                case 0x77: emit("v")  // w
                case 0x71: emit("k")  // q
                case 0x78: emit("k"); emit("s")  // x
                case 0x75 where (i == 0 || isVowel(at(i - 1)) || at(i - 1) == 0x71) && isVowel(at(i + 1)) && at(i + 1) != 0x75:
                    emit("v")  // a u gliding into a vowel
                default:
                    if !isVowel(c) {
                        emit(Unicode.Scalar(c))
                    }
                }
            }
            i += step
        }
        return out
    }

    /// Whether a word's sounds start like a name's, for at least three codes: a word made from the name
    /// ("tweet" from "Twitter").
    public static func sharesRoot(_ name: PhoneticKey, _ word: PhoneticKey) -> Bool {
        word.count >= 3 && name.count >= word.count && name.starts(with: word.prefix(3))
    }

    /// Whether two phonetic keys are the same, or one has one code more than the other (a case ending
    /// "Фишвиком" ~ "Fishwick", a silent letter "Sarah" ~ "Сара") with at least two codes left.
    public static func soundsAlike(_ a: PhoneticKey, _ b: PhoneticKey) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1, short.count >= 2 else { return false }
        let prefix = zip(short, long).prefix { $0 == $1 }.count
        return short[prefix...].elementsEqual(long[(prefix + 1)...])
    }

    /// Compares two skeletons (see `skeleton`).
    public static func similar(_ x: Skeleton, _ y: Skeleton) -> Bool {
        guard !x.isEmpty, !y.isEmpty else { return false }
        if sharedPrefix(x, y, upTo: 5) >= min(5, x.count, y.count) { return true }
        // (The distance is at least the difference in length: the table only for skeletons that can pass.)
        let bound = 0.34 * Double(max(x.count, y.count))
        if Double(abs(x.count - y.count)) <= bound,
           Int(bound) == 1 ? withinOneEdit(x, y) : editDistance(x, y, limit: Int(bound)) <= Int(bound) { return true }
        // The consonant frames, compared where they lie (without building them).
        let countX = consonantCount(x), countY = consonantCount(y)
        let (short, shortCount, long, longCount) = countX <= countY ? (x, countX, y, countY) : (y, countY, x, countX)
        guard shortCount >= 2, startsWithConsonants(long, of: short) else { return false }
        // A derived form ("Центристская" ~ "Center") keeps a frame of four consonants.
        return shortCount >= 4 || (longCount - shortCount <= 1 && (shortCount >= 3 || longCount == shortCount))
    }

    private static func consonantCount(_ skeleton: Skeleton) -> Int {
        var count = 0
        for letter in skeleton where !isVowel(letter) { count += 1 }
        return count
    }

    /// Whether the consonants of `long` start with those of `short` (letters compared with `same`).
    private static func startsWithConsonants(_ long: Skeleton, of short: Skeleton) -> Bool {
        var j = 0
        for letter in short where !isVowel(letter) {
            while j < long.count, isVowel(long[j]) { j += 1 }
            guard j < long.count, same(letter, long[j]) else { return false }
            j += 1
        }
        return true
    }

    /// A stricter test for common words borrowed by transliteration ("oblast" for "области"): the same
    /// first five letters, or one edit apart. A misspelled translation of a cognate ("gropu" for
    /// "группы") keeps the consonant frame but fails this.
    public static func transliterates(_ x: Skeleton, _ y: Skeleton) -> Bool {
        guard x.count >= 3, y.count >= 3 else { return x == y }
        return sharedPrefix(x, y, upTo: 5) >= 5 || withinOneEdit(x, y)
    }

    /// How many letters two skeletons share at their start (compared with `same`), counted up to `limit`.
    /// (By index: names are compared pairwise, and a zipped sequence holds both arrays.)
    private static func sharedPrefix(_ x: Skeleton, _ y: Skeleton, upTo limit: Int) -> Int {
        let end = min(limit, x.count, y.count)
        var count = 0
        while count < end, same(x[count], y[count]) { count += 1 }
        return count
    }

    /// Whether `editDistance(x, y) <= 1`, without the table: letters compared with `same`, the sequences
    /// agree but at one place (a letter replaced), or but for one letter of the longer (dropped where they
    /// first differ: if dropping any letter makes them agree, dropping that one does).
    static func withinOneEdit(_ x: Skeleton, _ y: Skeleton) -> Bool {
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count, same(short[i], long[i]) { i += 1 }
        if i == short.count { return true }
        if long.count == short.count {
            return short[(i + 1)...].indices.allSatisfy { same(short[$0], long[$0]) }
        }
        return short[i...].indices.allSatisfy { same(short[$0], long[$0 + 1]) }
    }

    private static func isVowel(_ letter: Unicode.Scalar) -> Bool {
        letter == "a" || letter == "e" || letter == "i" || letter == "o" || letter == "u"
    }

    /// Letters a transliteration may write for one another: a soft "c" is "s" in one direction and
    /// "ts" in the other ("Tracy" ~ "Трейси", "Center" ~ "Центр").
    public static func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        a == b || (a == "c" && b == "s") || (a == "s" && b == "c")
    }

    /// A folded Latin word reduced to what transliterations agree on.
    public static func skeleton(_ word: String) -> Skeleton {
        var letters = Array(word.unicodeScalars)
        for (from, to) in replacements { replace(from, with: to, in: &letters) }
        var out: Skeleton = []
        out.reserveCapacity(letters.count)
        for (index, character) in letters.enumerated() where isLetter(character) && character != "y" && character != "h" {
            var letter = character
            // c is "ts"/"s" before e, i and y, "k" elsewhere (Center ~ Центр, Craig ~ Крейг).
            if letter == "c" {
                let next: Unicode.Scalar = index + 1 < letters.count ? letters[index + 1] : " "
                if next != "e" && next != "i" && next != "y" && next != "c" { letter = "k" }
            }
            // "i" after a vowel is a glide some transliterations write "y" (Aleksei, Alexey).
            if letter == "i", let last = out.last, isVowel(last) { continue }
            if out.last != letter { out.append(letter) }
        }
        return out
    }

    /// Whether a scalar is a letter (general category L*), as `Character.isLetter` asks of a character.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Spelling conventions rewritten in order, each everywhere in the word before the next.
    private static let replacements: [(Skeleton, Skeleton)] = [
        ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("tz", "ts"), ("ts", "c"), ("x", "ks"), ("ck", "k"), ("ph", "f"), ("q", "k"), ("w", "u"),
    ].map { (Array($0.0.unicodeScalars), Array($0.1.unicodeScalars)) }

    /// Replaces every occurrence of `pattern`, left to right (what `replacingOccurrences` does, without
    /// Foundation's string machinery on a hot path).
    private static func replace(_ pattern: Skeleton, with replacement: Skeleton, in letters: inout Skeleton) {
        guard letters.count >= pattern.count, letters.contains(pattern[0]) else { return }
        var out: Skeleton = []
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
    public static func cyrillicSkeleton(_ word: String) -> Skeleton {
        var out: Skeleton = []
        for character in word.unicodeScalars where isLetter(character) && character != "ь" && character != "ъ" {
            let letter = cyrillicVowels[character] ?? character
            if letter == "i", let last = out.last, isVowel(last) { continue }
            if out.last != letter { out.append(letter) }
        }
        return out
    }

    private static let cyrillicVowels: [Unicode.Scalar: Unicode.Scalar] = [
        "а": "a", "я": "a", "е": "e", "ё": "e", "э": "e", "и": "i", "ы": "i", "й": "i", "о": "o", "у": "u", "ю": "u",
    ]

    /// Levenshtein distance with `same` as equality, in two reused rows. Past `limit`, some distance
    /// over the limit (the work stops at the first row that is all over it).
    public static func editDistance(_ a: Skeleton, _ b: Skeleton, limit: Int = .max) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        // The two rows on the stack, not the heap: names are compared pairwise, and most pairs differ.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[..<(b.count + 1)])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var best = i
                let letter = a[i - 1]
                for j in 1...b.count {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same(letter, b[j - 1]) ? 0 : 1))
                    best = min(best, current[j])
                }
                // No cell of a row is less than the least of the row before: the distance is past the limit.
                if best > limit { return best }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }
}
