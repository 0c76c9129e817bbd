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
