@_implementationOnly import CICU

/// NFKC_Casefold keys: the form in which mtlint compares words ("Ⅻ" = "xii", "ß" = "ss").
public enum Normalizer {
    /// The NFKC_Casefold form of a UTF-16 range.
    public static func foldKey(_ buffer: TextBuffer, _ range: Range<Int>) -> String {
        buffer.units[range].withContiguousStorageIfAvailable { fold($0) } ?? fold(Array(buffer.units[range]))
    }

    /// The NFKC_Casefold form of a string.
    public static func foldKey(_ text: String) -> String {
        fold(Array(text.utf16))
    }

    private static func fold<C: Collection>(_ units: C) -> String where C.Element == UInt16 {
        let source = Array(units)
        if source.isEmpty { return "" }
        var status = U_ZERO_ERROR
        guard let normalizer = unorm2_getNFKCCasefoldInstance(&status), ICU.succeeded(status) else {
            preconditionFailure("ICU NFKC_Casefold data: \(ICU.errorName(status))")
        }
        let result = source.withUnsafeBufferPointer { src in
            ICU.withGrowingBuffer(initialCapacity: source.count + 8) { dest, capacity, status in
                unorm2_normalize(normalizer, src.baseAddress, Int32(src.count), dest, capacity, &status)
            }
        }
        return String(decoding: result ?? source, as: UTF16.self)
    }
}
