/// How findings become a score and a verdict (MQM-style).
///
/// penalty = Σ weight(severity); score = 100 × (1 − penalty / target words), floored at 0.
/// A document passes when its score is at least `minimumScore` and no finding is at or
/// above `failOn`.
public struct ScoringPolicy: Sendable, Hashable, CustomStringConvertible {
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
        var reasons: [GateReason] = []
        if value < minimumScore { reasons.append(.scoreBelowMinimum(score: value, minimum: minimumScore)) }
        if let failOn {
            for severity in Severity.allCases.reversed() where severity >= failOn {
                if let count = counts[severity] { reasons.append(.severity(severity, count: count, failOn: failOn)) }
            }
        }
        return Score(wordCount: wordCount, penalty: penalty, value: value, counts: counts, reasons: reasons, policy: self)
    }

    /// The gate in words: "score at least 98.00, no major or critical finding".
    public var description: String {
        var parts = ["score at least \(String(format2: minimumScore))"]
        if let failOn {
            let levels = Severity.allCases.filter { $0 >= failOn }.map(\.rawValue)
            parts.append("no \(levels.joined(separator: " or ")) finding")
        }
        return parts.joined(separator: ", ")
    }
}

/// Why a document failed the gate.
public enum GateReason: Sendable, Hashable, CustomStringConvertible {
    /// The score is below the policy's minimum.
    case scoreBelowMinimum(score: Double, minimum: Double)
    /// `count` findings of `severity`, at or above the policy's fail-on level.
    case severity(Severity, count: Int, failOn: Severity)

    /// "PASS" without reasons, else "FAIL (reason; reason)".
    static func verdict(_ reasons: [GateReason]) -> String {
        reasons.isEmpty ? "PASS" : "FAIL (\(reasons.map(\.description).joined(separator: "; ")))"
    }

    public var description: String {
        switch self {
        case .scoreBelowMinimum(let score, let minimum):
            "score \(String(format2: score)) is below \(String(format2: minimum))"
        case .severity(let severity, let count, let failOn):
            "\(count) \(severity.rawValue) finding\(count == 1 ? "" : "s"): the gate fails on \(failOn.rawValue)\(failOn == .critical ? "" : " or worse")"
        }
    }
}

/// A document's score and verdict.
public struct Score: Sendable, Hashable {
    public let wordCount: Int
    public let penalty: Double
    /// 0…100.
    public let value: Double
    public let counts: [Severity: Int]
    /// Why the document failed the gate, most decisive first; empty when it passed.
    public let reasons: [GateReason]
    /// The gate it was judged by.
    public let policy: ScoringPolicy

    public var passed: Bool { reasons.isEmpty }

    /// "PASS", or "FAIL (score 91.25 is below 98.00; 4 major findings: the gate fails on major or worse)".
    public var verdict: String { GateReason.verdict(reasons) }
}

extension String {
    /// A number with two decimals ("-0.30", "91.25"), without Foundation's locale-dependent formatting.
    public init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        self = "\(hundredths < 0 ? "-" : "")\(abs(hundredths / 100)).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// The verdict of a whole run: how many documents were checked and how many failed the gate.
public struct GateSummary: Sendable, Hashable, CustomStringConvertible {
    public var documents = 0
    public var failed = 0
    /// The reasons of the only document, when there is one (shown in the run's summary line).
    public var reasons: [GateReason] = []
    public let policy: ScoringPolicy

    public init(policy: ScoringPolicy) {
        self.policy = policy
    }

    /// The summary of these results (the default policy when there are none).
    public init(_ results: [LintResult]) {
        self.init(policy: results.first?.score.policy ?? ScoringPolicy())
        for result in results { add(result.score) }
    }

    public mutating func add(_ score: Score) {
        documents += 1
        if !score.passed { failed += 1 }
        reasons = documents == 1 ? score.reasons : []
    }

    public var passed: Bool { failed == 0 }

    /// "1 document, FAIL (score 91.25 is below 98.00)" or "6 documents, 2 failed the gate: FAIL".
    public var description: String {
        let counted = "\(documents) document\(documents == 1 ? "" : "s")"
        if documents == 1 { return "\(counted), " + GateReason.verdict(reasons) }
        return "\(counted), " + (passed ? "all passed the gate: PASS" : "\(failed) failed the gate: FAIL")
    }
}
