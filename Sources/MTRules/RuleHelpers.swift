import MTCore

/// Whether two stems are forms of one word: equal, or one a prefix of the other of at least
/// five letters ("withdraw" ~ "withdrawal").
func sameWord(_ a: String, _ b: String) -> Bool {
    if a == b { return true }
    let (short, long) = a.count <= b.count ? (a, b) : (b, a)
    return short.count >= 5 && long.hasPrefix(short)
}

extension Rule {
    /// A finding for target text that stands where the source has something else:
    /// "'12 million' in the target, '1,2 млн' in the source (line 21)".
    func substitution(in document: Document, target: Range<Int>, source: Range<Int>, severity: Severity? = nil) -> Finding {
        finding(
            in: document, at: target,
            message: "'\(document.buffer.string(target))' in the target, '\(document.buffer.string(source))' "
                + "in the source (line \(document.line(at: source.lowerBound)))",
            source: source, severity: severity)
    }
}
