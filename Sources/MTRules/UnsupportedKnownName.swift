import MTCore
import MTText

/// MT110 (preview): a well-known name in the translation that nothing in the source accounts for.
public struct UnsupportedKnownName: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT110",
        id: "unsupported-known-name",
        summary: "The translation has a well-known name (one the spelling dictionary knows) that nothing in the source accounts for.",
        rationale: """
            unsupported-entity and name-mismatch report names that neither the source nor the spelling \
            dictionary accounts for: rare or invented names. A name the dictionary knows ("Africa", "Moscow", \
            "Jesus") that the source does not account for may be a substitution too, but just as often it is \
            a translated name outside mtlint's word lists or a translator's explicitation ("13:25 мск" = \
            "13:25 Moscow time"). On correct translations this fires too often to gate on, so the rule is in \
            the preview tier: `--preview` turns it on.
            """,
        mqm: .mistranslation,
        severity: .minor,
        tier: .preview,
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов в Минске
            Finance Minister Anton Siluanov in ⟦Africa⟧
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'Africa' has no counterpart in the source (line 3)"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов в Москве
            Finance Minister Anton Siluanov in Moscow
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for pair in document.entityPairs {
            for entity in pair.unmatchedTarget
            where !entity.isAcronym && entity.isDictionaryKnown && !document.overlapsOrganisation(entity.range, in: pair.target) {
                findings.append(finding(
                    in: document, at: entity.range,
                    message: "'\(document.buffer.string(entity.range))' has no counterpart in the source (line \(pair.source.firstLine))"))
            }
        }
        return findings
    }
}
