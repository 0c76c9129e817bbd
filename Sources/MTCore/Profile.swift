/// How one document is checked: which rules run (set up with their options), the severity a project
/// gives a rule's findings, and the gate. A run without a configuration file has one profile for every
/// document; a `.mtlint.yml` may give each file its own (`Session.check(_:profiles:emit:)`).
public struct Profile: Sendable {
    public var rules: [any Rule] { didSet { stages = RuleStages(rules) } }
    /// The rules sorted by how a document runs them, once per profile.
    private(set) var stages: RuleStages
    public var policy: ScoringPolicy
    public var pair: LanguagePair
    /// The tables documents are read with: the bundled data and the project's `knowledge:` files.
    public var knowledge: Knowledge
    /// A severity given to every finding of a rule, by rule id, in place of the rule's own.
    public var severities: [String: Severity]
    /// The configuration's `ignore:` entries that apply to the document, each with its number in the
    /// configuration (for `ignoreUsage`).
    public var ignores: [(number: Int, entry: IgnoreEntry)]
    /// Which `ignore:` entries matched a finding in the run.
    public var ignoreUsage: UsageTracker?
    /// Findings accepted earlier (`--baseline`).
    public var baseline: Baseline?

    public init(rules: [any Rule], policy: ScoringPolicy = ScoringPolicy(), pair: LanguagePair = .russianEnglish,
                knowledge: Knowledge = .bundled, severities: [String: Severity] = [:], ignores: [(number: Int, entry: IgnoreEntry)] = [],
                ignoreUsage: UsageTracker? = nil, baseline: Baseline? = nil) {
        self.rules = rules
        stages = RuleStages(rules)
        self.policy = policy
        self.pair = pair
        self.knowledge = knowledge
        self.severities = severities
        self.ignores = ignores
        self.ignoreUsage = ignoreUsage
        self.baseline = baseline
    }

    /// What is reported of a document's findings: graded, without those an inline directive or an
    /// `ignore:` entry suppresses or the baseline holds; how many each took away.
    func reported(_ findings: [Finding], of document: Document) -> (findings: [Finding], suppressed: Int, baselined: Int) {
        let graded = graded(findings)
        let directives = document.suppressionDirectives
        guard !directives.isEmpty || !ignores.isEmpty || baseline != nil else { return (graded, 0, 0) }
        let kept = graded.filter { finding in
            if directives.contains(where: { $0.covers(finding) }) { return false }
            guard let ignore = ignores.first(where: { $0.entry.covers(finding) }) else { return true }
            ignoreUsage?.use(ignore.number)
            return false
        }
        guard let baseline else { return (kept, graded.count - kept.count, 0) }
        let filtered = baseline.filter(kept, of: document.path)
        return (filtered.kept, graded.count - kept.count, filtered.baselined)
    }

    /// The rules' findings as the project grades them, in report order.
    private func graded(_ findings: [Finding]) -> [Finding] {
        let ordered = findings.sorted(by: Finding.reportOrder)
        guard !severities.isEmpty else { return ordered }
        return ordered.map { finding in
            guard let severity = severities[finding.ruleID] else { return finding }
            var graded = finding
            graded.severity = severity
            return graded
        }
    }
}

/// A profile's rules sorted by how a document runs them, found once: a dynamic cast per rule and
/// document cost more than some rules' checks of a segment pair.
struct RuleStages: Sendable {
    /// The rules that read the document, in order, each also as a `PairRule` when it is one.
    let documentRules: [(rule: any Rule, pairRule: (any PairRule)?)]
    /// The rules that judge the others' findings (`FindingsRule`), run after them, in order.
    let findingsRules: [any FindingsRule]

    init(_ rules: [any Rule]) {
        documentRules = rules.filter { !($0 is any FindingsRule) }.map { ($0, $0 as? any PairRule) }
        findingsRules = rules.compactMap { $0 as? any FindingsRule }
    }
}
