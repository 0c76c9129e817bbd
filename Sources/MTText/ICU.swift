internal import CICU

/// Small helpers shared by the ICU-backed types of this module.
enum ICU {
    static func succeeded(_ status: UErrorCode) -> Bool { status.rawValue <= U_ZERO_ERROR.rawValue }

    static func errorName(_ status: UErrorCode) -> String { String(cString: u_errorName(status)) }

    /// Runs an ICU "preflight" string function: calls `body` with a buffer, growing it once
    /// if ICU reports the needed length.
    static func withGrowingBuffer(
        initialCapacity: Int,
        _ body: (UnsafeMutablePointer<UInt16>, Int32, inout UErrorCode) -> Int32
    ) -> [UInt16]? {
        var capacity = max(initialCapacity, 16)
        for _ in 0..<2 {
            var status = U_ZERO_ERROR
            var buffer = [UInt16](repeating: 0, count: capacity)
            let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 1
                continue
            }
            guard succeeded(status) else { return nil }
            return Array(buffer[0..<Int(length)])
        }
        return nil
    }
}

/// Unicode character properties (from ICU).
/// ASCII is answered inline; the rest of the two-byte range of UTF-8 (below U+0800: Latin, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic) from a table of ICU's answers, filled once; everything else asks ICU.
public enum CharacterInfo {
    // (Inlinable, with ICU behind functions that are not: rules test text character by character.)
    @inlinable public static func isWhitespace(_ unit: UInt16) -> Bool {
        unit < 0x80 ? (unit == 0x20 || (0x09...0x0D).contains(unit))
            : UInt32(unit) < Table.limit ? Table.has(.whitespace, UInt32(unit)) : icuIsWhitespace(UInt32(unit))
    }
    @inlinable public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x1_0000 ? isWhitespace(UInt16(scalar.value)) : icuIsWhitespace(scalar.value)
    }
    @inlinable public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isUppercase(scalar) || isLowercase(scalar)
            : scalar.value < Table.limit ? Table.has(.letter, scalar.value) : icuIsLetter(scalar.value)
    }
    @inlinable public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar)
            : scalar.value < Table.limit ? Table.has(.uppercase, scalar.value) : icuIsUppercase(scalar.value)
    }
    @inlinable public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar)
            : scalar.value < Table.limit ? Table.has(.lowercase, scalar.value) : icuIsLowercase(scalar.value)
    }
    @inlinable public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar)
            : scalar.value < Table.limit ? Table.has(.digit, scalar.value) : icuIsDigit(scalar.value)
    }

    /// A scalar's letter properties from one look-up: for code that asks several of one scalar.
    public struct LetterProperties: Sendable {
        @usableFromInline let bits: UInt16
        @inlinable init(bits: UInt16) { self.bits = bits }
        /// As `CharacterInfo.isLetter`.
        @inlinable public var isLetter: Bool { bits & Table.Property.letter.rawValue != 0 }
        /// As `CharacterInfo.isUppercase`.
        @inlinable public var isUppercase: Bool { bits & Table.Property.uppercase.rawValue != 0 }
        /// As `CharacterInfo.isLowercase`.
        @inlinable public var isLowercase: Bool { bits & Table.Property.lowercase.rawValue != 0 }
        /// As `CharacterInfo.script(of:)`.
        @inlinable public var script: Script? { Script(index: Int(bits >> Table.Property.scriptShift) - 1) }
    }

    /// Whether a scalar is a letter, its script and a letter's case, answered as the single functions answer them.
    @inlinable public static func letterProperties(of scalar: Unicode.Scalar) -> LetterProperties {
        if scalar.isASCII {
            let upper = isUppercase(scalar), lower = isLowercase(scalar)
            let bits = (upper ? Table.Property.uppercase.rawValue : 0) | (lower ? Table.Property.lowercase.rawValue : 0)
            return LetterProperties(bits: upper || lower ? bits | Table.Property.letter.rawValue | UInt16(Script.latin.index + 1) << Table.Property.scriptShift : 0)
        }
        return scalar.value < Table.limit ? LetterProperties(bits: Table.entries[Int(scalar.value)]) : letterPropertiesFromICU(scalar)
    }

    @usableFromInline static func letterPropertiesFromICU(_ scalar: Unicode.Scalar) -> LetterProperties {
        var bits: UInt16 = 0
        if icuIsLetter(scalar.value) { bits |= Table.Property.letter.rawValue }
        if icuIsUppercase(scalar.value) { bits |= Table.Property.uppercase.rawValue }
        if icuIsLowercase(scalar.value) { bits |= Table.Property.lowercase.rawValue }
        let index = scriptFromICU(scalar).map { UInt16($0.index + 1) } ?? 0
        return LetterProperties(bits: bits | index << Table.Property.scriptShift)
    }

    @usableFromInline static func icuIsWhitespace(_ value: UInt32) -> Bool { u_isUWhiteSpace(UChar32(value)) != 0 }
    @usableFromInline static func icuIsLetter(_ value: UInt32) -> Bool { u_isUAlphabetic(UChar32(value)) != 0 }
    @usableFromInline static func icuIsUppercase(_ value: UInt32) -> Bool { u_isUUppercase(UChar32(value)) != 0 }
    @usableFromInline static func icuIsLowercase(_ value: UInt32) -> Bool { u_isULowercase(UChar32(value)) != 0 }
    @usableFromInline static func icuIsDigit(_ value: UInt32) -> Bool { u_isdigit(UChar32(value)) != 0 }
    @usableFromInline static func icuIsFormat(_ value: UInt32) -> Bool { u_charType(UChar32(value)) == Int8(U_FORMAT_CHAR.rawValue) }

    /// ICU's answers for the code points below `limit`, one entry each: the property bits, and the script
    /// (`Script.index` + 1; 0 for none) in the bits above them.
    @usableFromInline enum Table {
        @inlinable static var limit: UInt32 { 0x800 }

        @usableFromInline struct Property: OptionSet, Sendable {
            @usableFromInline let rawValue: UInt16
            @inlinable init(rawValue: UInt16) { self.rawValue = rawValue }
            @inlinable static var whitespace: Property { Property(rawValue: 1 << 0) }
            @inlinable static var letter: Property { Property(rawValue: 1 << 1) }
            @inlinable static var uppercase: Property { Property(rawValue: 1 << 2) }
            @inlinable static var lowercase: Property { Property(rawValue: 1 << 3) }
            @inlinable static var digit: Property { Property(rawValue: 1 << 4) }
            @inlinable static var format: Property { Property(rawValue: 1 << 5) }
            @inlinable static var scriptShift: UInt16 { 8 }
        }

        @usableFromInline static let entries: [UInt16] = (0..<limit).map { value in
            var bits: UInt16 = 0
            if icuIsWhitespace(value) { bits |= Property.whitespace.rawValue }
            if icuIsLetter(value) { bits |= Property.letter.rawValue }
            if icuIsUppercase(value) { bits |= Property.uppercase.rawValue }
            if icuIsLowercase(value) { bits |= Property.lowercase.rawValue }
            if icuIsDigit(value) { bits |= Property.digit.rawValue }
            if icuIsFormat(value) { bits |= Property.format.rawValue }
            let script = Unicode.Scalar(value).flatMap(CharacterInfo.scriptFromICU)
            let index = script.map { UInt16($0.index + 1) } ?? 0
            return bits | index << Property.scriptShift
        }

        @inlinable
        static func has(_ property: Property, _ value: UInt32) -> Bool {
            entries[Int(value)] & property.rawValue != 0
        }

        @inlinable
        static func script(_ value: UInt32) -> Script? { script(entries[Int(value)]) }

        /// The script of an entry of `entries`.
        @inlinable
        static func script(_ entry: UInt16) -> Script? { Script(index: Int(entry >> Property.scriptShift) - 1) }
    }

    /// The code point of a scalar as Unicode writes it: "U+202E", "U+1F600".
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// An invisible formatting character (general category Cf: zero-width spaces and joiners,
    /// bidirectional controls, soft hyphens, word joiners, byte-order marks).
    public static func isFormatCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.value < Table.limit ? Table.has(.format, scalar.value) : icuIsFormat(scalar.value))
    }

    /// The writing system of a letter; `nil` for characters shared between scripts (digits,
    /// punctuation, combining marks).
    @inlinable public static func script(of scalar: Unicode.Scalar) -> Script? {
        if scalar.isASCII { return isLetter(scalar) ? .latin : nil }
        return scalar.value < Table.limit ? Table.script(scalar.value) : scriptFromICU(scalar)
    }

    @usableFromInline static func scriptFromICU(_ scalar: Unicode.Scalar) -> Script? {
        var status = U_ZERO_ERROR
        let code = uscript_getScript(UChar32(scalar.value), &status)
        guard ICU.succeeded(status) else { return nil }
        switch code {
        case USCRIPT_COMMON, USCRIPT_INHERITED, USCRIPT_UNKNOWN: return nil
        case USCRIPT_LATIN: return .latin
        case USCRIPT_CYRILLIC: return .cyrillic
        case USCRIPT_GREEK: return .greek
        case USCRIPT_ARABIC: return .arabic
        case USCRIPT_HEBREW: return .hebrew
        case USCRIPT_HAN: return .han
        default: return .other
        }
    }
}
