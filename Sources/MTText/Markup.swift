internal import CLibXML2

/// A page or XML document read by `HTML.read` or `XML.read`: what its parser saw, in document order, as Swift values. Each
/// piece of text keeps where it stands in the page's bytes, so that a position in the text can be
/// given in the original file.
public struct MarkupPage: Sendable {
    public enum Event: Sendable {
        /// A start tag (its name in lower case, its attributes) at a byte offset of the page.
        case start(name: String, attributes: [String: String], offset: Int)
        case end(name: String)
        /// Character data, decoded (character references replaced), in pieces.
        case text([TextPiece])
        /// A comment's content, and the byte range of the whole comment.
        case comment(String, bytes: Range<Int>)
    }

    /// A stretch of text and the bytes of the page it comes from: the bytes themselves (UTF-8, so a
    /// position inside it is a position in the page), or a replacement that stands for them as a whole
    /// (a character reference's character; nothing, for a carriage return the parser dropped).
    public struct TextPiece: Sendable {
        public let bytes: Range<Int>
        /// `nil`: the text is the bytes.
        public let replacement: String?
    }

    public let events: [Event]

    /// Decoded text matched forwards against `bytes` from `start` (not past `limit`): its pieces and where
    /// it ends. A character or entity reference (`&amp;`) stands for one scalar of the text, a carriage
    /// return may have been dropped, and (`backslashEscapes`, Markdown) a backslash may escape the
    /// punctuation character after it.
    static func alignForward(_ decoded: [UInt8], in bytes: [UInt8], from start: Int, to limit: Int,
                             backslashEscapes: Bool = false) -> ([TextPiece], Int)? {
        var pieces: [TextPiece] = []
        var i = 0, j = start
        var verbatimStart: Int?
        func closeVerbatim() {
            if let run = verbatimStart, j > run { pieces.append(TextPiece(bytes: run..<j, replacement: nil)) }
            verbatimStart = nil
        }
        while i < decoded.count {
            guard j < limit else { return nil }
            if bytes[j] == decoded[i] {
                if verbatimStart == nil { verbatimStart = j }
                i += 1
                j += 1
                continue
            }
            closeVerbatim()
            if bytes[j] == UInt8(ascii: "&"), let semicolon = (j + 1..<min(limit, j + 40)).first(where: { bytes[$0] == UInt8(ascii: ";") }) {
                // A character or entity reference: one scalar of the text.
                var length = 1
                while i + length < decoded.count, decoded[i + length] & 0xC0 == 0x80 { length += 1 }
                pieces.append(TextPiece(bytes: j..<(semicolon + 1), replacement: String(decoding: decoded[i..<(i + length)], as: UTF8.self)))
                i += length
                j = semicolon + 1
            } else if backslashEscapes, bytes[j] == UInt8(ascii: "\\"), j + 1 < limit, bytes[j + 1] == decoded[i] {
                pieces.append(TextPiece(bytes: j..<(j + 2), replacement: String(decoding: decoded[i..<(i + 1)], as: UTF8.self)))
                i += 1
                j += 2
            } else if bytes[j] == 0x0D {
                pieces.append(TextPiece(bytes: j..<(j + 1), replacement: ""))
                j += 1
            } else {
                return nil
            }
        }
        closeVerbatim()
        return (pieces, j)
    }
}

/// The parser context a SAX callback receives (its user data: the push parser passes itself).
enum Parsers {
    static func context(_ pointer: UnsafeMutableRawPointer?) -> htmlParserCtxtPtr? {
        pointer?.assumingMemoryBound(to: htmlParserCtxt.self)
    }
}

/// What the callbacks collect; reached through the parser context's `_private`.
final class SAXState {
    let bytes: [UInt8]
    var events: [MarkupPage.Event] = []
    var depth = 0
    var error: (message: String, byteOffset: Int?)?
    /// Where the previous text ended: text found before it belongs to earlier text.
    var floor = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func of(_ parser: htmlParserCtxtPtr) -> SAXState? {
        parser.pointee._private.map { Unmanaged<SAXState>.fromOpaque($0).takeUnretainedValue() }
    }

    /// One element deeper: false, with the error set and the parser stopped, past `maximumDepth` (the
    /// parser would otherwise keep a stack as deep as the input asks).
    func enter(_ parser: htmlParserCtxtPtr, maximumDepth: Int) -> Bool {
        depth += 1
        guard depth > maximumDepth else { return true }
        if error == nil { error = ("nests elements more than \(maximumDepth) deep", Int(xmlByteConsumed(parser))) }
        xmlStopParser(parser)
        return false
    }

    /// The `<` of the tag the parser has just read up to `end`.
    func tagStart(before end: Int) -> Int {
        var i = min(end, bytes.count) - 1
        while i > floor, bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, 0)
    }

    /// The `<!--` of the comment that ends at `end` (at most `end`, at least the end of the text before).
    func commentStart(before end: Int) -> Int {
        let marker = Array("<!--".utf8)
        var i = end - marker.count
        while i > floor, !bytes[i...].starts(with: marker) { i -= 1 }
        return max(i, floor)
    }

    /// Character data the parser reports when it has read up to about `end` (it may report a
    /// full buffer before reading the last character past it): matched backwards against the bytes,
    /// character references and dropped carriage returns as pieces of their own.
    func text(_ decoded: [UInt8], end: Int) {
        // The parser's offset, kept inside the page and after the text before.
        let end = min(max(end, floor), bytes.count)
        for candidate in end...min(end + 4, bytes.count) {
            if let pieces = align(decoded, end: candidate) {
                floor = candidate
                events.append(.text(pieces))
                return
            }
        }
        // libxml2's XML parser may report text when it has read only up to where the text starts.
        if let (pieces, textEnd) = MarkupPage.alignForward(decoded, in: bytes, from: end, to: bytes.count) {
            floor = textEnd
            events.append(.text(pieces))
            return
        }
        // Not found (the parser changed the text in a way not foreseen): the text stands for the bytes before `end`.
        let start = max(floor, end - decoded.count)
        floor = end
        events.append(.text([MarkupPage.TextPiece(bytes: start..<end, replacement: String(decoding: decoded, as: UTF8.self))]))
    }

    /// A CDATA section's content, reported when the parser has read up to about `end`: the bytes before
    /// the last `]]>` at or before `end` (the parser may report it before or after reading the delimiter).
    func cdata(_ decoded: [UInt8], end: Int) {
        let marker = Array("]]>".utf8)
        var close = min(max(end, floor), bytes.count - marker.count)
        while close > floor, !bytes[close...].starts(with: marker) { close -= 1 }
        if close >= floor, let pieces = align(decoded, end: close) {
            floor = close + marker.count
            events.append(.text(pieces))
        } else {
            text(decoded, end: end)
        }
    }

    private func align(_ decoded: [UInt8], end: Int) -> [MarkupPage.TextPiece]? {
        var pieces: [MarkupPage.TextPiece] = []
        var i = decoded.count, j = end
        var verbatimEnd: (decoded: Int, bytes: Int)?
        func closeVerbatim() {
            if let run = verbatimEnd, run.decoded > i {
                pieces.append(MarkupPage.TextPiece(bytes: j..<run.bytes, replacement: nil))
            }
            verbatimEnd = nil
        }
        while i > 0 {
            guard j > floor else { return nil }
            if bytes[j - 1] == decoded[i - 1] {
                if verbatimEnd == nil { verbatimEnd = (i, j) }
                i -= 1
                j -= 1
                continue
            }
            closeVerbatim()
            if bytes[j - 1] == UInt8(ascii: ";"), let ampersand = (max(floor, j - 40)..<(j - 1)).last(where: { bytes[$0] == UInt8(ascii: "&") }) {
                // A character reference: one scalar of the text.
                var start = i - 1
                while start > 0, decoded[start] & 0xC0 == 0x80 { start -= 1 }
                pieces.append(MarkupPage.TextPiece(bytes: ampersand..<j, replacement: String(decoding: decoded[start..<i], as: UTF8.self)))
                i = start
                j = ampersand
            } else if bytes[j - 1] == 0x0D {
                pieces.append(MarkupPage.TextPiece(bytes: (j - 1)..<j, replacement: ""))
                j -= 1
            } else {
                return nil
            }
        }
        closeVerbatim()
        return pieces.reversed()
    }
}
