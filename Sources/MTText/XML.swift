internal import CLibXML2

/// An element of an XML document read by `XML.parse`: Swift values only, no libxml2 type.
public struct XMLElement: Sendable {
    /// The local name ("termEntry"; a namespace prefix is dropped).
    public let name: String
    /// Attributes by name; `xml:lang` keeps its prefix.
    public let attributes: [String: String]
    public let children: [XMLNode]
    /// 1-based line of the start tag.
    public let line: Int

    /// The text of the element and all its descendants, in order.
    public var text: String {
        children.map { child in
            switch child {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }

    /// Child elements.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Descendants named `name`, in document order (not below a match).
    public func descendants(named names: Set<String>) -> [XMLElement] {
        elements.flatMap { names.contains($0.name) ? [$0] : $0.descendants(named: names) }
    }
}

public enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}

/// XML that is refused: not well-formed, or declaring entities.
public struct XMLError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let line: Int?
    public let column: Int?
    public let byteOffset: Int?

    public var description: String {
        if let byteOffset { return "\(message) at byte offset \(byteOffset)" }
        if let line { return "line \(line)\(column.map { ", column \($0)" } ?? ""): \(message)" }
        return message
    }
}

/// A safe XML reader (libxml2): no DTD or other file is loaded, nothing is fetched from the network,
/// and a document that declares entities is refused before it is parsed, so that neither an external
/// entity (a file of the machine) nor nested entities ("billion laughs") are ever expanded.
public enum XML {
    public static func parse(_ bytes: [UInt8]) throws(XMLError) -> XMLElement {
        if let declaration = firstEntityDeclaration(bytes) {
            throw XMLError(
                message: "declares an XML entity (<!ENTITY): refused, mtlint expands no entities", line: nil, column: nil,
                byteOffset: declaration)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        xmlResetLastError()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) {
                xmlReadMemory($0, Int32(clamping: buffer.count), "input.xml", nil, options)
            }
        }
        guard let document else {
            let error = xmlGetLastError()
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmingWhitespace() ?? "not well-formed XML"
            throw XMLError(message: "not well-formed XML: \(message)", line: error.map { Int($0.pointee.line) },
                           column: error.map { Int($0.pointee.int2) }, byteOffset: nil)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLError(message: "has no root element", line: nil, column: nil, byteOffset: nil)
        }
        return element(root)
    }

    /// The offset of the first `<!ENTITY`, if any.
    static func firstEntityDeclaration(_ bytes: [UInt8]) -> Int? {
        let marker = Array("<!ENTITY".utf8)
        guard bytes.count >= marker.count else { return nil }
        var index = 0
        while let start = bytes[index...].firstIndex(of: marker[0]) {
            if bytes[start...].starts(with: marker) { return start }
            index = start + 1
        }
        return nil
    }

    private static func element(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let prefix = current.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            attributes[prefix.map { "\($0):\(name)" } ?? name] = value
            attribute = current.pointee.next
        }
        var children: [XMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(.element(element(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(String(cString: content))) }
            default: break
            }
            child = current.pointee.next
        }
        return XMLElement(name: String(cString: node.pointee.name), attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}

extension XML {
    /// Deeper nesting than any real bilingual file has (libxml2 itself stops at 256 without its "huge" option).
    public static let maximumDepth = 1_000

    /// Reads XML through libxml2's SAX interface, as events with the byte offsets of their text (see
    /// `MarkupPage`): no network, no DTD loaded, no entity declared (refused before parsing, as by
    /// `parse`), the bytes taken as UTF-8 whatever the declaration says (the caller checks it), and the
    /// parser's own limits on text and attribute sizes kept. Element and attribute names are local names
    /// ("xml:lang" keeps its prefix). A document that is not well-formed is refused with the line and column
    /// where the parser stopped.
    public static func read(_ bytes: [UInt8]) throws(XMLError) -> MarkupPage {
        if let declaration = firstEntityDeclaration(bytes) {
            throw XMLError(message: "declares an XML entity (<!ENTITY): refused, mtlint expands no entities", line: nil, column: nil,
                           byteOffset: declaration)
        }
        let state = SAXState(bytes: bytes)
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, localName, _, _, _, _, count, _, attributes in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let localName else { return }
            guard state.enter(parser, maximumDepth: XML.maximumDepth) else { return }
            var values: [String: String] = [:]
            if let attributes {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                for index in 0..<Int(count) {
                    let base = index * 5
                    guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else { continue }
                    let key = attributes[base + 1].map { String(cString: $0) + ":" } ?? ""
                    values[key + String(cString: name)] = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                }
            }
            state.events.append(.start(name: String(cString: localName), attributes: values, offset: state.tagStart(before: Int(xmlByteConsumed(parser)))))
        }
        handler.endElementNs = { context, localName, _, _ in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let localName else { return }
            state.depth -= 1
            state.events.append(.end(name: String(cString: localName)))
        }
        let characters: charactersSAXFunc = { context, characters, length in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let characters, length > 0 else { return }
            state.text(Array(UnsafeBufferPointer(start: characters, count: Int(length))), end: Int(xmlByteConsumed(parser)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = { context, characters, length in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let characters, length > 0 else { return }
            state.cdata(Array(UnsafeBufferPointer(start: characters, count: Int(length))), end: Int(xmlByteConsumed(parser)))
        }
        handler.comment = { context, value in
            guard let parser = Parsers.context(context), let state = SAXState.of(parser), let value else { return }
            let end = min(max(Int(xmlByteConsumed(parser)), state.floor), state.bytes.count)
            state.events.append(.comment(String(cString: value), bytes: state.commentStart(before: end)..<end))
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        let retained = Unmanaged.passRetained(state)
        defer { retained.release() }
        guard let parser = xmlCreatePushParserCtxt(&handler, nil, nil, 0, "input.xml") else {
            throw XMLError(message: "cannot start the XML parser", line: nil, column: nil, byteOffset: nil)
        }
        defer { xmlFreeParserCtxt(parser) }
        parser.pointee._private = retained.toOpaque()
        xmlCtxtUseOptions(parser, options)
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) {
                xmlParseChunk(parser, $0, Int32(clamping: buffer.count), 1)
            }
        }
        if let error = state.error { throw XMLError(message: error.message, line: nil, column: nil, byteOffset: error.byteOffset) }
        if status != 0 || parser.pointee.wellFormed == 0 {
            let error = xmlCtxtGetLastError(parser)
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmingWhitespace() ?? "not well-formed"
            throw XMLError(message: "not well-formed XML: \(message)", line: error.map { Int($0.pointee.line) },
                           column: error.map { Int($0.pointee.int2) }, byteOffset: nil)
        }
        return MarkupPage(events: state.events)
    }

    /// The encoding an XML declaration names (`<?xml version="1.0" encoding="…"?>`), if any.
    public static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)), let close = bytes.prefix(300).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = Array(bytes[..<close]), key = Array("encoding".utf8)
        guard let at = (0..<max(0, declaration.count - key.count)).first(where: { declaration[$0...].starts(with: key) }) else { return nil }
        let rest = declaration[(at + key.count)...].drop { $0 == 0x20 || $0 == UInt8(ascii: "=") || $0 == 0x09 }
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        return String(decoding: rest.dropFirst().prefix { $0 != quote }, as: UTF8.self)
    }
}
