import MTCore
import MTText

/// MT116 (preview): an acronym or one-word name in the translation that its source does not mention.
public struct UnsupportedShortName: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT116",
        id: "unsupported-short-name",
        summary: "The translation has an acronym or a name of one rare word that nothing in its source accounts for.",
        rationale: """
            unsupported-entity reports organisations and names of two or more rare words that the source does \
            not mention. An acronym or a name with one rare word ("Mr Corbyn", "Watford") without counterpart may be an invention too ("ADL" for \
            "АПЛ"), but translators add them freely: a club for its colours ("Zenit" for \
            "сине-бело-голубые"), an English acronym for words the source spells out ("QB" for "квотербек", \
            "MVP" for "самый ценный игрок"), a name the source leaves implicit. On 4,004 professional \
            translations this flagged 51 (1.3%), far more than a gate can carry, so the rule is in the preview \
            tier: `--preview` turns it on. It uses the same counterparts as unsupported-entity (transliteration, \
            the word lists, CLDR names, acronym expansions and initials).
            """,
        mqm: .addition,
        severity: .minor,
        tier: .preview,
        triggering: [
            .segment("Министр финансов Антон Силуанов на встрече с журналистами в Москве",
                     "Finance Minister Anton Siluanov at a meeting with ⟦UAC⟧ journalists in Moscow", messages: ["'UAC' has no counterpart in the source (line 1)"]),
            .segment("Уборка пшеницы в Ставропольском крае", "Wheat harvesting in the Stavropol Territory near ⟦Zabrodino⟧", messages: ["'Zabrodino' has no counterpart in the source (line 1)"]),
        ],
        nonTriggering: [
            .segment("Госсекретарь США Энтони Блинкен и глава МВФ на встрече с журналистами ТАСС",
                     "U.S. Secretary of State Anthony Blinken and the IMF chief at a meeting with TASS journalists"),
            .segment("Министр финансов Антон Силуанов и Эльвира Набиуллина", "Finance Minister Anton Siluanov and Elvira Nabiullina"),
        ])

    public func check(_ document: Document) -> [Finding] {
        document.entityPairs.flatMap { pair in
            pair.addedNames(in: document).filter { $0.rareWords < 2 }.map { entity in
                finding(
                    in: document, at: entity.range,
                    message: "'\(document.buffer.string(entity.range))' has no counterpart in the source (line \(pair.source.firstLine))")
            }
        }
    }
}
