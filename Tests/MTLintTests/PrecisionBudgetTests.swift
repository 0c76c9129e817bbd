import Foundation
import MTCore
import MTEval
import MTRules
import Testing

/// The precision budget (`Sources/MTCore/Data/precision-budget.tsv`): what the default rules may flag
/// on translations known to be correct. A gate that fails good translations gets switched off.
@Suite struct PrecisionBudgetTests {
    /// 4,004 professional translations of WMT21 news (two Russian→English references per sentence, and
    /// the English→Russian test set's two references read backwards).
    static let professional = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/data/wmt21-ru-en/clean-pairs.jsonl")

    static func evaluate(_ path: String, rules: [any Rule]) throws -> CleanReport {
        let evaluator = Evaluator(session: Session(rules: rules, jobs: ProcessInfo.processInfo.activeProcessorCount))
        return try evaluator.evaluate(clean: path, groupByPrefix: true, examples: 3, budget: try PrecisionBudget.load())
    }

    @Test(.enabled(if: Repo.shared(professional), "needs ../shared/data/wmt21-ru-en/clean-pairs.jsonl"))
    func defaultRulesKeepTheBudgetOnProfessionalTranslations() throws {
        let report = try Self.evaluate(Self.professional.path, rules: RuleRegistry.enabled(preview: false))
        print(EvalOutput.text(report))
        #expect(report.groups.map(\.name) == ["ru-en", "en-ru-backwards"])
        let verdict = try #require(report.budget)
        for exceeded in verdict.exceeded {
            // The rule's first false alarms, to read.
            let examples = report.rules.first { exceeded.hasPrefix("\($0.code) ") }?.examples.map { "\($0.id): \($0.message)" } ?? []
            Issue.record(Comment(rawValue: ([exceeded] + examples).joined(separator: "\n    ")))
        }
    }

    /// A rule that flags every translation with "the" in it: what the budget is there to stop.
    struct Noisy: Rule {
        let description = RuleDescription(
            code: "MT999", id: "noisy", summary: "Flags every 'the'.", rationale: "A deliberately noisy rule.",
            mqm: .mistranslation, severity: .major,
            triggering: [.segment("Дом.", "⟦The⟧ house.")], nonTriggering: [.segment("Дом.", "A house.")])

        func check(_ document: Document) -> [Finding] {
            document.blocks.filter { $0.language == .target }.flatMap { block in
                block.tokens.filter { document.buffer.string($0.range).lowercased() == "the" }.prefix(1).map {
                    finding(in: document, at: $0.range, message: "'the'")
                }
            }
        }
    }

    @Test func aNoisyRuleExceedsTheBudget() throws {
        // The good sides of the challenge pairs: correct translations the default rules leave alone.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-clean-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let lines = try String(contentsOf: Repo.corpora.appendingPathComponent("challenge-pairs.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { line -> String in
                let pair = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let record: [String: Any] = ["id": "good:\(pair["id"]!)", "source": pair["source"]!, "target": pair["good"]!]
                return String(decoding: try JSONSerialization.data(withJSONObject: record, options: .sortedKeys), as: UTF8.self)
            }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)

        let quiet = try Self.evaluate(url.path, rules: RuleRegistry.enabled(preview: false))
        #expect(quiet.budget?.passed == true, "\(quiet.budget?.exceeded ?? [])")
        let noisy = try Self.evaluate(url.path, rules: RuleRegistry.enabled(preview: false) + [Noisy()])
        let verdict = try #require(noisy.budget)
        #expect(!verdict.passed)
        #expect(verdict.exceeded.contains { $0.hasPrefix("MT999 noisy: ") && $0.contains("major or critical finding of it") }, "\(verdict.exceeded)")
        #expect(verdict.exceeded.contains { $0.hasPrefix("good: ") }, "\(verdict.exceeded)")
        #expect(!verdict.exceeded.contains { $0.hasPrefix("MT") && !$0.hasPrefix("MT999") }, "\(verdict.exceeded)")
    }

    @Test func sharesCarryTheirWilsonInterval() {
        // 0 of 200 is no proof of a zero rate: up to 1.9% stays plausible.
        let none = Share(0, of: 200)
        #expect(none.low.fraction == 0 && abs(none.high.fraction - 0.0188) < 0.0001)
        let some = Share(10, of: 2000)
        #expect(abs(some.share.fraction - 0.005) < 1e-9)
        #expect(abs(some.low.fraction - 0.0027) < 0.0001 && abs(some.high.fraction - 0.0092) < 0.0001)
    }

    @Test func evalCleanReportsGroupsRulesAndTheBudgetFromTheCommandLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-clean-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let lines = [
            #"{"id":"a:1","source":"Министры встретились в Минске 12 июля.","target":"The ministers met in Minsk on July 12."}"#,
            #"{"id":"a:2","source":"Министры встретились в Минске 12 июля.","target":"The ministers met in Minsk on July 21."}"#,
            #"{"id":"b:1","source":"Президент выступил на форуме.","target":"The president spoke at the forum."}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        let result = try mtlint(["eval", "--clean", url.path, "--group-by-prefix", "--budget", "--format", "json"])
        #expect(result.status == 1, "the date mismatch exceeds the budget: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let clean = try #require(object?["clean"] as? [String: Any])
        let groups = try #require(clean["groups"] as? [[String: Any]])
        #expect(groups.map { $0["name"] as? String } == ["a", "b"])
        #expect((groups[0]["withMajor"] as? [String: Any])?["count"] as? Int == 1)
        let rules = try #require(clean["rules"] as? [[String: Any]])
        let date = try #require(rules.first { $0["rule"] as? String == "date-mismatch" })
        #expect((date["examples"] as? [[String: Any]])?.first?["id"] as? String == "a:2")
        #expect((clean["budget"] as? [String: Any])?["passed"] as? Bool == false)

        let text = try mtlint(["eval", "--clean", url.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("a:2: major: 'July 21' in the target"), "\(text.stdout)")
        #expect(!text.stdout.contains("Precision budget"))

        let misuse = try mtlint(["eval", "--gold", "Corpora", "--budget"])
        #expect(misuse.status == 2 && misuse.stderr.contains("go with --clean"))
    }

    @Test func unmeasuredLanguagePairsAreRefused() throws {
        let result = try mtlint(["check", "--source-lang", "en", "--target-lang", "ru", "Corpora/eaeu-summit-planted.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("does not check en→ru translations") && result.stderr.contains("offers ru→en"), "\(result.stderr)")
        #expect(LanguagePair.offered == [.russianEnglish])
    }
}
