import MTCore
import MTText

/// How a stretch of text ends: its last run of sentence marks, read backwards past white space and
/// closing quotes and brackets (so «Мы готовы». and "We are ready." both end with a stop).
enum EndMark: String {
    case none, stop, question, exclamation, ellipsis

    /// Whether the mark ends a sentence (anything but none).
    var isTerminal: Bool { self != .none }
}

extension Document {
    /// The mark that ends a block, with the range of its run of marks (`nil` for none).
    func endMark(of block: Block) -> (mark: EndMark, range: Range<Int>?) {
        let units = buffer.units
        var end = block.range.upperBound
        while end > block.range.lowerBound, CharacterInfo.isWhitespace(units[end - 1]) || Self.closers.contains(units[end - 1]) {
            end -= 1
        }
        var start = end
        while start > block.range.lowerBound, Self.sentenceMarks.contains(units[start - 1]) { start -= 1 }
        guard start < end else { return (.none, nil) }
        let run = units[start..<end]
        let mark: EndMark = run.contains(0x3F) ? .question  // ?
            : run.contains(0x21) ? .exclamation  // !
            : run.contains(0x2026) || run.count >= 2 ? .ellipsis  // … or ...
            : .stop
        return (mark, start..<end)
    }

    /// The runs of sentence marks of a block that hold a question mark ("?", "?!"), in order.
    func questionMarks(in block: Block) -> [Range<Int>] {
        let units = buffer.units, sentenceMarks = Self.sentenceMarks
        var runs: [Range<Int>] = []
        var i = block.range.lowerBound
        while i < block.range.upperBound {
            guard sentenceMarks.contains(units[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < block.range.upperBound, sentenceMarks.contains(units[j]) { j += 1 }
            if units[i..<j].contains(0x3F) { runs.append(i..<j) }
            i = j
        }
        return runs
    }

    /// The last word-like token of a block.
    func lastWord(of block: Block) -> Token? { block.tokens.last(where: \.isWordLike) }

    /// Whether a block has a letter or a digit.
    func hasContent(_ block: Block) -> Bool { block.tokens.contains(where: \.isWordLike) }

    private static let closers: UnitSet = [0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x203A]  // " ' ) ] » ’ ” ›
    private static let sentenceMarks: UnitSet = [0x2E, 0x3F, 0x21, 0x2026]  // . ? ! …
}
