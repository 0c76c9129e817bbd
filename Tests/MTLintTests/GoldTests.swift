import Foundation
import MTCore
import MTEval
import MTRules
import Testing

@Suite struct GoldTests {
    /// The rules `check` runs by default, and the MQM types they report.
    static let session = Session(rules: RuleRegistry.enabled(preview: false))
    static let covered = Set(session.rules.map(\.description.mqm.description))

    /// The article a gold file of Corpora names, checked against its source article when the gold file names one.
    static func corpusDocument(_ gold: Gold) throws -> Document {
        try document(gold, in: Repo.corpora)
    }

    /// The article a gold file names, read in its format (by extension), with its source article when the gold file names one.
    static func document(_ gold: Gold, in directory: URL) throws -> Document {
        let article = FilePath(directory.appendingPathComponent(gold.document).path)
        guard let source = gold.source else {
            return try InputFormat.auto.reader(of: article).read(pair: .russianEnglish, knowledge: .bundled, maximumSize: DocumentReader.defaultMaximumSize)
        }
        return try Document(contentsOf: article, source: FilePath(directory.appendingPathComponent(source).path))
    }

    private func compare(gold: URL) throws -> GoldComparison {
        let annotation = try Gold.load(path: gold.path)
        let document = try Self.document(annotation, in: gold.deletingLastPathComponent())
        let comparison = GoldComparison(result: Self.session.check(document), gold: annotation, coveredTypes: Self.covered)
        print("\(gold.lastPathComponent): \(comparison.expected.count - comparison.missed.count)/\(comparison.expected.count) expected errors found, "
            + "\(comparison.unexpected.count) of \(comparison.result.findings.count) findings not in gold, score \(comparison.result.score.value)")
        return comparison
    }

    private func expectAgreement(_ comparison: GoldComparison) {
        #expect(comparison.alignment == comparison.gold.alignment)
        for error in comparison.missed {
            Issue.record("\(comparison.gold.document): \(error.id) not found on line \(error.line): '\(error.text)'")
        }
        for (trap, finding) in comparison.trapHits {
            Issue.record("\(comparison.gold.document): trap on line \(trap.line) '\(trap.text)' flagged by \(finding.ruleID): \(finding.message)")
        }
    }

    @Test(.enabled(if: Repo.shared(Repo.seedArticle), "needs ../shared/seeds (the seed article)"))
    func seedAgreesWithItsGoldFile() throws {
        let comparison = try compare(gold: Repo.seeds.appendingPathComponent("000_853c710d535f1bf7.gold.json"))
        #expect(comparison.expected.count >= 12)
        expectAgreement(comparison)
        #expect(comparison.unexpected.count <= 1, "\(comparison.unexpected.map(\.message))")
        #expect(!comparison.result.score.passed)
    }

    @Test func corporaAgreeWithTheirGoldFiles() throws {
        let golds = try Repo.corpusGoldFiles()
        #expect(golds.count >= 2)
        for goldURL in golds {
            let gold = try Gold.load(path: goldURL.path)
            let comparison = try compare(gold: goldURL)
            expectAgreement(comparison)
            #expect(comparison.unexpected.isEmpty, "\(gold.document): \(comparison.unexpected.map(\.message))")
            #expect(comparison.result.score.passed == (gold.verdict == "pass"), "\(gold.document)")
        }
    }

    @Test func corporaExerciseEveryRuleAndHaveACleanArticle() throws {
        var exercised: Set<String> = []
        var golds: [Gold] = []
        for goldURL in try Repo.corpusGoldFiles() {
            let gold = try Gold.load(path: goldURL.path)
            golds.append(gold)
            let comparison = GoldComparison(result: Self.session.check(try Self.corpusDocument(gold)), gold: gold, coveredTypes: Self.covered)
            for finding in comparison.result.findings
            where gold.errors.contains(where: { comparison.touches(finding, line: $0.line, text: $0.text) }) {
                exercised.insert(finding.ruleID)
            }
        }
        // Segment rules (an empty or copied translation has no place in an article) are exercised by
        // Corpora/challenge-pairs.jsonl: each pair's label names the rule that must flag its bad side,
        // and its good side must pass without a finding.
        for pair in try ChallengePair.load(path: Repo.corpora.appendingPathComponent("challenge-pairs.jsonl").path) {
            let bad = Self.session.check(Document(segmentID: pair.id, source: pair.source, target: pair.bad))
            let good = Self.session.check(Document(segmentID: pair.id, source: pair.source, target: pair.good))
            #expect(bad.findings.contains { $0.ruleID == pair.label }, "\(pair.id): \(pair.label) does not flag '\(pair.bad)'")
            #expect(good.findings.isEmpty, "\(pair.id): the good side is flagged: \(good.findings.map(\.message))")
            if bad.findings.contains(where: { $0.ruleID == pair.label }) { exercised.insert(pair.label) }
        }
        // unused-suppression judges a project's suppressions, not a translation, and glossary-term needs a
        // project's glossary: their examples and ConfigCLITests (Corpora/glossary) exercise them.
        let missing = Set(Self.session.rules.filter { $0.description.mqm != .other && !($0 is GlossaryTerm) }.map(\.description.id))
            .subtracting(exercised)
        #expect(missing.isEmpty, "rules with no planted error in Corpora/: \(missing.sorted())")
        #expect(golds.contains { $0.errors.isEmpty && $0.verdict == "pass" })
    }
}
