import Foundation
import MTRules
import Testing

@Suite struct CLITests {
    let clean = "Corpora/baikal-expedition-clean.txt"
    let planted = "Corpora/eaeu-summit-planted.txt"

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func exitStatusIsZeroForPassOneForFail() throws {
        let pass = try mtlint(["check", clean])
        #expect(pass.status == 0)
        #expect(pass.stdout.hasSuffix("score 100.00: PASS\n"))
        let fail = try mtlint([planted])  // check is the default command
        #expect(fail.status == 1)
        #expect(fail.stdout.contains(": FAIL (score 92.59 is below 98.00; 3 major findings: the gate fails on major or worse)\n"))
    }

    @Test func aTranslationBesideItsSourceInADirectoryIsCheckedAgainstIt() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Министры встретились в Минске 12 июля.\nПрезидент выступил на форуме.\n".write(
            to: directory.appendingPathComponent("talks.ru.txt"), atomically: true, encoding: .utf8)
        try "Ministers met in Minsk on July 21.\nThe president spoke at the forum.\n".write(
            to: directory.appendingPathComponent("talks.en.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Repo.root.appendingPathComponent(clean).path, toPath: directory.appendingPathComponent("other.txt").path)
        let run = try mtlint(["check", "--format", "json", directory.path])
        #expect(run.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let documents = report?["documents"] as? [[String: Any]] ?? []
        #expect(documents.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["other.txt", "talks.en.txt"])
        let findings = documents.last?["findings"] as? [[String: Any]] ?? []
        #expect(findings.compactMap { $0["rule"] as? String } == ["date-mismatch"], "\(findings)")
    }

    @Test func usageErrorsExplainThemselves() throws {
        // Bare mtlint: the help, not "no input".
        let bare = try mtlint([])
        #expect(bare.status == 2 && bare.stdout.hasPrefix("OVERVIEW: Check machine-translated articles"))
        // A bad option value: "mtlint: error:" and the subcommand's usage, not the top-level one.
        let language = try mtlint(["check", "--source-lang", "de", planted])
        #expect(language.status == 2)
        #expect(language.stderr.hasPrefix("mtlint: error: unknown source language 'de' (mtlint offers ru→en)\nUsage: mtlint check "))
        let help = try mtlint(["help", "check"]).stdout
        #expect(help.contains("html (the error report") && help.contains("to a directory (DIR/)"))
    }

    @Test func gateFlagsChangeTheVerdict() throws {
        #expect(try mtlint(["check", "--fail-on", "critical", "--min-score", "90", planted]).status == 0)
        #expect(try mtlint(["check", "--fail-on", "critical", "--min-score", "95", planted]).status == 1)
    }

    @Test func unreadableInputExitsTwoNamingTheFile() throws {
        let missing = try mtlint(["check", "no/such/article.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "mtlint: no/such/article.txt: no such file\n")

        let invalid = try temporaryFile(Array("Заголовок\n".utf8) + [0xD0, 0x41])
        let result = try mtlint(["check", invalid])
        #expect(result.status == 2)
        #expect(result.stderr == "mtlint: \(invalid): is not valid UTF-8 at byte offset 19\n")

        let binary = try mtlint(["check", try temporaryFile([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])])
        #expect(binary.status == 2 && binary.stderr.contains("looks binary (NUL byte) at byte offset 4"))
        let empty = try mtlint(["check", try temporaryFile([])])
        #expect(empty.status == 2 && empty.stderr.hasSuffix(": is empty\n"))
    }

    @Test func oneBadFileDoesNotHideTheOthers() throws {
        let result = try mtlint(["check", clean, "missing.txt"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("\(clean): 0 critical, 0 major, 0 minor"))
    }

    @Test func badUsageExitsTwo() throws {
        let result = try mtlint(["check", "--format", "xml", clean])
        #expect(result.status == 2)
        #expect(result.stderr.contains("xml"))
        #expect(try mtlint(["check"]).status == 2)
        #expect(try mtlint(["check", "--min-score", "120", clean]).status == 2)
        #expect(try mtlint(["check", "--source-lang", "xx", clean]).status == 2)
    }

    @Test func helpExplainsAndExitsZero() throws {
        let result = try mtlint(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--fail-on") && result.stdout.contains("score = 100"))
    }

    @Test func textOutputIsCompilerStyleAndUncolouredWhenPiped() throws {
        let result = try mtlint(["check", planted])
        let diagnostics = result.stdout.split(separator: "\n").filter { $0.hasPrefix(planted + ":") && $0.contains("[") }
        #expect(diagnostics.count == 10)
        for line in diagnostics {
            #expect(line.wholeMatch(of: /[^:]+:\d+:\d+: (minor|major|critical): .+ \[[a-z]+(-[a-z]+)+\]/) != nil, "\(line)")
        }
        #expect(result.stdout.contains("    Share\n    ^^^^^\n"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(try mtlint(["check", "--color", "always", planted]).stdout.contains("\u{1B}["))
        #expect(!(try mtlint(["check", "--color", "auto", planted], environment: ["NO_COLOR": "1"]).stdout.contains("\u{1B}[")))
    }

    @Test func jsonOutputFollowsTheDocumentedSchema() throws {
        let result = try mtlint(["check", "--format", "json", planted, clean])
        #expect(result.status == 1)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["version"] as? Int == 1)
        let documents = try #require(root["documents"] as? [[String: Any]])
        #expect(documents.map { $0["path"] as? String } == [planted, clean])
        #expect(documents.map { $0["passed"] as? Bool } == [false, true])
        let findings = try #require(documents[0]["findings"] as? [[String: Any]])
        #expect(findings.count == 10)

        let lines = try String(contentsOf: Repo.root.appendingPathComponent(planted), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        for finding in findings {
            for key in ["rule", "code", "mqm", "severity", "message", "target", "source"] {
                #expect(finding.keys.contains(key), "missing \(key)")
            }
            // Columns are 1-based Unicode scalars, endColumn exclusive; text is exactly the span.
            let target = try #require(finding["target"] as? [String: Any])
            let line = Array(lines[(target["line"] as! Int) - 1].unicodeScalars)
            let column = target["column"] as! Int, endColumn = target["endColumn"] as! Int
            #expect(target["endLine"] as? Int == target["line"] as? Int)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: line[(column - 1)..<(endColumn - 1)])
            #expect(String(text) == target["text"] as? String)
        }
        let organisation = try #require(findings.first { $0["rule"] as? String == "wrong-organisation" && $0["source"] is [String: Any] })
        #expect((organisation["source"] as? [String: Any])?["text"] as? String == "ЕАЭС")
        #expect(findings.contains { $0["source"] is NSNull })
    }

    @Test func offsetsPointIntoTheFileBytesWithBOMAndCRLF() throws {
        let path = "Corpora/kazan-metro-crlf.txt"
        let bytes = try Data(contentsOf: Repo.root.appendingPathComponent(path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let result = try mtlint(["check", "--format", "json", path])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require((root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            let target = try #require(finding["target"] as? [String: Any])
            let start = target["utf8Offset"] as! Int, end = target["utf8EndOffset"] as! Int
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == target["text"] as? String)
        }
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let first = try mtlint(["check", "--format", "json", planted, clean])
        let second = try mtlint(["check", "--format", "json", planted, clean])
        #expect(first.stdout == second.stdout)
        #expect(try mtlint(["check", planted]).stdout == (try mtlint(["check", planted]).stdout))
    }

    @Test func alignPrintsEveryCaption() throws {
        let result = try mtlint(["align", planted])
        #expect(result.status == 0)
        let decisions = result.stdout.split(separator: "\n").filter { $0.hasPrefix("line ") }
        #expect(decisions == [
            "line 11: paired with line 13 (score 1.00), length δ +0.08",
            "line 23: no counterpart: no target-language block near it could be its translation",
            "line 28: paired with line 30 (score 1.00), length δ +0.91",
        ])
        #expect(result.stdout.contains("\n  ru  Грузовики на пункте пропуска «Ак-Жол» на границе Киргизии и Казахстана\n"))
        #expect(result.stdout.contains("\n  en  Participants of the meeting of the Supreme Eurasian Economic Council of the EU in Minsk. …\n"))
        // Standard input, and rows for scripts.
        let stdin = try mtlint(["align", "-"], stdin: URL(fileURLWithPath: Repo.root.appendingPathComponent(planted).path))
        #expect(stdin.stdout == result.stdout.replacingOccurrences(of: planted, with: "<stdin>"))
        let tsv = try mtlint(["align", "--format", "tsv", planted]).stdout.split(separator: "\n")
        #expect(tsv.map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(4).joined(separator: " ") }
            == ["source-line target-line score length-delta", "11 13 1.00 0.08", "23 none - -", "28 30 1.00 0.91"])
    }

    @Test func alignExplainsWhyACaptionHasNoCounterpart() throws {
        // A caption followed by an unrelated English paragraph: a candidate, scored too low to pair.
        let article = try temporaryFile(Array("""
            Министр финансов Антон Силуанов выступает на заседании правительства в Москве 12 мая

            The weather in Paris was sunny all week, with temperatures above thirty degrees on most afternoons and warm nights. \
            Tourists crowded the banks of the river, cafés stayed open late, and the city council extended the opening hours of \
            public parks and swimming pools until the end of the month, its spokeswoman told reporters on Thursday.

            Фото: ТАСС
            """.utf8))
        let result = try mtlint(["align", article])
        #expect(result.stdout.hasPrefix("line 1: no counterpart: the nearest candidate, line 3, scores "), "\(result.stdout)")
        #expect(result.stdout.contains("(a pair needs 0.40)"))
    }

    @Test func spellingTakesAProjectWordListAndAnInstalledDictionary() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-spell-\(UUID().uuidString).jsonl")
        try Data(#"{"id":"a","source":"Делегация прибыла утром.","target":"The delegation arrived in the mornign."}"#.utf8).write(to: input)
        let plain = try mtlint(["check", "--stdin-jsonl"], stdin: input)
        #expect(plain.stdout.contains("'mornign' is not in the en_US or en_GB dictionary; did you mean 'morning'"))
        let words = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-words-\(UUID().uuidString).txt")
        try Data("# project words\nmornign\n".utf8).write(to: words)
        let accepted = try mtlint(["check", "--stdin-jsonl", "--words", words.path], stdin: input)
        #expect(accepted.status == 0 && !accepted.stdout.contains("mornign"))
        let missingList = try mtlint(["check", "--stdin-jsonl", "--words", "/nonexistent/words.txt"], stdin: input)
        #expect(missingList.status == 2 && missingList.stderr.contains("/nonexistent/words.txt"))
        let missingDictionary = try mtlint(["check", "--stdin-jsonl", "--spelling-dictionary", "xx_XX"], stdin: input)
        #expect(missingDictionary.status == 2 && missingDictionary.stderr.contains("no Hunspell dictionary 'xx_XX'"))
    }

    @Test func emptySegmentsAreCheckedNotCrashedOn() throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-empty-\(UUID().uuidString).jsonl")
        let lines = [
            #"{"id":"a","source":"Путин прибыл в Кронштадт.","target":""}"#, #"{"id":"b","source":"","target":"Putin arrived."}"#,
            #"{"id":"c","source":"","target":""}"#, #"{"id":"d","source":"Путин прибыл.","target":"\"."}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let result = try mtlint(["check", "--stdin-jsonl", "--no-fail", "--jobs", "1"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        // Workers check lines in parallel; the output keeps input order, byte for byte.
        let parallel = try mtlint(["check", "--stdin-jsonl", "--no-fail", "--jobs", "3"], stdin: input)
        #expect(parallel.stdout == result.stdout)
        let rows = result.stdout.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows[0].contains("\"rule\":\"empty-translation\"") && rows[0].contains("\"severity\":\"critical\""))
        #expect(rows[2].contains("\"findings\":[]"))
    }

    @Test func alignListsWhichNamesEachSideAccountsFor() throws {
        let segment = try mtlint(["align", "--entities", "--source", "Мэр Москвы Сергей Собянин открыл станцию.",
                                  "--target", "Moscow Mayor Tomasz Wierzbicki opened the station."])
        #expect(segment.status == 0, "\(segment.stderr)")
        #expect(segment.stdout.contains("  source: +Москвы(known; Москвы=Moscow)  -Сергей Собянин\n"))
        #expect(segment.stdout.contains("-Tomasz Wierzbicki"))
        let file = try mtlint(["align", "--entities", planted])
        #expect(file.stdout.contains("  source:") && file.stdout.contains("  target:"))
        let neither = try mtlint(["align", "--source", "x"])
        #expect(neither.status != 0 && neither.stderr.contains("give either a FILE (or - for standard input) or both --source and --target"))
    }

    @Test func explainPrintsARulesDocumentation() throws {
        let result = try mtlint(["explain", "MT101"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("MT101 untranslated-caption\n"))
        #expect(result.stdout.contains("Flagged") && result.stdout.contains("⟦") && result.stdout.contains("Not flagged"))
        let unknown = try mtlint(["explain", "no-such-rule"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no rule 'no-such-rule'"))
    }

    @Test func rulesListsEveryRule() throws {
        let result = try mtlint(["rules"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == RuleRegistry.all.count)
        for (line, rule) in zip(lines, RuleRegistry.all) {
            #expect(line.hasPrefix("\(rule.description.code)  \(rule.description.id) "))
        }
    }
}
