import MTText

/// A number in a text: what it stands for, where it is, and how it was written.
public struct NumberMention: Sendable {
    public let range: Range<Int>
    /// The values it can stand for, its own language's reading first: digits read in the other
    /// language's notation too ("10,000" kept from an English source), a clock hour on either clock
    /// ("18" = "6" PM), the first end of a range sharing a scale word ("600–700 тысяч"), a year or decade
    /// written short ("2021–22", "60-е").
    public let values: [Double]
    public let inDigits: Bool
    /// Part of a name, joined to a word by a hyphen ("COVID-19", "Су-35").
    public let inName: Bool

    public var value: Double { values[0] }

    /// Whether it can stand for one of another number's values.
    public func equals(_ other: NumberMention) -> Bool {
        values.contains { a in other.values.contains { b in abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) } }
    }
}

/// A date in a text; components a form leaves out ("в ноябре 2024 г.", "Nov. 28") are nil.
public struct DateMention: Sendable {
    public let range: Range<Int>
    public let day: Int?
    public let month: Int
    public let year: Int?

    /// Whether two dates disagree on a component both of them give.
    public func conflicts(with other: DateMention) -> Bool {
        if month != other.month { return true }
        if let a = day, let b = other.day, a != b { return true }
        if let a = year, let b = other.year, a != b { return true }
        return false
    }
}

/// Finds dates and numbers in a block, in the block's language (read through `Document.dates(in:)` and
/// `Document.numbers(in:)`, found once per block): month names from ICU
/// (any case form, by their common stem), numbers through `NumberReader` (digits with the
/// language's separators, digit groups split by spaces, scale words, number words).
struct Quantities {
    let document: Document
    let block: Block
    private let language: Language
    private let words: [Token]
    /// The interned form of each of `words`.
    private let keys: [WordKey]
    private let months: MonthTable.Table
    /// What each of `words` is by its form alone (`FormValues`).
    private let formValues: [FormValues]

    init(_ document: Document, _ block: Block) {
        self.document = document
        self.block = block
        let language = document.language(of: block)
        self.language = language
        let keys = document.keys(of: block)
        var words: [Token] = [], wordKeys: [WordKey] = []
        words.reserveCapacity(block.tokens.count)
        wordKeys.reserveCapacity(block.tokens.count)
        for (index, token) in block.tokens.enumerated() where token.isWordLike {
            words.append(token)
            wordKeys.append(keys[index] ?? document.key(token, in: block))
        }
        self.words = words
        self.keys = wordKeys
        let months = MonthTable.shared.table(language)
        self.months = months
        formValues = Self.forms.values(for: wordKeys) { index in
            let token = words[index], folded = wordKeys[index].folded
            return FormValues(
                month: months.month(of: token, folded: folded),
                numberWord: token.kind == .word && token.range.count >= 3 ? NumberReader.shared(for: language).value(ofFoldedWord: folded) : nil,
                scaleWord: token.kind == .word ? language.scaleWords[folded] : nil)
        }
    }

    /// What a word form is to the scans, by its text alone (its language is its form's): the month it
    /// names, its value as a number word, as a scale word on its own. Worked out once per form.
    private struct FormValues: Sendable {
        let month: Int?
        let numberWord: Double?
        let scaleWord: Double?
    }

    private static let forms = WordMemo<FormValues>()

    private func values(_ index: Int) -> FormValues { formValues[index] }

    private var buffer: TextBuffer { document.buffer }

    private func text(_ token: Token) -> String { buffer.string(token.range) }

    /// The word's fold key, from the document's analysis.
    private func folded(_ token: Token) -> String { document.key(token, in: block).folded }

    private func onlySpaceBetween(_ a: Token, _ b: Token) -> Bool {
        buffer.isBlank(a.range.upperBound..<b.range.lowerBound)
    }

    /// Whether a word links two numbers of one list or range ("и", "по", "and", "to", from the profile).
    private func isLink(_ token: Token) -> Bool {
        token.kind == .word && language.rangeLinks.contains(folded(token))
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
            guard let month = values(i).month else {
                i += 1
                continue
            }
            var first = i, last = i
            var day: Int?, year: Int?
            if i > 0, let d = integer(words[i - 1], in: 1...31), onlySpaceBetween(words[i - 1], words[i]) {
                day = d
                first = i - 1
            } else if i > 1, words[i - 1].kind == .word, words[i - 1].range.count <= 3, onlySpaceBetween(words[i - 1], words[i]),
                      hyphenBetween(words[i - 2], words[i - 1]), let d = integer(words[i - 2], in: 1...31) {
                // An ordinal day with its ending ("25-го июля").
                day = d
                first = i - 2
            } else if i + 1 < words.count, let d = integer(words[i + 1], in: 1...31) {
                day = d
                last = i + 1
            }
            if last + 1 < words.count, let y = integer(words[last + 1], in: 1000...2999),
               words[last + 1].range.lowerBound - words[last].range.upperBound <= 3 {
                year = y
                last += 1
            }
            // Days listed or ranged with one month: "9 и 10 августа", "с 25 по 31 июля" (before the month's
            // day), "August 9 and 10" (after it).
            if day != nil, first == i - 1, i >= 3, let other = integer(words[i - 3], in: 1...31), isLink(words[i - 2]) {
                dates.append(DateMention(range: words[i - 3].range, day: other, month: month, year: year))
            }
            let date = DateMention(range: words[first].range.lowerBound..<words[last].range.upperBound, day: day, month: month, year: year)
            dates.append(date)
            if day != nil, last == i + 1, i + 3 < words.count, isLink(words[i + 2]), let other = integer(words[i + 3], in: 1...31) {
                dates.append(DateMention(range: words[i + 3].range, day: other, month: month, year: year))
                last = i + 3
            }
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

    /// Whether only a hyphen joins two tokens ("25-го", "COVID-19").
    private func hyphenBetween(_ a: Token, _ b: Token) -> Bool {
        b.range.lowerBound == a.range.upperBound + 1 && buffer.units[a.range.upperBound] == 0x2D
    }

    /// Whether only a dash or a slash, with or without spaces, stands between two tokens ("600–700", "2019/20").
    private func rangeMarkBetween(_ a: Token, _ b: Token) -> Bool {
        let between = buffer.units[a.range.upperBound..<b.range.lowerBound].filter { !CharacterInfo.isWhitespace($0) }
        return between.count == 1 && [0x2D, 0x2013, 0x2014, 0x2212, 0x2F].contains(between[0])
    }

    /// Whether the text between two tokens is one colon or a look-alike of one ("18:30", "01։23" with an
    /// Armenian full stop), by Unicode's confusables.
    /// Whether only a slash, with or without spaces around it, separates two tokens ("1/8", "1 / 8").
    private func slashBetween(_ a: Token, _ b: Token) -> Bool {
        let between = buffer.units[a.range.upperBound..<b.range.lowerBound].filter { !CharacterInfo.isWhitespace($0) }
        return between == [0x2F] && b.range.lowerBound - a.range.upperBound <= 3
    }

    /// A space after the colon ("5: 47 p.m.", as machine translation writes it) is allowed.
    private func colonBetween(_ a: Token, _ b: Token) -> Bool {
        let gap = b.range.lowerBound - a.range.upperBound
        guard gap == 1 || (gap == 2 && CharacterInfo.isWhitespace(buffer.units[a.range.upperBound + 1])) else { return false }
        let unit = buffer.units[a.range.upperBound]
        return unit == 0x3A || (unit > 0x7F && SpoofChecker.shared.skeleton(String(utf16CodeUnits: [unit], count: 1)) == ":")
    }

    /// Whether the words from `index` spell one of the language's half phrases ("с половиной").
    private func halfPhrase(at index: Int) -> Int? {
        for phrase in language.halfPhrases where index + phrase.count <= words.count {
            if phrase.indices.allSatisfy({ folded(words[index + $0]) == phrase[$0] }) { return phrase.count }
        }
        return nil
    }

    /// Numbers outside `excluded` ranges (the dates).
    func numbers(excluding excluded: [Range<Int>]) -> [NumberMention] {
        var numbers: [NumberMention] = []
        let reader = NumberReader.shared(for: language)
        let other = document.pair.source == language ? document.pair.target : document.pair.source
        let otherReader = NumberReader.shared(for: other)
        let periods = DayPeriods.shared(language)
        func periodOf(_ token: Token) -> Bool? {
            let key = folded(token).filter { $0 != "." }
            return periods.am.contains(key) ? false : periods.pm.contains(key) ? true : nil
        }
        var i = 0
        while i < words.count {
            let token = words[i]
            defer { i += 1 }
            if excluded.contains(where: { $0.contains(token.range.lowerBound) }) { continue }
            if token.kind == .number, i + 1 < words.count, words[i + 1].kind == .number, slashBetween(token, words[i + 1]),
               let numerator = Int(text(token)), let denominator = Int(text(words[i + 1])), numerator < denominator, denominator <= 100 {
                // A fraction ("1/3", "1 / 8"), one number; a round named by a fraction of the final is the round
                // of twice as many teams ("1/8 финала" is the round of 16).
                let round = numerator == 1 && i + 2 < words.count && language.roundWords.contains(folded(words[i + 2]))
                numbers.append(NumberMention(range: token.range.lowerBound..<words[i + 1].range.upperBound,
                                             values: [Double(numerator) / Double(denominator)] + (round ? [Double(2 * denominator)] : []),
                                             inDigits: true, inName: false))
                i += 1
            } else if token.kind == .number {
                var end = i
                var written = text(token)
                // "1 234 567": groups of three digits after a space belong to the same number.
                while end + 1 < words.count, words[end + 1].kind == .number, onlySpaceBetween(words[end], words[end + 1]),
                      text(words[end + 1]).prefix(while: { $0.isNumber }).count == 3 {
                    end += 1
                    written += text(words[end])
                }
                guard let own = reader.value(ofDigits: written) else { continue }
                var values = [own] + [otherReader.value(ofDigits: written)].compactMap { $0 }.filter { $0 != own }
                var start = token.range.lowerBound
                if let sign = sign(before: token) {
                    values = values.map { $0 * sign.factor }
                    start = sign.offset
                }
                let integral = own == own.rounded() && !written.contains(where: { !$0.isNumber })
                // A clock hour ("18:30", "6:30 PM", "3 p.m."): the same hour on the other clock.
                let minutes = end + 1 < words.count && words[end + 1].kind == .number && colonBetween(words[end], words[end + 1])
                    && text(words[end + 1]).count == 2
                let marker = minutes ? (end + 2 < words.count ? periodOf(words[end + 2]) : nil) : (end + 1 < words.count ? periodOf(words[end + 1]) : nil)
                if integral, (0...24).contains(own), minutes || marker != nil {
                    let hour = own
                    if marker == true, hour < 12 { values.insert(hour + 12, at: 0) }
                    if marker == false, hour == 12 { values.insert(0, at: 0) }
                    values += [hour.truncatingRemainder(dividingBy: 12)] + (hour < 12 ? [hour + 12] : [])
                }
                // A time of day in four digits: "1747 hours" is 17:47.
                if integral, written.count == 4, end + 1 < words.count, language.hourWords.contains(folded(words[end + 1])),
                   Int(own) / 100 <= 24, Int(own) % 100 < 60 {
                    values.append(Double(Int(own) / 100))
                }
                // A year or decade written short: "2021–22", "2019/20", "60-е".
                if integral, written.count == 2, i > 0, words[i - 1].kind == .number, text(words[i - 1]).count == 4,
                   rangeMarkBetween(words[i - 1], token), let year = Int(text(words[i - 1])) {
                    values.append(Double(year / 100 * 100) + own)
                }
                if integral, written.count == 2, end + 1 < words.count, words[end + 1].kind == .word,
                   words[end + 1].range.count <= 2, hyphenBetween(words[end], words[end + 1]) {
                    values += [1900 + own, 2000 + own]
                }
                if let length = end + 1 < words.count ? halfPhrase(at: end + 1) : nil {
                    values = values.map { $0 + 0.5 }
                    end += length
                } else if integral, end + 2 < words.count, words[end + 1].kind == .number, words[end + 2].kind == .number,
                          onlySpaceBetween(words[end], words[end + 1]), words[end + 2].range.lowerBound == words[end + 1].range.upperBound + 1,
                          buffer.units[words[end + 1].range.upperBound] == 0x2F,
                          let numerator = Int(text(words[end + 1])), let denominator = Int(text(words[end + 2])), numerator < denominator, denominator <= 16 {
                    // A whole number and a fraction: "2 1/2 million".
                    values = values.map { $0 + Double(numerator) / Double(denominator) }
                    end += 2
                }
                if end + 1 < words.count, words[end + 1].kind == .word, let scale = language.scale(of: folded(words[end + 1])) {
                    values = values.map { $0 * scale }
                    end += 1
                } else if end + 2 < words.count, words[end + 1].kind == .number, rangeMarkBetween(words[end], words[end + 1]),
                          words[end + 2].kind == .word, let scale = language.scale(of: folded(words[end + 2])) {
                    // The first end of a range takes the scale word of the second ("600–700 тысяч").
                    values.append(own * scale)
                }
                let inName = token.range.lowerBound >= block.range.lowerBound + 2 && buffer.units[token.range.lowerBound - 1] == 0x2D
                    && (Unicode.Scalar(buffer.units[token.range.lowerBound - 2]).map(CharacterInfo.isLetter) ?? false)
                numbers.append(NumberMention(range: start..<words[end].range.upperBound, values: values, inDigits: true, inName: inName))
                i = end
            } else if var value = values(i).numberWord {
                // Number words written together make one number ("two hundred", "twenty-five").
                var end = i
                // A fraction word ("half") does not join them: "second half" is no number.
                while end + 1 < words.count, words[end + 1].kind == .word, value >= 1, (reader.value(ofFoldedWord: folded(words[end + 1])) ?? 1) >= 1,
                      buffer.string(words[end].range.upperBound..<words[end + 1].range.lowerBound).allSatisfy({ $0 == " " || $0 == "-" }) {
                    guard let longer = reader.value(ofWords: words[i...(end + 1)].map(text)) else { break }
                    value = longer
                    end += 1
                }
                if let length = end + 1 < words.count ? halfPhrase(at: end + 1) : nil {
                    value += 0.5
                    end += length
                }
                // A scale word after number words ("четырех тысяч", "two and a half million", "half a trillion").
                let article = value < 1 && end + 2 < words.count && language.isStopword(folded(words[end + 1])) ? 1 : 0
                if end + 1 + article < words.count, words[end + 1 + article].kind == .word, value < 1000,
                   let scale = language.scale(of: folded(words[end + 1 + article])) {
                    value *= scale
                    end += 1 + article
                }
                numbers.append(NumberMention(range: token.range.lowerBound..<words[end].range.upperBound, values: [value], inDigits: false, inName: false))
                i = end
            } else if let value = values(i).scaleWord,
                      i == 0 || language.isStopword(folded(words[i - 1])) {
                // A scale word on its own: "a dozen", "a million people", "миллион человек".
                numbers.append(NumberMention(range: token.range, values: [value], inDigits: false, inName: false))
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
