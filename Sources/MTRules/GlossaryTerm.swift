import MTCore
import MTText

/// MT203: a glossary term translated otherwise than the glossary says, or a forbidden term.
public struct GlossaryTerm: ConfigurableRule {
    /// The glossary's terms analysed in the pair's languages.
    struct Prepared: Sendable {
        let pair: LanguagePair
        let entries: [(entry: Glossary.Entry, source: Glossary.Pattern?, targets: [Glossary.Pattern], forbidden: [Glossary.Pattern])]
    }

    let prepared: Prepared

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        let source = Segmenter(language: configuration.pair.source), target = Segmenter(language: configuration.pair.target)
        prepared = Prepared(pair: configuration.pair, entries: configuration.glossary.entries.map { entry in
            (entry, entry.source.map { Glossary.Pattern($0, segmenter: source) }.flatMap { $0.words.isEmpty ? nil : $0 },
             entry.targets.map { Glossary.Pattern($0, segmenter: target) }.filter { !$0.words.isEmpty },
             entry.forbidden.map { Glossary.Pattern($0, segmenter: target) }.filter { !$0.words.isEmpty })
        })
    }

    /// The examples' glossary: what a team would write for the CSTO and for Kyiv.
    public static var exampleConfiguration: RuleConfiguration {
        RuleConfiguration(glossary: Glossary(entries: [
            Glossary.Entry(source: "ОДКБ", targets: ["CSTO", "Collective Security Treaty Organization"], forbidden: [], note: nil, origin: "example.csv:1"),
            Glossary.Entry(source: "Организация Договора о коллективной безопасности", targets: ["CSTO", "Collective Security Treaty Organization"],
                           forbidden: [], note: nil, origin: "example.csv:3"),
            Glossary.Entry(source: "Киев", targets: ["Kyiv"], forbidden: ["Kiev"], note: "the Ukrainian spelling", origin: "example.csv:5"),
        ]))
    }

    public let description = RuleDescription(
        code: "MT203",
        id: "glossary-term",
        summary: "A source term of the project's glossary is translated otherwise than the glossary says, or the translation uses a term the glossary forbids.",
        rationale: """
            A publisher fixes how its terms are translated ("ОДКБ is the CSTO", "never write Kiev") in a \
            glossary: TBX (TBX-Basic) or CSV/TSV (source,target[,status,note]), named by glossaries: in \
            .mtlint.yml or --glossary. In each aligned pair (a caption and its translation, a segment pair, a \
            sentence of two files), a source term is found in any case form, singular or plural: its words are \
            compared by Snowball stem ("ОДКБ", "Организации Договора о коллективной безопасности" in any case) \
            or by the dictionary form Hunspell gives ("сделок" is "сделка", where the stems differ); an acronym \
            is matched as written. When the translation has none of the term's preferred or admitted \
            translations (by stem again: "CSTO's", "organizations"), the translation is reported with the \
            expected term. A forbidden term (TBX deprecated or superseded, CSV "forbidden") is reported wherever \
            the translation has it, captions or paragraphs. Without a glossary the rule reports nothing. The \
            examples use a glossary of three entries: ОДКБ and its full name → CSTO or its full name, and Киев → Kyiv with Kiev \
            forbidden.
            """,
        mqm: .wrongTerm,
        severity: .major,
        triggering: [
            .segment("Армения заморозила участие в ОДКБ.", "⟦Armenia froze its participation in the OSCE.⟧", messages: ["the glossary translates 'ОДКБ' as 'CSTO' or 'Collective Security Treaty Organization' (example.csv:1), none of which the translation uses"]),
            .segment("Саммит Организации Договора о коллективной безопасности прошёл в Астане.", "⟦The summit of the security alliance took place in Astana.⟧", messages: ["the glossary translates 'Организации Договора о коллективной безопасности' as 'CSTO' or 'Collective Security Treaty Organization' (example.csv:3), none of which the translation uses"]),
            RuleExample("The delegation flew from ⟦Kiev⟧ to Minsk on Monday to discuss the budget and the timetable for reforms.", messages: ["'Kiev' is forbidden by the glossary (example.csv:5): write 'Kyiv' (the Ukrainian spelling)"]),
        ],
        nonTriggering: [
            .segment("Армения заморозила участие в ОДКБ.", "Armenia froze its participation in the CSTO."),
            .segment("Саммит ОДКБ прошёл в Астане.", "The CSTO's summit took place in Astana."),
            .segment("Делегация прилетела из Киева.", "The delegation flew in from Kyiv."),
        ])

    public func check(_ document: Document) -> [Finding] {
        guard !prepared.entries.isEmpty, document.pair == prepared.pair else { return [] }
        var findings: [Finding] = []
        for (source, target) in document.alignedCaptions {
            for (entry, term, targets, _) in prepared.entries where !targets.isEmpty {
                guard let term, let place = term.occurrences(in: source, of: document).first else { continue }
                guard !targets.contains(where: { !$0.occurrences(in: target, of: document).isEmpty }) else { continue }
                let expected = entry.targets.map { "'\($0)'" }.joined(separator: " or ")
                let none = entry.targets.count == 1 ? "which the translation does not use" : "none of which the translation uses"
                findings.append(finding(
                    in: document, at: target.range,
                    message: "the glossary translates '\(document.buffer.string(place))' as \(expected) (\(entry.origin)), \(none)",
                    source: place))
            }
        }
        for block in document.targetTextBlocks {
            for (entry, _, _, forbidden) in prepared.entries {
                for pattern in forbidden {
                    for place in pattern.occurrences(in: block, of: document) {
                        let instead = entry.targets.isEmpty ? "" : ": write " + entry.targets.map { "'\($0)'" }.joined(separator: " or ")
                        let note = entry.note.map { " (\($0))" } ?? ""
                        findings.append(finding(
                            in: document, at: place,
                            message: "'\(document.buffer.string(place))' is forbidden by the glossary (\(entry.origin))\(instead)\(note)"))
                    }
                }
            }
        }
        return findings
    }
}
