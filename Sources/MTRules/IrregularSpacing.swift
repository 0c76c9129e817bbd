import MTCore
import MTText

/// MT303: double spaces, a space before punctuation, no space after a sentence end or a comma.
public struct IrregularSpacing: TextRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT303",
        id: "irregular-spacing",
        summary: "Two spaces between words, a space before punctuation, or no space after a sentence end or comma.",
        rationale: """
            Spacing slips are typical of text assembled from segments: two spaces where a segment was joined, \
            a space left before a comma, sentences glued together ("end.The"). Each is reported where it occurs. \
            Which punctuation takes no space before it depends on the target language; numbers such as 1,000 \
            and abbreviations such as U.S. are not affected.
            """,
        mqm: .punctuation,
        severity: .minor,
        triggering: [
            RuleExample("The ministers met on Monday⟦  ⟧to discuss the budget⟦ ⟧, the ministry said in a statement.", messages: ["2 spaces between words; expected one", "space before ','"]),
            RuleExample("The talks ended on Tuesday⟦.T⟧he next round is due in May⟦,a⟧ccording to the agency.", messages: ["no space after the end of a sentence", "no space after ','"]),
        ],
        nonTriggering: [
            "The U.S. delegation brought 1,000 copies of the report, i.e. one per participant. Talks ended at 5 p.m.",
        ])

    public func findings(in block: Block, of document: Document) -> [(kind: String, finding: Finding)] {
        var findings: [(kind: String, finding: Finding)] = []
        let buffer = document.buffer
        let noSpaceBefore = document.language(of: block).noSpaceBefore
        // (Appended to an array of the block's size: `Array(_:)` of the sequence copies it element by element.)
        var scalars: [(offset: Int, scalar: Unicode.Scalar)] = []
        scalars.reserveCapacity(block.range.count)
        for item in buffer.scalars(in: block.range) { scalars.append(item) }
        var k = 0
        while k < scalars.count {
            let (offset, scalar) = scalars[k]
            if scalar == " " {
                var end = k
                while end + 1 < scalars.count, scalars[end + 1].scalar == " " { end += 1 }
                let run = offset..<(scalars[end].offset + 1)
                let next = end + 1 < scalars.count ? scalars[end + 1].scalar : nil
                let previousIsText = k > 0 && !CharacterInfo.isWhitespace(scalars[k - 1].scalar)
                if let next, noSpaceBefore.contains(next), previousIsText, !isEllipsis(scalars, end + 1) {
                    findings.append(("space before", finding(in: document, at: run, message: "space before '\(next)'")))
                } else if end > k, previousIsText, let next, !CharacterInfo.isWhitespace(next) {
                    findings.append(("spaces", finding(in: document, at: run, message: "\(end - k + 1) spaces between words; expected one")))
                }
                k = end + 1
                continue
            }
            if k >= 2, k + 2 < scalars.count, scalar == "." || scalar == "!" || scalar == "?",
               CharacterInfo.isLowercase(scalars[k - 1].scalar), CharacterInfo.isLowercase(scalars[k - 2].scalar),
               CharacterInfo.isUppercase(scalars[k + 1].scalar), CharacterInfo.isLowercase(scalars[k + 2].scalar) {
                findings.append(("no space after a stop", finding(
                    in: document, at: offset..<(scalars[k + 1].offset + 1),
                    message: "no space after the end of a sentence")))
            } else if k >= 1, k + 1 < scalars.count, scalar == ",",
                      CharacterInfo.isLetter(scalars[k - 1].scalar), CharacterInfo.isLetter(scalars[k + 1].scalar) {
                findings.append(("no space after a comma", finding(in: document, at: offset..<(scalars[k + 1].offset + 1), message: "no space after ','")))
            }
            k += 1
        }
        return findings
    }

    private func isEllipsis(_ scalars: [(offset: Int, scalar: Unicode.Scalar)], _ k: Int) -> Bool {
        scalars[k].scalar == "…" || (k + 2 < scalars.count && scalars[k...(k + 2)].allSatisfy { $0.scalar == "." })
    }
}
