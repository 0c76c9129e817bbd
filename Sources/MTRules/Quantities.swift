import MTCore
import MTText

/// A number in a text: its value, where it is, and whether it was written in digits.
struct NumberMention {
    let range: Range<Int>
    let value: Double
    let inDigits: Bool
}

/// A date in a text; components a form leaves out ("в ноябре 2024 г.", "Nov. 28") are nil.
struct DateMention {
    let range: Range<Int>
    let day: Int?
    let month: Int
    let year: Int?

    /// Whether two dates disagree on a component both of them give.
    func conflicts(with other: DateMention) -> Bool {
        if month != other.month { return true }
        if let a = day, let b = other.day, a != b { return true }
        if let a = year, let b = other.year, a != b { return true }
        return false
    }
}

/// Finds dates and numbers in a block, in the block's language: month names from ICU
/// (any case form, by their common stem), numbers through `NumberReader` (digits with the
/// language's separators, digit groups split by spaces, scale words, number words).
struct Quantities {
    let document: Document
    let block: Block
    private let language: Language
    private let words: [Token]
    private let months: MonthTable.Table

    init(_ document: Document, _ block: Block) {
        self.document = document
        self.block = block
        language = document.language(of: block)
        words = block.tokens.filter(\.isWordLike)
        months = MonthTable.shared.table(language)
    }

    private var buffer: TextBuffer { document.buffer }

    private func text(_ token: Token) -> String { buffer.string(token.range) }

    /// The word's fold key, from the document's analysis.
    private func folded(_ token: Token) -> String { document.key(token, in: block).folded }

    private func onlySpaceBetween(_ a: Token, _ b: Token) -> Bool {
        buffer.isBlank(a.range.upperBound..<b.range.lowerBound)
    }

    private func integer(_ token: Token, in range: ClosedRange<Int>) -> Int? {
        guard token.kind == .number, let value = Int(text(token)), range.contains(value) else { return nil }
        return value
    }

    var dates: [DateMention] {
        var dates: [DateMention] = []
        var i = 0
        while i < words.count {
            if let numeric = numericDate(words[i]) {
                dates.append(numeric)
                i += 1
                continue
            }
            guard let month = months.month(of: words[i], folded: folded(words[i])) else {
                i += 1
                continue
            }
            var first = i, last = i
            var day: Int?, year: Int?
            if i > 0, let d = integer(words[i - 1], in: 1...31), onlySpaceBetween(words[i - 1], words[i]) {
                day = d
                first = i - 1
            } else if i + 1 < words.count, let d = integer(words[i + 1], in: 1...31) {
                day = d
                last = i + 1
            }
            if last + 1 < words.count, let y = integer(words[last + 1], in: 1000...2999),
               words[last + 1].range.lowerBound - words[last].range.upperBound <= 3 {
                year = y
                last += 1
            }
            dates.append(DateMention(
                range: words[first].range.lowerBound..<words[last].range.upperBound, day: day, month: month, year: year))
            i = last + 1
        }
        return dates
    }

    /// "28.11.2024": day, month and year joined by dots in one number token.
    private func numericDate(_ token: Token) -> DateMention? {
        guard token.kind == .number else { return nil }
        let parts = text(token).split(separator: ".")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              (1...31).contains(day), (1...12).contains(month), parts[2].count == 4 else { return nil }
        return DateMention(range: token.range, day: day, month: month, year: year)
    }

    /// A plus or minus sign written right before a number and not after another word or number
    /// ("−5%", "+3", but not the dash of "1–2" or "COVID-19").
    private func sign(before token: Token) -> (factor: Double, offset: Int)? {
        let offset = token.range.lowerBound - 1
        guard offset >= block.range.lowerBound else { return nil }
        let factor: Double
        switch buffer.units[offset] {
        case 0x2D, 0x2212: factor = -1  // - −
        case 0x2B: factor = 1  // +
        default: return nil
        }
        if offset > block.range.lowerBound, !CharacterInfo.isWhitespace(buffer.units[offset - 1]), buffer.units[offset - 1] != 0x28 {
            return nil
        }
        return (factor, offset)
    }

    /// Numbers outside `excluded` ranges (the dates).
    func numbers(excluding excluded: [Range<Int>]) -> [NumberMention] {
        var numbers: [NumberMention] = []
        let reader = NumberReader.shared(for: language)
        var i = 0
        while i < words.count {
            let token = words[i]
            defer { i += 1 }
            if excluded.contains(where: { $0.contains(token.range.lowerBound) }) { continue }
            if token.kind == .number {
                var end = i
                var written = text(token)
                // "1 234 567": groups of three digits after a space belong to the same number.
                while end + 1 < words.count, words[end + 1].kind == .number, onlySpaceBetween(words[end], words[end + 1]),
                      text(words[end + 1]).prefix(while: { $0.isNumber }).count == 3 {
                    end += 1
                    written += text(words[end])
                }
                guard var value = reader.value(ofDigits: written) else { continue }
                var start = token.range.lowerBound
                if let sign = sign(before: token) {
                    value *= sign.factor
                    start = sign.offset
                }
                if end + 1 < words.count, words[end + 1].kind == .word,
                   let scale = language.scale(of: folded(words[end + 1])) {
                    value *= scale
                    end += 1
                }
                numbers.append(NumberMention(range: start..<words[end].range.upperBound, value: value, inDigits: true))
                i = end
            } else if token.kind == .word, token.range.count >= 3, var value = reader.value(ofFoldedWord: folded(token)) {
                // Number words written together make one number ("two hundred", "twenty-five").
                var end = i
                while end + 1 < words.count, words[end + 1].kind == .word,
                      buffer.string(words[end].range.upperBound..<words[end + 1].range.lowerBound).allSatisfy({ $0 == " " || $0 == "-" }) {
                    guard let longer = reader.value(ofWords: words[i...(end + 1)].map(text)) else { break }
                    value = longer
                    end += 1
                }
                numbers.append(NumberMention(range: token.range.lowerBound..<words[end].range.upperBound, value: value, inDigits: false))
                i = end
            } else if token.kind == .word, let value = language.scaleWords[folded(token)],
                      i == 0 || language.isStopword(folded(words[i - 1])) {
                // A scale word on its own: "a dozen", "a million people", "миллион человек".
                numbers.append(NumberMention(range: token.range, value: value, inDigits: false))
            }
        }
        return numbers
    }
}

/// Month names per language, from ICU, with the stem their wide forms share
/// ("ноябр" for "ноября"/"ноябрь", which also finds "в ноябре").
final class MonthTable: Sendable {
    static let shared = MonthTable()

    fileprivate struct Month {
        let exact: Set<String>
        let stem: String?
        let capitalised: Bool
    }

    /// A language's months, and the first three letters of every form and stem: a word whose fold
    /// key starts otherwise names no month, and most words are rejected by that one lookup.
    struct Table: Sendable {
        fileprivate let months: [Month]
        fileprivate let heads: Set<String>

        /// The month (1–12) a word names, if any. Where the language capitalises month names
        /// (English), only a capitalised word counts, so that "may" the verb is not May.
        /// - Parameter key: the word's fold key.
        func month(of token: Token, folded key: String) -> Int? {
            guard token.kind == .word, heads.contains(String(key.prefix(3))) else { return nil }
            var best: (month: Int, length: Int)?
            for (index, month) in months.enumerated() where !month.capitalised || token.isCapitalized {
                if month.exact.contains(key) { return index + 1 }
                if let stem = month.stem, key.hasPrefix(stem), key.count <= stem.count + 3, stem.count > best?.length ?? 0 {
                    best = (index + 1, stem.count)
                }
            }
            return best?.month
        }
    }

    private let tables = ProcessCache<String, Table>()

    /// The month table of a language, built once per process.
    func table(_ language: Language) -> Table {
        tables.value(for: language.code) {
            let months = MonthNames.forms(language).map { forms -> Month in
                let folded = forms.map(Normalizer.bareKey)
                let wide = folded.filter { $0.count > 3 }
                let stem = wide.dropFirst().reduce(wide.first ?? "") { common, form in
                    String(zip(common, form).prefix { $0 == $1 }.map(\.0))
                }
                return Month(
                    exact: Set(folded), stem: stem.count >= 3 ? stem : nil,
                    capitalised: forms.first?.first?.isUppercase ?? false)
            }
            let heads = Set(months.flatMap { month in (month.exact + [month.stem].compactMap { $0 }).map { String($0.prefix(3)) } })
            return Table(months: months, heads: heads)
        }
    }
}

extension Rule {
    /// A finding for target text that stands where the source has something else:
    /// "'12 million' in the target, '1,2 млн' in the source (line 21)".
    func substitution(in document: Document, target: Range<Int>, source: Range<Int>) -> Finding {
        finding(
            in: document, at: target,
            message: "'\(document.buffer.string(target))' in the target, '\(document.buffer.string(source))' "
                + "in the source (line \(document.buffer.line(at: source.lowerBound)))",
            source: source)
    }
}

extension Document {
    /// Aligned caption pairs as (source block, target block), where the source is written in its
    /// language's script: a garbled or foreign source gives the comparisons nothing to go on.
    var alignedCaptions: [(source: Block, target: Block)] {
        captionPairs.compactMap { pair in
            pair.target.map { (blocks[pair.source], blocks[$0]) }.flatMap { isInItsScript($0.0) ? $0 : nil }
        }
    }
}
