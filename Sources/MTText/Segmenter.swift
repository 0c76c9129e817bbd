internal import CICU
import Synchronization

/// What a word-break segment holds.
public enum TokenKind: Sendable, Hashable {
    case word
    /// A word longer than `Token.longestAnalysedWord`: counted as a word, but not looked up, spelled,
    /// transliterated or compared letter by letter (a repetition loop such as "hahaha…" of MT output).
    case longWord
    case number
    case punctuation
}

/// A word, number or punctuation mark, held as a UTF-16 range of its document's buffer.
public struct Token: Sendable, Hashable {
    public let range: Range<Int>
    public let kind: TokenKind
    public let script: ScriptClass
    /// The first letter is upper case (a possible name).
    public let isCapitalized: Bool
    /// Every letter is upper case and there are at least two (a possible acronym).
    public let isAllCaps: Bool

    public var isWordLike: Bool { kind != .punctuation }

    /// The longest word (in UTF-16 units) that is analysed letter by letter. Hunspell refuses longer
    /// words (its MAXWORDLEN is 100), no dictionary, word list or name file holds one, and the
    /// analyses of a word (one-typo variants, edit distances, suffix lookups) cost more than its length:
    /// the bound keeps each word's cost constant, so a document's cost stays linear in its size.
    public static let longestAnalysedWord = 100
}

/// Word and sentence segmentation for one language on ICU break iterators.
///
/// Opening an ICU iterator costs far more than segmenting a sentence pair, so a segmenter takes each
/// of its iterators from a process-wide pool on first use (opening one only when the pool has none
/// free), reuses it for every range and gives it back when it ends: a stream of one-pair documents
/// opens as many iterators as run at once. Not thread-safe: use one per task.
public final class Segmenter {
    public let language: Language
    private var wordIterator: BreakIterator?
    private var sentenceIterator: BreakIterator?

    public init(language: Language) {
        self.language = language
    }

    deinit {
        if let wordIterator { BreakIterator.pool.giveBack(wordIterator) }
        if let sentenceIterator { BreakIterator.pool.giveBack(sentenceIterator) }
    }

    /// Word, number and punctuation tokens of `range` (white space is dropped).
    public func tokens(_ buffer: TextBuffer, in range: Range<Int>) -> [Token] {
        if wordIterator == nil { wordIterator = BreakIterator.pool.take(UBRK_WORD, language.icuLocale) }
        var tokens: [Token] = []
        var start = range.lowerBound
        wordIterator!.boundaries(buffer, range) { end, status in
            defer { start = end }
            let kind: TokenKind
            switch status {
            case 100..<200: kind = .number
            case 200..<500: kind = end - start > Token.longestAnalysedWord ? .longWord : .word
            default:
                if buffer.isBlank(start..<end) { return }
                kind = .punctuation
            }
            tokens.append(Self.makeToken(buffer, start..<end, kind))
        }
        return tokens
    }

    /// Sentence ranges of `range` (trailing white space trimmed). ICU's boundaries are joined
    /// again after the language's abbreviations ("Prof.", "U.S.", "г.") and after initials ("В. Путин")
    /// and before a lower-case word (`continuesInLowerCase`), and added before a sentence that starts
    /// with a number or a dash (`extraStarts`).
    public func sentences(_ buffer: TextBuffer, in range: Range<Int>) -> [Range<Int>] {
        if sentenceIterator == nil { sentenceIterator = BreakIterator.pool.take(UBRK_SENTENCE, language.icuLocale) }
        var result: [Range<Int>] = []
        var start = range.lowerBound
        sentenceIterator!.boundaries(buffer, range) { end, _ in
            if end < range.upperBound,
               Self.endsWithAbbreviation(buffer, start..<end, language) || Self.continuesInLowerCase(buffer, start..<end) {
                return
            }
            var from = start
            for cut in Self.extraStarts(buffer, start..<end, language) + [end] {
                let sentence = buffer.trimmed(from..<cut)
                if !sentence.isEmpty { result.append(sentence) }
                from = cut
            }
            start = end
        }
        return result
    }

    /// Whether a "!" or "?" before the boundary closes a quotation or a title inside the sentence: a
    /// closing quote or bracket, or a dash, stands between it and a lower-case word ("группы «Руки вверх!»
    /// и болельщик", "«… уже дуэт?» – написал Жуков"), where ICU breaks (UAX #29 keeps a lower-case word
    /// with the sentence only after a full stop, SB8). A lower-case word right after "!" or "?" ("in
    /// Moscow! tomorrow it …") still starts a sentence: one written in lower case by mistake.
    static func continuesInLowerCase(_ buffer: TextBuffer, _ range: Range<Int>) -> Bool {
        let units = buffer.units
        var end = range.upperBound
        while end > range.lowerBound, CharacterInfo.isWhitespace(units[end - 1]) { end -= 1 }
        var mark = end
        while mark > range.lowerBound, isClosingPunctuation(units[mark - 1]) { mark -= 1 }
        guard mark > range.lowerBound, units[mark - 1] == 0x21 || units[mark - 1] == 0x3F else { return false }
        var i = range.upperBound
        var dashed = false
        while i < units.count, CharacterInfo.isWhitespace(units[i]) || isDash(units[i]) {
            dashed = dashed || isDash(units[i])
            i += 1
        }
        guard mark < end || dashed, i < units.count, let scalar = UnicodeScalar(units[i]) else { return false }
        return CharacterInfo.isLowercase(scalar)
    }

    /// Where a sentence starting with a number or a dash begins inside `range`: after ".", "!" or "?"
    /// (and any closing quotes or brackets), white space, then a digit, or a dash, white space and a
    /// capital. ICU's rules (UAX #29) do not break there: when a lower-case word follows the number
    /// ("… госпитализировали. 18 детей погибли …", "… in June. 25 people died"; SB8, since after a full
    /// stop a lower-case word continues a sentence), nor before a dash (SB8a, a dash continues a sentence)
    /// — which opens direct speech in Russian and other languages ("… МВД. – С травмами …").
    /// Not after an abbreviation or an initial ("в 2019 г. 15 человек"), nor after a number ("п. 5. 2").
    static func extraStarts(_ buffer: TextBuffer, _ range: Range<Int>, _ language: Language) -> [Int] {
        let units = buffer.units
        var cuts: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound {
            defer { i += 1 }
            let unit = units[i]
            guard unit == 0x2E || unit == 0x21 || unit == 0x3F else { continue }
            // A word ends there, maybe inside quotes or brackets ("… «Аталанта». 24-летний …").
            var k = i
            while k > range.lowerBound, isClosingPunctuation(units[k - 1]) { k -= 1 }
            guard k > range.lowerBound, CharacterInfo.isLetter(UnicodeScalar(units[k - 1]) ?? " ") else { continue }
            var j = i + 1
            while j < range.upperBound, isClosingPunctuation(units[j]) { j += 1 }
            let spaceStart = j
            while j < range.upperBound, CharacterInfo.isWhitespace(units[j]) { j += 1 }
            guard j > spaceStart, j < range.upperBound else { continue }
            if isDash(units[j]) {
                // A dash, white space, a capital: a new utterance ("… главка МВД. – С травмами …").
                var k = j + 1
                while k < range.upperBound, CharacterInfo.isWhitespace(units[k]) { k += 1 }
                guard k > j + 1, k < range.upperBound, CharacterInfo.isUppercase(UnicodeScalar(units[k]) ?? " ") else { continue }
            } else if !(0x30...0x39).contains(units[j]) {
                continue
            }
            if unit == 0x2E, endsWithAbbreviation(buffer, range.lowerBound..<(i + 1), language) { continue }
            cuts.append(j)
        }
        return cuts
    }

    private static func isDash(_ unit: UInt16) -> Bool {
        // - ‒ – — ―
        unit == 0x2D || (0x2012...0x2015).contains(unit)
    }

    private static func isClosingPunctuation(_ unit: UInt16) -> Bool {
        // ) ] " » “ ” ’ '
        [0x29, 0x5D, 0x22, 0xBB, 0x201C, 0x201D, 0x2019, 0x27].contains(unit)
    }

    static func endsWithAbbreviation(_ buffer: TextBuffer, _ range: Range<Int>, _ language: Language) -> Bool {
        let units = buffer.units
        var end = range.upperBound
        while end > range.lowerBound, CharacterInfo.isWhitespace(units[end - 1]) { end -= 1 }
        guard end > range.lowerBound, units[end - 1] == 0x2E else { return false }  // "."
        var start = end - 1
        while start > range.lowerBound {
            let unit = units[start - 1]
            if unit == 0x2E || !(CharacterInfo.isWhitespace(unit) || isOpeningPunctuation(unit)) {
                start -= 1
            } else {
                break
            }
        }
        let word = buffer.string(start..<end)
        let letters = Array(word.unicodeScalars.filter(CharacterInfo.isLetter))
        if letters.count == 1, word.unicodeScalars.count == 2, CharacterInfo.isUppercase(letters[0]) {
            // An initial is followed by a name, not by a function word: "Петр I. В своей речи" ends a sentence.
            return !language.isStopword(nextWord(buffer, after: range.upperBound))
        }
        guard language.abbreviations.contains(word.lowercased()) else { return false }
        // A unit after a number ("185 тыс.", "1,2 млн.", "2019 г.") followed by a capitalised word ends
        // its sentence: inside one, the word after a unit is not capitalised.
        var before = start
        while before > range.lowerBound, CharacterInfo.isWhitespace(units[before - 1]) { before -= 1 }
        let afterNumber = before < start && before > range.lowerBound && (0x30...0x39).contains(units[before - 1])
        return !(afterNumber && isTitleCase(nextWord(buffer, after: range.upperBound, lowercased: false)))
    }

    private static func isTitleCase(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return scalars.count >= 2 && CharacterInfo.isUppercase(scalars[0]) && !scalars.dropFirst().contains(where: CharacterInfo.isUppercase)
    }

    /// The letters (lower-cased unless told) of the word that starts after `offset` and the white space after it.
    private static func nextWord(_ buffer: TextBuffer, after offset: Int, lowercased: Bool = true) -> String {
        let units = buffer.units
        var start = offset
        while start < units.count, CharacterInfo.isWhitespace(units[start]) { start += 1 }
        var end = start
        while end < units.count, end - start < 40, CharacterInfo.isLetter(UnicodeScalar(units[end]) ?? " ") { end += 1 }
        let word = buffer.string(start..<end)
        return lowercased ? word.lowercased() : word
    }

    private static func isOpeningPunctuation(_ unit: UInt16) -> Bool {
        // ( [ " « „ “ ‘ '
        [0x28, 0x5B, 0x22, 0xAB, 0x201E, 0x201C, 0x2018, 0x27].contains(unit)
    }

    private static func makeToken(_ buffer: TextBuffer, _ range: Range<Int>, _ kind: TokenKind) -> Token {
        var counts = ScriptCounts()
        var firstLetterUpper: Bool?
        var upper = 0, lower = 0
        for (_, scalar) in buffer.scalars(in: range) {
            let properties = CharacterInfo.letterProperties(of: scalar)
            guard properties.isLetter else { continue }
            counts.add(properties.script)
            let isUpper = properties.isUppercase
            if firstLetterUpper == nil { firstLetterUpper = isUpper }
            if isUpper { upper += 1 } else if properties.isLowercase { lower += 1 }
        }
        return Token(
            range: range, kind: kind, script: counts.scriptClass,
            isCapitalized: firstLetterUpper ?? false, isAllCaps: upper >= 2 && lower == 0)
    }
}

/// One ICU break iterator, opened once and pointed at one range after another. Used by one segmenter at a
/// time: the pool hands it from one to the next (hence `@unchecked Sendable`), never to two at once.
private final class BreakIterator: @unchecked Sendable {
    private let handle: OpaquePointer
    let type: UBreakIteratorType
    let locale: String

    /// The iterators no segmenter holds, by type and locale.
    final class Pool: Sendable {
        private struct Kind: Hashable { let type: UBreakIteratorType.RawValue, locale: String }
        private let free = Mutex<[Kind: [BreakIterator]]>([:])

        func take(_ type: UBreakIteratorType, _ locale: String) -> BreakIterator {
            free.withLock { $0[Kind(type: type.rawValue, locale: locale)]?.popLast() } ?? BreakIterator(type, locale)
        }

        func giveBack(_ iterator: BreakIterator) {
            free.withLock { $0[Kind(type: iterator.type.rawValue, locale: iterator.locale), default: []].append(iterator) }
        }
    }

    static let pool = Pool()

    private init(_ type: UBreakIteratorType, _ locale: String) {
        var status = U_ZERO_ERROR
        guard let handle = ubrk_open(type, locale, nil, 0, &status), ICU.succeeded(status) else {
            preconditionFailure("ICU break iterator for \(locale): \(ICU.errorName(status))")
        }
        self.handle = handle
        self.type = type
        self.locale = locale
    }

    deinit { ubrk_close(handle) }

    /// Calls `body` with each boundary after the start of `range` (as a buffer offset) and the
    /// rule status of the segment it ends.
    func boundaries(_ buffer: TextBuffer, _ range: Range<Int>, _ body: (Int, Int32) -> Void) {
        guard !range.isEmpty else { return }
        buffer.units.withUnsafeBufferPointer { all in
            var status = U_ZERO_ERROR
            ubrk_setText(handle, all.baseAddress! + range.lowerBound, Int32(range.count), &status)
            guard ICU.succeeded(status) else {
                preconditionFailure("ICU break iterator for \(locale): \(ICU.errorName(status))")
            }
            _ = ubrk_first(handle)
            var end = ubrk_next(handle)
            while end != UBRK_DONE {
                body(range.lowerBound + Int(end), ubrk_getRuleStatus(handle))
                end = ubrk_next(handle)
            }
        }
        var status = U_ZERO_ERROR
        ubrk_setText(handle, nil, 0, &status)  // drop the pointer into the buffer
    }
}
