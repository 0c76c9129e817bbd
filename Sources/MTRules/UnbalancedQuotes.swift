import MTCore
import MTText

/// MT301: quotation marks and brackets that do not pair up, including a quotation opened with a
/// Russian dialogue dash and closed with a quote mark.
public struct UnbalancedQuotes: TextRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT301",
        id: "unbalanced-quotes",
        summary: "A quotation or bracket is closed without being opened, or opened with a dialogue dash.",
        rationale: """
            Russian marks direct speech in a paragraph of its own with a dash ("– Мы готовы, – сказал он"). \
            Machine translation keeps the dash but closes the quotation with an English quote mark, leaving an \
            opening dash and an unmatched closing quote. mtlint pairs double quotes (straight, curly, guillemets) \
            and brackets in every paragraph: a paragraph that opens with a dash and contains an unmatched closing \
            quote is reported at the dash; any other unmatched closing quote or bracket, and an opening one left \
            open at the end of a paragraph (unless the next paragraph continues the quotation), is reported itself. \
            Straight and curly double quotes close each other ("a step”): mixed styles are typography, not an \
            open quotation. A low quote „ is closed by “, as German and Russian typesetting write it.
            """,
        mqm: .punctuation,
        severity: .minor,
        triggering: [
            RuleExample("""
            ⟦-⟧ The Armenian side has frozen its participation, and our position remains unchanged," the spokesman said.
            """, messages: ["quotation opened with a dialogue dash and closed with '\"'; open it with a quote mark"]),
            RuleExample("""
            The minister said the talks were ⟦"⟧constructive and would continue next week, according to the agency.
            """, messages: ["'\"' is never closed (expected '\"' in this paragraph)"]),
            RuleExample("""
            The budget deficit ⟦(⟧which had grown for three years reached 2% of GDP⟦]⟧ in March, the ministry said.
            """, messages: ["'(' is never closed (expected ')' in this paragraph)", "']' closes nothing: no matching opening mark in this paragraph"]),
        ],
        nonTriggering: [
            """
            "We will treat it with respect," Vladimir Putin said. The doors are still "open" for Armenia.
            """,
            """
            Often officials have begun [in parliament] to criticise the parties (three of them) that collect signatures.
            """,
            """
            "The first paragraph of a long quotation stays open, as English style wants.

            "The second one closes it," the minister said at the end of the press conference in Moscow.
            """,
            """
            He called it "a historic step” and left; the “Russian Knights" team flew over the square.
            """,
            """
            The sign read „Entrance“ in German style, and the “Russian Knights” flew over the square.
            """,
        ])

    private enum Mark {
        case open(Character), close(Character), either
    }

    /// Quote and bracket characters: what they open or close. Straight double quotes are decided by context.
    private static let marks: [UInt16: Mark] = [
        0x201C: .open("”"), 0x201D: .close("”"), 0x201E: .open("“"), 0xAB: .open("»"), 0xBB: .close("»"),
        0x28: .open(")"), 0x29: .close(")"), 0x5B: .open("]"), 0x5D: .close("]"), 0x22: .either,
    ]
    /// The units of `marks`, tested before the table is looked up (most units are none of them).
    private static let markUnits = UnitSet(Array(marks.keys))
    private static let dashes: Set<UInt16> = [0x2D, 0x2013, 0x2014, 0x2015, 0x2212]  // - – — ― −

    /// Straight and curly double quotes close each other: mixing styles ("a step” ) is a matter of
    /// typography, not a quotation left open.
    private static func bothDouble(_ a: Character, _ b: Character) -> Bool {
        let double: Set<Character> = ["\"", "”"]
        return double.contains(a) && double.contains(b)
    }

    public func findings(in block: Block, of document: Document) -> [(kind: String, finding: Finding)] {
        guard !block.range.isEmpty else { return [] }
        var findings: [(kind: String, finding: Finding)] = []
        let buffer = document.buffer
        var stack: [(closer: Character, offset: Int)] = []
        var unmatchedClosers: [Int] = []
        let units = buffer.units, markUnits = Self.markUnits
        for i in block.range {
            // “ closes „ (German and Russian style: „…“) and opens “…” (English style).
            if units[i] == 0x201C, stack.last?.closer == "“" {
                stack.removeLast()
                continue
            }
            guard markUnits.contains(units[i]), let mark = Self.marks[units[i]] else { continue }
            switch mark {
            case .open(let closer):
                stack.append((closer, i))
            case .close(let closer):
                if let top = stack.last, top.closer == closer || Self.bothDouble(top.closer, closer) {
                    stack.removeLast()
                } else {
                    unmatchedClosers.append(i)
                }
            case .either:
                if let top = stack.last, Self.bothDouble(top.closer, "\""),
                   !opensQuote(buffer, i, block.range) || closesQuote(buffer, i, block.range) {
                    stack.removeLast()
                } else if opensQuote(buffer, i, block.range) {
                    stack.append(("\"", i))
                } else {
                    unmatchedClosers.append(i)
                }
            }
        }
        let opensWithDash = Self.dashes.contains(buffer.units[block.range.lowerBound])
            && block.range.count > 1 && CharacterInfo.isWhitespace(buffer.units[block.range.lowerBound + 1])
        let quoteClosers = unmatchedClosers.filter { [0x22, 0x201D, 0xBB].contains(buffer.units[$0]) }
        if opensWithDash, !document.language(of: block).marksSpeechWithDash, let closer = quoteClosers.first {
            // The dash is the error; the closing mark, a related span, is shown beside it.
            findings.append(("dialogue dash", finding(
                in: document, at: block.range.lowerBound..<(block.range.lowerBound + 1),
                message: "quotation opened with a dialogue dash and closed with '\(buffer.string(closer..<(closer + 1)))'; "
                    + "open it with a quote mark",
                related: [closer..<(closer + 1)])))
            unmatchedClosers.removeAll { $0 == closer }
        }
        // A segment is a sentence cut from its paragraph: a quotation may run in from the segment
        // before (a closing mark after the end of a clause, no opening one before it) or on into the
        // next (an opening mark that starts the segment).
        if document.isSegmentPair {
            let firstOpener = stack.first?.offset ?? block.range.upperBound
            unmatchedClosers.removeAll { i in
                let before = i > block.range.lowerBound ? buffer.units[i - 1] : 0x20
                return i < firstOpener && [0x22, 0x201D, 0xBB].contains(buffer.units[i])
                    && (i + 1 == block.range.upperBound || [0x2C, 0x2E, 0x21, 0x3F, 0x2026].contains(before))
            }
            stack.removeAll { $0.offset == block.range.lowerBound && $0.closer != ")" && $0.closer != "]" }
        }
        for closer in unmatchedClosers {
            findings.append(("closes nothing: \(Self.family(buffer.units[closer]))", finding(
                in: document, at: closer..<(closer + 1),
                message: "'\(buffer.string(closer..<(closer + 1)))' closes nothing: no matching opening mark in this paragraph")))
        }
        let next = document.blocks[(block.index + 1)...].first { $0.language == block.language && [.paragraph, .heading, .caption].contains($0.kind) }
        let continuesQuotation = next.map { !$0.range.isEmpty && [0x22, 0x201C, 0xAB].contains(buffer.units[$0.range.lowerBound]) } ?? false
        for open in stack where !(open.closer != ")" && open.closer != "]" && continuesQuotation) {
            findings.append(("never closed: \(Self.family(buffer.units[open.offset]))", finding(
                in: document, at: open.offset..<(open.offset + 1),
                message: "'\(buffer.string(open.offset..<(open.offset + 1)))' is never closed (expected '\(open.closer)' in this paragraph)")))
        }
        return findings
    }

    /// A source in a language that marks direct speech with dashes accounts for quotation marks too:
    /// speech opened with a dash and not closed by one before the words of saying runs on (in the next
    /// segment, or to the paragraph's end), and a dash before the words of saying without an opening
    /// dash closes speech opened earlier ("Нет доверия, – согласилась она").
    public func carriedOver(from source: Block, of document: Document) -> [String] {
        var kinds = findings(in: source, of: document).map(\.kind)
        guard document.language(of: source).marksSpeechWithDash, !source.range.isEmpty else { return kinds }
        let units = document.buffer.units
        let opensWithDash = Self.dashes.contains(units[source.range.lowerBound])
        let closesWithDash = Self.hasAttributionDash(document.buffer, source.range)
        if opensWithDash && !closesWithDash { kinds.append("never closed: quotation") }
        if !opensWithDash && closesWithDash { kinds.append("closes nothing: quotation") }
        return kinds
    }

    /// Quotation marks of every style are one family (a source «…» left open accounts for a target "…"
    /// left open); brackets another.
    private static func family(_ unit: UInt16) -> String {
        [0x28, 0x29, 0x5B, 0x5D].contains(unit) ? "bracket" : "quotation"
    }

    /// A dash after a comma, "!", "?" or "…" and before a lower-case word: the end of direct speech
    /// and the start of the words of saying ("Мы готовы, – сказал он").
    static func hasAttributionDash(_ buffer: TextBuffer, _ range: Range<Int>) -> Bool {
        let units = buffer.units
        return range.dropFirst(2).contains { i in
            guard dashes.contains(units[i]), i + 2 < range.upperBound, CharacterInfo.isWhitespace(units[i - 1]),
                  CharacterInfo.isWhitespace(units[i + 1]), let next = Unicode.Scalar(units[i + 2]), CharacterInfo.isLowercase(next) else { return false }
            return [0x2C, 0x21, 0x3F, 0x2026, 0x2E].contains(units[i - 2])
        }
    }

    /// A straight quote opens when it starts the text or follows white space, a dash or an opening bracket.
    private func opensQuote(_ buffer: TextBuffer, _ i: Int, _ range: Range<Int>) -> Bool {
        guard i > range.lowerBound else { return true }
        let before = buffer.units[i - 1]
        return CharacterInfo.isWhitespace(before) || Self.dashes.contains(before) || [0x28, 0x5B].contains(before)
    }

    /// A straight quote closes when it ends the text or is followed by white space or punctuation.
    private func closesQuote(_ buffer: TextBuffer, _ i: Int, _ range: Range<Int>) -> Bool {
        guard i + 1 < range.upperBound else { return true }
        let after = buffer.units[i + 1]
        return CharacterInfo.isWhitespace(after) || [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D].contains(after)
    }
}
