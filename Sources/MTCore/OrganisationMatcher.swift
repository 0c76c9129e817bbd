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
    /// Acronyms by their first word, and full names (as stems) by their first stem: each list once, found by
    /// its number (`Starts`).
    private var acronymLists: [[(Organisation, String)]] = []
    private var acronymListByFirstWord: [String: Int32] = [:]
    private var nameLists: [[(Organisation, [String])]] = []
    private var nameListByFirstStem: [String: Int32] = [:]
    /// The first UTF-16 unit of every acronym: a word that starts otherwise is not looked up.
    private var acronymInitials = Set<UInt16>()
    /// The acronyms and names a word form can start, looked up once per form.
    private let startsByForm = WordMemo<Starts>()

    /// The numbers of the lists of acronyms and of names a word can start (-1: none): plain integers, so a
    /// block's are looked up and copied without reference counting.
    private struct Starts: Sendable {
        let acronyms: Int32
        let names: Int32
        var isEmpty: Bool { acronyms < 0 && names < 0 }
    }

    public init(language: Language, organisations: [Organisation]) {
        self.language = language
        let segmenter = Segmenter(language: language)
        for organisation in organisations {
            for acronym in organisation.acronyms[language.code] ?? [] {
                let first = Self.firstWord(acronym)
                let list = acronymListByFirstWord[first] ?? Int32(acronymLists.count)
                if list == acronymLists.count {
                    acronymLists.append([])
                    acronymListByFirstWord[first] = list
                }
                acronymLists[Int(list)].append((organisation, acronym))
                if let initial = acronym.utf16.first { acronymInitials.insert(initial) }
            }
            for name in organisation.names[language.code] ?? [] {
                let buffer = TextBuffer(name)
                let stems = segmenter.tokens(buffer, in: 0..<buffer.count)
                    .filter(\.isWordLike)
                    .map { language.stem(buffer.string($0.range)) }
                guard let first = stems.first else { continue }
                let list = nameListByFirstStem[first] ?? Int32(nameLists.count)
                if list == nameLists.count {
                    nameLists.append([])
                    nameListByFirstStem[first] = list
                }
                nameLists[Int(list)].append((organisation, stems))
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
        let words = tokens.indices.filter { tokens[$0].isWordLike }
        // Each word's form with its stem, when the document gives every word's; otherwise each word worked out here.
        let formsGiven = keys.count == tokens.count && words.allSatisfy { keys[$0] != nil }
        func stem(_ i: Int) -> String {
            formsGiven ? keys[words[i]]!.stem : language.stem(buffer.string(tokens[words[i]].range))
        }
        let firsts = formsGiven
            ? startsByForm.values(for: words.lazy.map { keys[$0]! }) { starts(of: keys[words[$0]]!.text, stem: stem($0)) }
            : words.indices.map { starts(of: buffer.string(tokens[words[$0]].range), stem: stem($0)) }
        // (Most blocks name no organisation: no word can start one.)
        guard firsts.contains(where: { !$0.isEmpty }) else { return [] }
        var result: [OrganisationMention] = []
        var i = 0
        while i < words.count {
            var best: (OrganisationMention, next: Int)?
            let start = tokens[words[i]].range.lowerBound
            for (organisation, acronym) in firsts[i].acronyms < 0 ? [] : acronymLists[Int(firsts[i].acronyms)] {
                if let end = matchAcronym(acronym, in: buffer, at: start) {
                    var next = i + 1
                    while next < words.count, tokens[words[next]].range.lowerBound < end { next += 1 }
                    let mention = OrganisationMention(organisation: organisation, range: start..<end)
                    if best == nil || mention.range.count > best!.0.range.count { best = (mention, next) }
                }
            }
            for (organisation, nameStems) in firsts[i].names < 0 ? [] : nameLists[Int(firsts[i].names)] where i + nameStems.count <= words.count {
                if nameStems.indices.allSatisfy({ Self.stemsAgree(stem(i + $0), nameStems[$0]) }) {
                    let last = tokens[words[i + nameStems.count - 1]]
                    let mention = OrganisationMention(organisation: organisation, range: start..<last.range.upperBound)
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

    /// The lists of acronyms a word (its text, its stem) can be the first word of, and of names its stem can start.
    private func starts(of word: String, stem: String) -> Starts {
        let acronyms = word.utf16.first.map(acronymInitials.contains) ?? false ? acronymListByFirstWord[Self.firstWord(word)] ?? -1 : -1
        return Starts(acronyms: acronyms, names: nameListByFirstStem[stem] ?? -1)
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
