import MTCore
import MTText

/// MT107: an organisation or acronym in a translated caption that its source does not mention.
public struct UnsupportedEntity: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT107",
        id: "unsupported-entity",
        summary: "The translation names an organisation, acronym or person that its source does not mention.",
        rationale: """
            An entity in a translation must come from its source; one that does not is an addition or a \
            hallucination. In each aligned caption pair, mtlint looks for counterparts of the target's \
            organisations (in its organisation table) and acronyms: the same organisation in the source, a source \
            acronym that transliterates to it ("ТАСС" = "TASS"), or a conventional name ("США" = "U.S."); common \
            acronyms that name no entity ("CEO", "GDP") are listed per language and skipped. A name \
            of two or three capitalised words is reported when none of its words matches a source word while \
            every name of the source is already found in the target. An organisation of the same kind as one \
            the source names is left to wrong-organisation.
            """,
        mqm: .addition,
        severity: .major,
        triggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов на встрече с журналистами в Москве
            Finance Minister Anton Siluanov at a meeting with ⟦IMF⟧ journalists in Moscow
            Photo: TASS/Ivan Petrov

            Министр финансов Антон Силуанов в Москве
            Finance Minister Anton Siluanov and ⟦Elvira Nabiullina⟧ in Moscow
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Госсекретарь США Энтони Блинкен и глава МВФ на встрече с журналистами ТАСС в Москве
            U.S. Secretary of State Anthony Blinken and the IMF chief at a meeting with TASS journalists in Moscow
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let buffer = document.buffer
        for (source, target) in document.alignedCaptions {
            let sourceOrganisations = document.organisations[source.index].map(\.organisation)
            let sourceAcronyms = source.tokens.filter { $0.kind == .word && $0.isAllCaps }.map { buffer.string($0.range) }
            let targetOrganisations = document.organisations[target.index]
            for mention in targetOrganisations where !sourceOrganisations.contains(mention.organisation) {
                guard !sourceOrganisations.contains(where: { $0.kind == mention.organisation.kind }) else { continue }
                findings.append(finding(
                    in: document, at: mention.range,
                    message: "'\(buffer.string(mention.range))' (\(mention.organisation.id)) is not in the source (line \(source.firstLine))"))
            }
            let commonAcronyms = document.language(of: target).commonAcronyms
            for token in target.tokens where token.kind == .word && token.isAllCaps
                && !targetOrganisations.contains(where: { $0.range.overlaps(token.range) }) {
                let acronym = buffer.string(token.range)
                guard !commonAcronyms.contains(acronym) else { continue }
                let supported = sourceAcronyms.contains { NameMatch.matches($0, acronym, pair: document.pair) }
                    || source.tokens.contains { buffer.string($0.range) == acronym }
                guard !supported else { continue }
                findings.append(finding(
                    in: document, at: token.range,
                    message: "'\(acronym)' has no counterpart in the source (line \(source.firstLine))"))
            }
            findings += unsupportedNames(source, target, document)
        }
        return findings
    }

    /// A name of two or three words in the target that matches nothing in the source, while every
    /// name of the source is accounted for in the target: it cannot be the translation of anything.
    private func unsupportedNames(_ source: Block, _ target: Block, _ document: Document) -> [Finding] {
        let buffer = document.buffer
        let sourceNames = document.nameWords(source), targetNames = document.nameWords(target)
        let sourceWords = source.tokens.filter { $0.kind == .word }.map { buffer.string($0.range) }
        let unaccounted = sourceNames.filter { word in
            !targetNames.contains { NameMatch.matches(word.text, $0.text, pair: document.pair) }
        }
        guard unaccounted.isEmpty else { return [] }
        return Dictionary(grouping: targetNames, by: \.run).values
            .filter { (2...3).contains($0.count) }
            .filter { run in !run.contains { word in sourceWords.contains { NameMatch.matches($0, word.text, pair: document.pair) } } }
            .sorted { $0[0].token.range.lowerBound < $1[0].token.range.lowerBound }
            .map { run in
                let range = run.first!.token.range.lowerBound..<run.last!.token.range.upperBound
                return finding(
                    in: document, at: range,
                    message: "'\(buffer.string(range))' has no counterpart in the source (line \(source.firstLine))")
            }
    }
}
