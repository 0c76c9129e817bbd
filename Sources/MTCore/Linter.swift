/// Runs rules over documents and scores the result.
public struct Linter: Sendable {
    public let rules: [any Rule]
    public let policy: ScoringPolicy

    public init(rules: [any Rule], policy: ScoringPolicy = ScoringPolicy()) {
        self.rules = rules
        self.policy = policy
    }

    public func lint(_ document: Document) -> LintResult {
        Preload.start(for: document)
        let findings = rules.flatMap { $0.check(document) }.sorted(by: Finding.reportOrder)
        return LintResult(document: document, findings: findings, score: policy.score(findings, wordCount: document.targetWordCount))
    }
}

/// A checked document.
public struct LintResult: Sendable {
    public let document: Document
    public let findings: [Finding]
    public let score: Score

    public init(document: Document, findings: [Finding], score: Score) {
        self.document = document
        self.findings = findings
        self.score = score
    }
}
