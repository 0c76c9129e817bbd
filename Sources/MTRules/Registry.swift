import MTCore

/// Every rule mtlint has, in code order. `mtlint rules`, the docs and the tests read this list.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        UntranslatedCaption(),
        UntranslatedText(),
        DuplicatedPhrase(),
        NumberMismatch(),
        DateMismatch(),
        NameMismatch(),
        UnsupportedEntity(),
        MissingName(),
        UnsupportedKnownName(),
        LengthRatio(),
        WrongOrganisation(),
        GlossaryTerm(),
        InconsistentTranslation(),
        PageFurniture(),
        UnbalancedQuotes(),
        DoubledWord(),
        IrregularSpacing(),
        MixedScriptWord(),
        HiddenCharacters(),
        SentenceTypeMismatch(),
        EmptyTranslation(),
        CopiedSource(),
        TruncatedTranslation(),
        EndPunctuationMismatch(),
        LetterCaseMismatch(),
        PunctuationCountMismatch(),
        MisspelledWord(),
        PlaceholderMismatch(),
        InlineTagMismatch(),
        UnrelatedTranslation(),
        UnsupportedShortName(),
        UntranslatedSentence(),
        AddedSentence(),
        UnusedSuppression(),
    ].sorted { $0.description.code < $1.description.code }

    /// The rules that run: the stable tier, plus the preview tier when `preview` is set; a rule of
    /// `replacing` stands for the registry's rule of the same id (one set up with options).
    public static func enabled(preview: Bool, replacing: [any Rule] = []) -> [any Rule] {
        all.filter { preview || $0.description.tier == .stable }.map { rule in
            replacing.first { $0.description.id == rule.description.id } ?? rule
        }
    }

    public static func rule(named idOrCode: String) -> (any Rule)? {
        all.first { $0.description.id == idOrCode || $0.description.code.lowercased() == idOrCode.lowercased() }
    }
}
