import Foundation
import MTEval
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

    /// A `$ command` of one of the README's ```text blocks and the lines printed after it.
    struct Transcript {
        let command: String
        let expected: [String]
    }

    /// The README's transcripts in order, and the files its ```text file=NAME blocks define.
    private func transcripts() -> (commands: [Transcript], files: [(name: String, text: String)]) {
        var commands: [Transcript] = [], files: [(String, String)] = []
        var block: [String]?, file: String?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if var lines = block {
                guard line == "```" else { lines.append(line); block = lines; continue }
                if let file {
                    files.append((file, lines.joined(separator: "\n") + "\n"))
                } else {
                    for start in lines.indices where lines[start].hasPrefix("$ ") {
                        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("$ ") } ?? lines.endIndex
                        commands.append(Transcript(command: String(lines[start].dropFirst(2)), expected: Array(lines[(start + 1)..<end])))
                    }
                }
                block = nil
            } else if line == "```text" || line.hasPrefix("```text file=") {
                block = []
                file = line.hasPrefix("```text file=") ? String(line.dropFirst("```text file=".count)) : nil
            } else if line.hasPrefix("```") {
                block = nil
            }
        }
        return (commands, files)
    }

    /// Whether `lines` match `expected`, where a line "..." stands for any number of lines.
    static func matches(_ lines: ArraySlice<String>, _ expected: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return lines.isEmpty }
        if first == "..." {
            return lines.indices.contains { matches(lines[$0...], expected.dropFirst()) } || matches(lines[lines.endIndex...], expected.dropFirst())
        }
        guard lines.first == first else { return false }
        return matches(lines.dropFirst(), expected.dropFirst())
    }

    @Test func everyCommandPrintsWhatTheReadmeShows() throws {
        let (commands, files) = transcripts()
        #expect(commands.count >= 8, "README transcripts not found")
        // A scratch directory with the README's files and the corpus, mtlint first on PATH.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("Corpora"), withDestinationURL: Repo.corpora)
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        // MTLINT_README_BIN: the directory of another mtlint to run them with (.ci/release-build
        // sets it to the prefix it installed into by following the README's Install section).
        let environment = ProcessInfo.processInfo.environment
        let bin = environment["MTLINT_README_BIN"] ?? Repo.executable.deletingLastPathComponent().path
        let path = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        for transcript in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", transcript.command]
            process.currentDirectoryURL = directory
            process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path, "NO_COLOR": "1"]) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output  // as a terminal shows them: one stream, in the order written
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            var lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            #expect(Self.matches(lines[...], transcript.expected[...]),
                    "README: $ \(transcript.command)\nprints:\n\(printed)\nREADME shows:\n\(transcript.expected.joined(separator: "\n"))")
        }
    }

    @Test func committedReportsAreUpToDate() throws {
        let stale = "is stale or missing; regenerate Reports/ with: bash .ci/regenerate"
        var expected: Set<String> = ["index.html"]
        for gold in try Repo.corpusGoldFiles().map({ try Gold.load(path: $0.path) }) {
            // A pair of files (NAME.en.txt checked against NAME.ru.txt) is reported under the translation's name.
            let name = (gold.document as NSString).deletingPathExtension
            let source = gold.source.map { ["--source", "Corpora/\($0)"] } ?? []
            for format in ["json", "sarif"] {
                let file = "\(name).\(format)"
                expected.insert(file)
                let committed = try? String(contentsOf: Repo.root.appendingPathComponent("Reports/\(file)"), encoding: .utf8)
                let current = try mtlint(["check", "--format", format] + source + ["Corpora/\(gold.document)"]).stdout
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
