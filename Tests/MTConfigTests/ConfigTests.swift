import Foundation
import MTConfig
import MTCore
import MTRules
import Testing

/// A temporary directory tree, removed when the test ends.
final class Tree {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-config-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    deinit { try? FileManager.default.removeItem(at: root) }
}

@Suite struct ConfigTests {
    static let outer = """
        gate:
          min-score: 95
          fail-on: critical
        disable: [page-furniture]
        rules:
          length-ratio:
            minor-delta: 3.5
            severity: major
        exclude: [drafts]
        overrides:
          - files: ["captions/*.txt"]
            enable: [MT110]
            gate: {min-score: 90}
        """
    static let inner = """
        preview: true
        rules:
          duplicated-phrase: {minimum-words: 4}
        """

    @Test func theNearestConfigurationWinsAndOverridesApplyByGlob() throws {
        let tree = try Tree([
            ".mtlint.yml": Self.outer, "a.txt": "x", "captions/b.txt": "x", "drafts/c.txt": "x",
            "team/.mtlint.yml": Self.inner, "team/d.txt": "x", "team/captions/e.txt": "x",
        ])
        let resolver = try ConfigResolver(explicit: nil)

        let top = try resolver.effective(for: tree.path("a.txt"))
        #expect(top.file?.path == tree.path(".mtlint.yml"))
        #expect(top.minScore.value == 95)
        #expect(top.failOn.value == .critical)
        #expect(top.preview.value == false)
        #expect(top.selection["page-furniture"]?.value == false)
        #expect(top.selection["unsupported-known-name"]?.value == false)
        #expect(top.severities["length-ratio"]?.value == .major)
        #expect(top.options["length-ratio"]?["minor-delta"]?.value == .number(3.5))
        guard case .file(_, let line, let column) = top.minScore.origin else { Issue.record("min-score has no file origin"); return }
        #expect((line, column) == (2, 14))
        #expect(try !resolver.excludes(tree.path("a.txt")))
        #expect(try resolver.excludes(tree.path("drafts/c.txt")))

        let caption = try resolver.effective(for: tree.path("captions/b.txt"))
        #expect(caption.minScore.value == 90)
        #expect(caption.selection["unsupported-known-name"]?.value == true)
        #expect(caption.overrides.count == 1)

        // The inner file replaces the outer one for its directory: nothing of the outer applies.
        let inner = try resolver.effective(for: tree.path("team/d.txt"))
        #expect(inner.file?.path == tree.path("team/.mtlint.yml"))
        #expect(inner.minScore.value == ScoringPolicy.defaultMinimumScore)
        #expect(inner.minScore.origin == .standard)
        #expect(inner.preview.value)
        #expect(inner.selection["page-furniture"]?.value == true)
        #expect(inner.selection["unsupported-known-name"]?.value == true)
        #expect(inner.options["duplicated-phrase"]?["minimum-words"]?.value == .number(4))
        #expect(try resolver.effective(for: tree.path("team/captions/e.txt")).overrides.isEmpty)

        // The profile carries the settings to the rules: a configured rule is built with its options.
        let profile = try resolver.profile(for: tree.path("a.txt"))
        #expect(profile.policy.minimumScore == 95)
        #expect(profile.severities == ["length-ratio": .major])
        #expect(!profile.rules.contains { $0.description.id == "page-furniture" })
    }

    @Test func flagsOverrideTheFile() throws {
        let tree = try Tree([".mtlint.yml": Self.outer, "a.txt": "x"])
        var flags = Settings()
        flags.minScore = Located(80, .flag("--min-score"))
        flags.enable = [Located("page-furniture", .flag("--enable"))]
        let effective = try ConfigResolver(explicit: nil, flags: flags).effective(for: tree.path("a.txt"))
        #expect(effective.minScore.value == 80)
        #expect(effective.minScore.origin == .flag("--min-score"))
        #expect(effective.selection["page-furniture"]?.value == true)
        #expect(effective.failOn.value == .critical)
        #expect(effective.report(for: "a.txt").contains("min-score: 80"))
    }

    @Test func withoutAFileEverySettingIsTheDefault() throws {
        let tree = try Tree(["a.txt": "x"])
        let effective = try ConfigResolver(explicit: nil, discover: false).effective(for: tree.path("a.txt"))
        #expect(effective.file == nil)
        let defaults = RuleRegistry.enabled(preview: false).map(\.description.id)
        #expect(try ConfigResolver(explicit: nil, discover: false).profile(for: nil).rules.map(\.description.id) == defaults)
    }

    /// Each mistake is an error at the line and column of the value at fault.
    @Test(arguments: [
        ("gatee: 1", 1, 1, "unknown key 'gatee'"),
        ("gate:\n  min-score: high", 2, 14, "gate: min-score must be a number, not 'high'"),
        ("gate:\n  min-score: 101", 2, 14, "between 0 and 100"),
        ("gate: {fail-on: fatal}", 1, 17, "fail-on must be minor, major or critical (or none), not 'fatal'"),
        ("disable: [no-such-rule]", 1, 11, "unknown rule 'no-such-rule'"),
        ("rules:\n  length-ratio:\n    minor-delta: 99", 3, 18, "minor-delta must be a number from 1.5 to 10, not 99"),
        ("rules:\n  length-ratio: {maximum: 2}", 2, 18, "unknown key 'maximum'"),
        ("rules:\n  doubled-word: {severity: fatal}", 2, 28, "severity must be minor, major or critical"),
        ("preview: sometimes", 1, 10, "preview must be true or false"),
        ("gate: [1, 2", 2, 1, "not valid YAML"),
        ("overrides:\n  - gate: {min-score: 90}", 2, 5, "needs files"),
        ("source-lang: xx", 1, 14, "unknown language 'xx'"),
        ("ignore:\n  - {line: 0}", 2, 12, "line must be a line number"),
        ("gate: {min-score: 1}\ngate: {min-score: 2}", 1, 1, "'gate' set twice"),
        ("project-rules:\n  - {id: a-b, code: MTU001, summary: s, message: m, target-must-not-match: '(x', examples: {flag: ['⟦x⟧']}}",
         2, 79, "not a valid regular expression (ICU): a parenthesis is not closed"),
        ("project-rules:\n  - {id: a-b, code: MT101, summary: s, message: m, target-must-not-match: x, examples: {flag: ['⟦x⟧']}}",
         2, 21, "code must be MTU and three digits"),
        ("project-rules:\n  - {id: doubled-word, code: MTU001, summary: s, message: m, target-must-not-match: x, examples: {flag: ['⟦x⟧']}}",
         2, 10, "id 'doubled-word' is taken by MT302"),
        ("project-rules:\n  - id: a-b\n    code: MTU001\n    summary: s\n    message: m\n    target-must-not-match: Kiev\n    examples:\n      flag: ['a ⟦Kyiv⟧ b']",
         8, 14, "the rule does not flag this example as marked (it reports nothing)"),
        ("project-rules:\n  - id: a-b\n    code: MTU001\n    summary: s\n    message: write Kyiv\n    target-must-not-match: Kiev\n    examples:\n      flag: [{text: 'a ⟦Kiev⟧ b', message: write Kiyv}]",
         8, 14, "the rule's message here is 'write Kyiv', not 'write Kiyv'"),
    ])
    func invalidConfigurationsNameTheLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let tree = try Tree([".mtlint.yml": text])
        #expect {
            _ = try ConfigResolver(explicit: tree.path(".mtlint.yml"))
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
                && error.description.hasPrefix("\(tree.path(".mtlint.yml")):\(line):\(column): ")
        }
    }

    @Test func globsMatchNamesDirectoriesAndPaths() {
        #expect(Glob.matches(["drafts"], "drafts/a.txt"))
        #expect(Glob.matches(["*.old.txt"], "news/x.old.txt"))
        #expect(!Glob.matches(["*.old.txt"], "news/x.txt"))
        #expect(Glob.matches(["archive/2020"], "archive/2020/jan/a.txt"))
        #expect(!Glob.matches(["archive/2020"], "news/archive/2020/a.txt"))
        #expect(Glob.matches(["archive/*/captions"], "archive/2021/captions/a.txt"))
        #expect(Glob.matches(["./news/*.txt"], "news/a.txt"))
    }
}
