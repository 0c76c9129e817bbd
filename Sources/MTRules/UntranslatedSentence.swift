import MTCore

/// MT117: a sentence of the source article that no sentence of the translation renders (two files).
public struct UntranslatedSentence: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT117",
        id: "untranslated-sentence",
        summary: "A sentence of the source article has no counterpart in the translation (two files, check --source).",
        rationale: """
            A machine translation system can drop a sentence, most often a short one next to a long one or \
            one it could not parse, and nothing in the translation shows the gap: sentence-level checks never \
            see it. With the source article beside the translation, mtlint aligns their sentences (length and \
            numbers, beads of one or two sentences a side) and reports each source sentence left without a \
            counterpart, on the translation's sentence after which it is missing. The finding is minor, not \
            major, when a translated sentence beside the gap is too long for its own source and the right \
            length for its source and the left-out sentence together: it may hold both. Systems that drop a \
            final stop run two sentences into one, and the aligner, which pairs two sentences with one only \
            on good evidence, may leave one out when the word list does not know how it was worded.
            """,
        mqm: .omission,
        severity: .major,
        tier: .stable,
        triggering: [
            .twoFiles(
                "Министр финансов выступил в парламенте в понедельник. Он сказал, что бюджет на 2026 год будет принят в срок. Дефицит бюджета составит 1,5% ВВП.",
                "⟦The finance minister spoke in parliament on Monday.⟧ The budget deficit will be 1.5% of GDP.", messages: ["the source's 'Он сказал, что бюджет на 2026 год будет принят в срок.' (line 1) has no counterpart in the translation; missing after this sentence"]),
        ],
        nonTriggering: [
            .twoFiles(
                "Министр финансов выступил в парламенте в понедельник. Он сказал, что бюджет на 2026 год будет принят в срок. Дефицит бюджета составит 1,5% ВВП.",
                "The finance minister spoke in parliament on Monday. He said that the budget for 2026 would be adopted on time. The budget deficit will be 1.5% of GDP."),
            // Two sentences run into one (a stop left out): a bead of two sentences and one.
            .twoFiles(
                "Мэр открыл новый мост через реку. Доделки отложили на осень. Строительство обошлось городу в 2 миллиарда рублей и заняло три года.",
                "The mayor opened a new bridge over the river. Finishing touches have been put off until autumn construction cost the city 2 billion roubles and took three years."),
        ])

    /// A left-out sentence's finding is minor when a translated sentence beside the gap is longer than its
    /// source predicts by `longNeighbour` standard deviations (Gale–Church δ) or more, and joining the
    /// left-out sentence to its source brings δ nearer 0 by `lengthGain` or more. On the ten WMT21 systems'
    /// translations of the 107 dev articles (`two_file_systems.py`), two of the three wrong major omissions
    /// had such a neighbour (δ 1.3 and 1.5, about 0 with the sentence); a short sentence's neighbour is often
    /// δ 1 long by itself (a translation's articles), and joining it then only moves δ to the other side.
    static let longNeighbour = 1.0
    static let lengthGain = 0.75

    public func check(_ document: Document) -> [Finding] {
        guard document.sourceFile != nil else { return [] }
        var findings: [Finding] = []
        for pair in document.captionPairs where pair.target == nil {
            // Reported on the translation's sentence before the gap (the first, when the gap opens the article).
            guard let anchor = document.translationAnchor(ofSource: pair.source) else { continue }
            let mayBeRunIn = mayBeRunIntoNeighbour(pair.source, anchor: anchor.block, document)
            let source = document.span(document.blocks[pair.source].range)
            let position = anchor.before ? "before" : "after"
            let quoted = source.text.count > 60 ? String(source.text.prefix(59)) + "…" : source.text
            findings.append(finding(
                in: document, at: document.blocks[anchor.block].range,
                message: "the source's '\(quoted)' (line \(source.start.line)) has no counterpart in the translation; missing \(position) this sentence"
                    + (mayBeRunIn ? " (or run into a sentence beside it)" : ""),
                source: document.blocks[pair.source].range, severity: mayBeRunIn ? .minor : nil))
        }
        return findings
    }

    /// Whether a translated sentence beside the gap (the one before it or the one after) is long enough
    /// to hold the source sentence as well as its own (`longNeighbour`, `lengthGain`).
    func mayBeRunIntoNeighbour(_ source: Int, anchor: Int, _ document: Document) -> Bool {
        let next = document.captionPairs.first { $0.source > source && $0.target != nil }
        let before = document.captionPairs.first { $0.target == anchor }
        return [before, next].contains { neighbour in
            guard let neighbour, let target = neighbour.target, let alone = neighbour.lengthDelta, alone >= Self.longNeighbour else { return false }
            return abs(document.lengthDelta(sources: [neighbour.source, source], target: target)) <= alone - Self.lengthGain
        }
    }
}
