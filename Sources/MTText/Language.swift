/// What mtlint knows about one language: its script, the abbreviations that do not end a
/// sentence, its function words and its Snowball stemmer.
///
/// A class: one shared instance per language, so that passing a language around (as rules do for
/// every word) costs one reference count, not one per table it holds.
public final class Language: Sendable, Hashable {
    /// BCP 47 code, e.g. `ru`.
    public let code: String
    public let name: String
    /// The script its words are written in.
    public let script: Script
    /// Lower-cased abbreviations with their final period ("prof.", "u.s.").
    public let abbreviations: Set<String>
    /// Lower-cased function words, ignored when comparing content.
    public let stopwords: Set<String>
    /// The fold keys of `stopwords`, for `isStopword`.
    private let stopwordKeys: Set<UTF8Key>
    /// The Hunspell dictionary of the language, e.g. `en_US` (used when installed).
    public let hunspellDictionary: String
    /// Dictionaries of the language's other standard spellings (`en_GB`): a word one of them accepts is
    /// spelled right ("programme", "storey"), whichever variety the translator wrote.
    public let hunspellVariants: [String]
    /// The Snowball stemmer's algorithm name (libstemmer), e.g. `russian`.
    public let snowballAlgorithm: String
    /// Its stemmer, opened once with the language (looking it up by name cost as much as a cached stem).
    private let stemmer: Stemmer?
    /// Its spellers, found on first use (a look-up by name cost as much as a spell check held in the speller's cache).
    private let ownSpeller: Lazy<Speller?>
    private let allSpellers: Lazy<[Speller]>
    /// The transforms to Latin and from it, opened on first use (not looked up by id at every word).
    private let toLatin: Lazy<Transliterator?>
    private let fromLatin: Lazy<Transliterator?>
    /// ICU transform to Latin ASCII for names, when the script is not Latin.
    public let transliteratorID: String?
    /// ICU transform from Latin into the language's script, for comparing names in its own
    /// spelling ("Texas" → "Тексас" ~ "Техас"); `nil` for Latin-script languages.
    public let fromLatinTransliteratorID: String?
    /// Lower-case function words that can stand inside a name of several words ("Voices for Africa",
    /// "Ursula von der Leyen"); other function words end a name.
    public let nameConnectors: Set<String>
    /// Lower-cased words that may legitimately stand twice in a row ("had had").
    public let grammaticalDoubles: [String: DoubleContext]
    /// Punctuation that takes no space before it.
    public let noSpaceBefore: Set<Unicode.Scalar>
    /// Acronyms common in the language's running text that stand for no particular entity
    /// ("CEO", "GDP"): not reported as unsupported entities.
    public let commonAcronyms: Set<String>
    /// The lower-case letters of the language (what a typo can add or replace, for spelling suggestions).
    public let alphabet: String
    /// Words the language writes with a capital wherever they stand ("I"): in lower case, a misspelling.
    public let alwaysCapitalized: Set<String>
    /// Words that scale the number before them ("млн" = 10⁶). Keys of five letters or more match
    /// as prefixes (any case form), shorter ones exactly.
    public let scaleWords: [String: Double]
    /// The scale words of five letters or more, with their length, in order: the stems `scale(of:)` tries.
    private let scaleStems: [(word: String, count: Int, value: Double)]
    /// Whether the language opens direct speech in a paragraph with a dash and closes it with a dash
    /// before the words of saying ("– Мы готовы, – сказал он"), where English uses quotation marks.
    public let marksSpeechWithDash: Bool
    /// How the language names the Latin letters ("би" = "b"), lower-case: an acronym spelled out in
    /// them ("Би-би-си") is the acronym ("BBC").
    public let latinLetterNames: [String: String]
    /// The fold keys of the lower-case personal pronouns of the third person ("he", "она"): what a
    /// translation may put for a name its source repeats. Compared byte for byte (as `stopwordKeys`).
    private let personalPronounKeys: Set<UTF8Key>
    /// Suffixes that make adjectives of place names ("ск" in "финский"), longest first.
    public let nameAdjectiveSuffixes: [String]
    /// `nameAdjectiveSuffixes` as characters and, when each of their scalars is a character of its own
    /// (`isStandaloneCharacter`), as scalars, for `adjectiveBase`.
    private let nameAdjectiveSuffixLetters: [[Character]]
    private let nameAdjectiveSuffixScalars: [[Unicode.Scalar]]?
    /// Lower-case words no punctuation mark of a set follows ("the" before ",", "in" before ";").
    public let marksNeverAfter: [String: Set<Unicode.Scalar>]
    /// Lower-case words that cannot start the clause a semicolon or colon opens ("of").
    public let wordsNeverAfterSemicolon: Set<String>
    /// Lower-case coordinating conjunctions ("and", "or"): what follows a suspended hyphen ("nuclear- and").
    public let coordinatingConjunctions: Set<String>
    /// Words carrying a number that ICU's spell-out rules do not write ("twice" = 2, "трое" = 3).
    public let numberWords: [String: Double]
    /// Lower-case phrases that add a half to the number before them ("and a half", "с половиной"), as words.
    public let halfPhrases: [[String]]
    /// Lower-case words that join the numbers of a list or range ("and", "to", "и", "по").
    public let rangeLinks: Set<String>
    /// Lower-case question words ("how", "whether"): the mark of an indirect question.
    public let interrogatives: Set<String>
    /// Productive prefixes and suffixes ("re", "er"): a dictionary word with one is a derivation.
    public let derivationPrefixes: [String]
    public let derivationSuffixes: [String]
    /// Lower-case words after which "1/N" names a round of a tournament with 2N teams ("1/8 финала" = round of 16).
    public let roundWords: Set<String>
    /// Lower-case words after which four digits are a time of day ("1747 hours" = 17:47).
    public let hourWords: Set<String>

    init(
        code: String, name: String, script: Script, abbreviations: Set<String>, stopwords: Set<String>,
        hunspellDictionary: String, hunspellVariants: [String], snowballAlgorithm: String, transliteratorID: String?,
        fromLatinTransliteratorID: String?, nameConnectors: Set<String>, grammaticalDoubles: [String: DoubleContext],
        noSpaceBefore: Set<Unicode.Scalar>, commonAcronyms: Set<String>, alphabet: String,
        alwaysCapitalized: Set<String>, scaleWords: [String: Double], marksSpeechWithDash: Bool,
        latinLetterNames: [String: String], personalPronouns: Set<String>, nameAdjectiveSuffixes: [String],
        marksNeverAfter: [String: Set<Unicode.Scalar>], wordsNeverAfterSemicolon: Set<String>, coordinatingConjunctions: Set<String>,
        numberWords: [String: Double], halfPhrases: [[String]], rangeLinks: Set<String>, interrogatives: Set<String>,
        derivationPrefixes: [String], derivationSuffixes: [String], roundWords: Set<String>, hourWords: Set<String>
    ) {
        self.code = code
        self.name = name
        self.script = script
        self.abbreviations = abbreviations
        self.stopwords = stopwords
        stopwordKeys = Set(stopwords.map { UTF8Key(Normalizer.foldKey($0)) })
        self.hunspellDictionary = hunspellDictionary
        self.hunspellVariants = hunspellVariants
        self.snowballAlgorithm = snowballAlgorithm
        stemmer = Stemmer.shared(snowballAlgorithm)
        ownSpeller = Lazy { Speller.shared(hunspellDictionary) }
        allSpellers = Lazy { ([hunspellDictionary] + hunspellVariants).compactMap(Speller.shared) }
        self.transliteratorID = transliteratorID
        self.fromLatinTransliteratorID = fromLatinTransliteratorID
        toLatin = Lazy { transliteratorID.flatMap(Transliterator.shared) }
        fromLatin = Lazy { fromLatinTransliteratorID.flatMap(Transliterator.shared) }
        self.nameConnectors = nameConnectors
        self.grammaticalDoubles = grammaticalDoubles
        self.noSpaceBefore = noSpaceBefore
        self.commonAcronyms = commonAcronyms
        self.alphabet = alphabet
        self.alwaysCapitalized = alwaysCapitalized
        self.scaleWords = scaleWords
        scaleStems = scaleWords.map { ($0.key, $0.key.count, $0.value) }.filter { $0.count >= 5 }.sorted { $0.word < $1.word }
        self.marksSpeechWithDash = marksSpeechWithDash
        self.latinLetterNames = latinLetterNames
        personalPronounKeys = Set(personalPronouns.map { UTF8Key(Normalizer.foldKey($0)) })
        self.nameAdjectiveSuffixes = nameAdjectiveSuffixes.sorted { $0.count > $1.count }
        nameAdjectiveSuffixLetters = self.nameAdjectiveSuffixes.map(Array.init)
        let suffixScalars = self.nameAdjectiveSuffixes.map { Array($0.unicodeScalars) }
        nameAdjectiveSuffixScalars = suffixScalars.allSatisfy { $0.allSatisfy(Self.isStandaloneCharacter) } ? suffixScalars : nil
        self.marksNeverAfter = marksNeverAfter
        self.wordsNeverAfterSemicolon = wordsNeverAfterSemicolon
        self.coordinatingConjunctions = coordinatingConjunctions
        self.numberWords = numberWords
        self.halfPhrases = halfPhrases
        self.rangeLinks = rangeLinks
        self.interrogatives = interrogatives
        self.derivationPrefixes = derivationPrefixes
        self.derivationSuffixes = derivationSuffixes
        self.roundWords = roundWords
        self.hourWords = hourWords
    }

    /// The name a place adjective is made of, as written in lower case ("ордынского" → "орд",
    /// "финском" → "фин"): the word before the language's adjective suffix, when the suffix is followed
    /// by at most three letters of ending and leaves at least three letters. `nil` for other words.
    public func adjectiveBase(ofFolded word: String) -> String? {
        // Scalars that are each one character and equal only to themselves (Latin, Cyrillic, no combining
        // marks) are compared as scalars, which spares the normalization comparing characters costs.
        let scalars = Array(word.unicodeScalars)
        if let suffixes = nameAdjectiveSuffixScalars, scalars.allSatisfy(Self.isStandaloneCharacter) {
            return Self.base(scalars, suffixes).map { String(String.UnicodeScalarView($0)) }
        }
        return Self.base(Array(word), nameAdjectiveSuffixLetters).map { String($0) }
    }

    /// The letters before the first suffix (longest first) that starts at least three letters in and
    /// leaves at most three after it, the last such start first.
    private static func base<Letter: Equatable>(_ letters: [Letter], _ suffixes: [[Letter]]) -> ArraySlice<Letter>? {
        for suffix in suffixes {
            let last = letters.count - suffix.count
            for start in stride(from: last, through: max(3, last - 3), by: -1) where letters[start..<(start + suffix.count)].elementsEqual(suffix) {
                return letters[..<start]
            }
        }
        return nil
    }

    /// A scalar that is a character of its own, canonically equal to no other scalar or sequence of the
    /// ranges: printable ASCII, Latin-1 to IPA, Cyrillic letters (not its combining marks).
    private static func isStandaloneCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0x300, 0x400..<0x483, 0x48A..<0x530: true
        default: false
        }
    }

    /// Whether a folded word ends with one of the language's name-adjective suffixes and has at least
    /// three letters before it ("scottish", "cuban").
    public func hasNameAdjectiveSuffix(_ word: String) -> Bool {
        let count = word.count
        return zip(nameAdjectiveSuffixes, nameAdjectiveSuffixLetters).contains { count >= $1.count + 3 && word.hasSuffix($0) }
    }

    public var icuLocale: String { code }

    public static func == (a: Language, b: Language) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The languages mtlint has a profile for.
    public static let all: [Language] = [.english, .russian]

    public static func named(_ code: String) -> Language? {
        all.first { $0.code == code.lowercased() }
    }

    /// A comparison form of a word: NFKC_Casefold, a possessive "'s" dropped, then Snowball's stem
    /// (so "Грузии" and "Грузия" both give "груз"; a name's stem can equal a common word's).
    /// - Parameter caching: whether the stem is kept in the process's cache of stems; false for words
    ///   that will not be met again (the hundreds of candidates one typo from a word), which would
    ///   push a document's own words out of it.
    public func stem(_ word: String, caching: Bool = true) -> String {
        stemOfFoldKey(Normalizer.foldKey(word), caching: caching)
    }

    /// The stem of a word already in its NFKC_Casefold form (see `stem(_:caching:)`).
    public func stemOfFoldKey(_ folded: String, caching: Bool = true) -> String {
        var key = folded
        // (Only a key ending in "s" can: most keys are spared two comparisons of strings.)
        for possessive in ["'s", "’s"] where key.utf8.last == 0x73 && key.hasSuffix(possessive) {
            key.removeLast(possessive.count)
        }
        return stemmer?.stem(key, caching: caching) ?? key
    }

    /// The language's Hunspell dictionary, when installed (opened on first use).
    public var speller: Speller? { ownSpeller.value }

    /// The installed dictionaries of the language: its own, then its variants'.
    public var spellers: [Speller] { allSpellers.value }

    /// Whether a (folded) word is a function word: equal to a listed word's fold key, byte for byte
    /// (a fold key is in one normal form), which spares the normalization String's hashing does.
    public func isStopword(_ foldedWord: String) -> Bool { stopwordKeys.contains(UTF8Key(foldedWord)) }

    /// Whether a (folded) word is one of the language's personal pronouns, compared as `isStopword` compares.
    public func isPersonalPronoun(_ foldedWord: String) -> Bool { personalPronounKeys.contains(UTF8Key(foldedWord)) }

    /// The multiplier a (folded) scale word stands for, if it is one.
    public func scale(of foldedWord: String) -> Double? {
        if let exact = scaleWords[foldedWord] { return exact }
        let count = foldedWord.count
        return scaleStems.first { count >= $0.count && count <= $0.count + 3 && foldedWord.hasPrefix($0.word) }?.value
    }

    /// A Latin word spelled in the language's script, when the language has a transform for it.
    public func nativeSpelling(ofLatin word: String) -> String? {
        fromLatin.value?.transliterate(word)
    }

    /// Latin ASCII form of a name-like word (the word itself for Latin-script languages).
    public func romanize(_ word: String) -> String {
        toLatin.value?.transliterate(word) ?? word
    }
}

extension Language {
    public static let english = profile(PackageResources.en_txt)
    public static let russian = profile(PackageResources.ru_txt)

    /// A language from its profile file (`Sources/MTText/Languages/<code>.txt`, embedded in the
    /// binary): `[section]` headers, one entry a line, `#` comments. A profile that lacks a required
    /// key is a packaging error, caught by the tests.
    static func profile(_ bytes: [UInt8]) -> Language {
        let sections = LanguageProfile(String(decoding: bytes, as: UTF8.self)).sections
        func list(_ name: String) -> [String] { sections[name] ?? [] }
        func pairs(_ name: String) -> [String: String] {
            Dictionary(list(name).compactMap { line in
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                return parts.count == 2 ? (parts[0], parts[1]) : nil
            }, uniquingKeysWith: { first, _ in first })
        }
        let fields = pairs("language")
        return Language(
            code: fields["code"] ?? "und", name: fields["name"] ?? "Unknown",
            script: fields["script"].flatMap(Script.init(rawValue:)) ?? .other,
            abbreviations: Set(list("abbreviations")),
            stopwords: Set(list("function-words")),
            hunspellDictionary: fields["hunspell"] ?? "",
            hunspellVariants: (fields["hunspell-variants"] ?? "").split(separator: " ").map(String.init),
            snowballAlgorithm: fields["snowball"] ?? "",
            transliteratorID: fields["to-latin"],
            fromLatinTransliteratorID: fields["from-latin"],
            nameConnectors: Set(list("name-connectors")),
            grammaticalDoubles: DoubleContext.table(list("grammatical-doubles")),
            noSpaceBefore: Set(list("no-space-before").compactMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil }),
            commonAcronyms: Set(list("common-acronyms")),
            alphabet: fields["alphabet"] ?? "",
            alwaysCapitalized: Set(list("always-capitalized")),
            scaleWords: pairs("scale-words").compactMapValues(Double.init),
            marksSpeechWithDash: fields["speech-dash"] == "yes",
            latinLetterNames: pairs("latin-letter-names"),
            personalPronouns: Set(list("personal-pronouns")),
            nameAdjectiveSuffixes: list("name-adjective-suffixes"),
            marksNeverAfter: pairs("no-mark-after").mapValues { Set($0.unicodeScalars) },
            wordsNeverAfterSemicolon: Set(list("no-clause-start")),
            coordinatingConjunctions: Set(list("coordinating-conjunctions")),
            numberWords: pairs("number-words").compactMapValues(Double.init),
            halfPhrases: list("half-phrases").map { $0.split(separator: " ").map(String.init) },
            rangeLinks: Set(list("range-links")),
            interrogatives: Set(list("interrogatives")),
            derivationPrefixes: list("derivation-prefixes"), derivationSuffixes: list("derivation-suffixes"),
            roundWords: Set(list("round-words")), hourWords: Set(list("hour-words")))
    }
}

/// A language profile file read into its sections: `[name]` starts a section, every other
/// non-blank line that does not start with `#` is one entry of the current section (trimmed).
public struct LanguageProfile: Sendable {
    public let sections: [String: [String]]

    public init(_ text: String) {
        var sections: [String: [String]] = [:]
        var current = ""
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                sections[current, default: []] = sections[current] ?? []
            } else {
                sections[current, default: []].append(line)
            }
        }
        self.sections = sections
    }

    /// The profiles shipped with mtlint, by language code, as text (for the tests).
    public static let shipped: [String: String] = [
        "en": String(decoding: PackageResources.en_txt, as: UTF8.self),
        "ru": String(decoding: PackageResources.ru_txt, as: UTF8.self),
    ]
}

/// Where a word may stand twice in a row (a profile's `[grammatical-doubles]` line): anywhere ("had
/// had"), only right after certain words (`before: i|you|we|they` for "I do do"), or only in a
/// sentence with certain words earlier (`earlier: what|all` for "what it is is"). Elsewhere the
/// double is a slip, as LanguageTool reads "is is" and "do do".
public enum DoubleContext: Sendable, Equatable {
    case anywhere
    case before(Set<String>)
    case earlier(Set<String>)

    /// Whether the double is allowed, given the (folded) words of its sentence before it.
    public func allows(wordsBefore: ArraySlice<String>) -> Bool {
        switch self {
        case .anywhere: true
        case .before(let words): wordsBefore.last.map(words.contains) ?? false
        case .earlier(let words): wordsBefore.contains(where: words.contains)
        }
    }

    /// Profile lines: a word, optionally a tab and `before: a|b` or `earlier: a|b`.
    static func table(_ lines: [String]) -> [String: DoubleContext] {
        var table: [String: DoubleContext] = [:]
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingWhitespace }
            guard let word = parts.first else { continue }
            var context = DoubleContext.anywhere
            if parts.count == 2 {
                let rule = parts[1].split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace }
                let words = Set((rule.last ?? "").split(separator: "|").map { $0.trimmingWhitespace })
                switch rule.first {
                case "before": context = .before(words)
                case "earlier": context = .earlier(words)
                default: continue  // an unknown condition: the profile test reports it
                }
            }
            table[word] = context
        }
        return table
    }
}

private extension Substring {
    /// (Found by index: a string built from a reversed sequence of characters costs a generic call per character.)
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
