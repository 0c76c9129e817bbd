import MTCore
import MTText

/// A word that carries content (not a function word), with its comparison stem.
struct ContentWord {
    let token: Token
    let stem: String
}

extension Document {
    /// Content words of a block, optionally limited to a range (a sentence).
    func contentWords(_ block: Block, in range: Range<Int>? = nil) -> [ContentWord] {
        let language = language(of: block)
        // Only the tokens that start inside `range` (found by binary search: a sentence's words cost
        // as much as the sentence, not as the whole block).
        var first = 0, end = block.tokens.count
        if let range {
            first = block.tokens.partitionPoint { $0.range.lowerBound >= range.lowerBound }
            end = block.tokens[first...].partitionPoint { $0.range.lowerBound >= range.upperBound }
        }
        return block.tokens[first..<end].compactMap { token in
            guard token.isWordLike else { return nil }
            let key = key(token, in: block)
            guard !language.isStopword(key.folded) else { return nil }
            return ContentWord(token: token, stem: key.stem)
        }
    }
}

extension Document {
    /// For each content word of a source block, the target stems that can render it: its own stem (a
    /// name or number spelled alike), the word romanized ("м" = "m", "km"), and the translations the
    /// bilingual word list gives.
    func renderings(of source: Block) -> [Set<String>] {
        let lexicon = self.lexicon
        let romanizes = pair.source.script != pair.target.script
        return contentWords(source).map { word in
            var found = lexicon.targetStems(forSourceStem: word.stem).union([word.stem])
            if romanizes, word.token.range.count <= 4 {
                found.insert(pair.target.stem(pair.source.romanize(buffer.string(word.token.range))))
            }
            return found
        }
    }
}

/// Whether two stems are forms of one word: equal, or one a prefix of the other of at least
/// five letters ("withdraw" ~ "withdrawal").
func sameWord(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    return short.count >= 5 && long.hasPrefix(short)
}
