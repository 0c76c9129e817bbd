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
