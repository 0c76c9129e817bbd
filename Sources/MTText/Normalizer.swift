internal import CICU

/// NFKC_Casefold keys: the form in which mtlint compares words ("Ⅻ" = "xii", "ß" = "ss").
public enum Normalizer {
    /// The NFKC_Casefold form of a UTF-16 range.
    public static func foldKey(_ buffer: TextBuffer, _ range: Range<Int>) -> String {
        fold(buffer.units[range])
    }

    /// The NFKC_Casefold form of a string.
    public static func foldKey(_ text: String) -> String {
        // ASCII (most keys of a Latin-script language): lower-cased from its bytes, without a copy in UTF-16.
        // (One scan of the bytes in place: whether all are ASCII, and whether any is a capital.)
        var text = text
        let capitals: Bool? = text.withUTF8 { bytes in
            var capitals = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                capitals = capitals || (0x41...0x5A).contains(byte)
            }
            return capitals
        }
        switch capitals {
        case false?: return text
        case true?: return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        case nil: return fold(Array(text.utf16)[...])
        }
    }

    /// The fold key without abbreviation periods: "U.S" (a word token) and "U.S." (a table entry)
    /// both give "us", "сент." gives "сент".
    public static func bareKey(_ text: String) -> String {
        foldKey(text).filter { $0 != "." }
    }

    private static func fold(_ units: ArraySlice<UInt16>) -> String {
        if units.allSatisfy({ $0 < 0x80 }) {
            // ASCII: NFKC_Casefold is lower-casing.
            let lowered = units.map { (0x41...0x5A).contains($0) ? UInt8($0 + 0x20) : UInt8($0) }
            return String(decoding: lowered, as: UTF8.self)
        }
        let source = Array(units)
        var status = U_ZERO_ERROR
        guard let normalizer = unorm2_getNFKCCasefoldInstance(&status), ICU.succeeded(status) else {
            preconditionFailure("ICU NFKC_Casefold data: \(ICU.errorName(status))")
        }
        let result = source.withUnsafeBufferPointer { src in
            ICU.withGrowingBuffer(initialCapacity: source.count + 8) { dest, capacity, status in
                unorm2_normalize(normalizer, src.baseAddress, Int32(src.count), dest, capacity, &status)
            }
        }
        return String(utf16Units: result ?? source)
    }
}
