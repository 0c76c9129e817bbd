internal import CICU
import Synchronization

/// An ICU transliterator with a per-token cache. Meant for name-like tokens only: a
/// document's names repeat, so most lookups hit the cache.
public final class Transliterator: Sendable {
    /// The transform this instance applies, e.g. `Russian-Latin/BGN; Latin-ASCII`.
    public let id: String
    private let state: Mutex<State>

    private struct State: ~Copyable {
        let handle: UnsafeMutablePointer<UTransliterator?>
        var cache = BoundedCache<UTF8Key, String>()
        deinit { utrans_close(handle) }
    }

    private static let instances = ProcessCache<String, Transliterator?>()

    /// The shared transliterator for an ICU transform id, or `nil` if ICU does not know it.
    public static func shared(_ id: String) -> Transliterator? {
        instances.value(for: id) { Transliterator(id: id) }
    }

    private init?(id: String) {
        let units = Array(id.utf16)
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let handle = units.withUnsafeBufferPointer {
            utrans_openU($0.baseAddress, Int32($0.count), UTRANS_FORWARD, nil, 0, &parseError, &status)
        }
        guard let handle, ICU.succeeded(status) else { return nil }
        self.id = id
        state = Mutex(State(handle: handle))
    }

    /// The transliteration of `text`; `text` itself if ICU fails.
    public func transliterate(_ text: String) -> String {
        state.withLock { state in
            if let cached = state.cache[UTF8Key(text)] { return cached }
            let result = Self.run(state.handle, text) ?? text
            state.cache.insert(result, for: UTF8Key(text))
            return result
        }
    }

    private static func run(_ handle: UnsafeMutablePointer<UTransliterator?>, _ text: String) -> String? {
        let source = Array(text.utf16)
        var capacity = source.count * 4 + 16
        for _ in 0..<2 {
            var buffer = source + [UInt16](repeating: 0, count: capacity - source.count)
            var length = Int32(source.count)
            var limit = length
            var status = U_ZERO_ERROR
            buffer.withUnsafeMutableBufferPointer {
                utrans_transUChars(handle, $0.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = Int(length) + 16
                continue
            }
            guard ICU.succeeded(status) else { return nil }
            return buffer.withUnsafeBufferPointer { String(utf16Units: UnsafeBufferPointer(rebasing: $0[0..<Int(length)])) }
        }
        return nil
    }
}
