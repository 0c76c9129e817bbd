import MTCore
import MTText

/// A capitalised word inside a run of capitalised words: a possible part of a person or place name.
struct NameWord {
    let token: Token
    let text: String
    /// Which run of the block it belongs to, and its position in that run.
    let run: Int
    let position: Int
}

extension Document {
    /// Capitalised words that are not sentence-initial, not acronyms, not months and not part of an
    /// organisation's name, grouped into runs of words separated only by spaces (or a hyphen).
    func nameWords(_ block: Block) -> [NameWord] {
        let language = language(of: block)
        let sentenceStarts = Set(block.sentences.map(\.lowerBound))
        let organisations = organisations[block.index].map(\.range)
        var words: [NameWord] = []
        var run = 0, position = 0
        var previous: Token?
        for token in block.tokens {
            let isName = token.kind == .word && token.isCapitalized && !token.isAllCaps
                && !sentenceStarts.contains(token.range.lowerBound)
                && !organisations.contains { $0.overlaps(token.range) }
                && MonthTable.shared.month(of: token, buffer.string(token.range), language) == nil
            guard isName else {
                if token.kind == .word || token.kind == .number || buffer.string(token.range) != "-" {
                    previous = nil
                }
                continue
            }
            if let before = previous,
               buffer.isBlank(before.range.upperBound..<token.range.lowerBound) {
                position += 1
            } else {
                run += 1
                position = 0
            }
            words.append(NameWord(token: token, text: buffer.string(token.range), run: run, position: position))
            previous = token
        }
        return words
    }
}
