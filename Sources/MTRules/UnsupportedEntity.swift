import MTCore
import MTText

/// MT107: an organisation, or a name of two or more words, in a translation that its source does not mention.
public struct UnsupportedEntity: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT107",
        id: "unsupported-entity",
        summary: "The translation names an organisation, or a person or place by a name of two or more words, that its source does not mention.",
        rationale: """
            An entity in a translation must come from its source; one that does not is an addition or a \
            hallucination. In each aligned pair (a caption and its translation, or a segment pair), mtlint \
            looks for a counterpart of each of the target's organisations (from its organisation table), \
            acronyms and names (runs of capitalised words): the same organisation in the source; a source \
            word that the bilingual word list, CLDR's names of countries, cities, languages and currencies \
            (from ICU) or the conventional-names file translate into one of its words, in any case form \
            ("Северной" = "North", "ЮАР" = "South Africa"); a source name it transliterates in either \
            direction ("Крейг" = "Craig"); an acronym it spells out ("АПЛ" = "Premier League"). Acronyms \
            left over on both sides are taken to translate each other ("АЭС" = "NPP"), and common acronyms \
            that name no entity ("CEO", "GDP") are skipped. An organisation of the table is reported (major), \
            unless it is of the same kind as one the source names (wrong-organisation's); and a name of two \
            or more words the spelling dictionary does not know ("Bohuslav Reynek"; not "President Tebboune", \
            "Kim Kardashian"), minor. One-word names and acronyms are the preview rule \
            unsupported-short-name's: translators add them freely ("Zenit" for "сине-бело-голубые", "QB" for \
            "квотербек"), and on professional translations they fired on 1 pair in 90. A name whose every word \
            the spelling dictionary knows ("Moscow") is the preview rule unsupported-known-name's. When the \
            source also has a name the target does not account for, the pair is left to name-mismatch.
            """,
        mqm: .addition,
        severity: .minor,
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов на встрече с журналистами в Москве
            Finance Minister Anton Siluanov at a meeting with ⟦International Monetary Fund⟧ journalists in Moscow
            Photo: TASS/Ivan Petrov

            Министр финансов Антон Силуанов в Москве
            Finance Minister Anton Siluanov and ⟦Maksut Shadayev⟧ in Moscow
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'International Monetary Fund' (IMF) is not in the source (line 3)", "'Maksut Shadayev' has no counterpart in the source (line 7)"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Госсекретарь США Энтони Блинкен и глава МВФ на встрече с журналистами ТАСС в Москве
            U.S. Secretary of State Anthony Blinken and the IMF chief at a meeting with TASS journalists in Moscow
            Photo: TASS/Ivan Petrov

            Строительство АЭС в ЮАР и на Северной Двине, сообщил Крейг Льюис
            Construction of an NPP in South Africa and on the Northern Dvina, Craig Lewis said
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let buffer = document.buffer
        for pair in document.entityPairs {
            let source = pair.source, target = pair.target
            let sourceOrganisations = document.organisations[source.index].map(\.organisation)
            for mention in document.organisations[target.index] where !sourceOrganisations.contains(mention.organisation) {
                guard !sourceOrganisations.contains(where: { $0.kind == mention.organisation.kind }) else { continue }
                // An international organisation is a fact an editor checks at once: major.
                findings.append(finding(
                    in: document, at: mention.range,
                    message: "'\(buffer.string(mention.range))' (\(mention.organisation.id)) is not in the source (line \(source.firstLine))",
                    severity: .major))
            }
            for entity in pair.addedNames(in: document) where entity.rareWords >= 2 {
                findings.append(finding(
                    in: document, at: entity.range,
                    message: "'\(buffer.string(entity.range))' has no counterpart in the source (line \(source.firstLine))"))
            }
        }
        return findings
    }
}
