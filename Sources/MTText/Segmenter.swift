internal import CICU

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
/// Opening an ICU iterator costs far more than segmenting a paragraph, so a segmenter opens
/// each of its iterators once and reuses it for every range. Not thread-safe: use one per task.
public final class Segmenter {
    public let language: Language
    private var wordIterator: BreakIterator?
    private var sentenceIterator: BreakIterator?

    public init(language: Language) {
        self.language = language
    }

    /// Word, number and punctuation tokens of `range` (white space is dropped).
    public func tokens(_ buffer: TextBuffer, in range: Range<Int>) -> [Token] {
        if wordIterator == nil { wordIterator = BreakIterator(UBRK_WORD, language.icuLocale) }
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
    /// again after the language's abbreviations ("Prof.", "U.S.", "г.") and after initials ("В. Путин").
    public func sentences(_ buffer: TextBuffer, in range: Range<Int>) -> [Range<Int>] {
        if sentenceIterator == nil { sentenceIterator = BreakIterator(UBRK_SENTENCE, language.icuLocale) }
        var result: [Range<Int>] = []
        var start = range.lowerBound
        sentenceIterator!.boundaries(buffer, range) { end, _ in
            if end < range.upperBound, Self.endsWithAbbreviation(buffer, start..<end, language) { return }
            let sentence = buffer.trimmed(start..<end)
            if !sentence.isEmpty { result.append(sentence) }
            start = end
        }
        return result
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
        if letters.count == 1, word.unicodeScalars.count == 2, CharacterInfo.isUppercase(letters[0]) { return true }  // an initial
        return language.abbreviations.contains(word.lowercased())
    }

    private static func isOpeningPunctuation(_ unit: UInt16) -> Bool {
        // ( [ " « „ “ ‘ '
        [0x28, 0x5B, 0x22, 0xAB, 0x201E, 0x201C, 0x2018, 0x27].contains(unit)
    }

    private static func makeToken(_ buffer: TextBuffer, _ range: Range<Int>, _ kind: TokenKind) -> Token {
        var counts = ScriptCounts()
        var firstLetterUpper: Bool?
        var upper = 0, lower = 0
        for (_, scalar) in buffer.scalars(in: range) where CharacterInfo.isLetter(scalar) {
            counts.add(scalar)
            let isUpper = CharacterInfo.isUppercase(scalar)
            if firstLetterUpper == nil { firstLetterUpper = isUpper }
            if isUpper { upper += 1 } else if CharacterInfo.isLowercase(scalar) { lower += 1 }
        }
        return Token(
            range: range, kind: kind, script: counts.scriptClass,
            isCapitalized: firstLetterUpper ?? false, isAllCaps: upper >= 2 && lower == 0)
    }
}

/// One ICU break iterator, opened once and pointed at one range after another.
private final class BreakIterator {
    private let handle: OpaquePointer
    private let locale: String

    init(_ type: UBreakIteratorType, _ locale: String) {
        var status = U_ZERO_ERROR
        guard let handle = ubrk_open(type, locale, nil, 0, &status), ICU.succeeded(status) else {
            preconditionFailure("ICU break iterator for \(locale): \(ICU.errorName(status))")
        }
        self.handle = handle
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
