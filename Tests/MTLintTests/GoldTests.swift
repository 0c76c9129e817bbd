import Foundation
import MTCore
import MTRules
import Testing

/// The gold format of `../shared/seeds/*.gold.json`, also used by Corpora/.
struct Gold: Decodable {
    struct Error: Decodable {
        let id: String
        let line: Int
        let text: String
        let mqm: String
        let severity: String
        let expect: String
    }

    struct Trap: Decodable {
        let line: Int
        let text: String
    }

    struct Alignment: Decodable, Equatable {
        let source: Int
        let target: Int?
    }

    let document: String
    /// Corpora only: the expected gate result with default settings.
    let verdict: String?
    let errors: [Error]
    let traps: [Trap]
    let alignment: [Alignment]

    static func load(_ url: URL) throws -> Gold {
        try JSONDecoder().decode(Gold.self, from: Data(contentsOf: url))
    }
}

/// Compares mtlint's findings on a document with its gold annotations.
struct GoldComparison {
    let result: LintResult
    let gold: Gold

    /// MQM types some registered rule reports ("accuracy/addition (repetition)" counts as "accuracy/addition").
    static let coveredTypes = Set(RuleRegistry.all.map(\.description.mqm.description))

    static func baseType(_ mqm: String) -> String {
        String(mqm.prefix { $0 != " " && $0 != "(" })
    }

    /// UTF-16 ranges where `text` occurs on a 1-based line.
    func occurrences(of text: String, line: Int) -> [Range<Int>] {
        let buffer = result.document.buffer
        let lineRange = buffer.lineRange(line)
        let needle = Array(text.utf16), haystack = Array(buffer.units[lineRange])
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).compactMap { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
                ? (lineRange.lowerBound + start)..<(lineRange.lowerBound + start + needle.count) : nil
        }
    }

    func touches(_ finding: Finding, line: Int, text: String) -> Bool {
        occurrences(of: text, line: line).contains { $0.overlaps(finding.target.utf16Range) }
    }

    /// Gold errors this checker is expected to find now: `expect: yes` of a covered MQM type.
    var expected: [Gold.Error] {
        gold.errors.filter { $0.expect == "yes" && Self.coveredTypes.contains(Self.baseType($0.mqm)) }
    }

    var missed: [Gold.Error] {
        expected.filter { error in !result.findings.contains { touches($0, line: error.line, text: error.text) } }
    }

    /// Findings over a trap's text. An occurrence of the trap text inside a gold error's text
    /// (the seed's second "Kyrgyzstan" on line 82 is part of the repeated phrase) is not the trap.
    var trapHits: [(Gold.Trap, Finding)] {
        gold.traps.flatMap { trap in
            let errorRanges = gold.errors.filter { $0.line == trap.line }.flatMap { occurrences(of: $0.text, line: $0.line) }
            let trapRanges = occurrences(of: trap.text, line: trap.line).filter { range in
                !errorRanges.contains { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }
            }
            return result.findings
                .filter { finding in trapRanges.contains { $0.overlaps(finding.target.utf16Range) } }
                .map { (trap, $0) }
        }
    }

    /// Findings that match no gold error at all.
    var unexpected: [Finding] {
        result.findings.filter { finding in !gold.errors.contains { touches(finding, line: $0.line, text: $0.text) } }
    }

    var alignment: [Gold.Alignment] {
        result.document.captionPairs.map { pair in
            Gold.Alignment(
                source: result.document.blocks[pair.source].firstLine,
                target: pair.target.map { result.document.blocks[$0].firstLine })
        }
    }

    func report() -> String {
        let found = expected.count - missed.count
        let recall = expected.isEmpty ? 1 : Double(found) / Double(expected.count)
        let precision = result.findings.isEmpty ? 1 : Double(result.findings.count - unexpected.count) / Double(result.findings.count)
        return "\(gold.document): \(found)/\(expected.count) expected errors found (recall \(recall)), "
            + "\(result.findings.count) findings, \(unexpected.count) not in gold (precision \(precision)), score \(result.score.value)"
    }
}

@Suite struct GoldTests {
    private func compare(article: URL, gold: URL) throws -> GoldComparison {
        let document = try Document(contentsOf: article.path)
        let comparison = GoldComparison(result: Linter(rules: RuleRegistry.all).lint(document), gold: try Gold.load(gold))
        print(comparison.report())
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

    @Test func seedAgreesWithItsGoldFile() throws {
        guard Repo.seedAvailable() else { return }
        let comparison = try compare(
            article: Repo.seedArticle, gold: Repo.seeds.appendingPathComponent("000_853c710d535f1bf7.gold.json"))
        #expect(comparison.expected.count >= 12)
        expectAgreement(comparison)
        #expect(comparison.unexpected.count <= 1, "\(comparison.unexpected.map(\.message))")
        #expect(!comparison.result.score.passed)
    }

    @Test func corporaAgreeWithTheirGoldFiles() throws {
        let golds = try Repo.corpusGoldFiles()
        #expect(golds.count >= 2)
        for goldURL in golds {
            let gold = try Gold.load(goldURL)
            let comparison = try compare(article: Repo.corpora.appendingPathComponent(gold.document), gold: goldURL)
            expectAgreement(comparison)
            #expect(comparison.unexpected.isEmpty, "\(gold.document): \(comparison.unexpected.map(\.message))")
            #expect(comparison.result.score.passed == (gold.verdict == "pass"), "\(gold.document)")
        }
    }

    @Test func corporaExerciseEveryRuleAndHaveACleanArticle() throws {
        var exercised: Set<String> = []
        var golds: [Gold] = []
        for goldURL in try Repo.corpusGoldFiles() {
            let gold = try Gold.load(goldURL)
            golds.append(gold)
            let document = try Document(contentsOf: Repo.corpora.appendingPathComponent(gold.document).path)
            let comparison = GoldComparison(result: Linter(rules: RuleRegistry.all).lint(document), gold: gold)
            for finding in comparison.result.findings
            where gold.errors.contains(where: { comparison.touches(finding, line: $0.line, text: $0.text) }) {
                exercised.insert(finding.ruleID)
            }
        }
        let missing = Set(RuleRegistry.all.map(\.description.id)).subtracting(exercised)
        #expect(missing.isEmpty, "rules with no planted error in Corpora/: \(missing.sorted())")
        #expect(golds.contains { $0.errors.isEmpty && $0.verdict == "pass" })
    }
}
