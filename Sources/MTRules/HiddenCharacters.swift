import MTCore
import MTText

/// MT305: invisible format characters (zero-width, bidirectional controls, soft hyphens) in the text.
public struct HiddenCharacters: Rule {
    public init() {}

    /// Bidirectional embeddings, overrides and isolates reorder what a reader sees: major.
    static let bidiControls: ClosedRange<UInt32> = 0x202A...0x202E
    static let bidiIsolates: ClosedRange<UInt32> = 0x2066...0x2069

    public let description = RuleDescription(
        code: "MT305",
        id: "hidden-characters",
        summary: "Invisible format characters (zero-width spaces, bidi controls, soft hyphens) are hidden in the text.",
        rationale: """
            Characters of Unicode category Cf do not show but change how text is searched, broken, hyphenated \
            or ordered: a zero-width space splits a word for search engines, a soft hyphen appears only at a \
            line end, a bidirectional override reverses what follows it. They come from copy and paste and from \
            publishing systems. Each run is reported with its code points; bidirectional embeddings, overrides \
            and isolates are major, the rest minor. A zero-width joiner inside an emoji sequence is allowed.
            """,
        mqm: .characterEncoding,
        severity: .minor,
        triggering: [
            RuleExample("The minister⟦\u{200B}⟧said the talks would resume next week in Geneva, according to the agency.", messages: ["invisible character U+200B"]),
            RuleExample("The file was named ⟦\u{202E}⟧gpj.exe by the attackers, investigators said in their report on Friday.", messages: ["invisible bidirectional control character U+202E"]),
        ],
        nonTriggering: [
            "The family emoji 👩\u{200D}👩\u{200D}👧 is one character on screen; the ministry posted it on Monday.",
        ])

    public func check(_ document: Document) -> [Finding] {
        // Most texts have none: a first pass over the code units finds whether any can be hidden (a format
        // character of the Basic Multilingual Plane, or a surrogate, the half of a scalar beyond it).
        guard document.buffer.units.contains(where: { unit in
            unit >= 0xAD && (UTF16.isSurrogate(unit) || Unicode.Scalar(unit).map(CharacterInfo.isFormatCharacter) ?? true)
        }) else { return [] }
        var findings: [Finding] = []
        // One pass over the scalars with one of look-ahead; only a run of hidden ones is kept.
        var run: [(offset: Int, scalar: Unicode.Scalar)] = []
        func report() {
            guard let first = run.first, let last = run.last else { return }
            let codes = run.map { CharacterInfo.codePoint($0.scalar) }
            let bidi = run.contains { Self.bidiControls.contains($0.scalar.value) || Self.bidiIsolates.contains($0.scalar.value) }
            findings.append(finding(
                in: document, at: first.offset..<(last.offset + last.scalar.utf16.count),
                message: "invisible \(bidi ? "bidirectional control " : "")character\(run.count > 1 ? "s" : "") \(codes.joined(separator: " "))",
                severity: bidi ? .major : nil))
            run.removeAll()
        }
        var scalars = document.buffer.scalars(in: 0..<document.buffer.count)
        var previous: Unicode.Scalar?
        var current = scalars.next()
        while let item = current {
            let next = scalars.next()
            if isHidden(item.scalar, after: previous, before: next?.scalar) { run.append(item) } else { report() }
            previous = item.scalar
            current = next
        }
        report()
        return findings
    }

    private func isHidden(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
        guard CharacterInfo.isFormatCharacter(scalar) else { return false }
        if scalar == "\u{200D}", let previous, let next, previous.properties.isEmoji, next.properties.isEmoji {
            return false
        }
        return true
    }
}
