import Synchronization

/// Values built once per key and kept for the life of the process: ICU and C-library handles,
/// knowledge tables. Each key's value is built once, under that key's own lock: threads that ask for
/// the same key at once wait for one build instead of each doing it (`make` must not ask for its own key).
public final class ProcessCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    @usableFromInline let storage = Mutex<[Key: Lazy<Value>]>([:])

    public init() {}

    /// The value for `key`, made by the first caller. Only callers of the same key wait for it: two
    /// keys (two dictionaries) can be made at the same time on two threads.
    @inlinable public func value(for key: Key, _ make: @escaping @Sendable () -> Value) -> Value {
        let cell = storage.withLock { storage in
            if let existing = storage[key] { return existing }
            let cell = Lazy(make)
            storage[key] = cell
            return cell
        }
        return cell.value
    }
}

/// A value computed on first use, once, and shared by the copies of the struct that holds it
/// (so a `Sendable` struct can defer an expensive part that not every caller needs).
public final class Lazy<Value: Sendable>: Sendable {
    @usableFromInline let make: @Sendable () -> Value
    @usableFromInline let state = Mutex<Value?>(nil)

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    @inlinable public var value: Value {
        state.withLock { state in
            if let value = state { return value }
            let value = make()
            state = value
            return value
        }
    }
}

/// A memo of bounded size for per-word results (stems, spellings, transliterations): two generations
/// of at most `capacity` entries each; when the newer one fills up, the older is dropped. Entries still
/// in use are found in the older generation and carried over, so memory stays flat over a stream of
/// millions of distinct words while the words of the current documents stay cached. Inlinable, so that each
/// module's caches are specialised for their types (a generic call per lookup costs more than the lookup).
public struct BoundedCache<Key: Hashable, Value> {
    public let capacity: Int
    @usableFromInline var current: [Key: Value] = [:]
    @usableFromInline var previous: [Key: Value] = [:]

    public init(capacity: Int = 4_096) { self.capacity = capacity }

    public var count: Int { current.count + previous.count }

    /// Setting a value inserts it (setting nil does nothing: entries leave only with their generation).
    @inlinable public subscript(key: Key) -> Value? {
        mutating get {
            if let value = current[key] { return value }
            guard let value = previous[key] else { return nil }
            insert(value, for: key)
            return value
        }
        set {
            if let newValue { insert(newValue, for: key) }
        }
    }

    @inlinable public mutating func insert(_ value: Value, for key: Key) {
        if current.count >= capacity {
            previous = current
            current = [:]
        }
        current[key] = value
    }
}

extension BoundedCache: Sendable where Key: Sendable, Value: Sendable {}

/// A memo of bounded size for results about word forms, by their number (`WordKey.id`): a form's slot
/// is its number modulo the capacity (a power of two), so a lookup is one index and one comparison, no
/// hashing. Numbers are given in sequence, so the forms met last (at most `capacity` of them) have slots
/// of their own; a form whose slot another has taken since is worked out again, which a memo of results
/// that depend on the form alone allows. Memory is the slots', allocated at the first insertion: flat
/// however long the stream. Inlinable, so that each module's memos are specialised for their types.
public struct FormCache<Value> {
    @usableFromInline var ids: [Int] = []
    @usableFromInline var values: [Value?] = []
    public let capacity: Int

    /// - Parameter capacity: rounded up to a power of two.
    public init(capacity: Int = 4_096) {
        var size = 1
        while size < capacity { size <<= 1 }
        self.capacity = size
    }

    /// Setting a value replaces the slot's (setting nil does nothing).
    @inlinable public subscript(id: Int) -> Value? {
        get {
            guard !ids.isEmpty else { return nil }
            let slot = id & (capacity - 1)
            return ids[slot] == id ? values[slot] : nil
        }
        set {
            guard let newValue else { return }
            if ids.isEmpty {
                ids = Array(repeating: -1, count: capacity)
                values = Array(repeating: nil, count: capacity)
            }
            let slot = id & (capacity - 1)
            ids[slot] = id
            values[slot] = newValue
        }
    }
}

extension FormCache: Sendable where Value: Sendable {}
