import MTCore
import MTText

/// MT115: a translation whose words translate nothing in its source: another sentence's translation.
public struct UnrelatedTranslation: Rule {
    public init() {}

    /// Fewest content words of the translation before coverage is judged.
    static let minimumWords = 6
    /// Share of the translation's content words that translate a source word, at or below which the
    /// pair is unrelated. Provenance (issue 9): on DEMETR ru→en dev, 0.15 flags 2% of the correct
    /// translations and 0.1 none; 0.05 (no translated word in under twenty) finds as many shifted
    /// translations (47 of 50 with the other rules) and leaves a margin for word-list gaps.
    static let minimumCoverage = 0.05

    public let description = RuleDescription(
        code: "MT115",
        id: "unrelated-translation",
        summary: "Almost none of the translation's words translate a word of its source: it is another sentence's translation.",
        rationale: """
            Segments get shifted: a caption or a segment receives the translation of its neighbour. In each \
            aligned pair, mtlint looks up the lower-case content words of the translation in the bilingual word \
            list (by stem, so any case form of the source word counts; names and numbers are the entity and \
            number rules' business). When the translation has six content words or more and at most one in \
            twenty translates a source word, the pair is reported.
            """,
        mqm: .mistranslation,
        severity: .critical,
        triggering: [
            .segment("В Московском регионе в воскресенье ожидаются небольшие дожди и переменная облачность.",
                     "⟦The crowd of people forced the king and queen to open the windows wide.⟧"),
        ],
        nonTriggering: [
            .segment("В Московском регионе в воскресенье ожидаются небольшие дожди и переменная облачность.",
                     "Light rain and partly cloudy weather are expected in the Moscow region on Sunday."),
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for (source, target) in document.alignedCaptions {
            let words = document.contentWords(target).filter { $0.token.kind == .word && !$0.token.isCapitalized }
            guard words.count >= Self.minimumWords else { continue }
            let translations = document.renderings(of: source).reduce(into: Set<String>()) { $0.formUnion($1) }
            // sameWord needs a shared prefix of five letters: only stems with the same five are compared.
            let byPrefix = Dictionary(grouping: translations.filter { $0.count >= 5 }, by: { $0.prefix(5) })
            let covered = words.filter { word in
                translations.contains(word.stem)
                    || (word.stem.count >= 5 && byPrefix[word.stem.prefix(5)]?.contains { sameWord($0, word.stem) } ?? false)
            }
            guard Double(covered.count) <= Self.minimumCoverage * Double(words.count) else { continue }
            findings.append(finding(
                in: document, at: target.range,
                message: "\(covered.count) of the translation's \(words.count) content words translate a word of its source "
                    + "(line \(source.firstLine)): is it another sentence's translation?",
                source: source.range))
        }
        return findings
    }
}
