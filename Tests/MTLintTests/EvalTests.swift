import Foundation
import MTCore
import MTEval
import MTRules
import Testing

/// `mtlint eval` end to end: gold files, challenge pairs, JSON output and bad input.
@Suite struct EvalTests {
    @Test func goldFilesOfCorporaAreAllFound() throws {
        let result = try mtlint(["eval", "--gold", "Corpora", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let gold = object?["gold"] as? [String: Any]
        let overall = gold?["overall"] as? [String: Any]
        #expect(object?["version"] as? Int == 1)
        #expect((gold?["documents"] as? [Any])?.count == (try Repo.corpusGoldFiles()).count)
        #expect(overall?["expected"] as? Int == overall?["found"] as? Int)
        #expect(overall?["extra"] as? Int == 0)
        #expect(overall?["trapsTouched"] as? Int == 0)
    }

    /// `eval` checks each annotated article through the same session as `check`: the same findings, at
    /// the same places, with the same messages, and the same verdict, for every gold file of Corpora
    /// (two-file pairs among them).
    @Test func evalAndCheckGiveTheSameFindingsOnCorpora() throws {
        let checked = try Evaluator(session: Session(rules: RuleRegistry.enabled(preview: false)))
            .check(goldFiles: Evaluator.goldFiles([Repo.corpora.path]))
        // A directory's tables are read only when named (`check --extension`).
        let tables = try Repo.corpusGoldFiles().map { try Gold.load(path: $0.path).document }.filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".csv") }
        let cli = try mtlint(["check", "--format", "json", "Corpora"] + tables.map { "Corpora/\($0)" })
        let object = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any]
        var byFile: [String: (findings: [String], passed: Bool)] = [:]
        for document in object?["documents"] as? [[String: Any]] ?? [] {
            let findings = (document["findings"] as? [[String: Any]] ?? []).map { finding in
                let target = finding["target"] as? [String: Any]
                return "\(target?["line"] ?? 0):\(target?["column"] ?? 0) \(finding["code"] ?? "") \(finding["message"] ?? "")"
            }
            byFile[URL(fileURLWithPath: document["path"] as? String ?? "").lastPathComponent] = (findings, document["passed"] as? Bool ?? false)
        }
        #expect(checked.count == (try Repo.corpusGoldFiles()).count)
        #expect(checked.contains { $0.result.document.sourceFile != nil })
        #expect(checked.reduce(0) { $0 + $1.result.findings.count } > 20)
        for (_, _, result) in checked {
            let name = URL(fileURLWithPath: result.document.path).lastPathComponent
            let findings = result.findings.map { "\($0.target.start.line):\($0.target.start.column) \($0.code) \($0.message)" }
            #expect(byFile[name]?.findings == findings, "\(name)")
            #expect(byFile[name]?.passed == result.score.passed, "\(name)")
        }
    }

    /// A document checked alone runs its rules on several threads (`check(_:threads:)`): every rule, preview
    /// ones too, gives the same findings in the same order as on one thread, for every Corpora article (the
    /// two-file pair, whose names and acronyms are found in one run of beads per thread, among them).
    @Test func findingsAreTheSameOnOneThreadAndOnFour() throws {
        let session = Session(rules: RuleRegistry.all)
        let documents = try Evaluator.goldFiles([Repo.corpora.path]).map { path in
            try Evaluator.input(of: Gold.load(path: path), at: path).read(pair: .russianEnglish, knowledge: .bundled, maximumSize: DocumentReader.defaultMaximumSize)
        }
        #expect(documents.contains { $0.sourceFile != nil })
        var compared = 0
        for document in documents {
            func described(_ result: LintResult) -> [String] {
                result.findings.map { "\($0.target.start.utf16Offset)-\($0.target.end.utf16Offset) \($0.code) \($0.message)" }
            }
            let one = described(session.check(document)), four = described(session.check(document, threads: 4))
            #expect(one == four, "\(document.path)")
            compared += one.count
        }
        #expect(compared > 20)
    }

    @Test func pairsGivePairwiseAccuracyPerLabelAndFalseAlarms() throws {
        let result = try mtlint(["eval", "--pairs", "Tests/MTLintTests/Fixtures/pairs.jsonl", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let pairs = try #require(object?["pairs"] as? [String: Any])
        #expect(pairs["pairs"] as? Int == 3)
        #expect(pairs["notApplied"] as? Int == 1)
        let labels = try #require(pairs["labels"] as? [[String: Any]])
        #expect(labels.map { $0["label"] as? String } == ["name_removed", "name_replaced"])
        #expect(labels.allSatisfy { $0["accuracy"] as? Double == 1 }, "\(labels)")
        #expect(pairs["goodWithFinding"] as? Double == 0)
        let rules = try #require(pairs["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["rule"] as? String == "missing-name" && ($0["badFlagged"] as? Double ?? 0) > 0 })
        // The text report says the same.
        let text = try mtlint(["eval", "--pairs", "Tests/MTLintTests/Fixtures/pairs.jsonl"])
        #expect(text.stdout.contains("name_replaced") && text.stdout.contains("Good sides with a finding: 0.0%"))
    }

    @Test func badPairsFileNamesTheFileLineAndOffset() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-bad-\(UUID().uuidString).jsonl")
        try Data("{\"source\": \"а\", \"good\": \"a\", \"bad\": \"b\"}\n{\"source\": 1}\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try mtlint(["eval", "--pairs", url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(url.path) && result.stderr.contains("line 2") && result.stderr.contains("byte offset 42"), "\(result.stderr)")
        #expect(!result.stderr.contains("\n\n"))
    }

    @Test func evalNeedsSomethingToEvaluate() throws {
        let result = try mtlint(["eval"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--gold") && result.stderr.contains("--pairs"))
    }

    @Test func previewRulesRunOnlyWhenAsked() throws {
        let line = #"{"id":"1","source":"Министр финансов Антон Силуанов в Минске","target":"Finance Minister Anton Siluanov in Africa"}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-preview-\(UUID().uuidString).jsonl")
        try Data((line + "\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let plain = try mtlint(["check", "--stdin-jsonl", "--no-fail"], stdin: url)
        let preview = try mtlint(["check", "--stdin-jsonl", "--no-fail", "--preview"], stdin: url)
        #expect(!plain.stdout.contains("unsupported-known-name"), "\(plain.stdout)")
        #expect(preview.stdout.contains("unsupported-known-name"), "\(preview.stdout)")
        let rules = try mtlint(["rules"])
        #expect(rules.stdout.split(separator: "\n").contains { $0.hasPrefix("MT110") && $0.contains("preview") })
    }
}
