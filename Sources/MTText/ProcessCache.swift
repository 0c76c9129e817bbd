import Synchronization

/// Values built once per key and kept for the life of the process: ICU and C-library handles,
/// knowledge tables. The value is built under the lock, so threads that ask for the same key at
/// once wait for one build instead of each doing it (`make` must not use the same cache).
public final class ProcessCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])

    public init() {}

    public func value(for key: Key, _ make: () -> Value) -> Value {
        storage.withLock { storage in
            if let existing = storage[key] { return existing }
            let made = make()
            storage[key] = made
            return made
        }
    }
}

/// A value computed on first use, once, and shared by the copies of the struct that holds it
/// (so a `Sendable` struct can defer an expensive part that not every caller needs).
public final class Lazy<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let state = Mutex<Value?>(nil)

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    public var value: Value {
        state.withLock { state in
            if let value = state { return value }
            let value = make()
            state = value
            return value
        }
    }
}
