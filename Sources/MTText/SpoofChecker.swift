internal import CICU
import Synchronization

/// ICU's spoof checker, set to flag identifiers that mix scripts no single writing system
/// combines (Latin with Cyrillic, say), while allowing e.g. Latin with Han.
public final class SpoofChecker: Sendable {
    public static let shared = SpoofChecker()

    private let checker: Mutex<Handle>

    private struct Handle: ~Copyable {
        let pointer: OpaquePointer
        deinit { uspoof_close(pointer) }
    }

    private init() {
        var status = U_ZERO_ERROR
        guard let pointer = uspoof_open(&status), ICU.succeeded(status) else {
            preconditionFailure("ICU spoof checker: \(ICU.errorName(status))")
        }
        uspoof_setChecks(pointer, Int32(USPOOF_RESTRICTION_LEVEL.rawValue | USPOOF_MIXED_SCRIPT_CONFUSABLE.rawValue), &status)
        uspoof_setRestrictionLevel(pointer, USPOOF_HIGHLY_RESTRICTIVE)
        checker = Mutex(Handle(pointer: pointer))
    }

    /// The confusable skeleton of a text (Unicode's confusables data through ICU): look-alikes map to
    /// one form, so "։" (Armenian full stop) and "∶" (ratio) read as ":".
    public func skeleton(_ text: String) -> String {
        let units = Array(text.utf16)
        return checker.withLock { handle in
            ICU.withGrowingBuffer(initialCapacity: units.count * 2 + 4) { buffer, capacity, status in
                uspoof_getSkeleton(handle.pointer, 0, units, Int32(units.count), buffer, capacity, &status)
            }.map { String(decoding: $0, as: UTF16.self) } ?? text
        }
    }

    /// Whether a word mixes scripts in a way ICU considers suspicious.
    public func isSuspicious(_ buffer: TextBuffer, _ range: Range<Int>) -> Bool {
        checker.withLock { handle in
            buffer.units.withUnsafeBufferPointer { units in
                var status = U_ZERO_ERROR
                let result = uspoof_check2(handle.pointer, units.baseAddress! + range.lowerBound, Int32(range.count), nil, &status)
                return ICU.succeeded(status) && result != 0
            }
        }
    }
}
