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
}

/// Letter counts per script over a stretch of text.
public struct ScriptCounts: Sendable {
    /// Counts indexed by `Script.index`, stored inline (no allocation per token).
    private var perScript = SIMD8<Int32>()
    public private(set) var letters = 0

    public init() {}

    public init(_ buffer: TextBuffer, _ range: Range<Int>) {
        for (_, scalar) in buffer.scalars(in: range) { add(scalar) }
    }

    /// Counts of a range's prose: a white-space-delimited run holding an address ("://", "www.",
    /// "@") is left out, so a Russian sentence with a long URL still reads as Russian.
    public static func prose(_ buffer: TextBuffer, _ range: Range<Int>) -> ScriptCounts {
        var counts = ScriptCounts()
        let table = CharacterInfo.Table.entries
        buffer.units.withUnsafeBufferPointer { units in
            var start = range.lowerBound
            while start < range.upperBound {
                // A run up to white space, noting what an address or a scalar of two units needs.
                var end = start, surrogates = false, addressMarks = false
                while end < range.upperBound, !CharacterInfo.isWhitespace(units[end]) {
                    let unit = units[end]
                    surrogates = surrogates || UTF16.isSurrogate(unit)
                    addressMarks = addressMarks || unit == 0x40 || unit == 0x3A || unit == 0x2E  // "@", ":", "."
                    end += 1
                }
                if end > start, !(addressMarks && Self.isAddress(buffer.units[start..<end])) {
                    if surrogates {
                        for (_, scalar) in buffer.scalars(in: start..<end) { counts.add(scalar) }
                    } else {
                        // A run without surrogates is a scalar a unit (most runs): counted without decoding,
                        // the two-byte range from the table read once.
                        for unit in units[start..<end] {
                            counts.add(Int(unit) < table.count ? CharacterInfo.Table.script(table[Int(unit)])
                                : CharacterInfo.script(of: Unicode.Scalar(UInt32(unit)).unsafelyUnwrapped))
                        }
                    }
                }
                start = end + 1
            }
        }
        return counts
    }

    private static func isAddress(_ run: ArraySlice<UInt16>) -> Bool {
        let at: UInt16 = 0x40, colon: UInt16 = 0x3A, slash: UInt16 = 0x2F
        if run.contains(at) { return true }
        if run.starts(with: [0x77, 0x77, 0x77, 0x2E]) { return true }  // www.
        var i = run.startIndex
        while i + 2 < run.endIndex {
            if run[i] == colon, run[i + 1] == slash, run[i + 2] == slash { return true }
            i += 1
        }
        return false
    }

    public mutating func add(_ scalar: Unicode.Scalar) {
        add(CharacterInfo.script(of: scalar))
    }

    /// Counts a letter of `script` (`nil`: shared between scripts, not counted).
    public mutating func add(_ script: Script?) {
        guard let script else { return }
        perScript[script.index] &+= 1
        letters += 1
    }

    public func count(of script: Script) -> Int { Int(perScript[script.index]) }

    /// Share of letters written in `script` (0 when there are no letters).
    public func share(of script: Script) -> Double {
        letters == 0 ? 0 : Double(count(of: script)) / Double(letters)
    }

    public var scriptClass: ScriptClass {
        var found: Script?
        for script in Script.allCases where perScript[script.index] > 0 {
            if found != nil { return .mixed }
            found = script
        }
        return found.map(ScriptClass.single) ?? .none
    }
}

extension Script {
    /// The script's place in `ScriptCounts` and in the character table: `allCases`' order, by a switch (an
    /// index into `allCases` would build or retain the array at each look-up).
    @inlinable var index: Int {
        switch self {
        case .latin: 0
        case .cyrillic: 1
        case .greek: 2
        case .arabic: 3
        case .hebrew: 4
        case .han: 5
        case .other: 6
        }
    }

    @inlinable init?(index: Int) {
        switch index {
        case 0: self = .latin
        case 1: self = .cyrillic
        case 2: self = .greek
        case 3: self = .arabic
        case 4: self = .hebrew
        case 5: self = .han
        case 6: self = .other
        default: return nil
        }
    }
}
