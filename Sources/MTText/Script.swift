/// The writing system of a letter or token.
public enum Script: String, Sendable, Hashable, CaseIterable {
    case latin, cyrillic, greek, arabic, hebrew, han, other
}

/// The script make-up of a token or a stretch of text.
public enum ScriptClass: Sendable, Hashable {
    /// No letters (digits, punctuation).
    case none
    /// All letters are of one script.
    case single(Script)
    /// Letters of more than one script (e.g. a Cyrillic "а" inside a Latin word).
    case mixed

    public func isOnly(_ script: Script) -> Bool { self == .single(script) }
}

/// Letter counts per script over a stretch of text.
public struct ScriptCounts: Sendable {
    public private(set) var counts: [Script: Int] = [:]
    public private(set) var letters = 0

    public init() {}

    public init(_ buffer: TextBuffer, _ range: Range<Int>) {
        for (_, scalar) in buffer.scalars(in: range) { add(scalar) }
    }

    public mutating func add(_ scalar: Unicode.Scalar) {
        guard let script = CharacterInfo.script(of: scalar) else { return }
        counts[script, default: 0] += 1
        letters += 1
    }

    /// Share of letters written in `script` (0 when there are no letters).
    public func share(of script: Script) -> Double {
        letters == 0 ? 0 : Double(counts[script, default: 0]) / Double(letters)
    }

    public var scriptClass: ScriptClass {
        switch counts.count {
        case 0: return .none
        case 1: return .single(counts.keys.first!)
        default: return .mixed
        }
    }
}
