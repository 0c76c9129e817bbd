import Dispatch
import Foundation
import MTCore
import Synchronization

/// `mtlint eval`: measures the linter, exactly as `check` runs it (the same `Session`), against annotated data.
public struct Evaluator: Sendable {
    public let session: Session

    public init(session: Session) { self.session = session }

    /// MQM types the running rules can report.
    var coveredTypes: Set<String> { Set(session.rules.map(\.description.mqm.description)) }
}

// MARK: - Gold files

/// Precision and recall against gold files, overall, per document and per rule.
public struct GoldReport: Encodable, Sendable {
    public struct Counts: Encodable, Sendable {
        /// Gold errors expected (`expect: yes`, of a type the running rules report) and found.
        public var expected = 0
        public var found = 0
        public var findings = 0
        /// Findings that overlap a gold error.
        public var correct = 0
        /// Findings over a trap (correct text a checker must not flag).
        public var trapsTouched = 0
        /// Findings that overlap no gold error (traps included).
        public var extra = 0

        public var recall: Double? { expected == 0 ? nil : Double(found) / Double(expected) }
        public var precision: Double? { findings == 0 ? nil : Double(correct) / Double(findings) }

        enum CodingKeys: String, CodingKey { case expected, found, findings, correct, trapsTouched, extra, recall, precision }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(expected, forKey: .expected)
            try c.encode(found, forKey: .found)
            try c.encode(findings, forKey: .findings)
            try c.encode(correct, forKey: .correct)
            try c.encode(trapsTouched, forKey: .trapsTouched)
            try c.encode(extra, forKey: .extra)
            try c.encode(recall.map(Rounded.init), forKey: .recall)
            try c.encode(precision.map(Rounded.init), forKey: .precision)
        }

        public init() {}
    }

    public struct Document: Encodable, Sendable {
        public let gold: String
        public let document: String
        public let counts: Counts
        public let missed: [String]
        /// Messages of findings that overlap no gold error, as `line:column rule: message`.
        public let extra: [String]
        public let alignmentAgrees: Bool
        public let expectedVerdict: String?
        public let verdict: String
    }

    public struct RuleCounts: Encodable, Sendable {
        public let code: String
        public let rule: String
        public let counts: Counts
    }

    public let documents: [Document]
    public let overall: Counts
    public let rules: [RuleCounts]
}

extension Evaluator {
    /// Gold files among `paths` (files, or directories searched for `*.gold.json`), in sorted order.
    public static func goldFiles(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                let found = (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                    .filter { $0.hasSuffix(".gold.json") }.sorted()
                    .map { (path.hasSuffix("/") ? path : path + "/") + $0 }
                guard !found.isEmpty else { throw InputError(path: path, reason: "has no *.gold.json files") }
                files += found
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// The reader of the article a gold file annotates (its `document`, beside it, with its `source` when
    /// it gives one): what `check` reads for the same file.
    public static func input(of gold: Gold, at path: String) -> any DocumentSource {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let article = FilePath(relative(directory.appendingPathComponent(gold.document).path))
        guard let source = gold.source else { return InputFormat.auto.reader(of: article) }
        return TranslationFile(article, source: FilePath(relative(directory.appendingPathComponent(source).path)))
    }

    /// The gold files, each with the check of the article it annotates, in order.
    public func check(goldFiles: [String]) throws(InputError) -> [(path: String, gold: Gold, result: LintResult)] {
        var golds: [(String, Gold)] = []
        for path in goldFiles { golds.append((path, try Gold.load(path: path))) }
        let loaded = golds
        let outcomes = session.map(loaded.count) { [session] i in session.check(Self.input(of: loaded[i].1, at: loaded[i].0)) }
        var checked: [(path: String, gold: Gold, result: LintResult)] = []
        for (index, outcome) in outcomes.enumerated() { checked.append((loaded[index].0, loaded[index].1, try outcome.get())) }
        return checked
    }

    /// Checks the article of every gold file and compares.
    public func evaluate(goldFiles: [String]) throws(InputError) -> GoldReport {
        let golds = try check(goldFiles: goldFiles)
        let covered = coveredTypes
        let comparisons = golds.map { GoldComparison(result: $0.result, gold: $0.gold, coveredTypes: covered) }
        var overall = GoldReport.Counts()
        var perRule: [String: GoldReport.Counts] = [:]
        var documents: [GoldReport.Document] = []
        for (index, comparison) in comparisons.enumerated() {
            var counts = GoldReport.Counts()
            counts.expected = comparison.expected.count
            counts.found = counts.expected - comparison.missed.count
            counts.findings = comparison.result.findings.count
            let trapped = comparison.trapHits.map(\.finding)
            counts.trapsTouched = trapped.count
            var extra: [String] = []
            for finding in comparison.result.findings {
                var ruleCounts = perRule[finding.code, default: GoldReport.Counts()]
                ruleCounts.findings += 1
                if comparison.errors(touchedBy: finding).isEmpty {
                    counts.extra += 1
                    ruleCounts.extra += 1
                    extra.append("\(finding.target.start.line):\(finding.target.start.column) \(finding.ruleID): \(finding.message)")
                } else {
                    counts.correct += 1
                    ruleCounts.correct += 1
                }
                if trapped.contains(finding) { ruleCounts.trapsTouched += 1 }
                perRule[finding.code] = ruleCounts
            }
            // A rule's recall: expected errors of its MQM type that one of its findings overlaps.
            for rule in session.rules {
                let type = rule.description.mqm.description
                let expected = comparison.expected.filter { GoldComparison.baseType($0.mqm) == type }
                guard !expected.isEmpty else { continue }
                var ruleCounts = perRule[rule.description.code, default: GoldReport.Counts()]
                ruleCounts.expected += expected.count
                ruleCounts.found += expected.filter { error in
                    comparison.result.findings.contains {
                        $0.code == rule.description.code && comparison.touches($0, line: error.line, text: error.text)
                    }
                }.count
                perRule[rule.description.code] = ruleCounts
            }
            overall.expected += counts.expected
            overall.found += counts.found
            overall.findings += counts.findings
            overall.correct += counts.correct
            overall.trapsTouched += counts.trapsTouched
            overall.extra += counts.extra
            documents.append(GoldReport.Document(
                gold: golds[index].path, document: comparison.result.document.path, counts: counts,
                missed: comparison.missed.map(\.id), extra: extra,
                alignmentAgrees: comparison.alignment == comparison.gold.alignment,
                expectedVerdict: comparison.gold.verdict, verdict: comparison.result.score.passed ? "pass" : "fail"))
        }
        let rules = session.rules.map(\.description).compactMap { d in
            perRule[d.code].map { GoldReport.RuleCounts(code: d.code, rule: d.id, counts: $0) }
        }
        return GoldReport(documents: documents, overall: overall, rules: rules)
    }

    /// A path as the user would write it: relative to the working directory when inside it.
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        return standard.hasPrefix(cwd) ? String(standard.dropFirst(cwd.count)) : standard
    }
}

/// A ratio written with four decimals in JSON.
public struct Rounded: Encodable, Sendable {
    public var fraction: Double { value }
    let value: Double
    init(_ value: Double) { self.value = value }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode((value * 10_000).rounded() / 10_000)
    }
}
