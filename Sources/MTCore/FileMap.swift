import MTText

/// Where the text of a document taken from a file in another format stands in that file: for each
/// UTF-16 unit of the document's buffer, the UTF-16 offsets in the file where the character it
/// belongs to starts and ends (a character reference, "&amp;", is one character of the text and
/// several of the file). Text the reader added (a line break between paragraphs) stands where the
/// text next to it does.
public struct FileMap: Sendable {
    /// The file's own text, for lines, columns and byte offsets.
    public let file: TextBuffer
    let starts: [Int32]
    let ends: [Int32]

    public init(file: TextBuffer, starts: [Int32], ends: [Int32]) {
        precondition(starts.count == ends.count, "one start and one end per unit")
        self.file = file
        self.starts = starts
        self.ends = ends
    }

    /// The position in the file of a buffer offset: where the character at it starts, or (`end`) where
    /// the character before it ends.
    public func position(at offset: Int, end: Bool) -> TextPosition {
        let unit: Int32
        if end, offset > 0, offset <= ends.count {
            unit = ends[offset - 1]
        } else if offset < starts.count {
            unit = starts[offset]
        } else {
            unit = ends.last ?? 0
        }
        return file.position(at: Int(unit))
    }
}

/// The text of a page or Markdown article, where it stands in its file, and the stretches of it each
/// `<figure>` holds (a figure's caption pairs only with text of its figure).
public struct MarkupText: Sendable {
    public let text: String
    public let map: FileMap
    /// UTF-16 ranges of the text, one per figure.
    public let figures: [Range<Int>]
}

/// Text taken from a file in another format as it is built (an HTML page's, a bilingual XML file's
/// segments), with the file offsets (UTF-16) of each of its units.
struct FileTextBuilder {
    let bytes: [UInt8]
    /// The text (UTF-16), and for each unit where its character starts and ends in the page.
    var units: [UInt16] = []
    var starts: [Int32] = [], ends: [Int32] = []
    /// A break to write before the next text: 1 a line break, 2 a paragraph break.
    private var pendingBreak = 0
    /// White space seen since the last text (collapsed to one space before the next): where the first of it
    /// starts and ends in the page (a space of a replacement stands for the bytes the replacement stands for).
    private var pendingSpace: (start: Int32, end: Int32)?
    /// A byte offset of the page and its UTF-16 offset (moved forward or back from the last one asked).
    private var byte = 0, pageUnit: Int32 = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func lineBreak() { pendingBreak = max(pendingBreak, 1); pendingSpace = nil }
    mutating func paragraphBreak() { pendingBreak = 2; pendingSpace = nil }

    /// The page UTF-16 offset of a byte offset of the page.
    mutating func unit(atByte target: Int) -> Int32 {
        while byte < target {
            let lead = bytes[byte]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            pageUnit += length == 4 ? 2 : 1
            byte += length
        }
        while byte > target {
            byte -= 1
            while byte > 0, bytes[byte] & 0xC0 == 0x80 { byte -= 1 }
            pageUnit -= bytes[byte] >= 0xF0 ? 2 : 1
        }
        return pageUnit
    }

    private mutating func emit(_ scalar: Unicode.Scalar, start: Int32, end: Int32) {
        if !units.isEmpty, pendingBreak > 0 {
            for _ in 0..<pendingBreak { emitRaw("\n", start, start) }
        } else if let space = pendingSpace, !units.isEmpty, units.last != 0x0A {
            emitRaw(" ", space.start, space.end)
        }
        pendingBreak = 0
        pendingSpace = nil
        emitRaw(scalar, start, end)
    }

    private mutating func emitRaw(_ scalar: Unicode.Scalar, _ start: Int32, _ end: Int32) {
        for unit in scalar.utf16 {
            units.append(unit)
            starts.append(start)
            ends.append(end)
        }
    }

    /// Text that stands for bytes of the page as a whole (a character reference's character).
    mutating func append(_ text: String, standingFor bytes: Range<Int>, collapsing: Bool) {
        let start = unit(atByte: bytes.lowerBound), end = unit(atByte: bytes.upperBound)
        for scalar in text.unicodeScalars { add(scalar, start, end, collapsing: collapsing) }
    }

    /// The page's own bytes as text (valid UTF-8: the page was decoded), each character where it stands.
    mutating func appendPage(_ range: Range<Int>, collapsing: Bool) {
        var start = unit(atByte: range.lowerBound), i = range.lowerBound
        while i < range.upperBound {
            let (value, length) = bytes.withUnsafeBufferPointer { UTF8.scalar(in: $0, at: i) }
            let width: Int32 = length == 4 ? 2 : 1
            add(Unicode.Scalar(value) ?? "\u{FFFD}", start, start + width, collapsing: collapsing)
            start += width
            i += length
        }
        (byte, pageUnit) = (range.upperBound, start)
    }

    private mutating func add(_ scalar: Unicode.Scalar, _ start: Int32, _ end: Int32, collapsing: Bool) {
        // HTML's white space (space, tab, line feed, form feed, carriage return) collapses to one space,
        // except in <pre>, whose lines stay lines.
        if collapsing, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{0C}" || scalar == "\r" {
            if pendingSpace == nil, pendingBreak == 0 { pendingSpace = (start, end) }
        } else if scalar == "\n" {
            lineBreak()
        } else if scalar != "\r" {
            emit(scalar, start: start, end: end)
        }
    }
}
