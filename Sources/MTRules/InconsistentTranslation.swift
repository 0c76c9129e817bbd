import MTCore
import MTText

/// MT202: one name rendered two ways in the same document ("Independence Palace" / "Palace of Independence").
public struct InconsistentTranslation: Rule {
    public init() {}

    /// Lower-case words that may join the capitalised words of one name ("Palace of Independence").
    static let connectors: [String: Set<String>] = [
        "en": ["of", "the", "for", "on", "de", "la", "von", "der", "van", "al"],
        "ru": [],
    ]

    public let description = RuleDescription(
        code: "MT202",
        id: "inconsistent-translation",
        summary: "The same name is rendered in two forms in one document, or one term translates two different source terms.",
        rationale: """
            Machine translation renders each segment on its own, so a name that occurs twice can come out two \
            ways ("Independence Palace" in one caption, "Palace of Independence" in the next). Readers take \
            two forms for two things. mtlint collects the capitalised multi-word names of the translation \
            (allowing joining words such as "of" and "the") and reports a later name made of the same words as \
            an earlier one in a different arrangement, pointing at the first. In aligned captions it also finds \
            the source phrase each name translates (the run of source words, as many as the name has, at the \
            same place in the caption) and reports a name that translates two source phrases sharing less than half their words \
            (in captions only: in two files' long sentences the place of a phrase says little).
            """,
        mqm: .inconsistentTerm,
        severity: .minor,
        triggering: [
            RuleExample("""
            The meeting took place at the Independence Palace in Astana on Thursday afternoon.

            The leaders then moved to the ⟦Palace of Independence⟧ for the signing ceremony of the agreements.
            """, messages: ["'Palace of Independence' is written 'Independence Palace' on line 1; use one form"]),
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Заседание Высшего совета в Минске
            Meeting of the Supreme Council in Minsk
            Photo: TASS/Ivan Petrov

            Заседание Государственного собрания в Уфе
            Meeting of the ⟦Supreme Council⟧ in Ufa
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'Supreme Council' translates 'Государственного собрания' here but 'Высшего совета' on line 3; one term for two source terms"]),
        ],
        nonTriggering: [
            """
            The meeting took place at the Independence Palace in Astana on Thursday afternoon.

            The leaders returned to the Independence Palace's main hall for the signing of the agreements.

            Trade between Armenia and Azerbaijan, and between Azerbaijan and Armenia's neighbours, is small.
            """,
        ])

    private struct Name {
        /// Index of the block it is in.
        let block: Int
        let range: Range<Int>
        /// Stems of the capitalised words, sorted: what the name is made of.
        let content: [String]
        /// Stems and joining words in order: how it is written.
        let form: [String]
    }

    /// How far (as a share of its caption's content words) a source phrase may sit from its
    /// translation's place to count as what it translates.
    static let maximumPlaceDistance = 0.15

    public func check(_ document: Document) -> [Finding] {
        let allNames = document.targetTextBlocks.filter { $0.kind != .heading }.flatMap { names(in: $0, document) }
        let sources = sourceOfTarget(document)
        // The source phrase a name translates is found by its place in the caption: in a caption, the
        // names and their source phrases come in about the same order and proportion; in the long
        // sentences of two files they do not (and the articles' own names are what vary).
        let twoSources = document.sourceFile == nil ? oneFormTwoSources(allNames, sources, document) : []
        return oneNameTwoForms(allNames, sources, document) + twoSources
    }

    /// A later name made of the same words as an earlier one, arranged differently.
    /// - Parameter sources: `sourceOfTarget(document)`.
    private func oneNameTwoForms(_ allNames: [Name], _ sources: [Int: Block], _ document: Document) -> [Finding] {
        var findings: [Finding] = []
        var firstByContent: [[String]: Name] = [:]
        for name in allNames {
            guard let first = firstByContent[name.content] else {
                firstByContent[name.content] = name
                continue
            }
            guard first.form != name.form else { continue }
            let shared = sharedSourcePhrase(first, name, sources, document)
            var message = "'\(document.buffer.string(name.range))' is written '\(document.buffer.string(first.range))' "
                + "on line \(document.line(at: first.range.lowerBound))"
            if let (earlier, _) = shared {
                message += ", though the source has '\(document.buffer.string(earlier))' both times"
            }
            findings.append(finding(
                in: document, at: name.range, message: message + "; use one form",
                source: shared?.1, related: [first.range] + (shared.map { [$0.0] } ?? [])))
        }
        return findings
    }

    /// The same name, in two aligned captions, translating source phrases that share less than half their words.
    private func oneFormTwoSources(_ allNames: [Name], _ sources: [Int: Block], _ document: Document) -> [Finding] {
        var findings: [Finding] = []
        var firstByForm: [[String]: (name: Name, source: Range<Int>, stems: Set<String>)] = [:]
        for name in allNames {
            guard let source = sources[name.block] else { continue }
            let runs = sourceRuns(source, length: name.content.count, document)
            let target = place(name, document)
            guard let closest = runs.min(by: { abs($0.place - target) < abs($1.place - target) }),
                  abs(closest.place - target) <= Self.maximumPlaceDistance else { continue }
            let stems = closest.stems
            guard let first = firstByForm[name.form] else {
                firstByForm[name.form] = (name, closest.range, stems)
                continue
            }
            // Another source phrase, sharing less than half its words with the first, which is absent here.
            let shared = Double(first.stems.intersection(stems).count) / Double(first.stems.union(stems).count)
            guard shared < 0.5, !runs.contains(where: { $0.stems == first.stems }) else { continue }
            findings.append(finding(
                in: document, at: name.range,
                message: "'\(document.buffer.string(name.range))' translates '\(document.buffer.string(closest.range))' here "
                    + "but '\(document.buffer.string(first.source))' on line \(document.line(at: first.source.lowerBound)); "
                    + "one term for two source terms",
                source: closest.range, related: [first.name.range, first.source]))
        }
        return findings
    }

    /// Target caption block index → its source caption.
    private func sourceOfTarget(_ document: Document) -> [Int: Block] {
        Dictionary(document.alignedCaptions.map { ($0.target.index, $0.source) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs of `length` consecutive content words of a source caption, with where each starts
    /// (as the share of the caption's content words before it).
    private func sourceRuns(_ block: Block, length: Int, _ document: Document) -> [SourceRun] {
        let words = document.contentWords(block)
        guard length > 0, words.count >= length else { return [] }
        return (0...(words.count - length)).map { i -> SourceRun in
            let range = words[i].token.range.lowerBound..<words[i + length - 1].token.range.upperBound
            return SourceRun(range: range, words: words[i..<(i + length)], place: Double(i) / Double(words.count))
        }
    }

    private struct SourceRun {
        let range: Range<Int>
        let words: ArraySlice<ContentWord>
        let place: Double
        /// Its stems, as a set (made when asked: most runs are only placed).
        var stems: Set<String> { Set(words.map(\.stem)) }
    }

    /// Where a name starts in its block, as the share of the block's content words before it.
    private func place(_ name: Name, _ document: Document) -> Double {
        let words = document.contentWords(document.blocks[name.block])
        return Double(words.prefix { $0.token.range.lowerBound < name.range.lowerBound }.count) / Double(max(1, words.count))
    }

    /// When both names are in captions aligned with source captions: the run of source content words
    /// (as long as the name) that both source captions share, choosing, among several, the one whose
    /// place in each caption is closest to the name's place in its translation. Returns its ranges in
    /// the first and the second source caption.
    private func sharedSourcePhrase(_ first: Name, _ second: Name, _ sources: [Int: Block], _ document: Document) -> (Range<Int>, Range<Int>)? {
        guard let a = sources[first.block], let b = sources[second.block] else { return nil }
        let runsA = sourceRuns(a, length: first.content.count, document)
        let runsB = a.index == b.index ? runsA : sourceRuns(b, length: first.content.count, document)
        let placeA = place(first, document), placeB = place(second, document)
        var best: (Range<Int>, Range<Int>, distance: Double)?
        let stemsB = runsB.map(\.stems)
        for runA in runsA {
            let stemsA = runA.stems
            for (runB, stems) in zip(runsB, stemsB) where stemsA == stems {
                let distance = abs(runA.place - placeA) + abs(runB.place - placeB)
                if distance < best?.distance ?? .infinity { best = (runA.range, runB.range, distance) }
            }
        }
        return best.map { ($0.0, $0.1) }
    }

    /// Runs of capitalised words (two or more), possibly joined by connectors, separated only by spaces.
    private func names(in block: Block, _ document: Document) -> [Name] {
        let buffer = document.buffer
        let language = document.language(of: block)
        let connectors = Self.connectors[language.code] ?? []
        let sentenceStarts = Set(block.sentences.map(\.lowerBound))
        var names: [Name] = []
        var run: [(token: Token, key: String, capitalised: Bool)] = []

        func flush() {
            while let last = run.last, !last.capitalised { run.removeLast() }
            let capitalised = run.filter(\.capitalised)
            if capitalised.count >= 2 {
                names.append(Name(
                    block: block.index,
                    range: run.first!.token.range.lowerBound..<run.last!.token.range.upperBound,
                    content: capitalised.map(\.key).sorted(),
                    form: run.map(\.key)))
            }
            run = []
        }

        let keys = document.keys(of: block)
        for (index, token) in block.tokens.enumerated() {
            let adjacent = run.last.map { last in
                buffer.isBlank(last.token.range.upperBound..<token.range.lowerBound)
            } ?? true
            if !adjacent || token.kind != .word { flush() }
            guard token.kind == .word else { continue }
            let key = keys[index] ?? document.key(token, in: block)
            if token.isCapitalized, !sentenceStarts.contains(token.range.lowerBound) {
                run.append((token, key.stem, true))
            } else if !run.isEmpty, connectors.contains(key.folded) {
                run.append((token, key.folded, false))
            } else {
                flush()
            }
        }
        flush()
        return names
    }
}
