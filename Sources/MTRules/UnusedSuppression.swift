import MTCore

/// MT901: an inline suppression that suppresses nothing.
public struct UnusedSuppression: FindingsRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT901",
        id: "unused-suppression",
        summary: "A `<!-- mtlint-disable-next-line … -->` comment suppresses no finding: the error it hid is gone, or it names the wrong rule or line.",
        rationale: """
            A suppression outlives the finding it was written for: the translation is corrected, or the text \
            moves. Left in place, it would hide the next error on that line without anyone deciding to. As \
            Ruff's RUF100, mtlint reports a directive when the line after it (the next line with text) has no \
            finding of the rules it names (of any rule, when it names none), and a directive that names a rule \
            mtlint does not have. Remove the comment, or correct the rule it names.
            """,
        mqm: .other,
        severity: .minor,
        triggering: [
            RuleExample("""
            ⟦<!-- mtlint-disable-next-line doubled-word -->⟧
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.
            """, messages: ["unused suppression: no finding of doubled-word on line 2; remove it"]),
            RuleExample("""
            ⟦<!-- mtlint-disable-next-line no-such-rule -->⟧
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.
            """, messages: ["this suppression names no rule 'no-such-rule' (`mtlint rules` lists them by id and code)"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.
            """,
        ])

    public func check(_ document: Document, findings: [Finding]) -> [Finding] {
        document.suppressionDirectives.compactMap { directive in
            if let unknown = directive.rules.first(where: { RuleRegistry.rule(named: $0) == nil }) {
                return finding(in: document, at: directive.range,
                               message: "this suppression names no rule '\(unknown)' (`mtlint rules` lists them by id and code)")
            }
            guard !findings.contains(where: directive.covers) else { return nil }
            let what = directive.rules.isEmpty ? "any rule" : directive.rules.joined(separator: ", ")
            let message = directive.targetLine.map { "unused suppression: no finding of \(what) on line \($0); remove it" }
                ?? "unused suppression: no line follows it; remove it"
            return finding(in: document, at: directive.range, message: message)
        }
    }
}
