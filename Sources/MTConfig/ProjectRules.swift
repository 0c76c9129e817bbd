import Foundation
import MTCore
import MTRules
import MTText
import Yams

/// Reads `project-rules:`: rules written inline in the configuration, or in YAML files named there (a
/// file, or a folder of `*.yml`/`*.yaml` files, each holding one rule or a list of them). Every rule is
/// checked as it is read: its patterns compile, its code is in the project range, and its examples come
/// out as marked; any failure is an error at its line and column.
enum ProjectRules {
    static let keys = ["id", "code", "summary", "rationale", "message", "severity", "mqm",
                       "if-source-matches", "target-must-match", "target-must-not-match", "examples"]

    /// - Parameters:
    ///   - node: the value of `project-rules:` in the configuration at `path`.
    ///   - directory: the configuration's directory (files are named relative to it).
    static func read(_ node: Node, in reader: NodeReader, directory: String, pair: LanguagePair) throws(ConfigError) -> [ProjectRule] {
        var rules: [ProjectRule] = []
        for item in try reader.sequence(node, "project-rules") {
            if case .scalar = item {
                let name = try reader.scalar(item, "an entry of project-rules")
                let location = URL(fileURLWithPath: name, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
                for file in try files(at: location, namedBy: reader.error(item, "")) {
                    let path = Glob.relative(file, to: FileManager.default.currentDirectoryPath)
                    guard let root = try ConfigFile.compose(path) else { continue }
                    let fileReader = NodeReader(path: path, projectRules: reader.projectRules + rules)
                    let definitions: [Node] = if case .sequence = root { try fileReader.sequence(root, "the rules") } else { [root] }
                    for definition in definitions {
                        rules.append(try rule(definition, NodeReader(path: path, projectRules: reader.projectRules + rules), pair: pair))
                    }
                }
            } else {
                rules.append(try rule(item, NodeReader(path: reader.path, projectRules: reader.projectRules + rules), pair: pair))
            }
        }
        return rules
    }

    /// The YAML files of a file or folder, sorted.
    private static func files(at path: String, namedBy error: ConfigError) throws(ConfigError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(path: error.path, line: error.line, column: error.column, message: "no such file or folder of project rules: \(path)")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    private static func rule(_ node: Node, _ reader: NodeReader, pair: LanguagePair) throws(ConfigError) -> ProjectRule {
        let mapping = try reader.mapping(node, "a project rule")
        try reader.check(mapping, allowed: keys)
        func required(_ key: String) throws(ConfigError) -> Node {
            guard let value = mapping[key] else { throw reader.error(node, "a project rule needs \(key):") }
            return value
        }
        let idNode = try required("id"), codeNode = try required("code")
        let id = try reader.scalar(idNode, "id"), code = try reader.scalar(codeNode, "code")
        guard isKebabCase(id) else {
            throw reader.error(idNode, "id must be kebab-case (lower-case words joined by -), not '\(id)'")
        }
        guard code.count == 6, code.hasPrefix("MTU"), code.dropFirst(3).allSatisfy({ ("0"..."9").contains($0) }) else {
            throw reader.error(codeNode, "code must be MTU and three digits (the range of project rules), not '\(code)'")
        }
        if let taken = RuleRegistry.rule(named: id) ?? reader.projectRules.first(where: { $0.description.id == id || $0.description.code == code }) {
            let what = taken.description.id == id ? "id '\(id)'" : "code \(code)"
            throw reader.error(taken.description.id == id ? idNode : codeNode, "\(what) is taken by \(taken.description.code) \(taken.description.id)")
        }
        let severity = try mapping["severity"].map { node throws(ConfigError) in try reader.severity(node, "severity")! } ?? .major
        var mqm = MQMType.other
        if let node = mapping["mqm"] {
            let text = try reader.scalar(node, "mqm")
            let parts = text.split(separator: "/")
            guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0 == "-" || ("a"..."z").contains($0) } }) else {
                throw reader.error(node, "mqm must be dimension/type, e.g. terminology/wrong-term, not '\(text)'")
            }
            mqm = MQMType(String(parts[0]), String(parts[1]))
        }
        let source = try mapping["if-source-matches"].map { node throws(ConfigError) in try pattern(node, reader, language: pair.source) }
        let must = try mapping["target-must-match"].map { node throws(ConfigError) in try pattern(node, reader, language: pair.target) }
        let mustNot = try mapping["target-must-not-match"].map { node throws(ConfigError) in try pattern(node, reader, language: pair.target) }
        guard must != nil || mustNot != nil else { throw reader.error(node, "a project rule needs target-must-match: or target-must-not-match:") }
        if must != nil, source == nil { throw reader.error(mapping["target-must-match"]!, "target-must-match: needs if-source-matches: (which source the translation must answer)") }

        var flagged: [(RuleExample, Node)] = [], passing: [(RuleExample, Node)] = []
        if let node = mapping["examples"] {
            let examples = try reader.mapping(node, "examples")
            try reader.check(examples, allowed: ["flag", "pass"])
            for (key, list) in examples {
                for item in try reader.sequence(list, "examples: \(key.string ?? "")") {
                    let example = try self.example(item, reader)
                    if key.string == "flag" { flagged.append((example, item)) } else { passing.append((example, item)) }
                }
            }
        }
        guard !flagged.isEmpty else { throw reader.error(node, "a project rule needs examples: flag: (texts it must report, the span marked ⟦…⟧)") }
        let description = RuleDescription(
            code: code, id: id, summary: try reader.scalar(try required("summary"), "summary"),
            rationale: try mapping["rationale"].map { node throws(ConfigError) in try reader.scalar(node, "rationale") }
                ?? "A rule of this project (\(reader.path)).",
            mqm: mqm, severity: severity, triggering: flagged.map(\.0), nonTriggering: passing.map(\.0))
        let rule = ProjectRule(description: description, source: source, targetMustMatch: must, targetMustNotMatch: mustNot,
                               message: try reader.scalar(try required("message"), "message"), pair: pair)
        for (example, item) in flagged {
            let found = rule.flagged(in: example)
            if found.map(\.range) != example.expectedRanges {
                guard !example.expectedRanges.isEmpty else { throw reader.error(item, "an example to flag marks no span: put ⟦ and ⟧ around what the rule reports") }
                throw reader.error(item, "the rule does not flag this example as marked (it reports \(describe(found.map(\.range), in: example)))")
            }
            let messages = found.map(\.message)
            guard example.messages.isEmpty || example.messages == messages else {
                throw reader.error(item, "the rule's message here is " + messages.map { "'\($0)'" }.joined(separator: ", ")
                    + ", not " + example.messages.map { "'\($0)'" }.joined(separator: ", "))
            }
        }
        for (example, item) in passing {
            let found = rule.flaggedRanges(in: example)
            guard found.isEmpty else { throw reader.error(item, "the rule flags this example, which must pass (it reports \(describe(found, in: example)))") }
        }
        return rule
    }

    /// Lower-case words of letters and digits joined by "-", starting with a letter.
    private static func isKebabCase(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return id.first.map { ("a"..."z").contains($0) } ?? false
            && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }
    }

    private static func describe(_ ranges: [Range<Int>], in example: RuleExample) -> String {
        guard !ranges.isEmpty else { return "nothing" }
        let units = Array(example.text.utf16)
        return ranges.map { "'" + String(decoding: units[$0.clamped(to: 0..<units.count)], as: UTF16.self) + "'" }.joined(separator: ", ")
    }

    /// A text (an article) or `{source, target}` (a segment pair), with ⟦…⟧ around each span to report.
    /// `{text: …}` or `{source: …, target: …}` may add `message:`, the message (or a list, one per marked
    /// span) the rule must give.
    private static func example(_ node: Node, _ reader: NodeReader) throws(ConfigError) -> RuleExample {
        if case .scalar = node { return RuleExample(try reader.scalar(node, "an example")) }
        let fields = try reader.mapping(node, "an example")
        try reader.check(fields, allowed: ["text", "source", "target", "message"])
        let messages = try fields["message"].map { node throws(ConfigError) in try reader.strings(node, "message").map(\.value) } ?? []
        if let text = fields["text"] {
            guard fields["source"] == nil, fields["target"] == nil else { throw reader.error(node, "an example is text: or source: and target:, not both") }
            return RuleExample(try reader.scalar(text, "text"), messages: messages)
        }
        guard let source = fields["source"], let target = fields["target"] else {
            throw reader.error(node, "an example needs text: (an article) or source: and target: (a segment pair)")
        }
        return .segment(try reader.scalar(source, "source"), try reader.scalar(target, "target"), messages: messages)
    }

    /// A regular expression (a text, or `{regex: …, ignore-case: true}`) or `{words: …}`, words matched by stem.
    private static func pattern(_ node: Node, _ reader: NodeReader, language: Language) throws(ConfigError) -> ProjectRule.Pattern {
        var expression = node, ignoreCase = false
        if case .mapping = node {
            let mapping = try reader.mapping(node, "a pattern")
            try reader.check(mapping, allowed: ["regex", "ignore-case", "words"])
            if let words = mapping["words"] {
                guard mapping["regex"] == nil, mapping["ignore-case"] == nil else { throw reader.error(node, "a pattern is regex: or words:, not both") }
                let text = try reader.scalar(words, "words")
                let pattern = Glossary.Pattern(text, language: language)
                guard !pattern.words.isEmpty else { throw reader.error(words, "words: has no word") }
                return .words(pattern)
            }
            guard let regex = mapping["regex"] else { throw reader.error(node, "a pattern needs regex: or words:") }
            expression = regex
            if let flag = mapping["ignore-case"] { ignoreCase = try reader.bool(flag, "ignore-case") }
        }
        let text = try reader.scalar(expression, "a pattern")
        guard !text.isEmpty else { throw reader.error(expression, "a pattern is empty") }
        do {
            return .regex(try PatternMatcher(text, ignoringCase: ignoreCase))
        } catch {
            // The column of the fault: the pattern's own column, after an opening quote.
            var quoted = false
            if case .scalar(let scalar) = expression { quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted }
            let column = (expression.mark?.column ?? 1) + (quoted ? 1 : 0) + error.offset
            throw ConfigError(path: reader.path, line: expression.mark?.line, column: column,
                              message: "not a valid regular expression (ICU): \(error.message)")
        }
    }
}
