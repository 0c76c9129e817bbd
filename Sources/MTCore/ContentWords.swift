import MTText

/// A word that carries content (not a function word), with its comparison stem.
public struct ContentWord: Sendable {
    public let token: Token
    /// Its interned form.
    public let key: WordKey
    public var stem: String { key.stem }
}

extension Document {
    /// Content words of a block, optionally limited to a range (a sentence): the block's are found once per
    /// document (`BlockAnalyses`), a range's are a slice of them.
    public func contentWords(_ block: Block, in range: Range<Int>? = nil) -> ArraySlice<ContentWord> {
        let words = analyses(block).contentWords.value { findContentWords(block) }[...]
        guard let range else { return words }
        // Only the words that start inside `range` (found by binary search: a sentence's words cost as much
        // as the sentence, not as the whole block).
        let first = words.partitionPoint { $0.token.range.lowerBound >= range.lowerBound }
        return words[first..<words[first...].partitionPoint { $0.token.range.lowerBound >= range.upperBound }]
    }

    private func findContentWords(_ block: Block) -> [ContentWord] {
        let keys = keys(of: block)
        // (A loop into a reserved array: `compactMap` grows its array a few times a block.)
        var words: [ContentWord] = []
        words.reserveCapacity(keys.count)
        for (token, key) in zip(block.tokens, keys) {
            guard let key, !key.isStopword else { continue }
            words.append(ContentWord(token: token, key: key))
        }
        return words
    }

    /// For each content word of a source block, the target stems that can render it: its own stem (a
    /// name or number spelled alike), the word romanized ("м" = "m", "km"), and the translations the
    /// bilingual word list gives. Found once per block.
    public func renderings(of source: Block) -> [Set<String>] {
        analyses(source).renderings.value {
            let lexicon = self.lexicon
            let romanizes = pair.source.script != pair.target.script
            return contentWords(source).map { word in
                lexicon.formRenderings.value(for: word.key) {
                    var found = lexicon.targetStems(forSourceStem: word.stem).union([word.stem])
                    if romanizes, word.token.range.count <= 4 {
                        found.insert(pair.target.stem(pair.source.romanize(word.key.text)))
                    }
                    return found
                }
            }
        }
    }

    /// The dates of a block (`Quantities`), found once per block.
    public func dates(in block: Block) -> [DateMention] { quantities(of: block).dates }

    /// The numbers of a block outside its dates (`Quantities`), found once per block.
    public func numbers(in block: Block) -> [NumberMention] { quantities(of: block).numbers }

    /// A block's dates and the numbers outside them, found together in one scan of its words: the rules
    /// that ask for one ask for the other.
    private func quantities(of block: Block) -> (dates: [DateMention], numbers: [NumberMention]) {
        analyses(block).quantities.value {
            let quantities = Quantities(self, block)
            let dates = quantities.dates
            return (dates, quantities.numbers(excluding: dates.map(\.range)))
        }
    }

    /// Every number of a block, those of its dates too (`Quantities`), found once per block.
    public func allNumbers(in block: Block) -> [NumberMention] {
        analyses(block).allNumbers.value { Quantities(self, block).numbers(excluding: []) }
    }
}

/// A word of a block with the skeleton of its romanisation (`NameMatch.skeleton`): what a transliteration
/// of it in the other language is compared with.
public struct RomanizedWord: Sendable {
    public let token: Token
    public let skeleton: NameMatch.Skeleton
}

extension Document {
    /// The words (not numbers) of a block, each with the skeleton of its romanisation in its language; found
    /// once per block, each form's skeleton once per process.
    public func romanizedWords(of block: Block) -> [RomanizedWord] {
        analyses(block).romanizedWords.value {
            let language = language(of: block)
            return zip(block.tokens, keys(of: block)).compactMap { token, key in
                guard token.kind == .word, let key else { return nil }
                return RomanizedWord(token: token, skeleton: Self.romanizedSkeletons.value(for: key) {
                    NameMatch.skeleton(Normalizer.foldKey(language.romanize(key.text)))
                })
            }
        }
    }

    /// The skeleton of each word form romanized in its language, by form (a form's id names its language).
    private static let romanizedSkeletons = WordMemo<NameMatch.Skeleton>()
}
