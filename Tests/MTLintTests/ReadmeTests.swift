import Foundation
import MTReporters
import MTRules
import Testing

@Suite struct ReadmeTests {
    let readme: String
    init() throws {
        readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The two commands in the code block that opens README.md.
    private func openingCommands() throws -> [String] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("# ") == true)
        let fence = try #require(lines.firstIndex(of: "```sh"))
        #expect(lines[1..<fence].allSatisfy { $0.isEmpty }, "README must start with the two commands")
        let close = try #require(lines[(fence + 1)...].firstIndex(of: "```"))
        return Array(lines[(fence + 1)..<close])
    }

    @Test func opensWithARunCommandOnACorpusArticleAndTheTestCommand() throws {
        let commands = try openingCommands()
        #expect(commands.count == 2)
        let article = try #require(commands.first?.firstMatch(of: /swift run mtlint check (\S+)/)?.1)
        #expect(article.hasPrefix("Corpora/"))
        #expect(FileManager.default.fileExists(atPath: Repo.root.appendingPathComponent(String(article)).path))
    }

    @Test func ciRunsExactlyTheReadmeTestCommand() throws {
        let script = try String(contentsOf: Repo.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        let commands = script.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let testCommand = try #require(try openingCommands().last)
        #expect(commands.contains(testCommand), ".ci/run must run the README's test command verbatim")
        #expect(Array(commands.suffix(4)) == ["bash .ci/release-build", "bash .ci/browser-test", "bash .examples/spark/run", "bash .ci/fuzz 60"])
    }

    @Test func ruleTableIsGeneratedFromTheDeclarations() throws {
        let begin = try #require(readme.range(of: "<!-- rules:begin"))
        let tableStart = try #require(readme[begin.upperBound...].range(of: "\n")).upperBound
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        let table = String(readme[tableStart..<end.lowerBound])
        #expect(table == RuleCatalog.markdown(RuleRegistry.all.map(\.description)),
                "README's rule table is stale; regenerate it with: bash .ci/regenerate")
    }

    @Test func committedReportsAreUpToDate() throws {
        let stale = "is stale or missing; regenerate Reports/ with: bash .ci/regenerate"
        let articles = try Repo.corpusGoldFiles().map { $0.lastPathComponent.replacingOccurrences(of: ".gold.json", with: "") }
        var expected: Set<String> = ["index.html"]
        for name in articles {
            for format in ["json", "sarif"] {
                let file = "\(name).\(format)"
                expected.insert(file)
                let committed = try? String(contentsOf: Repo.root.appendingPathComponent("Reports/\(file)"), encoding: .utf8)
                let current = try mtlint(["check", "--format", format, "Corpora/\(name).txt"]).stdout
                #expect(committed == current, "Reports/\(file) \(stale)")
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-reports-\(UUID().uuidString)")
        _ = try mtlint(["check", "--format", "html", "--output", directory.path + "/", "Corpora"])
        for page in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            expected.insert(page)
            let committed = try? String(contentsOf: Repo.root.appendingPathComponent("Reports/\(page)"), encoding: .utf8)
            let current = try String(contentsOf: directory.appendingPathComponent(page), encoding: .utf8)
            #expect(committed == current, "Reports/\(page) \(stale)")
        }
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent("Reports").path))
        #expect(present == expected, "Reports/ \(stale)")
    }
}
