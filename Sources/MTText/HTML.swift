internal import CLibXML2

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

    public static func read(_ bytes: [UInt8]) throws(HTMLError) -> MarkupPage {
        if let declaration = XML.firstEntityDeclaration(bytes) {
            throw HTMLError(message: "declares an entity (<!ENTITY): refused, mtlint expands no entities", byteOffset: declaration)
        }
        if let cut = cutShort(bytes) { throw cut }
        let state = SAXState(bytes: bytes)
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let name else { return }
            guard state.enter(parser, maximumDepth: HTML.maximumDepth) else { return }
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
        if let error = state.error { throw HTMLError(message: error.message, byteOffset: error.byteOffset) }
        return MarkupPage(events: state.events)
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

