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
        let lastCommand = script.split(separator: "\n").last { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(lastCommand.map(String.init) == (try openingCommands().last))
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
        for gold in try Repo.corpusGoldFiles() {
            let name = gold.lastPathComponent.replacingOccurrences(of: ".gold.json", with: "")
            let report = Repo.root.appendingPathComponent("Reports/\(name).json")
            let committed = try? String(contentsOf: report, encoding: .utf8)
            let current = try mtlint(["check", "--format", "json", "Corpora/\(name).txt"]).stdout
            #expect(committed == current, "Reports/\(name).json is stale; regenerate it with: bash .ci/regenerate")
        }
    }
}
