import MTCore
import MTText

/// MT109: a name of the source that its translation leaves out.
public struct MissingName: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT109",
        id: "missing-name",
        summary: "A name or acronym of the source has no counterpart in the translation.",
        rationale: """
            Dropping a name changes who did what. In each aligned pair, mtlint accounts for every name and \
            acronym of the source the way unsupported-entity does for the target (transliteration, the \
            bilingual word list, CLDR names, conventional names, initialisms, any case form). A source \
            name that nothing in the translation accounts for is reported on the source, unless the \
            translation has a name of its own in its place (then name-mismatch reports the pair). A \
            sentence-initial word counts as a name only when it is not a common word of the language, and \
            a run of common words ("Министерства") is no name. A source acronym is not reported when the \
            translation has capitalised words nothing else accounts for (an acronym spelled out: "ВМФ" = "the Navy"), \
            unless the word lists know its translations ("США" = "US", "United States") and none is there.
            """,
        mqm: .omission,
        severity: .minor,
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Губернатор Ставропольского края Владимир Владимиров на встрече с фермером ⟦Иваном Петренко⟧
            Stavropol Governor Vladimir Vladimirov at a meeting with a farmer
            Photo: TASS/Ivan Petrov

            Посол Линн Трейси вернулась в ⟦США⟧ на прошлой неделе
            Ambassador Lynne Tracy returned last week
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["'Иваном Петренко' (Ivanom Petrenko) has no counterpart in the translation (line 4)", "'США' (SSHA) has no counterpart in the translation (line 8)"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Губернатор Ставропольского края Владимир Владимиров на встрече с фермером Иваном Петренко
            Stavropol Governor Vladimir Vladimirov at a meeting with farmer Ivan Petrenko
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        // A pair whose target has a name of its own in place of the source's is name-mismatch's.
        for pair in document.entityPairs where pair.unknownTargetNames(in: document).isEmpty {
            // A source acronym is often spelled out in words nothing else accounts for ("ВМФ" = "the
            // Navy"), unless its translations are known ("США" = "US", "United States") and absent.
            let expanded = !pair.alignment.unaccountedTargetWords.isEmpty
            // A capitalised word of the translation that nothing accounts for ("the Navy", "Martian") may
            // render a source name in a way the word lists do not know: then no name is known to be missing.
            guard !expanded else { continue }
            // A translation with more personal pronouns than its source may say "he" for a name
            // (counted when first needed: most pairs miss no name).
            var pronouns: Int?
            // An acronym the word lists do not know may stand for an acronym of the translation ("ЦТАК" = "KCNA"),
            // and one of two letters the acronym table does not list ("МЮ", "МИ") for too much to say it is missing.
            let targetHasAcronym = pair.alignment.target.contains(where: \.isAcronym)
            let lexicon = document.lexicon
            for entity in pair.unmatchedSource where !document.overlapsOrganisation(entity.range, in: pair.source) {
                let listed = lexicon.listedAcronyms.contains(Normalizer.foldKey(document.buffer.string(entity.range)))
                guard !(entity.isAcronym && ((!entity.hasKnownTranslation && targetHasAcronym) || (entity.range.count <= 2 && !listed))),
                      !pair.hasUnaccountedTargetName(near: entity),
                      !document.isCountryAttribute(entity, in: pair.source) else { continue }
                if !entity.isAcronym {
                    let left = pronouns ?? document.pronounCount(in: pair.target, document.pair.target)
                        - document.pronounCount(in: pair.source, document.pair.source)
                    pronouns = left - (left > 0 ? 1 : 0)
                    if left > 0 { continue }
                }
                findings.append(finding(
                    in: document, at: entity.range,
                    message: "\(document.quotedWithRomanization(entity.range)) has no counterpart in the translation "
                        + "(line \(pair.target.firstLine))",
                    source: entity.range))
            }
        }
        return findings
    }
}

extension Document {
    /// Whether an entity is a country named as an attribute of the word before it ("госдепартамент США",
    /// "МЧС России"): what a translation leaves out where it is obvious ("the State Department").
    func isCountryAttribute(_ entity: EntityAlignment.Entity, in block: Block) -> Bool {
        guard entity.words.count == 1, let index = block.tokenIndex(at: entity.range.lowerBound), index > 0 else { return false }
        let previous = block.tokens[index - 1]
        guard previous.kind == .word, !key(previous, in: block).isStopword else { return false }
        return lexicon.isCountry(key(block.tokens[index], in: block).folded)
    }

    /// How many words of a block are personal pronouns of a language.
    func pronounCount(in block: Block, _ language: Language) -> Int {
        zip(block.tokens, keys(of: block)).count { token, known in
            token.kind == .word && language.isPersonalPronoun((known ?? key(token, in: block)).folded)
        }
    }
}
