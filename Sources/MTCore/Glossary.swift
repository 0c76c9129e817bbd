import MTText

/// A project's terminology (`glossaries:` in `.mtlint.yml`, `--glossary`): how source terms must be
/// translated, and target terms never to write. Read from TBX or CSV/TSV files (MTConfig).
public struct Glossary: Sendable {
    public struct Entry: Sendable {
        /// The source term; `nil` for an entry that only forbids target terms.
        public let source: String?
        /// Preferred and admitted translations.
        public let targets: [String]
        /// Target terms never to write (TBX deprecated or superseded, CSV "forbidden").
        public let forbidden: [String]
        public let note: String?
        /// Where it is written: "terms.csv:3", "terms.tbx:12".
        public let origin: String

        public init(source: String?, targets: [String], forbidden: [String], note: String?, origin: String) {
            self.source = source
            self.targets = targets
            self.forbidden = forbidden
            self.note = note
            self.origin = origin
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// A term as the words a text must have in a row: each word's stem, or for an acronym ("US", "CSTO")
    /// its letters as written, so that "us" is not "US".
    public struct Pattern: Sendable, Hashable {
        public enum Word: Sendable, Hashable {
            /// A word by its fold key, stem and dictionary forms: a token matches with the same stem, a stem
            /// that is the term's whole word (Snowball cuts "Киев" to "ки" but "Киеве" to "киев"), or a
            /// dictionary form in common (Hunspell: "сделок" is "сделка", a vowel Snowball keeps).
            case word(folded: String, stem: String, lemmas: Set<String>)
            case exact(String)
        }

        /// Letters a token must share with a term word from its start before the dictionary is asked.
        static let sharedPrefix = 3

        public let words: [Word]
        public let text: String

        /// One term alone (see `init(_:segmenter:)`).
        public init(_ text: String, language: Language) {
            self.init(text, segmenter: Segmenter(language: language))
        }

        /// The term's words, analysed as the document's are (fold key, then the language's stemmer).
        public init(_ text: String, segmenter: Segmenter) {
            let language = segmenter.language
            let buffer = TextBuffer(text)
            let tokens = segmenter.tokens(buffer, in: 0..<buffer.count).filter(\.isWordLike)
            words = tokens.map { token in
                let letters = buffer.string(token.range)
                if token.isAllCaps, letters.count >= 2 { return .exact(letters) }
                let folded = Normalizer.foldKey(buffer, token.range)
                let lemmas = language.speller.map { Set($0.lemmas(letters)) } ?? []
                return .word(folded: folded, stem: language.stemOfFoldKey(folded), lemmas: lemmas.union([folded]))
            }
            self.text = text
        }

        /// The ranges (in the document's buffer) where a block has the term.
        public func occurrences(in block: Block, of document: Document) -> [Range<Int>] {
            guard !words.isEmpty else { return [] }
            let tokens = block.tokens.filter(\.isWordLike)
            guard tokens.count >= words.count else { return [] }
            var found: [Range<Int>] = []
            var start = 0
            while start + words.count <= tokens.count {
                let matches = words.indices.allSatisfy { i in
                    let token = tokens[start + i]
                    switch words[i] {
                    case .exact(let letters):
                        let written = document.buffer.string(token.range)
                        // A possessive or plural of an acronym still names it ("CSTO's", "NGOs").
                        return written == letters || written.hasPrefix(letters) && ["'s", "’s", "s"].contains(String(written.dropFirst(letters.count)))
                    case .word(let folded, let stem, let lemmas):
                        let key = document.key(token, in: block)
                        if key.stem == stem || key.stem == folded || key.folded == stem { return true }
                        guard key.folded.prefix(Self.sharedPrefix) == folded.prefix(Self.sharedPrefix),
                              let speller = document.language(of: block).speller else { return false }
                        return !lemmas.isDisjoint(with: speller.lemmas(document.buffer.string(token.range)))
                    }
                }
                if matches {
                    found.append(tokens[start].range.lowerBound..<tokens[start + words.count - 1].range.upperBound)
                    start += words.count
                } else {
                    start += 1
                }
            }
            return found
        }
    }
}
