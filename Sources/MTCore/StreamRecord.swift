import Foundation

/// The id of a `--stdin-jsonl` record, kept as given: a string, or an integer (written back as a
/// number). Anything else (true, 1.5, an object) is refused by decoding.
public enum RecordID: Codable, Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case integer(Int)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else {
            throw DecodingError.typeMismatch(
                RecordID.self, .init(codingPath: decoder.codingPath, debugDescription: "\"id\" must be a string or an integer"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let integer): try container.encode(integer)
        }
    }

    public var description: String {
        switch self {
        case .text(let text): text
        case .integer(let integer): String(integer)
        }
    }
}

/// One `--stdin-jsonl` record, decoded from the bytes of one valid UTF-8 line: an article
/// (`{"id","text"}`) or a segment pair (`{"id","source","target"}`); other keys are ignored.
public struct StreamRecord: Sendable {
    public let id: RecordID
    public let document: Document

    /// Why a line is not a record; `description` is the message of its error object.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) { self.description = description }
    }

    private struct Fields: Decodable {
        let id: RecordID?
        let text: String?
        let source: String?
        let target: String?
    }

    private struct IDOnly: Decodable {
        let id: RecordID?
    }

    /// - Parameter number: the line's number, the id of a record that has none ("line 7").
    public init(line bytes: [UInt8], number: Int, pair: LanguagePair = .russianEnglish) throws(Invalid) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            throw Invalid(description: "blank line (no record)")
        }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(bytes))
        } catch DecodingError.typeMismatch(let type, let context) {
            let key = context.codingPath.last?.stringValue ?? ""
            throw Invalid(description: type == RecordID.self || key == "id"
                ? "\"id\" must be a string or an integer" : "\"\(key)\" must be a string")
        } catch {
            throw Invalid(description: "not a JSON object")
        }
        id = fields.id ?? .text("line \(number)")
        if let text = fields.text {
            guard !text.allSatisfy(\.isWhitespace) else { throw Invalid(description: "\"text\" is empty") }
            document = Document(path: id.description, text: text, pair: pair)
        } else if let source = fields.source, let target = fields.target {
            document = Document(segmentID: id.description, source: source, target: target, pair: pair)
        } else {
            throw Invalid(description: "expected {\"id\",\"text\"} or {\"id\",\"source\",\"target\"} with string values")
        }
    }

    /// The id of a line that is not a valid record, when one can be read from it (for its error object).
    public static func id(in bytes: [UInt8]) -> RecordID? {
        (try? JSONDecoder().decode(IDOnly.self, from: Data(bytes)))?.id
    }
}
