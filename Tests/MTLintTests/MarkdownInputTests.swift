import Foundation
import Testing

/// Articles kept as Markdown: what is text, where findings are given, and files that are refused.
@Suite struct MarkdownInputTests {
    /// Every span of every finding, read back from the file at its line and column and at its byte
    /// offsets, is the flagged text once Markdown's escapes are undone.
    static func expectRoundTrip(_ file: String, _ json: String) throws -> [(rule: String, text: String)] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require((root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let bytes = Array(file.utf8)
        func unescaped(_ text: String) -> String {
            text.replacingOccurrences(of: "\\\\([!-/:-@\\[-`{-~])", with: "$1", options: .regularExpression)
        }
        for finding in findings {
            let rule = finding["rule"] as? String ?? ""
            for case let span? in [finding["target"] as? [String: Any], finding["source"] as? [String: Any]] {
                let text = span["text"] as? String ?? ""
                let start = (span["line"] as? Int ?? 0, span["column"] as? Int ?? 0), end = (span["endLine"] as? Int ?? 0, span["endColumn"] as? Int ?? 0)
                let found = unescaped(BilingualInputTests.text(in: file, from: start, to: end))
                #expect(found.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace), "\(rule): '\(text)' is not at \(start)–\(end)")
                let low = span["utf8Offset"] as? Int ?? -1, high = span["utf8EndOffset"] as? Int ?? -1
                #expect(low >= 0 && low <= high && high <= bytes.count
                        && unescaped(String(decoding: bytes[low..<high], as: UTF8.self)).split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace),
                        "\(rule): bytes \(low)..<\(high)")
            }
        }
        return findings.map { ($0["rule"] as? String ?? "", (($0["target"] as? [String: Any])?["text"] as? String) ?? "") }
    }

    @Test func theCorpusArticleGivesItsFindingsAtTheFilesOwnPlaces() throws {
        let path = "Corpora/yakutsk-frost-planted.md"
        let file = try String(contentsOf: Repo.root.appendingPathComponent(path), encoding: .utf8)
        let run = try mtlint(["check", "--no-config", "--format", "json", path])
        #expect(run.status == 1, "\(run.stderr)")
        let findings = try Self.expectRoundTrip(file, run.stdout)
        #expect(findings.map(\.rule) == ["number-mismatch", "doubled-word", "untranslated-caption", "doubled-word"])
        // Front matter and code are not text; standard input reads Markdown when told.
        #expect(!run.stdout.contains("Embargo") && !run.stdout.contains("slug"))
        let piped = try mtlint(["check", "--no-config", "--format", "json", "--input-format", "markdown", "-"], stdin: Repo.root.appendingPathComponent(path))
        #expect(piped.stdout.replacingOccurrences(of: "\"<stdin>\"", with: "\"\(path)\"") == run.stdout)
    }

    /// The seed article as Markdown: its paragraphs as paragraphs (Markdown's special characters
    /// escaped), each Russian line an image whose alt text it is. The same findings as the text file's,
    /// each at its place in the Markdown file.
    @Test(.enabled(if: Repo.shared(Repo.seedArticle))) func theSeedAsMarkdownGivesTheSeedsFindings() throws {
        let seed = try String(contentsOf: Repo.seedArticle, encoding: .utf8)
        func isRussian(_ text: String) -> Bool {
            text.unicodeScalars.filter { ("\u{400}"..."\u{4FF}").contains($0) }.count * 2 > text.unicodeScalars.filter(\.properties.isAlphabetic).count
        }
        func escaped(_ text: String) -> String {
            var out = ""
            for character in text {
                if "\\`*_{}[]()<>#+!|~".contains(character) { out.append("\\") }
                out.append(character)
            }
            // A line starting with "-", or a number and ".", would be a list item.
            if let first = out.first, first == "-" || first.isNumber { out = "\\" + out.prefix(1) + out.dropFirst() }
            return out
        }
        var markdown = "---\ntitle: seed\n---\n\n"
        for (number, line) in seed.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            markdown += isRussian(text) ? "![\(escaped(text))](photo\(number).jpg)\n\n" : "\(escaped(text))\n\n"
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("seed.md")
        try markdown.write(to: file, atomically: true, encoding: .utf8)
        let fromMarkdown = try Self.expectRoundTrip(markdown, try mtlint(["check", "--no-config", "--format", "json", file.path]).stdout)
        let text = try mtlint(["check", "--no-config", "--format", "json", Repo.seedArticle.path]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let fromText = ((root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? [])
            .map { "\($0["rule"] as? String ?? "") \((($0["target"] as? [String: Any])?["text"] as? String) ?? "")" }
        #expect(fromMarkdown.map { "\($0.rule) \($0.text)" } == fromText)
        #expect(fromText.count >= 15)
    }

    /// An HTML comment with a directive covers the next paragraph.
    @Test func aDirectiveInACommentSuppressesTheNextLinesFindings() throws {
        let original = try String(contentsOf: Repo.root.appendingPathComponent("Corpora/yakutsk-frost-planted.md"), encoding: .utf8)
        let markdown = original.replacingOccurrences(of: "Utility workers check", with: "<!-- mtlint-disable-next-line doubled-word -->\n\nUtility workers check")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("article.md")
        try markdown.write(to: file, atomically: true, encoding: .utf8)
        let findings = try Self.expectRoundTrip(markdown, try mtlint(["check", "--no-config", "--format", "json", file.path]).stdout)
        #expect(findings.map(\.rule) == ["number-mismatch", "untranslated-caption", "doubled-word"])
    }

    /// Lines ended by a carriage return alone (old Mac files), as cmark reads them: each paragraph's text
    /// is found at its place, and a space the reader collapsed stands inside the file (the fuzzer found a
    /// finding that ended one unit past the end of such a file, and crashed).
    @Test func linesEndedByACarriageReturnAloneKeepTheirPlaces() throws {
        let file = "# Talks\r\rThe ministers met on Monday to discuss the budget .\rThe talks went on.\r\rt ."
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mac-lines.md")
        try file.write(to: path, atomically: true, encoding: .utf8)
        let run = try mtlint(["check", "--no-config", "--format", "json", path.path])
        #expect(run.status == 1, "\(run.stderr)")
        let findings = try Self.expectRoundTrip(file, run.stdout)
        #expect(findings.filter { $0.rule == "irregular-spacing" }.map(\.text) == [" ", " "])
    }

    /// A Markdown file is any text: what is refused is what no article has (entities declared in raw
    /// HTML, 10,000-deep quotations); what no file may be (not UTF-8, larger than the limit) is refused
    /// for every format alike (BadInputTests).
    @Test(arguments: [
        ("entity.md", "<!DOCTYPE x [<!ENTITY a \"lol\">]>\n\nThe minister &a; arrived.\n", "cannot be read as Markdown: declares an entity (<!ENTITY): refused"),
        ("deep.md", String(repeating: ">", count: 10_000) + " The minister arrived.\n", "cannot be read as Markdown: nests quotations or lists more than 1000 deep"),
    ])
    func aBadFileExitsTwoWithAMessage(_ name: String, _ content: String, _ message: String) throws {
        try expectRefused(name, content, message)
    }
}
