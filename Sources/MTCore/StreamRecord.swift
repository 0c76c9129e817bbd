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
    public init(line bytes: [UInt8], number: Int, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled) throws(Invalid) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            throw Invalid(description: "blank line (no record)")
        }
        // The members as written: JSON decoders keep one value of a duplicate key (Foundation's the first,
        // Python's and jq's the last), so a duplicate would make mtlint check other text than the pipeline sees.
        let members = try JSONMembers(bytes)
        var seen: Set<String> = []
        for member in members.list where !seen.insert(member.key).inserted {
            throw Invalid(description: "duplicate key \"\(member.key)\" at byte \(member.keyOffset): JSON readers disagree on which value counts; keep one")
        }
        if let problem = Self.idProblem(members) { throw Invalid(description: problem) }
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(bytes))
        } catch DecodingError.typeMismatch(let type, let context) {
            let key = context.codingPath.last?.stringValue ?? ""
            throw Invalid(description: type == RecordID.self || key == "id"
                ? "\"id\" must be a string or an integer" : "\"\(key)\" must be a string")
        } catch {
            throw Invalid(description: "not valid JSON")
        }
        id = fields.id ?? .text("line \(number)")
        if let text = fields.text {
            guard !text.allSatisfy(\.isWhitespace) else { throw Invalid(description: "\"text\" is empty") }
            document = Document(path: id.description, text: text, pair: pair, knowledge: knowledge)
        } else if let source = fields.source, let target = fields.target {
            document = Document(segmentID: id.description, source: source, target: target, pair: pair, knowledge: knowledge)
        } else {
            throw Invalid(description: "expected {\"id\",\"text\"} or {\"id\",\"source\",\"target\"} with string values")
        }
    }

    /// The id of a line that is not a valid record, when one can be read from it (for its error object).
    public static func id(in bytes: [UInt8]) -> RecordID? {
        guard let members = try? JSONMembers(bytes), idProblem(members) == nil else { return nil }
        return (try? JSONDecoder().decode(IDOnly.self, from: Data(bytes)))?.id
    }

    /// What is wrong with a numeric id as written: a fraction or exponent (decoders read 1e3 as 1000),
    /// or more digits than 64 bits hold.
    private static func idProblem(_ members: JSONMembers) -> String? {
        guard let id = members.list.first(where: { $0.key == "id" }), let first = id.value.first,
              first == UInt8(ascii: "-") || (0x30...0x39).contains(first) else { return nil }
        let number = String(decoding: id.value, as: UTF8.self)
        if id.value.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return "\"id\" must be a string or an integer; \(number) has a fraction or an exponent (write it as an integer or a string)"
        }
        return Int(number) == nil ? "\"id\" \(number) does not fit in 64 bits; give it as a string (\"\(number)\")" : nil
    }
}

/// The top-level members of a JSON object as written (keys in order, duplicates kept, each value's
/// bytes), for what JSON decoders hide: duplicate keys, how a number was written. Only the structure
/// is read here (strings, nesting); `JSONDecoder` still decodes and validates the values. Problems it
/// reports only as "not valid JSON" are named with their byte offset: a line that is not an object, an
/// unterminated string, half of a UTF-16 surrogate pair escaped alone ("\\ud800").
struct JSONMembers {
    struct Member {
        let key: String
        let keyOffset: Int
        let value: ArraySlice<UInt8>
    }

    let list: [Member]

    init(_ bytes: [UInt8]) throws(StreamRecord.Invalid) {
        var index = 0
        func fail(_ message: String) -> StreamRecord.Invalid {
            StreamRecord.Invalid(description: message + " at byte \(min(index, bytes.count))")
        }
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        /// Moves past the string starting at `index` (a quote); the string's bytes, quotes included.
        func string() throws(StreamRecord.Invalid) -> ArraySlice<UInt8> {
            let start = index
            index += 1
            var pendingHigh = false  // a high surrogate escape just read, waiting for its low half
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if pendingHigh { throw fail("half of a UTF-16 surrogate pair (\\u escape) without its other half") }
                    index += 1
                    return bytes[start..<index]
                }
                if byte == UInt8(ascii: "\\") {
                    if index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
                       let code = UInt16(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16) {
                        let isHigh = (0xD800...0xDBFF).contains(code), isLow = (0xDC00...0xDFFF).contains(code)
                        if isLow != pendingHigh || (pendingHigh && isHigh) {
                            throw fail("half of a UTF-16 surrogate pair (\\u escape) without its other half")
                        }
                        pendingHigh = isHigh
                        index += 6
                        continue
                    }
                    index += 2
                } else {
                    index += 1
                }
                if pendingHigh { throw fail("half of a UTF-16 surrogate pair (\\u escape) without its other half") }
            }
            throw fail("unterminated string")
        }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw fail("not a JSON object (a line must be {…})") }
        index += 1
        var members: [Member] = []
        while true {
            skipSpace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: "}") { break }
            guard bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key in quotes") }
            let keyOffset = index
            let keyToken = try string()
            let key = keyToken.contains(UInt8(ascii: "\\"))
                ? (try? JSONDecoder().decode(String.self, from: Data(keyToken))) ?? String(decoding: keyToken.dropFirst().dropLast(), as: UTF8.self)
                : String(decoding: keyToken.dropFirst().dropLast(), as: UTF8.self)
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            index += 1
            skipSpace()
            let valueStart = index
            var depth = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    _ = try string()
                    continue
                }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    if depth == 0 { break }
                    depth -= 1
                }
                if byte == UInt8(ascii: ","), depth == 0 { break }
                index += 1
            }
            var valueEnd = index
            while valueEnd > valueStart, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[valueEnd - 1]) { valueEnd -= 1 }
            members.append(Member(key: key, keyOffset: keyOffset, value: bytes[valueStart..<valueEnd]))
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        list = members
    }
}
