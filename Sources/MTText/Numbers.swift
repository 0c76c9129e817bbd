internal import CICU
import Synchronization

/// ICU's `UNumberFormat*` (`UNumberFormat` is `void*` in C).
typealias NumberFormat = UnsafeMutablePointer<UNumberFormat?>

/// Reads numbers the way a language writes them, with ICU: digits with that language's
/// separators ("1 234,5" in Russian, "1,234.5" in English), and number words ("two", "fourth",
/// "двух") from a table that ICU's spell-out rules write once per process. A digit parse counts only
/// when it consumes the whole text.
public final class NumberReader: Sendable {
    public let language: Language
    /// Decimal formats: the language's own, then the root locale's as a fallback (under a lock:
    /// ICU formats are not thread-safe).
    private let decimal: Mutex<DecimalFormats>
    /// Every word form the spell-out rules write for 0–100, the hundreds and the powers of a thousand,
    /// in every public rule set (cardinal, ordinal and their case forms), with its value.
    private let words: [String: Double]

    private struct DecimalFormats: ~Copyable {
        let formats: [NumberFormat]
        deinit { for format in formats { unum_close(format) } }
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
        self.decimal = Mutex(DecimalFormats(formats: decimal))
        // ICU's spell-out words, and the profile's words that carry a number ICU does not spell
        // ("twice", "трое", "полмиллиона").
        words = Self.spelledWords(language).merging(language.numberWords.map { (Normalizer.foldKey($0.key), $0.value) }) { spelled, _ in spelled }
    }

    /// The spell-out table: one formatter, switched from rule set to rule set (each live formatter
    /// holds all of the locale's rules: fifty of them for Russian cost a quarter of a gigabyte).
    private static func spelledWords(_ language: Language) -> [String: Double] {
        var status = U_ZERO_ERROR
        guard let format = unum_open(UNUM_SPELLOUT, nil, 0, language.icuLocale, nil, &status), ICU.succeeded(status) else { return [:] }
        defer { unum_close(format) }
        let names = ICU.withGrowingBuffer(initialCapacity: 1024) { buffer, capacity, status in
            unum_getTextAttribute(format, UNUM_PUBLIC_RULESETS, buffer, capacity, &status)
        }.map { String(decoding: $0, as: UTF16.self) } ?? ""
        let samples = Array(0...100).map(Double.init) + stride(from: 200.0, through: 900, by: 100) + [1e3, 1e6, 1e9, 1e12]
        var table: [String: Double] = [:]
        var phrases: [(value: Double, words: [String])] = []
        var folded: [ArraySlice<UInt16>: String] = [:]
        for name in names.split(separator: ";") where name.hasPrefix("%spellout") {
            var status = U_ZERO_ERROR
            let units = Array(name.utf16)
            unum_setTextAttribute(format, UNUM_DEFAULT_RULESET, units, Int32(units.count), &status)
            guard ICU.succeeded(status) else { continue }
            for sample in samples {
                let written = ICU.withGrowingBuffer(initialCapacity: 64) { buffer, capacity, status in
                    unum_formatDouble(format, sample, buffer, capacity, nil, &status)
                } ?? []
                // Words split at spaces, hyphens and soft hyphens; each distinct word folded once.
                let parts = written.split(whereSeparator: { $0 == 0x20 || $0 == 0x2D || $0 == 0xAD }).map { units in
                    if let known = folded[units] { return known }
                    let key = Normalizer.foldKey(String(decoding: units, as: UTF16.self))
                    folded[units] = key
                    return key
                }
                if parts.count == 1 {
                    if table[parts[0]] == nil { table[parts[0]] = sample }
                } else if parts.count > 1 {
                    phrases.append((sample, parts))
                }
            }
        }
        // Words written only inside longer numbers ("hundred" in "one hundred"): a power of ten is the
        // product of its words ("one hundred", "одна тысяча"), then any other number their sum.
        for powers in [true, false] {
            for phrase in phrases where [100, 1e3, 1e6, 1e9, 1e12].contains(phrase.value) == powers {
                let unknown = Set(phrase.words.filter { table[$0] == nil })
                guard unknown.count == 1, let word = unknown.first else { continue }
                let known = phrase.words.compactMap { table[$0] }
                let solved = powers ? phrase.value / max(1, known.reduce(1, *)) : phrase.value - known.reduce(0, +)
                if solved > 0 { table[word] = solved }
            }
        }
        return table
    }

    /// The value of a number written in digits, e.g. "1 234,5" (Russian) or "1,234.5" (English).
    /// Spaces between digit groups (including no-break and thin spaces) are ignored.
    public func value(ofDigits text: String) -> Double? {
        let units = Array(text.utf16.filter { ![0x20, 0xA0, 0x2009, 0x202F].contains($0) })
        guard !units.isEmpty else { return nil }
        return decimal.withLock { decimal in
            decimal.formats.lazy.compactMap { Self.parse($0, units) }.first
        }
    }

    /// The value of a number word in any form the spell-out rules write ("fourth" = 4, "двух" = 2).
    public func value(ofWord word: String) -> Double? {
        value(ofFoldedWord: Normalizer.foldKey(word))
    }

    /// `value(ofWord:)` of a word already in its fold key form.
    public func value(ofFoldedWord key: String) -> Double? {
        // ICU's Russian rules spell "е" where texts may write "ё" ("четвёртой").
        // (By scalars: the key is NFKC, so "ё" is one scalar, and comparing characters costs a normalization.)
        return words[key] ?? (key.unicodeScalars.contains("ё")
            ? words[String(String.UnicodeScalarView(key.unicodeScalars.map { $0 == "ё" ? "е" : $0 }))] : nil)
    }

    /// The value of number words written together ("two hundred", "twenty-five", "двадцать пять"):
    /// every word a number word, in the order numbers are written: a power of a thousand multiplies
    /// what comes before it, "hundred" multiplies a digit's word, and otherwise each word adds a lower
    /// order of magnitude to a round number ("twenty five", not "five twenty" or "two first").
    public func value(ofWords words: [String]) -> Double? {
        let values = words.map { value(ofWord: $0) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        var total = 0.0, group = 0.0, last = Double.infinity
        for case let value? in values {
            if value >= 1000, value == pow10(value) {
                total += max(group, 1) * value
                group = 0
            } else if value == 100, group > 0, group < 10 {
                group *= 100
            } else if last.isInfinite || (value < pow10(last) && last.truncatingRemainder(dividingBy: pow10(last)) == 0) {
                // After a round number, a smaller order of magnitude: "twenty five", "сто двадцать";
                // not "двух первых" (2, 1) or "twelve three".
                group += value
            } else {
                return nil
            }
            last = value
        }
        return total + group
    }

    /// The largest power of ten not above a value.
    private func pow10(_ value: Double) -> Double {
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        return power
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

/// The day-period markers of a language from ICU's calendar data ("AM", "PM"), folded without their
/// stops, so that "a.m.", "am" and "AM" are one marker.
public struct DayPeriods: Sendable {
    public let am: Set<String>
    public let pm: Set<String>

    private static let cache = ProcessCache<String, DayPeriods>()

    /// The markers of a language, read once per process.
    public static func shared(_ language: Language) -> DayPeriods {
        cache.value(for: language.code) {
            let found = markers(language)
            return DayPeriods(am: found.am, pm: found.pm)
        }
    }

    /// The folded morning and afternoon markers.
    static func markers(_ language: Language) -> (am: Set<String>, pm: Set<String>) {
        var status = U_ZERO_ERROR
        guard let format = udat_open(UDAT_NONE, UDAT_DEFAULT, language.icuLocale, nil, 0, nil, 0, &status),
              ICU.succeeded(status) else { return ([], []) }
        defer { udat_close(format) }
        var am = Set<String>(), pm = Set<String>()
        for index in 0..<min(2, Int(udat_countSymbols(format, UDAT_AM_PMS))) {
            guard let name = ICU.withGrowingBuffer(initialCapacity: 16, { buffer, capacity, status in
                udat_getSymbols(format, UDAT_AM_PMS, Int32(index), buffer, capacity, &status)
            }).map({ String(decoding: $0, as: UTF16.self) }) else { continue }
            let key = Normalizer.foldKey(name).filter { $0 != "." && $0 != " " }
            if index == 0 { am.insert(key) } else { pm.insert(key) }
        }
        return (am, pm)
    }
}
