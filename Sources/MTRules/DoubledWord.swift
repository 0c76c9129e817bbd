import MTCore
import MTText

/// MT302: the same word twice in a row.
public struct DoubledWord: TextRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT302",
        id: "doubled-word",
        summary: "The same word stands twice in a row (\"the the\").",
        rationale: """
            A word repeated with only white space between the two is almost always a slip of the machine \
            translation or of post-editing. Doubles the grammar allows ("had had", "that that" in English; \
            "что что", "так так" in Russian) are listed per language and not reported; some only in context, as \
            LanguageTool reads them: "is is" after "what" earlier in the sentence ("what it is is"), "do do" right \
            after a subject pronoun ("we do do"). The second word is reported.
            """,
        mqm: .grammar,
        severity: .minor,
        triggering: [
            RuleExample("Economic growth ⟦growth⟧ slowed to 2% in the second quarter, the ministry said on Monday.", messages: ["'growth' repeats the word before it"]),
            RuleExample("The ⟦the⟧ committee met on Tuesday to discuss the budget for the coming year.", messages: ["'the' repeats the word before it"]),
            RuleExample("The plan is ⟦is⟧ ready, the ministry said on Monday after the meeting in the capital.", messages: ["'is' repeats the word before it"]),
            RuleExample("What do ⟦do⟧ the ministers want from the talks on the budget next week, the agency asked.", messages: ["'do' repeats the word before it"]),
        ],
        nonTriggering: [
            "By the time the talks resumed, the delegations had had three weeks to prepare their positions.",
            "He said that that decision was final. Growth, growth and more growth was the slogan.",
            "What the plan needs is is a budget, the minister said. We do do our part, he added.",
        ])

    public func findings(in block: Block, of document: Document) -> [(kind: String, finding: Finding)] {
        var findings: [(kind: String, finding: Finding)] = []
        let buffer = document.buffer
        let language = document.language(of: block)
        var previous: (token: Token, key: String)?
        // The folded words of the current sentence so far (some doubles depend on them).
        var sentence: [String] = []
        var sentenceStarts = block.sentences.map(\.lowerBound)[...]
        let keys = document.keys(of: block)
        for (index, token) in block.tokens.enumerated() {
            while let start = sentenceStarts.first, start <= token.range.lowerBound {
                sentenceStarts.removeFirst()
                sentence.removeAll(keepingCapacity: true)
            }
            guard token.isWordLike else {
                previous = nil
                continue
            }
            let key = (keys[index] ?? document.key(token, in: block)).folded
            defer { sentence.append(key) }
            // Initials may repeat ("General M M Naravane").
            if let (before, beforeKey) = previous, beforeKey == key, !(token.isCapitalized && token.range.count == 1),
               !(language.grammaticalDoubles[key]?.allows(wordsBefore: sentence.dropLast()) ?? false),
               buffer.isBlank(before.range.upperBound..<token.range.lowerBound) {
                findings.append(("doubled", finding(
                    in: document, at: token.range,
                    message: "'\(buffer.string(token.range))' repeats the word before it", related: [before.range])))
            }
            previous = (token, key)
        }
        return findings
    }
}
