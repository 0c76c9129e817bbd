import MTCore
import MTText

/// MT115: a translation whose words translate nothing in its source: another sentence's translation.
public struct UnrelatedTranslation: PairRule, ConfigurableRule {
    static let minimumWordsOption = RuleOption.integer(
        "minimum-words", 8, in: 3...1000, "Fewest content words of the translation before its coverage is judged.",
        provenance: """
            Issue 20: with six, 5 of the 4,004 professional WMT21 translations were flagged for a short \
            sentence rephrased freely ("They remove unconscious biases that might cloud clinicians' \
            judgments"); at eight words two are (besides three pairs the data set itself shifted), and 34 of \
            the 36 shifted DEMETR translations it found are still found.
            """)
    static let minimumCoverageOption = RuleOption.number(
        "minimum-coverage", 0.05, in: 0...0.5,
        "Share of the translation's content words that translate a source word, at or below which the pair is unrelated.",
        provenance: """
            Issue 9: on DEMETR ru→en dev, 0.15 flags 2% of the correct translations and 0.1 none; 0.05 (no \
            translated word in under twenty) finds as many shifted translations (47 of 50 with the other \
            rules) and leaves a margin for word-list gaps.
            """)

    let minimumWords: Int
    let minimumCoverage: Double

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        minimumWords = configuration.integer(Self.minimumWordsOption)
        minimumCoverage = configuration.number(Self.minimumCoverageOption)
    }

    public let description = RuleDescription(
        code: "MT115",
        id: "unrelated-translation",
        summary: "Almost none of the translation's words translate a word of its source: it is another sentence's translation.",
        rationale: """
            Segments get shifted: a caption or a segment receives the translation of its neighbour. In each \
            aligned pair, mtlint counts the content words of the translation that render a word of the source: \
            a translation in the bilingual word list (by stem, so any case form counts, and a derived form: \
            "medic" ~ "medical"), a name the entity alignment accounts for (transliterated, translated, an \
            acronym), or a word that transliterates a source word ("draft" for "драфте"); and numbers count \
            that both sides have. When the translation has eight content words or more and at most one in twenty \
            of them (and its numbers) renders the source, the pair is reported.
            """,
        mqm: .mistranslation,
        severity: .critical,
        options: [Self.minimumWordsOption, Self.minimumCoverageOption],
        triggering: [
            .segment("В Московском регионе в воскресенье ожидаются небольшие дожди и переменная облачность.",
                     "⟦The crowd of people forced the king and queen to open the windows wide.⟧", messages: ["0 of the translation's 8 content words render a word of its source, and it shares 0 of its 0 numbers (line 1): is it another sentence's translation?"]),
        ],
        nonTriggering: [
            .segment("В Московском регионе в воскресенье ожидаются небольшие дожди и переменная облачность.",
                     "Light rain and partly cloudy weather are expected in the Moscow region on Sunday."),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        let words = document.contentWords(target).filter { $0.token.kind == .word }
        guard words.count >= minimumWords else { return [] }
        // The stems each source word's translations have.
        let renderings = document.renderings(of: source)
        // sameWord needs a shared prefix of five letters: only stems with the same five are compared (grouped
        // on first need: most translations are covered by exact stems, names and numbers first).
        var byPrefix: [Substring: [String]]?
        func similarRendering(_ stem: String) -> Bool {
            // (A stem several source words share is listed more than once: no matter for `contains`.)
            let groups = byPrefix ?? renderings.reduce(into: [:]) { groups, stems in
                for stem in stems where stem.count >= 5 { groups[stem.prefix(5), default: []].append(stem) }
            }
            byPrefix = groups
            return groups[stem.prefix(5)]?.contains { sameWord($0, stem) } ?? false
        }
        // Names the entity alignment accounts for, and source words to compare transliterations with.
        let names = Set(document.entities[source.index]?.targetWordCounterparts.keys.map { $0 } ?? [])
        // Romanized on first need: most words are accounted for before it.
        var sourceSkeletons: [NameMatch.Skeleton]?
        func isRendered(_ word: ContentWord) -> Bool {
            names.contains(word.token.range.lowerBound) || renderings.contains(where: { $0.contains(word.stem) })
        }
        func isRenderedApproximately(_ word: ContentWord) -> Bool {
            if word.stem.count >= 5 && similarRendering(word.stem) { return true }
            guard word.stem.count >= 4 else { return false }
            let skeletons = sourceSkeletons ?? document.romanizedWords(of: source).filter { !$0.token.isCapitalized }.map(\.skeleton)
            sourceSkeletons = skeletons
            let skeleton = NameMatch.skeleton(word.stem)
            return skeletons.contains { NameMatch.transliterates($0, skeleton) }
        }
        // Shared numbers only lower the share further: a translation with more than the share of its
        // words covered passes, and the counting stops there. Words rendered exactly are counted first:
        // most translations pass before any word is compared letter by letter.
        let limit = minimumCoverage * Double(words.count)
        var covered = 0
        var rest: [ContentWord] = []
        for word in words {
            guard isRendered(word) else {
                rest.append(word)
                continue
            }
            covered += 1
            if Double(covered) > limit { return [] }
        }
        for word in rest where isRenderedApproximately(word) {
            covered += 1
            if Double(covered) > limit { return [] }
        }
        let numbers = document.sharedNumbers(source, target)
        let evidence = covered + numbers.shared
        guard Double(evidence) <= minimumCoverage * Double(words.count + numbers.shared) else { return [] }
        return [finding(
            in: document, at: target.range,
            message: "\(covered) of the translation's \(words.count) content words render a word of its source, and it shares "
                + "\(numbers.shared) of its \(numbers.target) numbers (line \(source.firstLine)): is it another sentence's translation?",
            source: source.range)]
    }
}
