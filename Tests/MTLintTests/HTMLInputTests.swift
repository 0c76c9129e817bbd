import Foundation
import Testing

/// Articles saved as HTML pages: what is text, where findings are given, and pages that are refused.
@Suite struct HTMLInputTests {
    /// The page's text at a finding's line and column (1-based, in Unicode scalars), as long as the text
    /// the finding names: a finding's place read back from the file itself.
    static func text(in file: String, line: Int, column: Int, scalars: Int) -> String {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return "" }
        let scalarsOfLine = Array(lines[line - 1].unicodeScalars)
        guard column >= 1, column - 1 <= scalarsOfLine.count else { return "" }
        return String(String.UnicodeScalarView(scalarsOfLine[(column - 1)...].prefix(scalars)))
    }

    /// Findings of a JSON report: rule, target line, column and text, and the source span's when there is one.
    static func findings(_ json: String) throws -> [(rule: String, target: [String: Any], source: [String: Any]?)] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let document = try #require((root["documents"] as? [[String: Any]])?.first)
        return (document["findings"] as? [[String: Any]] ?? []).map {
            (($0["rule"] as? String) ?? "", ($0["target"] as? [String: Any]) ?? [:], $0["source"] as? [String: Any])
        }
    }

    /// Every span of every finding is found in the page at its line and column, and at its byte offsets
    /// (the source span of two files, in `sourcePage`).
    static func expectRoundTrip(_ page: String, _ findings: [(rule: String, target: [String: Any], source: [String: Any]?)], sourcePage: String? = nil) {
        for (rule, target, source) in findings {
            for (span, page) in [(target, page)] + (source.map { [($0, sourcePage ?? page)] } ?? []) {
                let bytes = Array(page.utf8)
                let text = span["text"] as? String ?? "", line = span["line"] as? Int ?? 0, column = span["column"] as? Int ?? 0
                guard !text.contains("\n") else { continue }
                #expect(Self.text(in: page, line: line, column: column, scalars: text.unicodeScalars.count) == text,
                        "\(rule): '\(text)' is not at \(line):\(column)")
                let start = span["utf8Offset"] as? Int ?? -1, end = span["utf8EndOffset"] as? Int ?? -1
                #expect(start >= 0 && end <= bytes.count && String(decoding: bytes[start..<end], as: UTF8.self) == text, "\(rule): bytes \(start)..<\(end)")
            }
        }
    }

    @Test func theCorpusPageGivesItsFindingsAtThePagesOwnPlaces() throws {
        let path = "Corpora/tula-museum-page-planted.html"
        let page = try String(contentsOf: Repo.root.appendingPathComponent(path), encoding: .utf8)
        let run = try mtlint(["check", "--format", "json", path])
        #expect(run.status == 1, "\(run.stderr)")
        let findings = try Self.findings(run.stdout)
        #expect(findings.map(\.rule) == ["number-mismatch", "doubled-word", "untranslated-caption"])
        Self.expectRoundTrip(page, findings)
        // The source caption the number comes from is given in the page too.
        #expect(findings.first?.source?["line"] as? Int == 32)
        // Read as plain text, the same file is markup everywhere: the format decides, by extension or flag
        // (standard input has no extension: text unless the flag says html).
        let asText = try mtlint(["check", "--format", "json", "--input-format", "text", path])
        #expect(try Self.findings(asText.stdout).map(\.rule) != findings.map(\.rule))
        let piped = try mtlint(["check", "--format", "json", "--input-format", "html", "-"], stdin: Repo.root.appendingPathComponent(path))
        #expect(try Self.findings(piped.stdout).map { $0.target["utf8Offset"] as? Int } == findings.map { $0.target["utf8Offset"] as? Int })
    }

    /// The seed article rebuilt as a page: its paragraphs as <p>, each caption with its translation and
    /// credit in a figure's figcaption, the interface lines before the first paragraph in a header's nav
    /// and those after the last in a footer. The page gives the seed's findings, at the page's own lines
    /// and columns, except on the lines the page's structure marks as chrome.
    @Test(.enabled(if: Repo.shared(Repo.seedArticle))) func theSeedAsAPageGivesTheSeedsFindingsExceptOnChrome() throws {
        let seed = try String(contentsOf: Repo.seedArticle, encoding: .utf8)
        let (page, chrome) = Self.page(of: seed)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("seed.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let fromPage = try Self.findings(try mtlint(["check", "--no-config", "--format", "json", file.path]).stdout)
        let fromText = try Self.findings(try mtlint(["check", "--no-config", "--format", "json", Repo.seedArticle.path]).stdout)
        Self.expectRoundTrip(page, fromPage)
        let expected = fromText.filter { !chrome.contains($0.target["line"] as? Int ?? 0) }.map { "\($0.rule) \($0.target["text"] as? String ?? "")" }
        #expect(fromPage.map { "\($0.rule) \($0.target["text"] as? String ?? "")" } == expected)
        #expect(expected.count < fromText.count, "the seed has findings on its chrome lines")
        #expect(expected.count >= 10)
    }

    /// The seed's lines as a page, and the seed's line numbers that went into chrome.
    static func page(of seed: String) -> (String, Set<Int>) {
        let lines = seed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "«", with: "&laquo;").replacingOccurrences(of: "»", with: "&raquo;")
        }
        func isRussian(_ text: String) -> Bool {
            text.unicodeScalars.filter { ("\u{400}"..."\u{4FF}").contains($0) }.count * 2 > text.unicodeScalars.filter(\.properties.isAlphabetic).count
        }
        let long = lines.indices.filter { lines[$0].split(separator: " ").count >= 8 }
        let (first, last) = (long.first ?? 0, long.last ?? lines.count - 1)
        var chrome = Set<Int>()
        var out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head><meta charset=\"utf-8\"><title>Article</title><style>p { margin: 0 }</style></head>",
                   "<body>", "<header>", "  <nav>"]
        for i in 0..<first where !lines[i].isEmpty {
            out.append("    <a href=\"#\">\(escaped(lines[i]))</a>")
            chrome.insert(i + 1)
        }
        out += ["  </nav>", "</header>", "<main>", "<article>"]
        var i = first
        while i <= last {
            guard !lines[i].isEmpty else { i += 1; continue }
            if isRussian(lines[i]) {
                // A figure: the Russian caption, then every line up to and with the credit.
                out += ["  <figure>", "    <img src=\"photo\(i).jpg\" alt=\"\">", "    <figcaption>"]
                while i <= last {
                    if !lines[i].isEmpty { out.append("      <p>\(escaped(lines[i]))</p>") }
                    i += 1
                    if lines[i - 1].hasPrefix("Photo:") { break }
                }
                out += ["    </figcaption>", "  </figure>"]
            } else {
                out.append("  <p>\(escaped(lines[i]))</p>")
                i += 1
            }
        }
        out += ["</article>", "</main>", "<footer>"]
        for i in (last + 1)..<lines.count where !lines[i].isEmpty {
            out.append("  <p>\(escaped(lines[i]))</p>")
            chrome.insert(i + 1)
        }
        out += ["</footer>", "<script>var x = \"<p>not text</p>\";</script>", "</body>", "</html>"]
        return (out.joined(separator: "\n") + "\n", chrome)
    }

    /// A source page and its translated page, checked as two files: the findings of the two text files
    /// they were made from, each span at its place in its own page.
    @Test func aSourcePageAndItsTranslationWorkAsTwoFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages: [String: String] = [:]
        for language in ["ru", "en"] {
            let text = try String(contentsOf: Repo.corpora.appendingPathComponent("kazan-who-mission.\(language).txt"), encoding: .utf8)
            let paragraphs = text.split(separator: "\n").map { "  <p>\($0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</p>" }
            pages[language] = (["<!DOCTYPE html>", "<html lang=\"\(language)\">", "<head><meta charset=\"utf-8\"><title>Kazan</title></head>", "<body>",
                                "<header><nav><a href=\"/\">Главная</a></nav></header>", "<article>"] + paragraphs
                               + ["</article>", "<footer><p>© Новости</p></footer>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
            try pages[language]!.write(to: folder.appendingPathComponent("kazan.\(language).html"), atomically: true, encoding: .utf8)
        }
        let fromPages = try Self.findings(try mtlint(["check", "--no-config", "--format", "json", "--source", folder.appendingPathComponent("kazan.ru.html").path,
                                                      folder.appendingPathComponent("kazan.en.html").path]).stdout)
        let fromTexts = try Self.findings(try mtlint(["check", "--no-config", "--format", "json", "--source", "Corpora/kazan-who-mission.ru.txt",
                                                      "Corpora/kazan-who-mission.en.txt"]).stdout)
        #expect(fromPages.map { "\($0.rule) \($0.target["text"] as? String ?? "") \($0.source?["text"] as? String ?? "")" }
                == fromTexts.map { "\($0.rule) \($0.target["text"] as? String ?? "") \($0.source?["text"] as? String ?? "")" })
        #expect(fromPages.filter { $0.source != nil }.count >= 3)
        Self.expectRoundTrip(pages["en"]!, fromPages, sourcePage: pages["ru"]!)
    }

    /// A page with the problem named, and the start of the message it gets.
    @Test(arguments: [
        ("truncated", "<html><body><p>The minister said", "cannot be read as HTML: opens <html> and never closes it: is the file cut short? at byte offset 32"),
        ("truncated-in-tag", "<html><body><p class=\"lead", "cannot be read as HTML: ends inside a tag: is the file cut short? at byte offset 12"),
        ("wrong-encoding", "<html><head><meta charset=\"windows-1251\"></head><body><p>Hello.</p></body></html>",
         "declares its encoding as windows-1251, but is read as UTF-8"),
        ("billion-laughs", "<!DOCTYPE html [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><html><body><p>&b;</p></body></html>",
         "cannot be read as HTML: declares an entity (<!ENTITY): refused"),
        ("external-entity", "<!DOCTYPE html [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]><html><body><p>&secret;</p></body></html>",
         "cannot be read as HTML: declares an entity (<!ENTITY): refused"),
        ("deep", "<html><body>" + String(repeating: "<div>", count: 10_000) + "<p>Deep.</p>" + String(repeating: "</div>", count: 10_000) + "</body></html>",
         "cannot be read as HTML: nests elements more than 1000 deep"),
    ])
    func aBadPageExitsTwoWithAMessage(_ name: String, _ page: String, _ message: String) throws {
        try expectRefused("\(name).html", page, message)
    }

    /// A 100 MB attribute: refused by size before it is parsed (memory stays small).
    @Test func aHugePageIsRefusedBeforeItIsRead() throws {
        try expectRefusedBySize("huge.html", prefix: "<html><body><p title=\"", suffix: "\">x</p></body></html>")
    }

    /// A caption pairs within its figure: a Russian caption whose figure has no English one is
    /// untranslated, though the next figure's English caption would fit it; and a block whose `lang`
    /// names a third language is not the translation's text (`lang` on `<html>` is not read).
    @Test func figuresPairCaptionsAndThirdLanguagesAreLeftOut() throws {
        let page = """
            <!DOCTYPE html>
            <html lang="ru"><head><meta charset="utf-8"><title>t</title></head>
            <body><article>
            <p>The ministers of the two countries met in Minsk on Tuesday to discuss gas prices for next year.</p>
            <figure><img src="a.jpg" alt=""><figcaption><p>Министры на встрече в Минске во вторник</p><p>Photo: Ivan Petrov</p></figcaption></figure>
            <figure><img src="b.jpg" alt=""><figcaption><p>Ministers at a meeting in Minsk on Tuesday</p><p>Photo: Anna Ivanova</p></figcaption></figure>
            <blockquote lang="uk-UA"><p>Переговори продовжаться в Києві наступного місяця.</p></blockquote>
            <p>The talks will continue in Moscow next month, the ministry said in a statement on its website.</p>
            </article></body></html>

            """
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("figures.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let findings = try Self.findings(try mtlint(["check", "--no-config", "--format", "json", file.path]).stdout)
        #expect(findings.map(\.rule) == ["untranslated-caption"])
        #expect(findings.first?.target["line"] as? Int == 5)
        Self.expectRoundTrip(page, findings)
        let aligned = try mtlint(["align", file.path]).stdout
        #expect(aligned.contains("line 5: no counterpart"), "\(aligned)")
    }

    /// A suppression directive is an HTML comment: it covers the next line of text of the page.
    @Test func aDirectiveInACommentSuppressesTheNextLinesFindings() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: Repo.root.appendingPathComponent("Corpora/tula-museum-page-planted.html"), encoding: .utf8)
        let page = original.replacingOccurrences(of: "  <p>The restoration cost", with: "  <!-- mtlint-disable-next-line doubled-word -->\n  <p>The restoration cost")
            .replacingOccurrences(of: "  <p>The museum is open", with: "  <!-- mtlint-disable-next-line number-mismatch -->\n  <p>The museum is open")
        let file = folder.appendingPathComponent("page.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let findings = try Self.findings(try mtlint(["check", "--no-config", "--format", "json", file.path]).stdout)
        #expect(findings.map(\.rule) == ["number-mismatch", "untranslated-caption", "unused-suppression"])
        #expect(findings.last?.target["line"] as? Int == 46)
        Self.expectRoundTrip(page, findings)
    }
}
