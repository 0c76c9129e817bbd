/// A document's text held once as UTF-16, with a line index.
///
/// Everything else in mtlint refers to text by UTF-16 offset ranges into one buffer;
/// Swift `String`s are made only when a caller needs one (`string(_:)`).
public struct TextBuffer: Sendable {
    /// The text as UTF-16 code units.
    public let units: [UInt16]
    /// UTF-16 offset where each line starts (line 1 starts at 0).
    public let lineStarts: [Int]
    /// UTF-8 byte offset (in the original file) where each line starts.
    private let lineStartBytes: [Int]
    /// Every `checkpointStride` UTF-16 units, a known position, so that finding the column of an
    /// offset on a very long line does not scan the line from its start.
    private let checkpoints: [TextPosition]
    private static let checkpointStride = 4096

    /// - Parameters:
    ///   - text: the decoded text (without any byte-order mark).
    ///   - byteOffset: UTF-8 bytes that preceded `text` in its file (3 for a BOM), so that
    ///     reported byte offsets refer to the file itself.
    public init(_ text: String, byteOffset: Int = 0) {
        var starts = [0]
        var byteStarts = [byteOffset]
        var marks = [TextPosition(line: 1, column: 1, utf8Offset: byteOffset, utf16Offset: 0)]
        var text = text
        // One pass over the UTF-8 (a String's storage, always valid): each scalar's UTF-16 units (never
        // more units than bytes), and the line index with its checkpoints.
        let units = text.withUTF8 { utf8 in
            [UInt16](unsafeUninitializedCapacity: utf8.count) { out, count in
                var i = 0, column = 1
                var nextMark = Self.checkpointStride
                while i < utf8.count {
                    let (value, length) = UTF8.scalar(in: utf8, at: i)
                    i += length
                    if value >= 0x10000 {
                        out[count] = UInt16(0xD800 + ((value - 0x10000) >> 10))
                        out[count + 1] = UInt16(0xDC00 + ((value - 0x10000) & 0x3FF))
                        count += 2
                    } else {
                        out[count] = UInt16(value)
                        count += 1
                    }
                    column += 1
                    if value == 0x0A {
                        starts.append(count)
                        byteStarts.append(byteOffset + i)
                        column = 1
                    }
                    if count >= nextMark {
                        marks.append(TextPosition(line: starts.count, column: column, utf8Offset: byteOffset + i, utf16Offset: count))
                        nextMark = marks.count * Self.checkpointStride
                    }
                }
            }
        }
        self.units = units
        lineStarts = starts
        lineStartBytes = byteStarts
        checkpoints = marks
    }

    public var count: Int { units.count }
    public var lineCount: Int { lineStarts.count }

    /// The text of a UTF-16 range.
    public func string(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { String(utf16Units: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The 1-based line holding a UTF-16 offset.
    public func line(at offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The content of a 1-based line, without its line terminator (LF or CRLF).
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : units.count
        if end > start, units[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// Line, column (1-based, in Unicode scalars) and UTF-8/UTF-16 offsets of a UTF-16 offset.
    public func position(at offset: Int) -> TextPosition {
        let line = line(at: offset)
        var column = 1
        var bytes = lineStartBytes[line - 1]
        var i = lineStarts[line - 1]
        var mark = min(offset / Self.checkpointStride, checkpoints.count - 1)
        while mark > 0, checkpoints[mark].utf16Offset > offset { mark -= 1 }
        if checkpoints[mark].line == line, checkpoints[mark].utf16Offset > i {
            (column, bytes, i) = (checkpoints[mark].column, checkpoints[mark].utf8Offset, checkpoints[mark].utf16Offset)
        }
        while i < offset {
            let unit = units[i]
            if UTF16.isLeadSurrogate(unit), i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) {
                bytes += 4
                i += 2
            } else {
                bytes += unit < 0x80 ? 1 : (unit < 0x800 ? 2 : 3)
                i += 1
            }
            column += 1
        }
        return TextPosition(line: line, column: column, utf8Offset: bytes, utf16Offset: offset)
    }

    /// Whether a range holds only white space (an empty range does).
    public func isBlank(_ range: Range<Int>) -> Bool {
        range.allSatisfy { CharacterInfo.isWhitespace(units[$0]) }
    }

    /// The range with leading and trailing white space removed.
    public func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, CharacterInfo.isWhitespace(units[lower]) { lower += 1 }
        while upper > lower, CharacterInfo.isWhitespace(units[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The offset moved off the middle of a surrogate pair (to the pair's start, or with `forward`
    /// past its end), so that a range cut there does not split a character; other offsets unchanged.
    public func scalarBoundary(_ offset: Int, forward: Bool = false) -> Int {
        guard offset > 0, offset < units.count, UTF16.isLeadSurrogate(units[offset - 1]),
              UTF16.isTrailSurrogate(units[offset]) else { return offset }
        return forward ? offset + 1 : offset - 1
    }

    /// Unicode scalars of a range with their UTF-16 offsets.
    public func scalars(in range: Range<Int>) -> ScalarSequence {
        ScalarSequence(units: units, range: range)
    }
}

/// A place in a document.
public struct TextPosition: Sendable, Hashable, Comparable {
    public let line: Int
    /// 1-based, counted in Unicode scalars from the start of the line.
    public let column: Int
    public let utf8Offset: Int
    public let utf16Offset: Int

    public init(line: Int, column: Int, utf8Offset: Int, utf16Offset: Int) {
        self.line = line
        self.column = column
        self.utf8Offset = utf8Offset
        self.utf16Offset = utf16Offset
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool { a.utf16Offset < b.utf16Offset }
}

/// Iterates the Unicode scalars of a UTF-16 range, yielding each with its offset.
public struct ScalarSequence: Sequence, IteratorProtocol {
    @usableFromInline let units: [UInt16]
    @usableFromInline var index: Int
    @usableFromInline let end: Int

    init(units: [UInt16], range: Range<Int>) {
        self.units = units
        index = range.lowerBound
        end = range.upperBound
    }

    /// At least one scalar for every two units (an array of them is allocated once, not grown).
    @inlinable public var underestimatedCount: Int { (end - index + 1) / 2 }

    /// (Inlinable: rules walk texts scalar by scalar, and a call per scalar cost more than the decoding.)
    @inlinable
    public mutating func next() -> (offset: Int, scalar: Unicode.Scalar)? {
        guard index < end else { return nil }
        let offset = index
        let unit = units[index]
        if UTF16.isLeadSurrogate(unit), index + 1 < end, UTF16.isTrailSurrogate(units[index + 1]) {
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
            index += 2
            return (offset, Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        index += 1
        return (offset, Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}")
    }
}

extension UTF8 {
    /// The scalar value and length of the UTF-8 sequence at `i` of valid UTF-8 (a String's storage, or
    /// bytes decoded from one).
    @inlinable
    package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        var value: UInt32, length: Int
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: (value, length) = (lead & 0x1F, 2)
        case ..<0xF0: (value, length) = (lead & 0x0F, 3)
        default: (value, length) = (lead & 0x07, 4)
        }
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }
}

extension String {
    /// UTF-16 code units as a string, the same as `String(decoding:as: UTF16.self)` (a lone surrogate
    /// becomes U+FFFD), transcoded here into UTF-8, which the standard library takes on its fast path
    /// (UTF-16 input goes through a generic, unspecialised one).
    init(utf16Units units: UnsafeBufferPointer<UInt16>) {
        self.init(unsafeUninitializedCapacity: units.count * 3) { out in
            var o = 0, i = 0
            while i < units.count {
                var scalar = UInt32(units[i])
                i += 1
                if scalar < 0x80 {
                    out[o] = UInt8(scalar)
                    o += 1
                    continue
                }
                if scalar & 0xFC00 == 0xD800, i < units.count, units[i] & 0xFC00 == 0xDC00 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                    i += 1
                } else if scalar & 0xF800 == 0xD800 {
                    scalar = 0xFFFD
                }
                if scalar < 0x800 {
                    out[o] = UInt8(0xC0 | (scalar >> 6))
                    out[o + 1] = UInt8(0x80 | (scalar & 0x3F))
                    o += 2
                } else if scalar < 0x10000 {
                    out[o] = UInt8(0xE0 | (scalar >> 12))
                    out[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (scalar & 0x3F))
                    o += 3
                } else {
                    out[o] = UInt8(0xF0 | (scalar >> 18))
                    out[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    out[o + 3] = UInt8(0x80 | (scalar & 0x3F))
                    o += 4
                }
            }
            return o
        }
    }

    /// `init(utf16Units:)` of an array's elements.
    package init(utf16Units units: [UInt16]) {
        self = units.withUnsafeBufferPointer { String(utf16Units: $0) }
    }
}

/// A small set of UTF-16 code units, tested per unit of a text: a bit for each unit below 256 (one
/// test, no hashing), the few others in a sorted list.
public struct UnitSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline var low: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    @usableFromInline var high: [UInt16] = []
    /// The units, in ascending order.
    public private(set) var sorted: [UInt16] = []

    public init(arrayLiteral units: UInt16...) { self.init(units) }

    public init(_ units: some Sequence<UInt16>) {
        for unit in Set(units).sorted() {
            sorted.append(unit)
            switch unit >> 6 {
            case 0: low.0 |= 1 << (unit & 63)
            case 1: low.1 |= 1 << (unit & 63)
            case 2: low.2 |= 1 << (unit & 63)
            case 3: low.3 |= 1 << (unit & 63)
            default: high.append(unit)
            }
        }
    }

    @inlinable @inline(__always)
    public func contains(_ unit: UInt16) -> Bool {
        switch unit >> 6 {
        case 0: return low.0 & (1 << (unit & 63)) != 0
        case 1: return low.1 & (1 << (unit & 63)) != 0
        case 2: return low.2 & (1 << (unit & 63)) != 0
        case 3: return low.3 & (1 << (unit & 63)) != 0
        default: return high.contains(unit)
        }
    }
}
