internal import CICU
import Synchronization

/// An ICU regular expression (the syntax of ICU's `uregex`, close to Perl's and Java's), compiled once.
/// A match is bounded in time: a pattern that would backtrack for ever stops (ICU's time limit) and
/// counts as no match, so a project's pattern cannot hang a run.
public final class PatternMatcher: Sendable {
    /// The compiled expression, cloned for each search (a URegularExpression serves one thread at a time).
    private let compiled: Mutex<OpaquePointer>

    /// ICU's time limit for one search, in its steps (about a millisecond each on a current machine).
    static let timeLimit: Int32 = 2000

    /// A pattern that does not compile: ICU's error and where in the pattern (UTF-16 offset).
    public struct Invalid: Error, Sendable {
        public let message: String
        public let offset: Int
    }

    public init(_ pattern: String, ignoringCase: Bool = false) throws(Invalid) {
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let units = Array(pattern.utf16)
        let flags = ignoringCase ? UInt32(UREGEX_CASE_INSENSITIVE.rawValue) : 0
        let expression = units.withUnsafeBufferPointer { uregex_open($0.baseAddress, Int32(units.count), flags, &parseError, &status) }
        guard ICU.succeeded(status), let expression else {
            if let expression { uregex_close(expression) }
            throw Invalid(message: ICU.regexError(status), offset: Int(max(0, parseError.offset)))
        }
        compiled = Mutex(expression)
    }

    deinit { compiled.withLock { uregex_close($0) } }

    /// The ranges (UTF-16 offsets into `units`) where the pattern matches within `range`, in order;
    /// empty matches are skipped.
    public func matches(in units: [UInt16], range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        var status = U_ZERO_ERROR
        guard let expression = compiled.withLock({ uregex_clone($0, &status) }), ICU.succeeded(status) else { return [] }
        defer { uregex_close(expression) }
        uregex_setTimeLimit(expression, Self.timeLimit, &status)
        var found: [Range<Int>] = []
        units.withUnsafeBufferPointer { buffer in
            uregex_setText(expression, buffer.baseAddress! + range.lowerBound, Int32(range.count), &status)
            while ICU.succeeded(status), uregex_findNext(expression, &status) != 0, ICU.succeeded(status) {
                let start = Int(uregex_start(expression, 0, &status)), end = Int(uregex_end(expression, 0, &status))
                if end > start { found.append((range.lowerBound + start)..<(range.lowerBound + end)) }
            }
        }
        return found
    }

    public func matches(in buffer: TextBuffer, range: Range<Int>) -> [Range<Int>] { matches(in: buffer.units, range: range) }
}

extension ICU {
    /// A regular expression's compile error in words. (Outside `PatternMatcher`: a member whose
    /// signature names an ICU type would reach modules that import Foundation, whose ICU clashes.)
    static func regexError(_ status: UErrorCode) -> String {
        switch status {
        case U_REGEX_RULE_SYNTAX: "syntax error"
        case U_REGEX_MISMATCHED_PAREN: "a parenthesis is not closed or not opened"
        case U_REGEX_MISSING_CLOSE_BRACKET: "a [ is not closed"
        case U_REGEX_BAD_ESCAPE_SEQUENCE: "unknown escape sequence"
        case U_REGEX_PROPERTY_SYNTAX: "bad \\p{…} property"
        case U_REGEX_BAD_INTERVAL, U_REGEX_MAX_LT_MIN: "bad {min,max} interval"
        case U_REGEX_INVALID_RANGE: "bad range in a set"
        case U_REGEX_LOOK_BEHIND_LIMIT: "a look-behind must have a bounded length"
        default: ICU.errorName(status)
        }
    }
}
