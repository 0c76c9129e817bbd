import MTCore

/// MT103: a phrase repeated inside one sentence or caption, or a whole sentence repeated.
public struct DuplicatedPhrase: Rule {
    public init() {}

    /// Shortest repeated run of content words that counts.
    static let minimumWords = 3
    static let candidatesPerKey = 8
    /// Shortest sentence (in content words) whose repetition counts.
    static let minimumSentenceWords = 4

    public let description = RuleDescription(
        code: "MT103",
        id: "duplicated-phrase",
        summary: "A phrase of three or more content words is repeated inside one sentence, or a sentence is repeated.",
        rationale: """
            Machine translation sometimes emits part of a sentence twice, typically long noun phrases of \
            caption text. Within one sentence (a whole caption counts as one) a run of three or more content \
            words that occurs again is reported at its second occurrence, with the first as a related \
            location. Repetition across sentences is normal ("0.9% of GDP" in two sentences) and only a whole \
            repeated sentence is reported.
            """,
        mqm: .addition,
        severity: .major,
        triggering: [
            """
            Soldiers at the exercise of the Collective Rapid Reaction Forces in Kyrgyzstan of the ⟦Collective Rapid Reaction Forces in Kyrgyzstan⟧ last year.
            """,
            """
            The central bank kept its key rate unchanged on Friday. Analysts had expected a cut. ⟦The central bank kept its key rate unchanged on Friday.⟧
            """,
        ],
        nonTriggering: [
            """
            The deficit reached 0.9% of GDP in the first quarter. By the end of the year it is expected to stay near 0.9% of GDP.
            """,
            """
            The Collective Security Council of the Collective Security Treaty Organization met in Astana on Thursday.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        var sentencesSeen: [[String]: Range<Int>] = [:]
        for block in document.targetTextBlocks {
            let scopes = block.kind == .caption ? [block.range] : block.sentences
            for scope in scopes {
                findings += repeatedRuns(document, document.contentWords(block, in: scope))
            }
            for sentence in block.sentences {
                let stems = document.contentWords(block, in: sentence).map(\.stem)
                guard stems.count >= Self.minimumSentenceWords else { continue }
                if let first = sentencesSeen[stems] {
                    findings.append(finding(
                        in: document, at: sentence,
                        message: "sentence repeated from line \(document.buffer.line(at: first.lowerBound))",
                        related: [first]))
                } else {
                    sentencesSeen[stems] = sentence
                }
            }
        }
        return findings
    }

    /// Findings for the runs of content words that occur again later in the same scope.
    private func repeatedRuns(_ document: Document, _ words: [ContentWord]) -> [Finding] {
        Self.repeats(in: words).map { first, second in
            finding(
                in: document, at: second,
                message: "'\(document.buffer.string(second))' repeats '\(document.buffer.string(first))' in the same sentence",
                related: [first])
        }
    }

    /// Runs of content words that occur again later in the same scope (not overlapping the first),
    /// as (first, second) ranges. Earlier occurrences are looked up by their first `minimumWords`
    /// stems; only the latest `candidatesPerKey` of them are tried, which bounds the work on degenerate input.
    static func repeats(in words: [ContentWord]) -> [(first: Range<Int>, second: Range<Int>)] {
        let n = minimumWords
        guard words.count >= 2 * n else { return [] }
        func key(_ i: Int) -> String { words[i..<(i + n)].map(\.stem).joined(separator: " ") }
        var starts: [String: [Int]] = [:]  // ascending positions per key
        for i in 0...(words.count - n) { starts[key(i), default: []].append(i) }
        var repeats: [(first: Range<Int>, second: Range<Int>)] = []
        var j = n
        while j + n <= words.count {
            var best: (first: Int, length: Int)?
            let positions = starts[key(j)] ?? []
            // Positions ending before j: a binary search for the first one that does not.
            var low = 0, high = positions.count
            while low < high {
                let mid = (low + high) / 2
                if positions[mid] + n <= j { low = mid + 1 } else { high = mid }
            }
            for i in positions[max(0, low - candidatesPerKey)..<low] {
                var length = 0
                while j + length < words.count, i + length < j, words[i + length].stem == words[j + length].stem {
                    length += 1
                }
                if length > (best?.length ?? 0) { best = (i, length) }
            }
            guard let (i, length) = best else {
                j += 1
                continue
            }
            repeats.append((
                first: words[i].token.range.lowerBound..<words[i + length - 1].token.range.upperBound,
                second: words[j].token.range.lowerBound..<words[j + length - 1].token.range.upperBound))
            j += length
        }
        return repeats
    }
}
