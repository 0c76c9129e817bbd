import Foundation
import MTReporters
import Testing

/// End-to-end checks of the machine formats and batch options, through the built executable.
@Suite struct FormatTests {
    /// A Python 3 with the jsonschema package: the PATH one, else Debian's (python3-jsonschema).
    static let python: String? = ["python3", "/usr/bin/python3"].first { candidate in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [candidate, "-c", "import jsonschema"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: Repo.shared(Repo.sarifSchema), "needs ../shared/schemas (the SARIF schema)"))
    func sarifValidatesAgainstTheOfficialSchema() throws {
        let schema = Repo.sarifSchema
        try #require(FileManager.default.fileExists(atPath: schema.path), "the SARIF schema \(schema.path) is missing")
        guard let python = Self.python else {
            Issue.record("no Python 3 with jsonschema (apt-get install python3-jsonschema) to validate SARIF")
            return
        }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-\(UUID().uuidString).sarif")
        var inputs = ["Corpora"]
        if Repo.seedAvailable() { inputs.append(Repo.seedArticle.path) }
        let run = try mtlint(["check", "--format", "sarif", "--output", report.path] + inputs)
        #expect(run.status == 1)
        let validation = Process()
        validation.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        validation.arguments = [python, "-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            jsonschema.validate(log, schema)
            run = log["runs"][0]
            ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
            assert all(result["ruleId"] in ids for result in run["results"]), "unknown ruleId"
            print(len(run["results"]))
            """, schema.path, report.path]
        let out = Pipe(), err = Pipe()
        validation.standardOutput = out
        validation.standardError = err
        try validation.run()
        validation.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(validation.terminationStatus == 0, "SARIF does not validate: \(message)")
        let count = Int(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(count >= 40)
    }

    /// (HTML, which writes a directory for several documents, is compared in HTMLReportTests.)
    @Test(arguments: OutputFormat.allCases.filter { $0 != .html }.map(\.rawValue))
    func outputIsIdenticalForAnyNumberOfJobs(_ format: String) throws {
        let one = try mtlint(["check", "--format", format, "--jobs", "1", "Corpora"])
        let four = try mtlint(["check", "--format", format, "--jobs", "4", "Corpora"])
        #expect(one.status == 1 && four.status == 1)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == four.stdout)
    }

    /// A rule that flags a word of the source (a name the translation left out) is reported at the
    /// translation's sentence aligned with it, the word as the source span: positions of the source file
    /// never stand for positions of the translation (they drew the excerpt from the wrong line, or crashed it).
    @Test func aFindingOnTheSourceOfTwoFilesIsReportedAtItsTranslation() throws {
        let scratch = try BadInputTests.Scratch()
        let source = try scratch.file("a.ru.txt", Array(
            "Дефицит бюджета составит 1,5% ВВП.\nМинистр финансов Антон Силуанов выступил в парламенте в понедельник. Он сказал, что бюджет будет принят в срок.\n".utf8))
        let translation = try scratch.file("a.en.txt", Array(
            "The budget deficit will be 1.5% of GDP.\nThe finance minister spoke in parliament on Monday. He said that the budget would be adopted on time.\n".utf8))
        let json = try mtlint(["check", "--format", "json", "--source", source, translation])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = ((object?["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        let missing = findings.first { $0["rule"] as? String == "missing-name" }
        let target = missing?["target"] as? [String: Any], sourceSpan = missing?["source"] as? [String: Any]
        #expect(target?["line"] as? Int == 2 && target?["column"] as? Int == 1)
        #expect((target?["text"] as? String)?.hasPrefix("The finance minister spoke") == true)
        #expect(sourceSpan?["text"] as? String == "Антон Силуанов" && sourceSpan?["line"] as? Int == 2 && sourceSpan?["column"] as? Int == 18)
        let text = try mtlint(["check", "--source", source, translation])
        #expect(text.status == 1)
        #expect(text.stdout.contains("a.en.txt:2:1: minor: 'Антон Силуанов' (Anton Siluanov) has no counterpart"))
    }

    @Test func directoriesAreSearchedByExtensionWithExclusions() throws {
        let all = try mtlint(["check", "--format", "jsonl", "Corpora"])
        let paths = all.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths == (try Repo.corpusArticles()).map { "Corpora/\($0)" })
        let clean = try mtlint(["check", "--exclude", "*planted*", "--exclude", "kazan-*", "Corpora"])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("baikal-expedition-clean.txt") && !clean.stdout.contains("planted"))
        let none = try mtlint(["check", "--extension", "rst", "Corpora"])
        #expect(none.status == 2 && none.stderr.contains("no files with extension .rst"))
    }

    @Test func standardInputIsADocument() throws {
        let process = Process()
        process.executableURL = Repo.executable
        process.arguments = ["check", "-"]
        process.currentDirectoryURL = Repo.root
        process.standardInput = try FileHandle(forReadingFrom: Repo.corpora.appendingPathComponent("eaeu-summit-planted.txt"))
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.contains("<stdin>:13:77: major:"))
    }

    @Test func gateFlagsAndExitStatus() throws {
        let planted = "Corpora/eaeu-summit-planted.txt"
        #expect(try mtlint(["check", "--no-fail", planted]).status == 0)
        #expect(try mtlint(["check", "--fail-on", "critical", "--min-score", "0", planted]).status == 0)
        #expect(try mtlint(["check", "--fail-on", "minor", "Corpora/baikal-expedition-clean.txt"]).status == 0)
        #expect(try mtlint(["check", "--jobs", "0", planted]).status == 2)
        #expect(try mtlint(["check", "--no-fail", planted, "missing.txt"]).status == 2)
    }

    @Test func outputFilesAreWrittenWhole() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let report = directory.appendingPathComponent("report.json")
        let run = try mtlint(["check", "--format", "json", "--output", report.path, "Corpora"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect((root?["documents"] as? [Any])?.count == (try Repo.corpusArticles()).count)
        let unwritable = try mtlint(["check", "--output", "/nonexistent/dir/report.txt", "Corpora"])
        #expect(unwritable.status == 2 && unwritable.stderr.contains("/nonexistent/dir/report.txt"))
    }

    @Test func stdinJSONLinesGiveOneResultLinePerInputLine() throws {
        let input = """
            {"id":"article-1","text":"The ministers met in the capital on Monday to discuss the the budget."}
            {"id":7,"source":"Зерновоз в порту, где отгрузили 1,2 млн тонн","target":"A grain carrier in the port, where 12 million tons were shipped"}
            {"id":"ok","source":"Министр в Москве","target":"The minister in Moscow"}
            not json

            """
        let process = Process()
        process.executableURL = Repo.executable
        process.arguments = ["check", "--stdin-jsonl"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)  // the invalid line
        let lines = output.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 4)
        #expect(lines[0]?["id"] as? String == "article-1")
        #expect((lines[0]?["findings"] as? [[String: Any]])?.first?["rule"] as? String == "doubled-word")
        #expect((lines[1]?["id"] as? NSNumber)?.intValue == 7)  // an integer id is written back as a number
        #expect((lines[1]?["findings"] as? [[String: Any]])?.first?["rule"] as? String == "number-mismatch")
        #expect(lines[2]?["passed"] as? Bool == true)
        #expect((lines[3]?["error"] as? String)?.hasPrefix("line 4:") == true)
        #expect(try mtlint(["check", "--stdin-jsonl", "Corpora"]).status == 2)
    }
}
