internal import CStemmer
import Synchronization

/// A Snowball stemmer (libstemmer) with a per-word cache. Words repeat within and across
/// documents, so most calls hit the cache; the C stemmer is not thread-safe and is used under a lock.
public final class Stemmer: Sendable {
    /// Snowball's algorithm name, e.g. `russian`.
    public let algorithm: String
    private let state: Mutex<State>

    private struct State: ~Copyable {
        let handle: OpaquePointer
        var cache = BoundedCache<UTF8Key, String>()
        deinit { sb_stemmer_delete(handle) }
    }

    private static let instances = ProcessCache<String, Stemmer?>()

    /// The shared stemmer for a Snowball algorithm, opened on first use; `nil` if libstemmer lacks it.
    public static func shared(_ algorithm: String) -> Stemmer? {
        instances.value(for: algorithm) { Stemmer(algorithm: algorithm) }
    }

    private init?(algorithm: String) {
        guard let handle = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        self.algorithm = algorithm
        state = Mutex(State(handle: handle))
    }

    /// The stem of a lower-cased word, kept in the cache unless `caching` is false.
    public func stem(_ word: String, caching: Bool = true) -> String {
        state.withLock { state in
            if caching, let cached = state.cache[UTF8Key(word)] { return cached }
            var word = word
            let result: String = word.withUTF8 { buffer in
                guard let out = sb_stemmer_stem(state.handle, buffer.baseAddress, Int32(buffer.count)) else { return String(decoding: buffer, as: UTF8.self) }
                let length = Int(sb_stemmer_length(state.handle))
                return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
            }
            if caching { state.cache.insert(result, for: UTF8Key(word)) }
            return result
        }
    }
}
