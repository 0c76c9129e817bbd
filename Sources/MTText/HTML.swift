internal import CLibXML2

/// An HTML page read by `HTML.read`: what its parser saw, in document order, as Swift values. Each
/// piece of text keeps where it stands in the page's bytes, so that a position in the text can be
/// given in the original file.
public struct HTMLPage: Sendable {
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
}

/// A page the HTML reader refuses.
public struct HTMLError: Error, Sendable {
    public let message: String
    public let byteOffset: Int?
}

/// Reads HTML with libxml2's HTML parser through its SAX interface: no network, no DTD, no entity
/// other than HTML's own character references, the bytes taken as UTF-8 whatever the page declares
/// (the caller checks declarations), and no deeper nesting than `maximumDepth`.
public enum HTML {
    /// Deeper nesting than any real page has: a page nesting more is refused (the parser would
    /// otherwise keep a stack as deep as the input asks).
    public static let maximumDepth = 1_000

    public static func read(_ bytes: [UInt8]) throws(HTMLError) -> HTMLPage {
        if let declaration = XML.firstEntityDeclaration(bytes) {
            throw HTMLError(message: "declares an entity (<!ENTITY): refused, mtlint expands no entities", byteOffset: declaration)
        }
        if let cut = cutShort(bytes) { throw cut }
        let state = SAXState(bytes: bytes)
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let name else { return }
            state.depth += 1
            if state.depth > HTML.maximumDepth, state.error == nil {
                state.error = HTMLError(message: "nests elements more than \(HTML.maximumDepth) deep", byteOffset: Int(xmlByteConsumed(parser)))
                xmlStopParser(parser)
                return
            }
            var values: [String: String] = [:]
            var index = 0
            while let attributes, let key = attributes[index] {
                values[String(cString: key).lowercased()] = attributes[index + 1].map { String(cString: $0) } ?? ""
                index += 2
            }
            state.events.append(.start(name: String(cString: name).lowercased(), attributes: values, offset: state.tagStart(before: Int(xmlByteConsumed(parser)))))
        }
        handler.endElement = { context, name in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let name else { return }
            state.depth -= 1
            state.events.append(.end(name: String(cString: name).lowercased()))
        }
        let characters: charactersSAXFunc = { context, characters, length in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let characters, length > 0 else { return }
            state.text(Array(UnsafeBufferPointer(start: characters, count: Int(length))), end: Int(xmlByteConsumed(parser)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        // Script and style content comes as CDATA: it is not text of the page, and is dropped.
        handler.cdataBlock = { _, _, _ in }
        handler.comment = { context, value in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let value else { return }
            let end = min(max(Int(xmlByteConsumed(parser)), state.floor), state.bytes.count)
            state.events.append(.comment(String(cString: value), bytes: state.commentStart(before: end)..<end))
        }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let retained = Unmanaged.passRetained(state)
        defer { retained.release() }
        guard let parser = htmlCreatePushParserCtxt(&handler, nil, nil, 0, "page.html", XML_CHAR_ENCODING_UTF8) else {
            throw HTMLError(message: "cannot start the HTML parser", byteOffset: nil)
        }
        defer { htmlFreeParserCtxt(parser) }
        parser.pointee._private = retained.toOpaque()
        htmlCtxtUseOptions(parser, options)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) {
                _ = htmlParseChunk(parser, $0, Int32(clamping: buffer.count), 1)
            }
        }
        if let error = state.error { throw error }
        return HTMLPage(events: state.events)
    }
}

extension HTML {
    /// A page cut short, which a parser would quietly repair: it ends inside markup (a tag or a comment
    /// never closed), or it opens `<html>` and never closes it.
    static func cutShort(_ bytes: [UInt8]) -> HTMLError? {
        // Whether `marker` (ASCII; its letters in lower case) stands at `i`, letters in any case.
        func matches(_ marker: [UInt8], at i: Int) -> Bool {
            guard i >= 0, i + marker.count <= bytes.count else { return false }
            for (k, expected) in marker.enumerated() {
                let byte = bytes[i + k]
                guard byte == expected || (expected >= 0x61 && expected <= 0x7A && byte == expected - 0x20) else { return false }
            }
            return true
        }
        func last(_ marker: String) -> Int? {
            let marker = Array(marker.utf8)
            var i = bytes.count - marker.count
            while i >= 0, !matches(marker, at: i) { i -= 1 }
            return i >= 0 ? i : nil
        }
        func first(_ marker: String) -> Int? {
            let marker = Array(marker.utf8)
            var i = 0
            while i + marker.count <= bytes.count, !matches(marker, at: i) { i += 1 }
            return i + marker.count <= bytes.count ? i : nil
        }
        if let comment = last("<!--"), comment > (last("-->") ?? -1) {
            return HTMLError(message: "a comment is never closed (no -->): is the file cut short?", byteOffset: comment)
        }
        if let tag = bytes.lastIndex(of: UInt8(ascii: "<")), tag > (bytes.lastIndex(of: UInt8(ascii: ">")) ?? -1) {
            return HTMLError(message: "ends inside a tag: is the file cut short?", byteOffset: tag)
        }
        if first("<html") != nil, last("</html") == nil {
            return HTMLError(message: "opens <html> and never closes it: is the file cut short?", byteOffset: bytes.count)
        }
        return nil
    }
}

/// The parser context a SAX callback receives (its user data: the push parser passes itself).
private enum Parsers {
    static func context(_ pointer: UnsafeMutableRawPointer?) -> htmlParserCtxtPtr? {
        pointer?.assumingMemoryBound(to: htmlParserCtxt.self)
    }
}

/// What the callbacks collect; reached through the parser context's `_private`.
private final class SAXState {
    let bytes: [UInt8]
    var events: [HTMLPage.Event] = []
    var depth = 0
    var error: HTMLError?
    /// Where the previous text ended: text found before it belongs to earlier text.
    var floor = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    static func of(_ parser: htmlParserCtxtPtr) -> SAXState? {
        parser.pointee._private.map { Unmanaged<SAXState>.fromOpaque($0).takeUnretainedValue() }
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
        // Not found (the parser changed the text in a way not foreseen): the text stands for the bytes before `end`.
        let start = max(floor, end - decoded.count)
        floor = end
        events.append(.text([HTMLPage.TextPiece(bytes: start..<end, replacement: String(decoding: decoded, as: UTF8.self))]))
    }

    private func align(_ decoded: [UInt8], end: Int) -> [HTMLPage.TextPiece]? {
        var pieces: [HTMLPage.TextPiece] = []
        var i = decoded.count, j = end
        var verbatimEnd: (decoded: Int, bytes: Int)?
        func closeVerbatim() {
            if let run = verbatimEnd, run.decoded > i {
                pieces.append(HTMLPage.TextPiece(bytes: j..<run.bytes, replacement: nil))
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
                pieces.append(HTMLPage.TextPiece(bytes: ampersand..<j, replacement: String(decoding: decoded[start..<i], as: UTF8.self)))
                i = start
                j = ampersand
            } else if bytes[j - 1] == 0x0D {
                pieces.append(HTMLPage.TextPiece(bytes: (j - 1)..<j, replacement: ""))
                j -= 1
            } else {
                return nil
            }
        }
        closeVerbatim()
        return pieces.reversed()
    }
}
