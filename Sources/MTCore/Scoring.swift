/// How findings become a score and a verdict (MQM-style).
///
/// penalty = Σ weight(severity); score = 100 × (1 − penalty / target words), floored at 0.
/// A document passes when its score is at least `minimumScore` and no finding is at or
/// above `failOn`.
public struct ScoringPolicy: Sendable, Hashable {
    public var weights: [Severity: Double]
    public var minimumScore: Double
    /// The least severe level that fails the gate by itself; `nil` lets any severity pass.
    public var failOn: Severity?

    public static let defaultWeights: [Severity: Double] = [.minor: 1, .major: 5, .critical: 25]
    public static let defaultMinimumScore = 98.0
    public static let defaultFailOn = Severity.major

    public init(
        weights: [Severity: Double] = ScoringPolicy.defaultWeights,
        minimumScore: Double = ScoringPolicy.defaultMinimumScore,
        failOn: Severity? = ScoringPolicy.defaultFailOn
    ) {
        self.weights = weights
        self.minimumScore = minimumScore
        self.failOn = failOn
    }

    public func score(_ findings: [Finding], wordCount: Int) -> Score {
        let penalty = findings.reduce(0) { $0 + (weights[$1.severity] ?? 0) }
        let value = wordCount == 0
            ? (penalty > 0 ? 0 : 100)
            : max(0, 100 * (1 - penalty / Double(wordCount)))
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        let worst = findings.map(\.severity).max()
        let blockedBySeverity = failOn.map { threshold in worst.map { $0 >= threshold } ?? false } ?? false
        return Score(
            wordCount: wordCount, penalty: penalty, value: value, counts: counts,
            passed: value >= minimumScore && !blockedBySeverity)
    }
}

/// A document's score and verdict.
public struct Score: Sendable, Hashable {
    public let wordCount: Int
    public let penalty: Double
    /// 0…100.
    public let value: Double
    public let counts: [Severity: Int]
    public let passed: Bool
}
