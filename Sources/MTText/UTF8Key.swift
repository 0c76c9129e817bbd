#if canImport(Glibc)
import Glibc
#endif

/// A string as a dictionary key, compared and hashed by its UTF-8 bytes. Swift hashes and compares
/// text outside ASCII through its canonical normalization, which costs more than most lookups it
/// serves; this key is for caches of what a function computes from a string's exact bytes (a
/// dictionary lookup, a transliteration, a stem) and for text already in one normal form (fold keys).
public struct UTF8Key: Hashable, Sendable {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var (x, y) = (a.string, b.string)
        return x.withUTF8 { x in y.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    public func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
