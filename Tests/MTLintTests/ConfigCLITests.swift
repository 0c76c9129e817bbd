import Foundation
import Testing

/// `.mtlint.yml`, suppressions and the baseline, end to end through the executable.
@Suite struct ConfigCLITests {
    let planted = "Corpora/eaeu-summit-planted.txt"

    /// A temporary directory with files, removed at the end of the test.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-cfg-\(UUID().uuidString)")

        init(_ files: [String: String] = [:]) throws {
            for (path, text) in files { try write(path, text) }
        }

        func write(_ path: String, _ text: String) throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }

        func copy(_ repoPath: String, to path: String) throws {
            try write(path, String(contentsOf: Repo.root.appendingPathComponent(repoPath), encoding: .utf8))
        }

        func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test func nestedConfigurationsSetEachFilesGate() throws {
        let folder = try Folder([
            ".mtlint.yml": "gate: {min-score: 0, fail-on: critical}\n",
            "strict/.mtlint.yml": "disable: [page-furniture]\n",
        ])
        try folder.copy(planted, to: "lenient.txt")
        try folder.copy(planted, to: "strict/article.txt")
        let run = try mtlint(["check", "--format", "json", folder.path("lenient.txt"), folder.path("strict/article.txt")])
        #expect(run.status == 1, "the strict file fails")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])["documents"] as? [[String: Any]]
        #expect(documents?.map { $0["passed"] as? Bool } == [true, false])
        let rules = (documents?.last?["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(!rules.isEmpty && !rules.contains("page-furniture"))
        // Flags override the file; --no-config leaves it out.
        #expect(try mtlint(["check", "--min-score", "99", folder.path("lenient.txt")]).status == 1)
        #expect(try mtlint(["check", "--no-config", folder.path("lenient.txt")]).status == 1)
        #expect(try mtlint(["check", folder.path("lenient.txt")]).status == 0)
    }

    @Test func configPrintsEachValueWithItsOrigin() throws {
        let folder = try Folder([".mtlint.yml": "gate:\n  min-score: 95\nrules:\n  length-ratio: {minor-delta: 3.5}\n"])
        let run = try mtlint(["config", folder.path(".")])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "#", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(lines.contains(["min-score: 95", folder.path(".mtlint.yml") + ":2:14"]))
        #expect(lines.contains(["minor-delta: 3.5", folder.path(".mtlint.yml") + ":4:31"]))
        #expect(lines.contains(["fail-on: major", "default"]))
        #expect(try mtlint(["config", "--min-score", "90", folder.path(".")]).stdout.contains("# --min-score"))
    }

    @Test(arguments: [
        ("gate:\n  min-scor: 95\n", "2:3: unknown key 'min-scor'"),
        ("preview: maybe\n", "1:10: preview must be true or false, not 'maybe'"),
        ("gate: {min-score: 95\n", "2:1: not valid YAML"),
        ("rules:\n  no-such-rule: {severity: minor}\n", "2:3: unknown rule 'no-such-rule'"),
        ("exclude:\n  - [a, b]\n", "2:5: an entry of exclude must be a single value"),
    ])
    func anInvalidConfigurationExitsTwoWithFileLineAndColumn(_ text: String, _ expected: String) throws {
        let folder = try Folder([".mtlint.yml": text])
        try folder.copy(planted, to: "article.txt")
        for arguments in [["check", folder.path("article.txt")], ["check", "--config", folder.path(".mtlint.yml"), planted], ["config", folder.path(".")]] {
            let run = try mtlint(arguments)
            #expect(run.status == 2)
            #expect(run.stderr == "mtlint: \(folder.path(".mtlint.yml")):\(expected)" + run.stderr.dropFirst("mtlint: \(folder.path(".mtlint.yml")):\(expected)".count),
                    "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aliasesThatWouldExpandExponentiallyAreRefusedAtOnce() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let folder = try Folder([".mtlint.yml": text.replacingOccurrences(of: "i: &i", with: "exclude: &i")])
        let run = try mtlint(["config", "--config", folder.path(".mtlint.yml")], timeout: 20)
        #expect(run.status == 2)
        #expect(run.stderr.contains(".mtlint.yml:1:1: unknown key 'a'"))
    }

    @Test func inlineDirectivesSuppressAndUnusedOnesAreReported() throws {
        let folder = try Folder(["a.txt": """
            The ministers met in the capital on Monday to discuss the the budget and the timetable for reforms.

            <!-- mtlint-disable-next-line doubled-word -->
            The ministers met in the capital on Tuesday to discuss the the budget and the timetable for reforms.

            <!-- mtlint-disable-next-line MT103 -->
            The ministers met in the capital on Friday to discuss the budget and the timetable for the reforms.

            """])
        let run = try mtlint(["check", "--no-config", "--format", "json", folder.path("a.txt")])
        let document = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]]).first
        let findings = (document?["findings"] as? [[String: Any]]) ?? []
        #expect(findings.compactMap { $0["rule"] as? String } == ["doubled-word", "unused-suppression"])
        #expect(findings.compactMap { ($0["target"] as? [String: Any])?["line"] as? Int } == [1, 6])
        #expect(document?["suppressed"] as? Int == 1)
    }

    @Test func ignoreEntriesSuppressFindingsAndUnusedOnesAreSaid() throws {
        let folder = try Folder([".mtlint.yml": """
            ignore:
              - rule: page-furniture
              - {rule: wrong-organisation, text: ASEAN}
              - {path: other/*, rule: doubled-word}
            """])
        try folder.copy(planted, to: "article.txt")
        let run = try mtlint(["check", "--format", "json", folder.path("article.txt")])
        let document = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]]).first
        let rules = ((document?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.contains("page-furniture"))
        #expect(rules.filter { $0 == "wrong-organisation" }.count == 1)
        #expect(document?["suppressed"] as? Int == 5)
        #expect(run.stderr == "mtlint: warning: \(folder.path(".mtlint.yml")):4:5: this ignore: entry matched no finding; remove it\n")
    }

    /// The baseline holds what was there: after three new errors and moved paragraphs, exactly the
    /// new errors are reported, and they gate the run.
    @Test(.enabled(if: Repo.seedAvailable(), "needs the shared seed article"))
    func aBaselineSurvivesMovedParagraphsAndReportsOnlyNewFindings() throws {
        let folder = try Folder()
        let original = try String(contentsOf: Repo.seedArticle, encoding: .utf8)
        try folder.write("article.txt", original)
        let written = try mtlint(["check", "--no-config", "--write-baseline", folder.path("baseline.json"), folder.path("article.txt")])
        #expect(written.stderr.contains("wrote baseline"))
        #expect(try mtlint(["check", "--no-config", "--baseline", folder.path("baseline.json"), folder.path("article.txt")]).status == 0)

        var paragraphs = original.components(separatedBy: "\n\n")
        func isBody(_ index: Int) -> Bool {
            index > 0 && index < paragraphs.count - 1 && !paragraphs[index].contains("\n") && paragraphs[index].split(separator: " ").count >= 25
                && !paragraphs[index].unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
                && !paragraphs[index - 1].unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
                && !paragraphs[index + 1].hasPrefix("Photo:")
        }
        // Move: two neighbouring body paragraphs swap; a caption group (source, translation, credit) moves
        // between two body paragraphs further on.
        let swap = try #require(paragraphs.indices.first { isBody($0) && isBody($0 + 1) })
        paragraphs.swapAt(swap, swap + 1)
        let credit = try #require(paragraphs.indices.first { paragraphs[$0].hasPrefix("Photo:") && $0 >= 2 })
        let group = Array(paragraphs[(credit - 2)...credit])
        paragraphs.removeSubrange((credit - 2)...credit)
        let landing = try #require(paragraphs.indices.last { isBody($0) && isBody($0 + 1) })
        paragraphs.insert(contentsOf: group, at: landing + 1)
        // Three new errors in three body paragraphs: a doubled word, a repeated sentence, a double space.
        let body = paragraphs.indices.filter(isBody)
        try #require(body.count >= 3)
        var words = paragraphs[body[0]].components(separatedBy: " ")
        words.insert(words[5], at: 5)
        paragraphs[body[0]] = words.joined(separator: " ")
        let sentence = try #require(paragraphs[body[1]].components(separatedBy: ". ").first)
        paragraphs[body[1]] += " " + sentence + "."
        words = paragraphs[body[2]].components(separatedBy: " ")
        words[7] += " "
        paragraphs[body[2]] = words.joined(separator: " ")
        try folder.write("article.txt", paragraphs.joined(separator: "\n\n"))

        let run = try mtlint(["check", "--no-config", "--format", "json", "--baseline", folder.path("baseline.json"), folder.path("article.txt")])
        let document = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]]).first
        let findings = (document?["findings"] as? [[String: Any]]) ?? []
        #expect(findings.compactMap { $0["rule"] as? String }.sorted() == ["doubled-word", "duplicated-phrase", "irregular-spacing"], "\(findings)")
        #expect(run.status == 1, "the repeated sentence is major: the gate fails")
        #expect(run.stderr.contains("findings held back; every entry still occurs"), "\(run.stderr)")
    }

    @Test func aBaselineThatIsNotJSONExitsTwoWithItsByteOffset() throws {
        let folder = try Folder(["baseline.json": "{\"version\": 1, \"findings\": [}"])
        let run = try mtlint(["check", "--baseline", folder.path("baseline.json"), planted])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("mtlint: \(folder.path("baseline.json")): is not valid JSON"), "\(run.stderr)")
    }
}

extension ConfigCLITests {
    /// README.md's example `.mtlint.yml` is a valid configuration, and `mtlint config` shows what it sets.
    @Test func theReadmeExampleConfigurationIsValid() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n# .mtlint.yml"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let folder = try Folder([".mtlint.yml": String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound]), "house-words.txt": "oblast\n"])
        try folder.copy(planted, to: "articles/summit.txt")
        let run = try mtlint(["config", folder.path("articles/summit.txt")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("    minor-delta: 3.5"))
        #expect(run.stdout.contains("  page-furniture:  # MT501, off: "))
    }

    /// README.md's example project rule is read (its examples and message checked) and listed.
    @Test func theReadmeExampleProjectRuleIsValid() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n# rules/csto.yml"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let folder = try Folder([
            ".mtlint.yml": "project-rules: [rules]\n",
            "rules/csto.yml": String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound]),
        ])
        let run = try mtlint(["rules", "--config", folder.path(".mtlint.yml")])
        #expect(run.status == 0 && run.stdout.contains("MTU002  csto-acronym"), "\(run.stderr)")
    }

    /// An option reaches its rule: a three-word repetition is not reported once the shortest run is four.
    @Test func aRuleOptionChangesWhatTheRuleReports() throws {
        let folder = try Folder([
            "article.txt": "The delegates of the investment forum in Bishkek met the organisers of the investment forum in Bishkek on Monday.\n",
        ])
        let before = try mtlint(["check", "--no-config", folder.path("article.txt")])
        #expect(before.stdout.contains("[duplicated-phrase]"))
        try folder.write(".mtlint.yml", "rules:\n  duplicated-phrase: {minimum-words: 5}\n")
        let after = try mtlint(["check", folder.path("article.txt")])
        #expect(!after.stdout.contains("[duplicated-phrase]"), "\(after.stdout)")
    }
}

extension ConfigCLITests {
    static let glossaryArticle = "Corpora/glossary/drone-exhibition-planted.txt"

    /// The source term in each of its twelve forms (six cases, singular and plural) is found, by the TBX
    /// glossary the folder's .mtlint.yml names and by the CSV one given as a flag; so is the forbidden term.
    @Test(arguments: [[Self.glossaryArticle], ["--no-config", "--glossary", "Corpora/glossary/terms.csv", Self.glossaryArticle]])
    func aGlossaryFindsItsTermInEveryCaseForm(_ arguments: [String]) throws {
        let run = try mtlint(["check", "--format", "json"] + arguments)
        #expect(run.status == 1)
        let document = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]]).first
        let findings = ((document?["findings"] as? [[String: Any]]) ?? []).filter { $0["rule"] as? String == "glossary-term" }
        let sources = findings.compactMap { ($0["source"] as? [String: Any])?["text"] as? String }
        let forms = ["беспилотник", "беспилотника", "беспилотнику", "беспилотником", "беспилотнике",
                     "беспилотники", "беспилотников", "беспилотникам", "беспилотниками", "беспилотниках"]
        // The nominative and accusative share their forms: twelve captions, ten spellings.
        #expect(Set(sources) == Set(forms), "\(sources)")
        #expect(sources.count == 12)
        #expect(findings.filter { ($0["message"] as? String)?.contains(" as 'drone' or 'unmanned aerial vehicle' (Corpora/glossary/terms.") ?? false }.count == 12)
        let forbidden = findings.filter { ($0["message"] as? String)?.hasPrefix("'Kiev' is forbidden by the glossary") ?? false }
        #expect(forbidden.count == 1)
        #expect((forbidden.first?["message"] as? String)?.hasSuffix(": write 'Kyiv' (the Ukrainian spelling)") ?? false)
        #expect(findings.count == 13)
    }

    /// XML that declares entities is refused before it is parsed: an external entity would read a file of
    /// the machine, nested ones ("billion laughs") would expand exponentially.
    @Test(arguments: [
        """
        <?xml version="1.0"?>
        <!DOCTYPE martif [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="en"><tig><term>&secret;</term></tig></langSet></termEntry></body></text></martif>
        """,
        """
        <?xml version="1.0"?>
        <!DOCTYPE martif [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <martif type="TBX-Basic"><text><body><termEntry><langSet xml:lang="en"><tig><term>&lol9;</term></tig></langSet></termEntry></body></text></martif>
        """,
    ])
    func aGlossaryDeclaringEntitiesIsRefused(_ tbx: String) throws {
        let folder = try Folder(["terms.tbx": tbx])
        let run = try mtlint(["check", "--no-config", "--glossary", folder.path("terms.tbx"), planted], timeout: 20)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("mtlint: \(folder.path("terms.tbx")): declares an XML entity (<!ENTITY): refused, mtlint expands no entities at byte offset "), "\(run.stderr)")
        #expect(!run.stderr.contains("root:") && !run.stderr.contains("lollol"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aBrokenGlossaryNamesItsFileAndLine() throws {
        let folder = try Folder([
            "bad.tbx": "<martif>\n<text><body>\n<termEntry>\n</body></text></martif>\n",
            "bad.csv": "source,target\nОДКБ,CSTO\nОДКБ,CSTO,sometimes\n",
            "terms.docx": "x",
        ])
        let tbx = try mtlint(["check", "--no-config", "--glossary", folder.path("bad.tbx"), planted])
        #expect(tbx.status == 2 && tbx.stderr.hasPrefix("mtlint: \(folder.path("bad.tbx")):5:1: not well-formed XML: "), "\(tbx.stderr)")
        let csv = try mtlint(["check", "--no-config", "--glossary", folder.path("bad.csv"), planted])
        #expect(csv.status == 2 && csv.stderr == "mtlint: \(folder.path("bad.csv")):3:1: status 'sometimes' is not preferred, admitted or forbidden\n", "\(csv.stderr)")
        let other = try mtlint(["check", "--no-config", "--glossary", folder.path("terms.docx"), planted])
        #expect(other.status == 2 && other.stderr.contains("name it .tbx, .csv or .tsv"))
    }
}

extension ConfigCLITests {
    /// A rule written only in YAML, inline and in a rules/ folder: its examples are checked as it is read,
    /// and it runs, is listed, explained and reported like mtlint's own.
    @Test func aProjectRuleWrittenInYAMLRunsLikeABuiltInOne() throws {
        let folder = try Folder([
            ".mtlint.yml": """
                project-rules:
                  - id: kyiv-spelling
                    code: MTU001
                    summary: Kyiv is written the Ukrainian way.
                    message: "write 'Kyiv', not '{match}'"
                    mqm: terminology/wrong-term
                    target-must-not-match: '\\bKiev\\b'
                    examples:
                      flag: ["The delegation flew to ⟦Kiev⟧ on Monday to discuss the budget and the timetable."]
                      pass: ["The delegation flew to Kyiv on Monday to discuss the budget and the timetable."]
                  - rules
                rules:
                  csto-acronym: {severity: critical}
                """,
            "rules/csto.yml": """
                id: csto-acronym
                code: MTU002
                summary: ОДКБ is the CSTO.
                message: "'{source}' is the CSTO: the translation does not say so"
                mqm: terminology/wrong-term
                if-source-matches: {words: ОДКБ}
                target-must-match: {regex: '\\bCSTO\\b|collective security treaty', ignore-case: true}
                examples:
                  flag:
                    - {source: "Армения заморозила участие в ОДКБ.", target: "⟦Armenia froze its participation in the OSCE.⟧"}
                  pass:
                    - {source: "Армения заморозила участие в ОДКБ.", target: "Armenia froze its participation in the CSTO."}
                """,
            "article.txt": "The delegation flew to Kiev on Monday to discuss the budget and the timetable for the reforms.\n",
        ])
        let rules = try mtlint(["rules", "--config", folder.path(".mtlint.yml")])
        #expect(rules.stdout.contains("MTU001  kyiv-spelling") && rules.stdout.contains("MTU002  csto-acronym"), "\(rules.stdout)\(rules.stderr)")
        let explain = try mtlint(["explain", "--config", folder.path(".mtlint.yml"), "MTU002"])
        #expect(explain.status == 0 && explain.stdout.hasPrefix("MTU002 csto-acronym\n\nОДКБ is the CSTO."))

        let sarif = try mtlint(["check", "--format", "sarif", folder.path("article.txt")])
        #expect(sarif.status == 1)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        let run = (log?["runs"] as? [[String: Any]])?.first
        let driverRules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(driverRules.contains { $0["id"] as? String == "MTU001" })
        let results = run?["results"] as? [[String: Any]] ?? []
        #expect(results.compactMap { $0["ruleId"] as? String } == ["MTU001"])

        let segment = folder.url.appendingPathComponent("segment.jsonl")
        try #"{"id":1,"source":"Саммит ОДКБ прошёл в Астане.","target":"The OSCE summit took place in Astana."}"#.write(to: segment, atomically: true, encoding: .utf8)
        let stream = try mtlint(["check", "--config", folder.path(".mtlint.yml"), "--stdin-jsonl"], stdin: segment)
        #expect(stream.stdout.contains(#""message":"'ОДКБ' is the CSTO: the translation does not say so""#), "\(stream.stdout)")
        #expect(stream.stdout.contains(#""severity":"critical""#))
    }
}

extension ConfigCLITests {
    static let knowledgeArticle = "Corpora/knowledge/black-sea-ministers-planted.txt"

    /// The folder's knowledge files add an organisation the bundled table lacks and an interface line of
    /// the newsroom's site: the confused organisation is found, the interface line is page text.
    @Test func aProjectsKnowledgeFilesExtendTheTables() throws {
        func rules(_ arguments: [String]) throws -> [(rule: String, line: Int, message: String)] {
            let run = try mtlint(["check", "--format", "json"] + arguments)
            #expect(run.status == 1, "\(run.stderr)")
            let document = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]]).first
            return ((document?["findings"] as? [[String: Any]]) ?? []).map { finding in
                ((finding["rule"] as? String) ?? "", (finding["target"] as? [String: Any])?["line"] as? Int ?? 0,
                 (finding["message"] as? String) ?? "")
            }
        }
        let with = try rules([Self.knowledgeArticle])
        #expect(with.map(\.rule) == ["wrong-organisation", "untranslated-text"], "\(with)")
        #expect(with.first?.message == "'APEC' in the target, but the source names 'ОЧЭС' (BSEC) (line 5)")
        #expect(with.last?.line == 17)
        let without = try rules(["--no-config", Self.knowledgeArticle])
        #expect(without.map(\.rule) == ["unsupported-entity", "untranslated-caption"], "\(without)")
        let config = try mtlint(["config", Self.knowledgeArticle])
        #expect(config.stdout.contains("- Corpora/knowledge/newsroom.organisations.tsv  # Corpora/knowledge/.mtlint.yml:3:13"), "\(config.stdout)")
    }

    /// A folder of knowledge files, and each kind of bad row: exit 2 naming the file, line and column.
    @Test(arguments: [
        ("organisations.tsv", "id\tkind\tlanguage\tnames\tacronyms\nBSEC\tforum\ten\tBlack Sea Economic Cooperation\tBSEC\n",
         "organisations.tsv:2:6: kind 'forum' is not one of court, economicForum"),
        ("organisations.tsv", "id\tkind\tlanguage\tnames\tacronyms\nCSTO\tsport\ten\t\tCSTO\n",
         "organisations.tsv:2:6: CSTO is of kind security elsewhere: an organisation has one kind on all its lines"),
        ("organisations.tsv", "id\tkind\tlanguage\tnames\tacronyms\nBSEC\teconomicForum\txx\t\tBSEC\n",
         "organisations.tsv:2:20: language 'xx' is not one of en, ru"),
        ("team.acronyms.ru-en.tsv", "# ours\nacronym\texpansion\tenglish\tkind\nРЖД\tРоссийские железные дороги\tRussian Railways\n",
         "team.acronyms.ru-en.tsv:3:49: 3 tab-separated values where acronyms.ru-en.tsv has 4 columns (acronym, expansion, english, kind)"),
        ("page-text.tsv", "language\tphrase\n", "page-text.tsv:1:1: the first line must name the columns of page-text.tsv"),
        ("page-text.tsv", "language\tkind\tphrase\nru\tinterface\tПодписывайтесь\n",
         "page-text.tsv:2:14: write the phrase as lines are compared, folded: 'подписывайтесь'"),
        ("glossary.tsv", "source\ttarget\n", "glossary.tsv: is not named after a table mtlint can add rows to"),
    ])
    func aBadKnowledgeFileNamesItsLineAndColumn(_ name: String, _ text: String, _ expected: String) throws {
        let folder = try Folder([".mtlint.yml": "knowledge: [data]\n", "data/\(name)": text])
        try folder.copy(planted, to: "article.txt")
        let run = try mtlint(["check", folder.path("article.txt")])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("mtlint: \(folder.path("data/" + name))" + expected.dropFirst(name.count)), "\(run.stderr)")
        #expect(run.stderr.hasSuffix(" (knowledge named at \(folder.path(".mtlint.yml")):1:13)\n"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}
