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
    public static func isWhitespace(_ unit: UInt16) -> Bool {
        unit < 0x80 ? (unit == 0x20 || (0x09...0x0D).contains(unit))
            : unit < Table.limit ? Table.has(.whitespace, unit) : u_isUWhiteSpace(UChar32(unit)) != 0
    }
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x1_0000 ? isWhitespace(UInt16(scalar.value)) : u_isUWhiteSpace(UChar32(scalar.value)) != 0
    }
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isUppercase(scalar) || isLowercase(scalar)
            : scalar.value < Table.limit ? Table.has(.letter, scalar.value) : u_isUAlphabetic(UChar32(scalar.value)) != 0
    }
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar)
            : scalar.value < Table.limit ? Table.has(.uppercase, scalar.value) : u_isUUppercase(UChar32(scalar.value)) != 0
    }
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar)
            : scalar.value < Table.limit ? Table.has(.lowercase, scalar.value) : u_isULowercase(UChar32(scalar.value)) != 0
    }
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar)
            : scalar.value < Table.limit ? Table.has(.digit, scalar.value) : u_isdigit(UChar32(scalar.value)) != 0
    }

    /// ICU's answers for the code points below `limit`, one entry each: the property bits, and the script
    /// (`Script.allCases` index + 1; 0 for none) in the bits above them.
    private enum Table {
        static let limit: UInt32 = 0x800

        struct Property: OptionSet {
            let rawValue: UInt16
            static let whitespace = Property(rawValue: 1 << 0)
            static let letter = Property(rawValue: 1 << 1)
            static let uppercase = Property(rawValue: 1 << 2)
            static let lowercase = Property(rawValue: 1 << 3)
            static let digit = Property(rawValue: 1 << 4)
            static let format = Property(rawValue: 1 << 5)
            static let scriptShift: UInt16 = 8
        }

        static let entries: [UInt16] = (0..<limit).map { value in
            let c = UChar32(value)
            var bits: UInt16 = 0
            if u_isUWhiteSpace(c) != 0 { bits |= Property.whitespace.rawValue }
            if u_isUAlphabetic(c) != 0 { bits |= Property.letter.rawValue }
            if u_isUUppercase(c) != 0 { bits |= Property.uppercase.rawValue }
            if u_isULowercase(c) != 0 { bits |= Property.lowercase.rawValue }
            if u_isdigit(c) != 0 { bits |= Property.digit.rawValue }
            if u_charType(c) == Int8(U_FORMAT_CHAR.rawValue) { bits |= Property.format.rawValue }
            let script = Unicode.Scalar(value).flatMap(CharacterInfo.scriptFromICU)
            let index = script.flatMap { Script.allCases.firstIndex(of: $0) }.map { UInt16($0 + 1) } ?? 0
            return bits | index << Property.scriptShift
        }

        @inline(__always)
        static func has(_ property: Property, _ value: some BinaryInteger) -> Bool {
            entries[Int(value)] & property.rawValue != 0
        }

        @inline(__always)
        static func script(_ value: UInt32) -> Script? {
            let index = Int(entries[Int(value)] >> Property.scriptShift)
            return index == 0 ? nil : Script.allCases[index - 1]
        }
    }

    /// The code point of a scalar as Unicode writes it: "U+202E", "U+1F600".
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// An invisible formatting character (general category Cf: zero-width spaces and joiners,
    /// bidirectional controls, soft hyphens, word joiners, byte-order marks).
    public static func isFormatCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.value < Table.limit ? Table.has(.format, scalar.value)
            : u_charType(UChar32(scalar.value)) == Int8(U_FORMAT_CHAR.rawValue))
    }

    /// The writing system of a letter; `nil` for characters shared between scripts (digits,
    /// punctuation, combining marks).
    public static func script(of scalar: Unicode.Scalar) -> Script? {
        if scalar.isASCII { return isLetter(scalar) ? .latin : nil }
        return scalar.value < Table.limit ? Table.script(scalar.value) : scriptFromICU(scalar)
    }

    private static func scriptFromICU(_ scalar: Unicode.Scalar) -> Script? {
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
