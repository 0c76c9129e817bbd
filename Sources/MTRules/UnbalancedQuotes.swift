import MTCore
import MTText

/// MT301: quotation marks and brackets that do not pair up, including a quotation opened with a
/// Russian dialogue dash and closed with a quote mark.
public struct UnbalancedQuotes: Rule {
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
            """
            ⟦-⟧ The Armenian side has frozen its participation, and our position remains unchanged," the spokesman said.
            """,
            """
            The minister said the talks were ⟦"⟧constructive and would continue next week, according to the agency.
            """,
            """
            The budget deficit ⟦(⟧which had grown for three years reached 2% of GDP⟦]⟧ in March, the ministry said.
            """,
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
    private static let dashes: Set<UInt16> = [0x2D, 0x2013, 0x2014, 0x2015]  // - – — ―

    /// Straight and curly double quotes close each other: mixing styles ("a step” ) is a matter of
    /// typography, not a quotation left open.
    private static func bothDouble(_ a: Character, _ b: Character) -> Bool {
        let double: Set<Character> = ["\"", "”"]
        return double.contains(a) && double.contains(b)
    }

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let blocks = document.targetTextBlocks
        for (n, block) in blocks.enumerated() where !block.range.isEmpty {
            let buffer = document.buffer
            var stack: [(closer: Character, offset: Int)] = []
            var unmatchedClosers: [Int] = []
            for i in block.range {
                // “ closes „ (German and Russian style: „…“) and opens “…” (English style).
                if buffer.units[i] == 0x201C, stack.last?.closer == "“" {
                    stack.removeLast()
                    continue
                }
                guard let mark = Self.marks[buffer.units[i]] else { continue }
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
            if opensWithDash, let closer = quoteClosers.first {
                // The dash is the error; the closing mark, a related span, is shown beside it.
                findings.append(finding(
                    in: document, at: block.range.lowerBound..<(block.range.lowerBound + 1),
                    message: "quotation opened with a dialogue dash and closed with '\(buffer.string(closer..<(closer + 1)))'; "
                        + "open it with a quote mark",
                    related: [closer..<(closer + 1)]))
                unmatchedClosers.removeAll { $0 == closer }
            }
            for closer in unmatchedClosers {
                findings.append(finding(
                    in: document, at: closer..<(closer + 1),
                    message: "'\(buffer.string(closer..<(closer + 1)))' closes nothing: no matching opening mark in this paragraph"))
            }
            let continuesQuotation = n + 1 < blocks.count && !blocks[n + 1].range.isEmpty
                && [0x22, 0x201C, 0xAB].contains(buffer.units[blocks[n + 1].range.lowerBound])
            for open in stack where !(open.closer != ")" && open.closer != "]" && continuesQuotation) {
                findings.append(finding(
                    in: document, at: open.offset..<(open.offset + 1),
                    message: "'\(buffer.string(open.offset..<(open.offset + 1)))' is never closed (expected '\(open.closer)' in this paragraph)"))
            }
        }
        return findings
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
