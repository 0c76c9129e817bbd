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

    /// Computes the value with `compute` instead of the initial closure, unless it is already known:
    /// `compute` must give the same value (another way to the same result, such as on several threads).
    public func compute(with compute: () -> Value) {
        state.withLock { state in
            if state == nil { state = compute() }
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
