internal import CCMark

/// A Markdown article the Markdown reader refuses.
public struct MarkdownError: Error, Sendable {
    public let message: String
    public let byteOffset: Int?
}

/// Reads CommonMark with cmark (source positions on), as the events of a page (`MarkupPage`) named as
/// HTML names them, so that one builder turns pages and Markdown into text: a paragraph is `p`, a heading
/// `h1`…`h6`, a list item `li`, a quotation `blockquote`, a hard line break `br`; an image's alt text is a
/// paragraph of its own and its title another (captions); code (blocks and inline), raw HTML and a YAML
/// front matter are not text. An HTML comment block stays a comment (a suppression directive). cmark gives
/// blocks their lines and columns but no place for inline text, so each text node is found forwards in
/// its block's bytes (past markup, escapes and references), keeping every character's place.
public enum Markdown {
    /// Deeper nesting (quotations, lists) than any article has: refused, as for pages.
    public static let maximumDepth = 1_000

    public static func read(_ bytes: [UInt8]) throws(MarkdownError) -> MarkupPage {
        if let declaration = XML.firstEntityDeclaration(bytes) {
            throw MarkdownError(message: "declares an entity (<!ENTITY): refused, mtlint expands no entities", byteOffset: declaration)
        }
        // The front matter's bytes blanked (line breaks kept): cmark would read it as a rule and a heading.
        var source = bytes
        if let end = frontMatterEnd(bytes) {
            for i in 0..<end where source[i] != 0x0A { source[i] = 0x20 }
        }
        // Lines as cmark counts them: a line ends at a line feed, a carriage return and line feed, or a
        // carriage return alone (old Mac files).
        var lineStarts = [0]
        for (i, byte) in source.enumerated() where byte == 0x0A || (byte == 0x0D && (i + 1 == source.count || source[i + 1] != 0x0A)) {
            lineStarts.append(i + 1)
        }
        func offset(_ line: Int32, _ column: Int32) -> Int {
            let line = Int(line), column = Int(column)
            guard line >= 1, line <= lineStarts.count else { return source.count }
            return min(source.count, lineStarts[line - 1] + max(0, column - 1))
        }
        guard let document = source.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) {
                cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
            }
        }) else { throw MarkdownError(message: "cannot be parsed as Markdown", byteOffset: nil) }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { throw MarkdownError(message: "cannot be parsed as Markdown", byteOffset: nil) }
        defer { cmark_iter_free(iterator) }

        var events: [MarkupPage.Event] = []
        var depth = 0
        // Where the next text is looked for, and the end of the block it is in.
        var cursor = 0, blockEnd = source.count
        func literal(_ node: OpaquePointer) -> [UInt8] { cmark_node_get_literal(node).map { Array(String(cString: $0).utf8) } ?? [] }
        func text(_ decoded: [UInt8]) {
            guard !decoded.isEmpty else { return }
            var start = cursor
            while start < blockEnd {
                if let (pieces, end) = MarkupPage.alignForward(decoded, in: source, from: start, to: blockEnd, backslashEscapes: true) {
                    events.append(.text(pieces))
                    cursor = end
                    return
                }
                start += 1
            }
            // Not found (cmark changed the text in a way not foreseen): it stands for where the search began.
            events.append(.text([MarkupPage.TextPiece(bytes: cursor..<min(cursor + 1, blockEnd), replacement: String(decoding: decoded, as: UTF8.self))]))
        }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node), entering = event == CMARK_EVENT_ENTER
            let start = offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node))
            let end = offset(cmark_node_get_end_line(node), cmark_node_get_end_column(node) + 1)
            switch type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST:
                let name = switch type {
                case CMARK_NODE_HEADING: "h\(cmark_node_get_heading_level(node))"
                case CMARK_NODE_ITEM: "li"
                case CMARK_NODE_BLOCK_QUOTE: "blockquote"
                case CMARK_NODE_LIST: "ul"
                default: "p"
                }
                if entering {
                    depth += 1
                    guard depth <= maximumDepth else {
                        throw MarkdownError(message: "nests quotations or lists more than \(maximumDepth) deep", byteOffset: start)
                    }
                    events.append(.start(name: name, attributes: [:], offset: start))
                    if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { (cursor, blockEnd) = (start, max(start, end)) }
                } else {
                    depth -= 1
                    events.append(.end(name: name))
                }
            case CMARK_NODE_TEXT:
                text(literal(node))
            case CMARK_NODE_SOFTBREAK:
                // The line break itself (its line feed, or a carriage return alone), as white space.
                if let end = source[cursor..<blockEnd].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                    let newline = source[end] == 0x0D && end + 1 < blockEnd && source[end + 1] == 0x0A ? end + 1 : end
                    events.append(.text([MarkupPage.TextPiece(bytes: newline..<(newline + 1), replacement: nil)]))
                    cursor = newline + 1
                }
            case CMARK_NODE_LINEBREAK:
                events.append(.start(name: "br", attributes: [:], offset: cursor))
                events.append(.end(name: "br"))
            case CMARK_NODE_IMAGE:
                // The alt text (the image's children) a paragraph of its own, the title another.
                if entering {
                    events.append(.start(name: "p", attributes: [:], offset: cursor))
                } else {
                    events.append(.end(name: "p"))
                    let title = cmark_node_get_title(node).map { Array(String(cString: $0).utf8) } ?? []
                    if !title.isEmpty {
                        events.append(.start(name: "p", attributes: [:], offset: cursor))
                        text(title)
                        events.append(.end(name: "p"))
                    }
                }
            case CMARK_NODE_HTML_BLOCK:
                let html = String(decoding: literal(node), as: UTF8.self)
                let trimmed = html.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\r" }.reversed()
                let content = String(trimmed)
                if content.hasPrefix("<!--"), content.hasSuffix("-->") {
                    events.append(.comment(String(content.dropFirst(4).dropLast(3)), bytes: start..<max(start, end)))
                }
            default:
                // Code blocks, inline code, raw HTML, thematic breaks: not text. Emphasis, links: their text counts.
                break
            }
        }
        return MarkupPage(events: events)
    }

    /// The end (in bytes) of a YAML front matter: `---` on the first line, closed by `---` or `...` on a line of its own.
    static func frontMatterEnd(_ bytes: [UInt8]) -> Int? {
        let open = Array("---".utf8)
        guard bytes.starts(with: open), bytes.count > 3, bytes[3] == 0x0A || (bytes[3] == 0x0D && bytes.count > 4 && bytes[4] == 0x0A) else { return nil }
        var lineStart = bytes[3] == 0x0A ? 4 : 5
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            if line.elementsEqual(open) || line.elementsEqual(Array("...".utf8)) { return lineEnd }
            lineStart = lineEnd + 1
        }
        return nil
    }
}
