import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MTCore
import MTReporters
import Testing

/// Every output format rendered for a fixed set of findings and compared byte for byte with
/// `Snapshots/`. Re-record after an intended change with `MTLINT_RECORD_SNAPSHOTS=1 swift test`.
@Suite struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    static let recording = ProcessInfo.processInfo.environment["MTLINT_RECORD_SNAPSHOTS"] == "1"

    /// A rule declaration of the test's own, so that snapshots do not change with the real rules.
    static let rule = RuleDescription(
        code: "MT999", id: "sample-pattern", summary: "A sample finding with <markup> & \"quotes\".",
        rationale: "Used by the snapshot tests only.", mqm: .mistranslation, severity: .major,
        triggering: ["⟦x⟧"], nonTriggering: ["y"])

    /// Two documents: one with findings (a source span, a related span, text that needs escaping
    /// in every format, a line break in a message), one clean.
    static var results: [LintResult] {
        let text = """
            Заседание в Минске. 12 июля 2025 года
            Meeting in Minsk, "July 21", 2025 <b>&</b>
            Photo: TASS/Ivan Petrov, 100%

            The talks, in Minsk: 50% done.
            """
        let document = Document(path: "dir/a b,c.txt", text: text)
        func range(_ needle: String) -> Range<Int> {
            let units = Array(needle.utf16)
            let start = (0...(document.buffer.count - units.count)).first {
                document.buffer.units[$0..<($0 + units.count)].elementsEqual(units)
            }!
            return start..<(start + units.count)
        }
        let findings = [
            Finding(ruleID: rule.id, code: rule.code, mqm: rule.mqm, severity: .major,
                    message: "'July 21' in the target, '12 июля' in the source (line 1)",
                    target: document.span(range("July 21")), source: document.span(range("12 июля"))),
            Finding(ruleID: rule.id, code: rule.code, mqm: .punctuation, severity: .minor,
                    message: "markup <b>&</b> in text,\nsecond line: 100%",
                    target: document.span(range("<b>&</b>")), related: [document.span(range("Minsk:"))]),
            Finding(ruleID: rule.id, code: rule.code, mqm: .untranslated, severity: .critical,
                    message: "critical: \"quoted\"", target: document.span(range("Заседание"))),
        ]
        let policy = ScoringPolicy()
        let clean = Document(path: "clean.txt", text: "The talks ended well, the ministry said on Monday evening.")
        return [
            LintResult(document: document, findings: findings, score: policy.score(findings, wordCount: document.targetWordCount)),
            LintResult(document: clean, findings: [], score: policy.score([], wordCount: clean.targetWordCount)),
        ]
    }

    static let files: [(OutputFormat, String)] = [
        (.text, "report.txt"), (.json, "report.json"), (.jsonl, "report.jsonl"),
        (.sarif, "report.sarif"), (.github, "report.github.txt"), (.junit, "report.junit.xml"),
    ]

    static func render(_ format: OutputFormat) throws -> String {
        let reporting = Reporting(format: format, rules: [rule], toolVersion: "0.0.0-test")
        return format.isStreamed
            ? try results.map(reporting.document).joined() + reporting.end(GateSummary(results)) : try reporting.run(results)
    }

    @Test(arguments: files.map(\.1)) func formatMatchesItsSnapshot(_ file: String) throws {
        let format = Self.files.first { $0.1 == file }!.0
        let rendered = try Self.render(format)
        let url = Self.directory.appendingPathComponent(file)
        if Self.recording || !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try rendered.write(to: url, atomically: true, encoding: .utf8)
            if !Self.recording { Issue.record("recorded missing snapshot \(file); check it and run again") }
            return
        }
        let recorded = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered == recorded, "\(file) differs from its snapshot; if intended: MTLINT_RECORD_SNAPSHOTS=1 swift test")
    }

    @Test func junitIsWellFormedXMLWithOneFailedCase() throws {
        let xml = try XMLDocument(data: Data(try Self.render(.junit).utf8))
        let suite = try #require(xml.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "2")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        let failure = try #require(suite.elements(forName: "testcase").first?.elements(forName: "failure").first)
        #expect(failure.stringValue?.contains("markup <b>&</b> in text") == true)
    }

    @Test func githubCommandsEscapeTheirDataAndProperties() throws {
        let lines = try Self.render(.github).split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        // Three findings, each document's verdict, then the run's: the failed gate with its reasons.
        #expect(lines.filter { $0.contains(",line=") }.count == 3)
        #expect(lines.filter { $0.contains("title=mtlint gate::") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("::error file=dir/a b%2Cc.txt,title=mtlint gate::FAIL (score 0.00 is below 98.00; 1 critical finding") })
        #expect(lines.last?.hasPrefix("::error title=mtlint gate::2 documents, 1 failed the gate: FAIL; gate: score at least 98.00, no major or critical finding") == true)
        #expect(lines.contains { $0.contains("file=dir/a b%2Cc.txt") && $0.hasSuffix("::markup <b>&</b> in text,%0Asecond line: 100%25") })
    }

    @Test func sarifFingerprintsIgnoreLineNumbers() throws {
        let before = try Self.render(.sarif)
        // The same findings one line lower: regions move, fingerprints do not.
        let shifted = Self.results.map { result in
            let text = "\n" + result.document.buffer.string(0..<result.document.buffer.count)
            let document = Document(path: result.document.path, text: text)
            let findings = result.findings.map { finding in
                Finding(ruleID: finding.ruleID, code: finding.code, mqm: finding.mqm, severity: finding.severity,
                        message: finding.message,
                        target: document.span((finding.target.utf16Range.lowerBound + 1)..<(finding.target.utf16Range.upperBound + 1)))
            }
            return LintResult(document: document, findings: findings, score: result.score)
        }
        let after = try Reporting(format: .sarif, rules: [Self.rule], toolVersion: "0.0.0-test").run(shifted)
        func fingerprints(_ sarif: String) throws -> [String] {
            let root = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any]
            let results = ((root["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
            return results.map { ($0["partialFingerprints"] as! [String: String])["mtlintFinding/v1"]! }
        }
        #expect(try fingerprints(before) == fingerprints(after))
        #expect(Set(try fingerprints(before)).count == 3)
        #expect(before != after)
    }
}
