extension String {
    /// The string with control characters written as visible escapes: C0 controls other than tab, DEL
    /// and C1 controls become `\x1b`-style text, so that an article or a file name cannot move the
    /// cursor, retitle the terminal or ring its bell (ESC, OSC, BEL), nor make XML output malformed.
    public var escapingControlCharacters: String { escapingControlCharacters(keeping: ["\t"]) }

    /// `escapingControlCharacters`, keeping the given controls (XML text keeps its line breaks).
    public func escapingControlCharacters(keeping kept: Set<Unicode.Scalar>) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            !kept.contains(scalar) && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }
        guard unicodeScalars.contains(where: isControl) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" : "") + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
