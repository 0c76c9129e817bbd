/// What mtlint knows about one language: its script, the abbreviations that do not end a
/// sentence, its function words and its Snowball stemmer.
public struct Language: Sendable, Hashable {
    /// BCP 47 code, e.g. `ru`.
    public let code: String
    public let name: String
    /// The script its words are written in.
    public let script: Script
    /// Lower-cased abbreviations with their final period ("prof.", "u.s.").
    public let abbreviations: Set<String>
    /// Lower-cased function words, ignored when comparing content.
    public let stopwords: Set<String>
    /// The Hunspell dictionary of the language, e.g. `en_US` (used when installed).
    public let hunspellDictionary: String
    /// The Snowball stemmer's algorithm name (libstemmer), e.g. `russian`.
    public let snowballAlgorithm: String
    /// ICU transform to Latin ASCII for names, when the script is not Latin.
    public let transliteratorID: String?
    /// ICU transform from Latin into the language's script, for comparing names in its own
    /// spelling ("Texas" → "Тексас" ~ "Техас"); `nil` for Latin-script languages.
    public let fromLatinTransliteratorID: String?
    /// Lower-case function words that can stand inside a name of several words ("Voices for Africa",
    /// "Ursula von der Leyen"); other function words end a name.
    public let nameConnectors: Set<String>
    /// Lower-cased words that may legitimately stand twice in a row ("had had").
    public let grammaticalDoubles: Set<String>
    /// Punctuation that takes no space before it.
    public let noSpaceBefore: Set<Unicode.Scalar>
    /// Acronyms common in the language's running text that stand for no particular entity
    /// ("CEO", "GDP"): not reported as unsupported entities.
    public let commonAcronyms: Set<String>
    /// Words that scale the number before them ("млн" = 10⁶). Keys of five letters or more match
    /// as prefixes (any case form), shorter ones exactly.
    public let scaleWords: [String: Double]

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
    public func stem(_ word: String) -> String {
        var key = Normalizer.foldKey(word)
        for possessive in ["'s", "’s"] where key.hasSuffix(possessive) {
            key.removeLast(possessive.count)
        }
        return Stemmer.shared(snowballAlgorithm)?.stem(key) ?? key
    }

    /// The language's Hunspell dictionary, when installed.
    public var speller: Speller? { Speller.shared(hunspellDictionary) }

    /// Whether a (folded) word is a function word.
    public func isStopword(_ foldedWord: String) -> Bool { stopwords.contains(foldedWord) }

    /// The multiplier a (folded) scale word stands for, if it is one.
    public func scale(of foldedWord: String) -> Double? {
        if let exact = scaleWords[foldedWord] { return exact }
        return scaleWords.first { $0.key.count >= 5 && foldedWord.hasPrefix($0.key) && foldedWord.count <= $0.key.count + 3 }?.value
    }

    /// A Latin word spelled in the language's script, when the language has a transform for it.
    public func nativeSpelling(ofLatin word: String) -> String? {
        guard let id = fromLatinTransliteratorID, let transliterator = Transliterator.shared(id) else { return nil }
        return transliterator.transliterate(word)
    }

    /// Latin ASCII form of a name-like word (the word itself for Latin-script languages).
    public func romanize(_ word: String) -> String {
        guard let id = transliteratorID, let transliterator = Transliterator.shared(id) else { return word }
        return transliterator.transliterate(word)
    }
}

extension Language {
    public static let english = Language(
        code: "en", name: "English", script: .latin,
        abbreviations: [
            "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "sr.", "jr.", "gen.", "col.", "lt.", "sgt.", "capt.",
            "gov.", "sen.", "rep.", "rev.", "hon.", "pres.", "messrs.", "no.", "nos.", "vol.", "fig.", "p.", "pp.",
            "ch.", "art.", "para.", "sec.", "dept.", "est.", "approx.", "inc.", "ltd.", "co.", "corp.", "bros.",
            "vs.", "etc.", "cf.", "e.g.", "i.e.", "viz.", "al.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
            "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "mon.", "tue.", "wed.", "thu.", "fri.", "sat.", "sun.",
            "u.s.", "u.k.", "u.n.", "e.u.", "u.s.a.", "d.c.", "a.m.", "p.m.", "ave.", "blvd.", "mt.", "ft.",
        ],
        stopwords: [
            "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "without", "within", "into", "onto", "over", "under", "about", "above", "below", "after", "before",
            "between", "among", "through", "during", "against", "as", "than", "that", "this", "these", "those",
            "it", "its", "it's", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
            "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no",
            "so", "such", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
            "he", "she", "they", "we", "you", "i", "him", "her", "them", "us", "me", "his", "their", "our",
            "your", "my", "if", "then", "also", "only", "even", "all", "any", "each", "both", "either", "neither",
            "up", "down", "out", "off", "again", "very", "just", "more", "most", "other", "some", "own", "same",
        ],
        hunspellDictionary: "en_US",
        snowballAlgorithm: "english",
        transliteratorID: nil,
        fromLatinTransliteratorID: nil,
        nameConnectors: ["of", "for", "de", "von", "van", "der", "den", "du", "la", "le", "al", "bin", "da", "di"],
        grammaticalDoubles: ["had", "that", "is", "do"],
        noSpaceBefore: [",", ".", ";", ":", "!", "?"],
        commonAcronyms: [
            "CEO", "CFO", "COO", "CTO", "GDP", "GNP", "VAT", "LNG", "LPG", "CPI", "PMI", "IPO", "AI", "IT", "TV",
            "PR", "HR", "MP", "MPs", "PM", "NGO", "EV", "DNA", "HIV", "AIDS", "COVID", "UAV", "USD", "EUR", "RUB",
            "UTC", "GMT", "AM", "BC", "AD", "ID", "PhD", "SUV", "SMS", "GPS", "ATM", "FAQ", "CCTV", "OK", "VIP",
        ],
        scaleWords: ["thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
                     "trillion": 1e12, "tn": 1e12])

    public static let russian = Language(
        code: "ru", name: "Russian", script: .cyrillic,
        abbreviations: [
            "г.", "гг.", "в.", "вв.", "т.", "т.е.", "т.к.", "т.н.", "т.д.", "т.п.", "др.", "пр.", "см.", "ср.", "стр.",
            "с.", "ст.", "ул.", "пр-т.", "д.", "кв.", "обл.", "р-н.", "пос.", "дер.", "проф.", "акад.", "доц.", "им.",
            "ген.", "полк.", "св.", "тыс.", "млн.", "млрд.", "трлн.", "руб.", "коп.", "долл.", "ок.", "прим.",
            "рис.", "табл.", "гл.", "п.", "пп.", "н.э.", "до н.э.", "янв.", "февр.", "авг.", "сент.", "окт.",
            "нояб.", "дек.", "мин.", "сек.", "ч.", "млн", "млрд", "рф.", "о.", "оз.", "гос.", "зам.", "нач.",
        ],
        stopwords: [
            "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его",
            "но", "да", "ты", "к", "ко", "у", "же", "вы", "за", "бы", "по", "только", "ее", "её", "мне", "было",
            "вот", "от", "меня", "еще", "ещё", "нет", "о", "об", "из", "ему", "теперь", "когда", "даже", "ну", "ли",
            "если", "уже", "или", "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "ведь",
            "там", "потом", "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для",
            "мы", "тебя", "их", "чем", "была", "сам", "чтобы", "без", "будто", "чего", "раз", "тоже", "себе",
            "под", "будет", "ж", "тогда", "кто", "этот", "того", "потому", "этого", "какой", "ним", "здесь",
            "этом", "один", "почти", "мой", "тем", "при", "над", "после", "перед", "между", "через", "это",
            "эти", "этих", "которые", "который", "которая", "которое", "которых", "также", "во время",
        ],
        hunspellDictionary: "ru_RU",
        snowballAlgorithm: "russian",
        transliteratorID: "Russian-Latin/BGN; Latin-ASCII",
        fromLatinTransliteratorID: "Latin-Russian/BGN",
        nameConnectors: ["де", "фон", "ван", "дер", "ди", "да", "ибн", "бен", "аль", "ла", "ле"],
        grammaticalDoubles: ["что", "так", "да", "нет", "очень", "еле", "чуть", "давным"],
        noSpaceBefore: [",", ".", ";", ":", "!", "?"],
        commonAcronyms: ["ВВП", "НДС", "СМИ", "ИИ", "ДНК", "ВИЧ", "СПГ", "БПЛА", "ЧП", "ДТП", "ЖКХ", "ВУЗ", "ТВ"],
        scaleWords: ["тыс": 1e3, "тысяч": 1e3, "млн": 1e6, "миллион": 1e6, "млрд": 1e9, "миллиард": 1e9,
                     "трлн": 1e12, "триллион": 1e12])
}
