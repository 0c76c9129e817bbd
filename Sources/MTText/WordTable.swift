import Synchronization

/// A word form interned in its language's `WordTable`: its number, the form as written, its NFKC_Casefold
/// key, its stem and whether it is a function word, worked out once for every occurrence of the form. One
/// object per form, shared by its occurrences (a copy is one reference, not three strings); equal when the
/// number is.
public final class WordKey: Sendable, Hashable {
    /// The form's number: the same for every occurrence of the form (as written) in a document, never
    /// given to another form of any language in the process. Memos of per-word results are keyed by it.
    public let id: Int
    /// The word as written.
    public let text: String
    /// Its NFKC_Casefold key (`Normalizer.foldKey`).
    public let folded: String
    /// The stem of `folded` (`Language.stemOfFoldKey`).
    public let stem: String
    /// Whether it is a function word of its language (`Language.isStopword`).
    public let isStopword: Bool

    init(id: Int, text: String, folded: String, stem: String, isStopword: Bool) {
        (self.id, self.text, self.folded, self.stem, self.isStopword) = (id, text, folded, stem, isStopword)
    }

    public static func == (a: WordKey, b: WordKey) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// The word forms of one language met in the process, each with an integer id and its analyses
/// (`WordKey`), so that a word repeated across the documents of a stream is folded and stemmed once
/// and compared by its id.
///
/// Bounded: two generations of at most `capacity` forms; when the newer is full at the start of a
/// lookup, the older is dropped (a form still in use is carried over when met again, with its id). The
/// forms of one lookup (a document's words) are interned together, under one lock, so the same text
/// gets the same id throughout a document, however many forms it has.
public final class WordTable: Sendable {
    public let language: Language
    public let capacity: Int
    private let state = Mutex(State())

    private struct Entry: Sendable {
        let units: [UInt16]
        let key: WordKey
    }

    /// Forms by the hash of their UTF-16 units (a list: two forms may share a hash).
    private struct State: Sendable {
        var current: [Int: [Entry]] = [:]
        var previous: [Int: [Entry]] = [:]
        var count = 0
    }

    /// The next form's number, shared by the tables of all languages.
    private static let nextID = Atomic<Int>(0)

    private static let tables = ProcessCache<String, WordTable>()

    /// The process's table of a language's word forms.
    public static func of(_ language: Language) -> WordTable {
        tables.value(for: language.code) { WordTable(language: language) }
    }

    init(language: Language, capacity: Int = 4_096) {
        self.language = language
        self.capacity = capacity
    }

    /// The interned forms of the words at `ranges` of `buffer`, in order.
    public func keys(_ buffer: TextBuffer, _ ranges: [Range<Int>]) -> [WordKey] {
        var keys: [WordKey] = []
        keys.reserveCapacity(ranges.count)
        buffer.units.withUnsafeBufferPointer { units in
            state.withLock { state in
                if state.count >= capacity {
                    state.previous = state.current
                    state.current = [:]
                    state.count = 0
                }
                for range in ranges {
                    let form = UnsafeBufferPointer(rebasing: units[range])
                    // Hashed with the process's seed (SipHash): words crafted to collide cannot make lookups quadratic.
                    var hasher = Hasher()
                    hasher.combine(bytes: UnsafeRawBufferPointer(form))
                    let key = hasher.finalize()
                    // (By index: an entry found is not copied, only its key.)
                    if let list = state.current[key], let index = list.firstIndex(where: { Self.same($0.units, form) }) {
                        keys.append(list[index].key)
                        continue
                    }
                    let entry = state.previous[key]?.first(where: { Self.same($0.units, form) }) ?? makeEntry(form, buffer, range)
                    state.current[key, default: []].append(entry)
                    state.count += 1
                    keys.append(entry.key)
                }
            }
        }
        return keys
    }

    private static func same(_ units: [UInt16], _ form: UnsafeBufferPointer<UInt16>) -> Bool {
        units.count == form.count && units.withUnsafeBufferPointer { units in
            var i = 0
            while i < form.count, units[i] == form[i] { i += 1 }
            return i == form.count
        }
    }

    private func makeEntry(_ form: UnsafeBufferPointer<UInt16>, _ buffer: TextBuffer, _ range: Range<Int>) -> Entry {
        let folded = Normalizer.foldKey(buffer, range)
        let id = Self.nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        return Entry(units: Array(form), key: WordKey(id: id, text: buffer.string(range), folded: folded, stem: language.stemOfFoldKey(folded),
                                                         isStopword: language.isStopword(folded)))
    }
}

/// Results about single words kept for the life of the process, by interned form (`WordKey.id`): what a
/// rule works out from a word's text alone is worked out once per form, not once per occurrence. Bounded
/// (`FormCache`). A form's id names its language too: a memo may hold forms of several languages.
/// Inlinable, to be specialised for each rule's values.
public final class WordMemo<Value: Sendable>: Sendable {
    @usableFromInline let cache: Mutex<FormCache<Value>>

    public init(capacity: Int = 4_096) {
        cache = Mutex(FormCache(capacity: capacity))
    }

    /// The value for a form, made by `make` (outside the lock) the first time it is asked for.
    @inlinable public func value(for key: WordKey, _ make: () -> Value) -> Value {
        if let known = cache.withLock({ $0[key.id] }) { return known }
        let value = make()
        cache.withLock { $0[key.id] = value }
        return value
    }

    /// The values for the forms of a run of words (a block's), looked up under one lock; those not known
    /// are made by `make` with their index (outside the lock) and kept.
    @inlinable public func values<Keys: RandomAccessCollection>(for keys: Keys, _ make: (Int) -> Value) -> [Value]
        where Keys.Element == WordKey, Keys.Index == Int {
        var known = cache.withLock { cache in keys.map { cache[$0.id] } }
        var made: [Int] = []
        for index in keys.indices where known[index] == nil {
            known[index] = make(index)
            made.append(index)
        }
        if !made.isEmpty {
            cache.withLock { cache in
                for index in made { cache[keys[index].id] = known[index] }
            }
        }
        return known.map { $0! }
    }
}
