import MTText

/// MQM severity levels, least to most severe.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case minor, major, critical

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An MQM error type, written `dimension/type` (e.g. `accuracy/untranslated`).
public struct MQMType: Sendable, Hashable, CustomStringConvertible {
    public let dimension: String
    public let type: String

    public init(_ dimension: String, _ type: String) {
        self.dimension = dimension
        self.type = type
    }

    public var description: String { "\(dimension)/\(type)" }

    public static let untranslated = MQMType("accuracy", "untranslated")
    public static let addition = MQMType("accuracy", "addition")
    public static let omission = MQMType("accuracy", "omission")
    public static let mistranslation = MQMType("accuracy", "mistranslation")
    public static let wrongTerm = MQMType("terminology", "wrong-term")
    public static let inconsistentTerm = MQMType("terminology", "inconsistent")
    public static let punctuation = MQMType("linguistic-conventions", "punctuation")
    public static let grammar = MQMType("linguistic-conventions", "grammar")
    public static let spelling = MQMType("linguistic-conventions", "spelling")
    public static let characterEncoding = MQMType("linguistic-conventions", "character-encoding")
    public static let nonContent = MQMType("design-and-markup", "non-content")
    public static let markup = MQMType("design-and-markup", "markup")
    /// Not a translation error: a problem with the project's own mtlint setup (an unused suppression).
    public static let other = MQMType("other", "other")
}

/// An exact stretch of a document: start (inclusive) and end (exclusive) positions and the covered text.
public struct Span: Sendable, Hashable {
    public let start: TextPosition
    public let end: TextPosition
    public let text: String
    /// Positions in the source file of a translation checked against it (`check --source`), not in
    /// the document's own file.
    public let inSourceFile: Bool
    /// The stretch in the document's buffer (its text as read: for a plain-text file its own text, for an
    /// HTML page the text taken from it), for reporters that show the text around a finding.
    public let bufferRange: Range<Int>

    /// - Parameter bufferRange: where the span is in the document's buffer; default: its UTF-16 offsets.
    public init(start: TextPosition, end: TextPosition, text: String, inSourceFile: Bool = false, bufferRange: Range<Int>? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.inSourceFile = inSourceFile
        self.bufferRange = bufferRange ?? start.utf16Offset..<end.utf16Offset
    }

    /// The span's UTF-16 offsets in its file.
    public var utf16Range: Range<Int> { start.utf16Offset..<end.utf16Offset }
}

/// A unit of a bilingual file, as findings name it: the file's id for it and its notes.
public struct UnitReference: Sendable, Hashable {
    public let id: String
    public let notes: [String]
}

/// One problem a rule found.
public struct Finding: Sendable, Hashable {
    public let ruleID: String
    public let code: String
    public let mqm: MQMType
    public internal(set) var severity: Severity
    public let message: String
    /// Where the problem is in the target text.
    public let target: Span
    /// The corresponding source text, when the rule knows it.
    public let source: Span?
    /// Other places that explain the finding (e.g. the first occurrence of a repeated phrase).
    public let related: [Span]
    /// In a bilingual file, the unit the finding is in (set by the run, not by rules).
    public internal(set) var unit: UnitReference?

    public init(
        ruleID: String, code: String, mqm: MQMType, severity: Severity, message: String,
        target: Span, source: Span? = nil, related: [Span] = []
    ) {
        self.ruleID = ruleID
        self.code = code
        self.mqm = mqm
        self.severity = severity
        self.message = message
        self.target = target
        self.source = source
        self.related = related
    }

    /// The order findings are reported in: by position, then rule code, then message.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.target.start.utf16Offset, a.target.end.utf16Offset, a.code, a.message)
            < (b.target.start.utf16Offset, b.target.end.utf16Offset, b.code, b.message)
    }
}
