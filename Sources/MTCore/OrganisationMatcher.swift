import MTText

/// A mention of an organisation in a document.
public struct OrganisationMention: Sendable, Hashable {
    public let organisation: Organisation
    public let range: Range<Int>
}

/// Finds organisations of the table in text of one language: acronyms by exact text, full
/// names by word stems, so that any case form matches ("Организации Договора о коллективной безопасности").
public struct OrganisationMatcher: Sendable {
    public let language: Language
    private var acronymsByFirstWord: [String: [(Organisation, String)]] = [:]
    private var namesByFirstStem: [String: [(Organisation, [String])]] = [:]
    /// The first UTF-16 unit of every acronym: a word that starts otherwise is not looked up.
    private var acronymInitials = Set<UInt16>()
    /// The acronyms and names a word form can start (`acronymsByFirstWord`, `namesByFirstStem`), looked up once per form.
    private let startsByForm = WordMemo<Starts>()

    private struct Starts: Sendable {
        let acronyms: [(Organisation, String)]
        let names: [(Organisation, [String])]
    }

    public init(language: Language, organisations: [Organisation]) {
        self.language = language
        let segmenter = Segmenter(language: language)
        for organisation in organisations {
            for acronym in organisation.acronyms[language.code] ?? [] {
                acronymsByFirstWord[Self.firstWord(acronym), default: []].append((organisation, acronym))
                if let initial = acronym.utf16.first { acronymInitials.insert(initial) }
            }
            for name in organisation.names[language.code] ?? [] {
                let buffer = TextBuffer(name)
                let stems = segmenter.tokens(buffer, in: 0..<buffer.count)
                    .filter(\.isWordLike)
                    .map { language.stem(buffer.string($0.range)) }
                if let first = stems.first { namesByFirstStem[first, default: []].append((organisation, stems)) }
            }
        }
    }

    private static func firstWord(_ text: String) -> String {
        String(text.unicodeScalars.prefix { CharacterInfo.isLetter($0) || CharacterInfo.isDigit($0) })
    }

    /// Whether a word's stem is a name word's: the same, or one a prefix of the other by up to two letters,
    /// for the case forms the stemmer cuts unevenly ("ассамбле" of "Ассамблея", "ассамбл" of "Ассамблеи").
    /// (Stems are of fold keys, in one normal form: stems with different first bytes differ in their first letter.)
    static func stemsAgree(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard a.utf8.first == b.utf8.first else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 4 && long.count - short.count <= 2 && long.hasPrefix(short)
    }

    /// Mentions among `tokens` of `buffer`, longest match first, not overlapping.
    /// - Parameter keys: the document's key of each of `tokens` (`Document`), whose stems are used
    ///   where given.
    public func mentions(in buffer: TextBuffer, tokens: [Token], keys: [WordKey?] = []) -> [OrganisationMention] {
        let wordIndices = tokens.indices.filter { tokens[$0].isWordLike }
        let words = wordIndices.map { tokens[$0] }
        // Each word's form with its stem, when the document gives every word's; otherwise each word worked out here.
        let wordKeys = keys.count == tokens.count ? wordIndices.compactMap { keys[$0] } : []
        let formsGiven = !words.isEmpty && wordKeys.count == words.count
        var stems: [String?] = formsGiven ? wordKeys.map(\.stem) : Array(repeating: nil, count: words.count)
        func stem(_ i: Int) -> String {
            if let cached = stems[i] { return cached }
            let value = language.stem(buffer.string(words[i].range))
            stems[i] = value
            return value
        }
        let formStarts = formsGiven ? startsByForm.values(for: wordKeys) { starts(of: wordKeys[$0].text, stem: wordKeys[$0].stem) } : nil
        var result: [OrganisationMention] = []
        var i = 0
        while i < words.count {
            var best: (OrganisationMention, next: Int)?
            let candidates = formStarts?[i] ?? starts(of: buffer.string(words[i].range), stem: stem(i))
            for (organisation, acronym) in candidates.acronyms {
                if let end = matchAcronym(acronym, in: buffer, at: words[i].range.lowerBound) {
                    var next = i + 1
                    while next < words.count, words[next].range.lowerBound < end { next += 1 }
                    let mention = OrganisationMention(organisation: organisation, range: words[i].range.lowerBound..<end)
                    if best == nil || mention.range.count > best!.0.range.count { best = (mention, next) }
                }
            }
            for (organisation, nameStems) in candidates.names where i + nameStems.count <= words.count {
                if nameStems.indices.allSatisfy({ Self.stemsAgree(stem(i + $0), nameStems[$0]) }) {
                    let last = words[i + nameStems.count - 1]
                    let mention = OrganisationMention(organisation: organisation, range: words[i].range.lowerBound..<last.range.upperBound)
                    if best == nil || mention.range.count > best!.0.range.count { best = (mention, i + nameStems.count) }
                }
            }
            if let (mention, next) = best {
                result.append(mention)
                i = next
            } else {
                i += 1
            }
        }
        return result
    }

    /// The acronyms a word (its text, its stem) can be the first word of, and the names its stem can start.
    private func starts(of word: String, stem: String) -> Starts {
        let acronyms = word.utf16.first.map(acronymInitials.contains) ?? false ? acronymsByFirstWord[Self.firstWord(word)] ?? [] : []
        return Starts(acronyms: acronyms, names: namesByFirstStem[stem] ?? [])
    }

    /// The end offset if `acronym` is spelled at `offset` and not followed by another letter or digit.
    private func matchAcronym(_ acronym: String, in buffer: TextBuffer, at offset: Int) -> Int? {
        let units = Array(acronym.utf16)
        let end = offset + units.count
        guard end <= buffer.count, buffer.units[offset..<end].elementsEqual(units) else { return nil }
        if end < buffer.count, let next = Unicode.Scalar(UInt32(buffer.units[end])),
           CharacterInfo.isLetter(next) || CharacterInfo.isDigit(next) {
            return nil
        }
        return end
    }
}
