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
/// ASCII is answered inline; everything else asks ICU.
public enum CharacterInfo {
    public static func isWhitespace(_ unit: UInt16) -> Bool {
        unit < 0x80 ? (unit == 0x20 || (0x09...0x0D).contains(unit)) : u_isUWhiteSpace(UChar32(unit)) != 0
    }
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isWhitespace(UInt16(scalar.value)) : u_isUWhiteSpace(UChar32(scalar.value)) != 0
    }
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isUppercase(scalar) || isLowercase(scalar) : u_isUAlphabetic(UChar32(scalar.value)) != 0
    }
    public static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : u_isUUppercase(UChar32(scalar.value)) != 0
    }
    public static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : u_isULowercase(UChar32(scalar.value)) != 0
    }
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : u_isdigit(UChar32(scalar.value)) != 0
    }

    /// The code point of a scalar as Unicode writes it: "U+202E", "U+1F600".
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// An invisible formatting character (general category Cf: zero-width spaces and joiners,
    /// bidirectional controls, soft hyphens, word joiners, byte-order marks).
    public static func isFormatCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && u_charType(UChar32(scalar.value)) == Int8(U_FORMAT_CHAR.rawValue)
    }

    /// The writing system of a letter; `nil` for characters shared between scripts (digits,
    /// punctuation, combining marks).
    public static func script(of scalar: Unicode.Scalar) -> Script? {
        if scalar.isASCII { return isLetter(scalar) ? .latin : nil }
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
