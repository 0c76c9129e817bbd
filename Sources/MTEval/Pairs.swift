import Foundation
import MTCore

/// One challenge item: a source sentence with a correct (`good`) and a damaged (`bad`) translation.
public struct ChallengePair: Sendable {
    public let id: String
    /// The kind of damage (`label`, else `perturbation`); pairwise accuracy is reported per label.
    public let label: String
    public let source: String
    public let good: String
    public let bad: String
    /// Whether the damage was really applied (`bad` differs from `good`); default true.
    public let applied: Bool

    /// Reads a JSON-lines file of pairs; the first bad line gives an `InputError` naming the file,
    /// the line and its byte offset.
    public static func load(path: String) throws(InputError) -> [ChallengePair] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(path: path, reason: "cannot be read")
        }
        let decoded = try DocumentReader.decode(Array(data), path: path)
        var pairs: [ChallengePair] = []
        var byteOffset = decoded.byteOffset
        for (index, line) in decoded.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { byteOffset += line.utf8.count + 1 }
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            func fail(_ why: String) -> InputError {
                InputError(path: path, reason: "line \(index + 1): \(why)", byteOffset: byteOffset)
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)), let fields = object as? [String: Any] else {
                throw fail("not a JSON object")
            }
            guard let source = fields["source"] as? String, let good = fields["good"] as? String,
                  let bad = fields["bad"] as? String else {
                throw fail("expected string fields \"source\", \"good\" and \"bad\"")
            }
            let id = (fields["id"] as? String) ?? (fields["id"] as? NSNumber)?.stringValue ?? "line \(index + 1)"
            let label = (fields["label"] as? String) ?? (fields["perturbation"] as? String) ?? "all"
            pairs.append(ChallengePair(
                id: id, label: label, source: source, good: good, bad: bad,
                applied: (fields["applied"] as? Bool) ?? true))
        }
        guard !pairs.isEmpty else { throw InputError(path: path, reason: "has no pairs") }
        return pairs
    }
}

/// Pairwise accuracy per label and false alarms on the correct sides.
public struct PairsReport: Encodable, Sendable {
    public struct Label: Encodable, Sendable {
        public let label: String
        public let pairs: Int
        /// `bad` got strictly more penalty than `good`.
        public let better: Int
        /// Same penalty.
        public let ties: Int
        /// `good` got more penalty than `bad`.
        public let worse: Int
        /// Pairwise accuracy: `better` / `pairs`.
        public let accuracy: Rounded

        init(label: String, better: Int, ties: Int, worse: Int) {
            self.label = label
            self.better = better
            self.ties = ties
            self.worse = worse
            pairs = better + ties + worse
            accuracy = Rounded(pairs == 0 ? 0 : Double(better) / Double(pairs))
        }
    }

    public struct RuleRates: Encodable, Sendable {
        public let code: String
        public let rule: String
        public let tier: String
        /// Share of applied pairs whose `good` side this rule flags (false alarms).
        public let goodFlagged: Rounded
        /// Share of applied pairs whose `bad` side this rule flags.
        public let badFlagged: Rounded
    }

    public let file: String
    public let pairs: Int
    /// Pairs left out because their damage was not applied.
    public let notApplied: Int
    public let labels: [Label]
    /// Pairwise accuracy over all applied pairs.
    public let accuracy: Rounded
    /// Share of applied pairs whose `good` side has any finding, and a major or critical one.
    public let goodWithFinding: Rounded
    public let goodWithMajor: Rounded
    public let rules: [RuleRates]
}

extension Evaluator {
    /// Checks both sides of every applied pair as a source/target segment (the `--stdin-jsonl`
    /// segment path), each distinct segment once.
    public func evaluate(pairs: [ChallengePair], file: String) -> PairsReport {
        let applied = pairs.filter(\.applied)
        var index: [String: Int] = [:]
        var segments: [(String, String)] = []
        func key(_ source: String, _ target: String) -> Int {
            let k = source + "\u{0}" + target
            if let i = index[k] { return i }
            index[k] = segments.count
            segments.append((source, target))
            return segments.count - 1
        }
        let sides = applied.map { (key($0.source, $0.good), key($0.source, $0.bad)) }
        struct Outcome: Sendable {
            let penalty: Double
            let codes: Set<String>
            let worst: Severity?
        }
        let texts = segments
        let outcomes = session.map(texts.count) { [session] i in
            let result = session.check(MTCore.Document(segmentID: "\(i)", source: texts[i].0, target: texts[i].1, pair: session.pair))
            return Outcome(penalty: result.score.penalty, codes: Set(result.findings.map(\.code)), worst: result.findings.map(\.severity).max())
        }
        var labels: [String: (better: Int, ties: Int, worse: Int)] = [:]
        var goodFlags: [String: Int] = [:], badFlags: [String: Int] = [:]
        var goodAny = 0, goodMajor = 0, better = 0
        for (pair, (good, bad)) in zip(applied, sides) {
            let g = outcomes[good], b = outcomes[bad]
            var entry = labels[pair.label, default: (0, 0, 0)]
            if b.penalty > g.penalty { entry.better += 1; better += 1 } else if b.penalty == g.penalty { entry.ties += 1 } else { entry.worse += 1 }
            labels[pair.label] = entry
            if g.worst != nil { goodAny += 1 }
            if let worst = g.worst, worst >= .major { goodMajor += 1 }
            for code in g.codes { goodFlags[code, default: 0] += 1 }
            for code in b.codes { badFlags[code, default: 0] += 1 }
        }
        let n = Double(max(applied.count, 1))
        return PairsReport(
            file: file, pairs: pairs.count, notApplied: pairs.count - applied.count,
            labels: labels.keys.sorted().map { label in
                let e = labels[label]!
                return PairsReport.Label(label: label, better: e.better, ties: e.ties, worse: e.worse)
            },
            accuracy: Rounded(Double(better) / n),
            goodWithFinding: Rounded(Double(goodAny) / n), goodWithMajor: Rounded(Double(goodMajor) / n),
            rules: session.rules.map(\.description).map { d in
                PairsReport.RuleRates(
                    code: d.code, rule: d.id, tier: d.tier.rawValue,
                    goodFlagged: Rounded(Double(goodFlags[d.code, default: 0]) / n),
                    badFlagged: Rounded(Double(badFlags[d.code, default: 0]) / n))
            })
    }
}
