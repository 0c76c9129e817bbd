import MTCore
import MTText

/// MT113: a translation that is its source, copied unchanged.
public struct CopiedSource: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT113",
        id: "copied-source",
        summary: "The translation is its source copied unchanged.",
        rationale: """
            A segment left in the source language (a failed call, a skipped segment) is not translated at all. \
            In each aligned pair, a translation equal to its source (compared on NFKC_Casefold keys) is \
            reported when the source has words (of two letters or more) in the source language's script: a \
            name, a number or a measurement that reads the same in both languages ("Orion Pictures", "2024", \
            "+17°С", whose "С" is a unit symbol) is left alone.
            """,
        mqm: .untranslated,
        severity: .major,
        triggering: [
            .segment("Путин прибыл в Кронштадт.", "⟦Путин прибыл в Кронштадт.⟧", messages: ["the translation is its source (line 1) copied unchanged"]),
        ],
        nonTriggering: [
            .segment("Orion Pictures", "Orion Pictures"),
            .segment("+17°С.", "+17°С."),
            .segment("Путин прибыл в Кронштадт.", "Putin arrived in Kronstadt."),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        let script = document.pair.source.script
        // Where the scripts differ, a copy has a word of the source's script, on both sides (folding keeps a
        // letter's script): checked before the texts are folded, which most translations need not be.
        guard !target.range.isEmpty,
              !document.pair.scriptsDiffer || (source.tokens.contains(where: { $0.script == .single(script) && $0.range.count >= 2 })
                  && target.tokens.contains(where: { $0.script == .single(script) || $0.script == .mixed })),
              Normalizer.foldKey(document.text(source)) == Normalizer.foldKey(document.text(target))
        else { return [] }
        return [finding(
            in: document, at: target.range,
            message: "the translation is its source (line \(source.firstLine)) copied unchanged", source: source.range)]
    }
}
