import Foundation
import MTCore

/// A share of a set with its 95% Wilson score interval: what a false-alarm rate measured on `total`
/// correct translations can be said to be.
public struct Share: Encodable, Sendable {
    public let count: Int
    public let total: Int
    public let share: Rounded
    /// The 95% Wilson score interval of the share.
    public let low: Rounded
    public let high: Rounded

    public init(_ count: Int, of total: Int) {
        self.count = count
        self.total = total
        let interval = Self.wilson(count, total)
        share = Rounded(total == 0 ? 0 : Double(count) / Double(total))
        low = Rounded(interval.low)
        high = Rounded(interval.high)
    }

    /// The Wilson score interval (z = 1.96): unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and is
    /// not empty at zero counts, where false-alarm rates live.
    static func wilson(_ count: Int, _ total: Int) -> (low: Double, high: Double) {
        guard total > 0 else { return (0, 1) }
        let z = 1.959964, n = Double(total), p = Double(count) / n
        let centre = p + z * z / (2 * n)
        let spread = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        let denominator = 1 + z * z / n
        return (max(0, (centre - spread) / denominator), min(1, (centre + spread) / denominator))
    }
}

/// How often the rules flag translations known to be correct (`mtlint eval --clean`): every finding on
/// them is a false alarm.
public struct CleanReport: Encodable, Sendable {
    /// One group of pairs (an id prefix, or all of them).
    public struct Group: Encodable, Sendable {
        public let name: String
        public let pairs: Int
        /// Pairs with any finding.
        public let withFinding: Share
        /// Pairs with a major or critical finding: the ones that fail the gate by default.
        public let withMajor: Share
    }

    /// A finding on a correct translation, for people to read.
    public struct Example: Encodable, Sendable {
        public let id: String
        public let severity: String
        public let message: String
        /// The flagged text.
        public let text: String
    }

    public struct Rule: Encodable, Sendable {
        public let code: String
        public let rule: String
        public let tier: String
        /// The rule's default severity.
        public let severity: String
        public let findings: Int
        /// Pairs with a finding of this rule, and with a major or critical one.
        public let flagged: Share
        public let flaggedMajor: Share
        /// The first finding of each of the first pairs it flags, in input order.
        public let examples: [Example]
    }

    public let file: String
    public let pairs: Int
    /// By id prefix (the id up to its first ':'), when asked for; empty otherwise.
    public let groups: [Group]
    public let overall: Group
    /// Every rule that ran, in code order.
    public let rules: [Rule]
    /// Measured against the precision budget, when asked for.
    public let budget: BudgetVerdict?
}

/// The most false alarms the default rules may raise on correct translations, from
/// `Data/precision-budget.tsv` (where each limit's reason is written down).
public struct PrecisionBudget: Encodable, Sendable {
    /// Share of pairs with any finding, in the whole set and in each group.
    public let anyFinding: Double
    /// Share of pairs with a major or critical finding, in the whole set and in each group.
    public let majorFinding: Double
    /// Share of the whole set one rule may flag with a major or critical finding.
    public let ruleMajor: Double
    /// Share of the whole set one rule may flag at all.
    public let ruleAny: Double

    public static let fileName = "precision-budget.tsv"

    public init(anyFinding: Double, majorFinding: Double, ruleMajor: Double, ruleAny: Double) {
        self.anyFinding = anyFinding
        self.majorFinding = majorFinding
        self.ruleMajor = ruleMajor
        self.ruleAny = ruleAny
    }

    /// The budget of the data file; an error names the file and what is wrong with it.
    public static func load() throws(InputError) -> PrecisionBudget {
        let rows = KnowledgeFile.rows(named: fileName)
        var limits: [String: Double] = [:]
        for row in rows {
            guard row.count >= 2, let value = Double(row[1]), (0...1).contains(value) else {
                throw InputError(path: fileName, reason: "has a row that is not 'measure<TAB>share': \(row.joined(separator: "\t"))")
            }
            limits[row[0]] = value
        }
        func limit(_ name: String) throws(InputError) -> Double {
            guard let value = limits[name] else { throw InputError(path: fileName, reason: "has no '\(name)' row") }
            return value
        }
        return PrecisionBudget(
            anyFinding: try limit("any-finding"), majorFinding: try limit("major-finding"),
            ruleMajor: try limit("rule-major"), ruleAny: try limit("rule-any"))
    }
}

/// A report measured against a budget: each limit exceeded, in words.
public struct BudgetVerdict: Encodable, Sendable {
    public let budget: PrecisionBudget
    public let passed: Bool
    /// "ru-en: 4.1% of pairs (82 of 2000) have a finding; the budget is 3.0%".
    public let exceeded: [String]
}

extension CleanReport {
    /// The report measured against `budget`: the whole set and every group against the set limits,
    /// every rule against the rule limits (over the whole set).
    public func verdict(_ budget: PrecisionBudget) -> BudgetVerdict {
        var exceeded: [String] = []
        func check(_ name: String, _ share: Share, _ limit: Double, _ what: String) {
            guard share.share.fraction > limit else { return }
            exceeded.append("\(name): \(EvalOutput.percent(share.share.fraction, digits: 2)) of pairs (\(share.count) of \(share.total)) "
                + "\(what); the budget is \(EvalOutput.percent(limit, digits: 2))")
        }
        for group in groups + [overall] {
            check(group.name, group.withFinding, budget.anyFinding, "have a finding")
            check(group.name, group.withMajor, budget.majorFinding, "have a major or critical finding")
        }
        for rule in rules {
            check("\(rule.code) \(rule.rule)", rule.flaggedMajor, budget.ruleMajor, "have a major or critical finding of it")
            check("\(rule.code) \(rule.rule)", rule.flagged, budget.ruleAny, "have a finding of it")
        }
        return BudgetVerdict(budget: budget, passed: exceeded.isEmpty, exceeded: exceeded)
    }
}

extension Evaluator {
    /// Checks every pair of a `--stdin-jsonl` file of correct translations (`{"id","source","target"}`,
    /// or `{"id","text"}` for a whole correct article) and counts what the rules flag.
    /// - Parameters:
    ///   - groupByPrefix: also report each id prefix (the id up to its first ':') on its own.
    ///   - examples: how many findings of each rule to quote.
    public func evaluate(clean path: String, groupByPrefix: Bool, examples: Int = 3,
                         budget: PrecisionBudget? = nil) throws(InputError) -> CleanReport {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(path: path, reason: "cannot be read")
        }
        let bytes = [UInt8](data)
        // Each line's bytes and where it starts; blank lines are skipped.
        var lines: [(number: Int, offset: Int, range: Range<Int>)] = []
        var start = 0, number = 1
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if !bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { lines.append((number, start, start..<end)) }
            start = end + 1
            number += 1
        }
        guard !lines.isEmpty else { throw InputError(path: path, reason: "has no pairs") }
        struct Outcome: Sendable {
            let id: String
            let findings: [Finding]
        }
        let found = lines
        let outcomes = session.map(found.count) { [session] i -> Result<Outcome, InputError> in
            let line = found[i]
            guard String(validating: bytes[line.range], as: UTF8.self) != nil else {
                return .failure(InputError(path: path, reason: "line \(line.number): not valid UTF-8", byteOffset: line.offset))
            }
            do throws(StreamRecord.Invalid) {
                let record = try StreamRecord(line: Array(bytes[line.range]), number: line.number, pair: session.pair, knowledge: session.profile.knowledge)
                return .success(Outcome(id: record.id.description, findings: session.check(record.document).findings))
            } catch {
                return .failure(InputError(path: path, reason: "line \(line.number): \(error.description)", byteOffset: line.offset))
            }
        }
        var results: [Outcome] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let result): results.append(result)
            case .failure(let error): throw error
            }
        }
        func group(_ name: String, _ members: [Outcome]) -> CleanReport.Group {
            CleanReport.Group(
                name: name, pairs: members.count,
                withFinding: Share(members.count(where: { !$0.findings.isEmpty }), of: members.count),
                withMajor: Share(members.count(where: { $0.findings.contains { $0.severity >= .major } }), of: members.count))
        }
        var groups: [CleanReport.Group] = []
        if groupByPrefix {
            var order: [String] = [], members: [String: [Outcome]] = [:]
            for result in results {
                let prefix = result.id.firstIndex(of: ":").map { String(result.id[..<$0]) } ?? "(no prefix)"
                if members[prefix] == nil { order.append(prefix) }
                members[prefix, default: []].append(result)
            }
            groups = order.map { group($0, members[$0]!) }
        }
        let rules = session.rules.map(\.description).map { d -> CleanReport.Rule in
            let flagged = results.map { result in result.findings.filter { $0.code == d.code } }
            // The first finding of each of the first pairs it flags.
            let quoted = zip(results, flagged).compactMap { result, findings in
                findings.first.map { CleanReport.Example(id: result.id, severity: $0.severity.rawValue, message: $0.message, text: $0.target.text) }
            }
            return CleanReport.Rule(
                code: d.code, rule: d.id, tier: d.tier.rawValue, severity: d.severity.rawValue,
                findings: flagged.reduce(0) { $0 + $1.count },
                flagged: Share(flagged.count(where: { !$0.isEmpty }), of: results.count),
                flaggedMajor: Share(flagged.count(where: { $0.contains { $0.severity >= .major } }), of: results.count),
                examples: Array(quoted.prefix(examples)))
        }
        let unjudged = CleanReport(file: path, pairs: results.count, groups: groups, overall: group("all", results), rules: rules, budget: nil)
        return CleanReport(
            file: path, pairs: results.count, groups: groups, overall: unjudged.overall, rules: rules,
            budget: budget.map(unjudged.verdict))
    }
}
