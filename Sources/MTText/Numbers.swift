internal import CICU
import Synchronization

/// ICU's `UNumberFormat*` (`UNumberFormat` is `void*` in C).
typealias NumberFormat = UnsafeMutablePointer<UNumberFormat?>

/// Reads numbers the way a language writes them, with ICU: digits with that language's
/// separators ("1 234,5" in Russian, "1,234.5" in English) and number words through ICU's
/// spell-out rules ("two", "fourth", "двух"). A parse counts only when it consumes the whole text.
public final class NumberReader: Sendable {
    public let language: Language
    private let state: Mutex<State>

    private struct State: ~Copyable {
        /// Decimal formats: the language's own, then the root locale's as a fallback.
        let decimal: [NumberFormat]
        /// One spell-out format per public rule set (cardinal, ordinal, and their case forms).
        let spellout: [NumberFormat]
        /// Every word the spell-out rules write for 0–100, the hundreds and the powers of a thousand:
        /// only these are worth the (slow) spell-out parse.
        let vocabulary: Set<String>
        var wordCache: [String: Double?] = [:]

        deinit {
            for format in decimal + spellout { unum_close(format) }
        }
    }

    private static let readers = ProcessCache<String, NumberReader>()

    /// The shared reader for a language.
    public static func shared(for language: Language) -> NumberReader {
        readers.value(for: language.code) { NumberReader(language) }
    }

    private init(_ language: Language) {
        self.language = language
        var decimal: [NumberFormat] = []
        for locale in [language.icuLocale, "en_US_POSIX"] {
            var status = U_ZERO_ERROR
            if let format = unum_open(UNUM_DECIMAL, nil, 0, locale, nil, &status), ICU.succeeded(status) {
                decimal.append(format)
            }
        }
        var spellout: [NumberFormat] = []
        var status = U_ZERO_ERROR
        if let probe = unum_open(UNUM_SPELLOUT, nil, 0, language.icuLocale, nil, &status), ICU.succeeded(status) {
            let names = ICU.withGrowingBuffer(initialCapacity: 1024) { buffer, capacity, status in
                unum_getTextAttribute(probe, UNUM_PUBLIC_RULESETS, buffer, capacity, &status)
            }.map { String(decoding: $0, as: UTF16.self) } ?? ""
            unum_close(probe)
            for name in names.split(separator: ";") where name.hasPrefix("%spellout") {
                var status = U_ZERO_ERROR
                guard let format = unum_open(UNUM_SPELLOUT, nil, 0, language.icuLocale, nil, &status), ICU.succeeded(status)
                else { continue }
                let units = Array(name.utf16)
                unum_setTextAttribute(format, UNUM_DEFAULT_RULESET, units, Int32(units.count), &status)
                if ICU.succeeded(status) { spellout.append(format) } else { unum_close(format) }
            }
        }
        var vocabulary: Set<String> = []
        let samples = Array(0...100).map(Double.init) + stride(from: 200.0, through: 900, by: 100) + [1e3, 1e6, 1e9, 1e12]
        for format in spellout {
            for sample in samples {
                let written = ICU.withGrowingBuffer(initialCapacity: 64) { buffer, capacity, status in
                    unum_formatDouble(format, sample, buffer, capacity, nil, &status)
                }.map { String(decoding: $0, as: UTF16.self) } ?? ""
                for word in written.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{00AD}" }) {
                    vocabulary.insert(Normalizer.foldKey(String(word)))
                }
            }
        }
        state = Mutex(State(decimal: decimal, spellout: spellout, vocabulary: vocabulary))
    }

    /// The value of a number written in digits, e.g. "1 234,5" (Russian) or "1,234.5" (English).
    /// Spaces between digit groups (including no-break and thin spaces) are ignored.
    public func value(ofDigits text: String) -> Double? {
        let units = Array(text.utf16.filter { ![0x20, 0xA0, 0x2009, 0x202F].contains($0) })
        guard !units.isEmpty else { return nil }
        return state.withLock { state in
            state.decimal.lazy.compactMap { Self.parse($0, units) }.first
        }
    }

    /// The value of a number word in any form ICU's spell-out rules know ("fourth" = 4, "двух" = 2).
    public func value(ofWord word: String) -> Double? {
        let key = Normalizer.foldKey(word)
        return state.withLock { state in
            if let cached = state.wordCache[key] { return cached }
            // ICU's Russian rules spell "е" where texts may write "ё" ("четвёртой").
            let candidates = (key.contains("ё") ? [key, String(key.map { $0 == "ё" ? "е" : $0 })] : [key])
                .filter(state.vocabulary.contains)
            var value: Double?
            for candidate in candidates where value == nil {
                let units = Array(candidate.utf16)
                for format in state.spellout where value == nil { value = Self.parse(format, units) }
            }
            state.wordCache[key] = value
            return value
        }
    }

    /// The value of number words written together, as in the text ("two hundred", "twenty-five",
    /// "двадцать пять"): every word must be a number word of the language, and ICU's spell-out rules
    /// must read the whole phrase.
    public func value(ofPhrase phrase: String, words: [String]) -> Double? {
        let keys = words.map(Normalizer.foldKey)
        let phraseKey = Normalizer.foldKey(phrase)
        return state.withLock { state in
            guard keys.allSatisfy(state.vocabulary.contains) else { return nil }
            if let cached = state.wordCache[phraseKey] { return cached }
            var value: Double?
            let units = Array(phraseKey.utf16)
            for format in state.spellout where value == nil { value = Self.parse(format, units) }
            state.wordCache[phraseKey] = value
            return value
        }
    }

    /// Parses all of `units` or nothing.
    private static func parse(_ format: NumberFormat, _ units: [UInt16]) -> Double? {
        var position: Int32 = 0
        var status = U_ZERO_ERROR
        let value = units.withUnsafeBufferPointer {
            unum_parseDouble(format, $0.baseAddress, Int32($0.count), &position, &status)
        }
        return ICU.succeeded(status) && Int(position) == units.count ? value : nil
    }
}

/// Month names from ICU's calendar data, for finding dates in text of any language.
public enum MonthNames {
    /// For each month (index 0 = January), the names ICU has for it in a language: wide forms
    /// first (format, then stand-alone: "ноября", "ноябрь"), then abbreviations ("нояб.").
    public static func forms(_ language: Language) -> [[String]] {
        var status = U_ZERO_ERROR
        guard let format = udat_open(UDAT_NONE, UDAT_DEFAULT, language.icuLocale, nil, 0, nil, 0, &status),
              ICU.succeeded(status) else { return Array(repeating: [], count: 12) }
        defer { udat_close(format) }
        var months = Array(repeating: [String](), count: 12)
        for type in [UDAT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_SHORT_MONTHS] {
            for index in 0..<min(12, Int(udat_countSymbols(format, type))) {
                let name = ICU.withGrowingBuffer(initialCapacity: 32) { buffer, capacity, status in
                    udat_getSymbols(format, type, Int32(index), buffer, capacity, &status)
                }.map { String(decoding: $0, as: UTF16.self) }
                if let name, !name.isEmpty, !months[index].contains(name) { months[index].append(name) }
            }
        }
        return months
    }
}
