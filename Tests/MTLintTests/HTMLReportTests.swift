import Foundation
import MTCore
import MTReporters
import MTRules
import Testing

@Suite struct HTMLReportTests {
    let hostile = Repo.root.appendingPathComponent("Tests/MTLintTests/Fixtures/hostile.txt")

    private func page(_ url: URL) throws -> (LintResult, String) {
        // Each file in its format (by extension), as `check` reads it.
        let document = try InputFormat.auto.reader(of: FilePath(url.path)).read(pair: .russianEnglish, knowledge: .bundled, maximumSize: DocumentReader.defaultMaximumSize)
        let result = Session(rules: RuleRegistry.all).check(document)
        let html = HTMLReporter(rules: RuleRegistry.all.map(\.description), policy: ScoringPolicy(), toolVersion: "test")
        return (result, html.page(result))
    }

    @Test func hostileTextIsEscapedAndInvisibleCharactersShown() throws {
        let (result, page) = try page(hostile)
        #expect(!result.findings.isEmpty)
        #expect(page.components(separatedBy: "<script").count == 2)  // the report's own script only
        for raw in ["<script>document", "</textarea>", "<img", "<iframe", "<a href=\"javascript", "<b onmouseover", "<svg onload"] {
            #expect(!page.contains(raw), "unescaped \(raw)")
        }
        #expect(page.contains("&lt;script&gt;document.title="))
        for escaped in ["&#39;PWNED&#39;", "&lt;/textarea&gt;", "&amp;", "javascript:alert(1)"] {
            #expect(page.contains(escaped), "\(escaped) should appear as text")
        }
        #expect(!page.contains("\u{202E}") && !page.contains("\u{2067}"))
        #expect(page.contains(#"<span class="cp" title="invisible character U+202E">U+202E</span>"#))
    }

    @Test func everyFindingIsHighlightedOnceAndListedOnce() throws {
        // The translation memory has two findings on one whole unit: each still has its anchor.
        for name in ["eaeu-summit-planted.txt", "grain-harvest-planted.txt", "kazan-metro-crlf.txt", "novosibirsk-bridge-planted.tmx"] {
            let (result, page) = try page(Repo.corpora.appendingPathComponent(name))
            for number in 1...result.findings.count {
                #expect(page.components(separatedBy: #" id="f\#(number)" "#).count == 2, "\(name): anchor f\(number)")
                #expect(page.contains(#"data-number="\#(number)""#), "\(name): row \(number)")
                #expect(page.contains("<a href=\"#f\(number)\">"), "\(name): link to f\(number)")
            }
            for rule in Set(result.findings.map(\.ruleID)) {
                #expect(page.components(separatedBy: #"<article id="rule-\#(rule)">"#).count == 2, "\(name): docs of \(rule) once")
            }
            #expect(page.contains("<h2 id=\"captions-title\">\(name.hasSuffix(".tmx") ? "Units" : "Captions")</h2>"))
            // Each tooltip names a finding once (an untranslated caption is its own source span).
            for tip in page.matches(of: #/<span class="tip" role="tooltip"[^>]*>(.*?)</span></mark>/#) {
                let numbers = tip.1.matches(of: #/<strong>#(\d+) /#).map { String($0.1) }
                #expect(Set(numbers).count == numbers.count, "\(name): a tooltip repeats a finding: \(numbers)")
            }
            let ids = page.matches(of: #/ id="([^"]+)"/#).map { String($0.1) }
            #expect(Set(ids).count == ids.count, "\(name): duplicate element ids")
            #expect(page.contains(result.score.passed ? ">PASS<" : ">FAIL<"))
            // A failed page says why, in the words of the other formats.
            #expect(result.score.passed || page.contains("<dt>Why</dt><dd>\(result.score.reasons.map(\.description).joined(separator: "; "))</dd>"))
        }
    }

    @Test func aPairOfFilesIsShownSideBySideBeadByBead() throws {
        let document = try Document(contentsOf: FilePath(Repo.corpora.appendingPathComponent("kazan-who-mission.en.txt").path),
                                    source: FilePath(Repo.corpora.appendingPathComponent("kazan-who-mission.ru.txt").path))
        let result = Session(rules: RuleRegistry.all).check(document)
        let page = HTMLReporter(rules: RuleRegistry.all.map(\.description), policy: ScoringPolicy(), toolVersion: "test").page(result)
        #expect(page.contains("<h2 id=\"captions-title\">Aligned sentences</h2>"))
        #expect(page.components(separatedBy: "<td data-label=\"Status\">").count - 1 == document.beads.count)
        // The sentence left out: its row shows the source and no translation, and counts the omission.
        #expect(page.contains("<em>none</em></td><td data-label=\"Status\">left out of the translation; 1 findings</td>"))
        // The source article is shown beside its translation, not as part of the article.
        #expect(!page.contains("kind-label\">paragraph · ru"))
        let ids = page.matches(of: #/ id="([^"]+)"/#).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "duplicate element ids")
        for number in 1...result.findings.count {
            #expect(page.components(separatedBy: #" id="f\#(number)" "#).count == 2, "anchor f\(number)")
        }
    }

    @Test func pagesWorkWithoutNetworkAccess() throws {
        let (_, page) = try page(Repo.corpora.appendingPathComponent("eaeu-summit-planted.txt"))
        #expect(page.contains("default-src 'none'"))
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("@import"))
    }

    @Test func severalDocumentsNeedAnOutputDirectory() throws {
        let refused = try mtlint(["check", "--format", "html", "Corpora"])
        #expect(refused.status == 2 && refused.stderr.contains("--output DIR/"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-html-\(UUID().uuidString)/")
        let run = try mtlint(["check", "--format", "html", "--jobs", "1", "--output", directory.path + "/", "Corpora"])
        #expect(run.status == 1)
        let parallel = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-html-\(UUID().uuidString)/")
        _ = try mtlint(["check", "--format", "html", "--jobs", "4", "--output", parallel.path + "/", "Corpora"])
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
        let articles = try Repo.corpusArticles()
        #expect(files == articles.map { "Corpora_\($0.replacingOccurrences(of: "/", with: "_")).html" } + ["index.html"])
        #expect(try String(contentsOf: directory.appendingPathComponent(".mtlint-pages"), encoding: .utf8)
            == files.joined(separator: "\n") + "\n", "the folder's page list")
        for file in files {
            #expect(try Data(contentsOf: directory.appendingPathComponent(file)) == Data(contentsOf: parallel.appendingPathComponent(file)),
                    "\(file) differs between --jobs 1 and --jobs 4")
        }
        let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        for file in files where file != "index.html" { #expect(index.contains("href=\"\(file)\"")) }
        // As many fail the gate as the gold files say, and the articles of the glossary and knowledge folders
        // (each has planted errors that its folder's data finds).
        let failing = try Repo.corpusGoldFiles().filter { file in
            let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
            return gold?["verdict"] as? String == "fail" && articles.contains(gold?["document"] as? String ?? "")
        }.count + articles.filter { $0.hasPrefix("glossary/") || $0.hasPrefix("knowledge/") }.count
        #expect(index.contains("\(articles.count) documents, \(failing) failed the gate"))
    }
}
