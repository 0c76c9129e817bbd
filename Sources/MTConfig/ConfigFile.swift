import Foundation
import MTCore
import MTRules
import MTText
import Yams

/// A configuration that cannot be used: one line naming the file, line and column.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ path: String, _ mark: Mark?, _ message: String) {
        self.init(path: path, line: mark?.line, column: mark?.column, message: message)
    }

    public var description: String {
        guard let line else { return "\(path): \(message)" }
        return "\(path):\(line):\(column ?? 1): \(message)"
    }
}

/// Where a setting's value comes from: mtlint's default, a place in a configuration file, or a flag.
public enum Origin: Sendable, Hashable, CustomStringConvertible {
    case standard
    case file(path: String, line: Int, column: Int)
    case flag(String)

    init(_ path: String, _ mark: Mark?) {
        self = .file(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    public var isFile: Bool {
        if case .file = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .standard: "default"
        case .file(let path, let line, let column): "\(path):\(line):\(column)"
        case .flag(let flag): flag
        }
    }
}

/// A value and where it was set.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let origin: Origin

    public init(_ value: Value, _ origin: Origin) {
        self.value = value
        self.origin = origin
    }
}

/// What one layer of configuration sets: a file's top level, one of its `overrides`, or the command
/// line's flags. Unset values leave the layer below in force.
public struct Settings: Sendable {
    public var sourceLanguage: Located<Language>?
    public var targetLanguage: Located<Language>?
    public var minScore: Located<Double>?
    /// `nil` inside: "none", no severity fails the gate by itself.
    public var failOn: Located<Severity?>?
    public var preview: Located<Bool>?
    /// Exactly these rules (ids), in place of the default set.
    public var select: Located<[String]>?
    /// Rules (ids) run besides the selected ones, a preview rule included.
    public var enable: [Located<String>] = []
    /// Rules (ids) not run.
    public var disable: [Located<String>] = []
    /// Per rule id: a severity for its findings and values of its options.
    public var rules: [String: RuleSettings] = [:]

    public init() {}

    public struct RuleSettings: Sendable {
        public var severity: Located<Severity>?
        public var options: [String: Located<RuleOptionValue>] = [:]

        public init() {}
    }
}

/// A `.mtlint.yml`: settings for the files under its directory, overrides for some of them, files to
/// leave out and data files.
public struct ConfigFile: Sendable {
    public static let names = [".mtlint.yml", ".mtlint.yaml"]
    /// Configuration files are small; a larger one is refused rather than read.
    public static let maximumSize = 1 << 20

    /// The path as found or given.
    public let path: String
    /// The absolute directory whose files it configures; its globs are relative to it.
    public let directory: String
    public let settings: Settings
    public let overrides: [Override]
    public let exclude: [Located<String>]
    /// Word lists for misspelled-word (absolute paths).
    public let words: [Located<String>]
    /// Findings not to report.
    public let ignores: [Ignore]
    /// Terminology files (absolute paths).
    public let glossaries: [Located<String>]
    /// Rows to add to mtlint's knowledge tables: files and folders of them (`Knowledge`).
    public let knowledge: [Located<String>]
    /// Rules the project wrote (`project-rules:`), for the configuration's language pair.
    public let projectRules: [ProjectRule]

    /// An `ignore:` entry: the findings of its rules, in files its globs match, of its text, on its line
    /// (each field it sets must match).
    public struct Ignore: Sendable {
        public let entry: IgnoreEntry
        /// Globs relative to the configuration's directory; empty: every file.
        public let paths: [String]
        public let origin: Origin
    }

    /// Settings for the files that match one of `files` (globs relative to the configuration's directory).
    public struct Override: Sendable {
        public let files: [String]
        public let settings: Settings
        public let origin: Origin
    }

    /// Reads and validates a configuration file: any unknown key, wrong type, value out of range or unknown
    /// rule is an error at its line and column.
    public static func load(_ path: String) throws(ConfigError) -> ConfigFile {
        try parse(try read(path), path: path)
    }

    /// A configuration's text, as if read from `path` (its directory is the one its globs and files are relative to).
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return try ConfigFile(path: path, directory: (absolute as NSString).deletingLastPathComponent, root: try compose(text, path: path))
    }

    /// The YAML tree of a file (`nil`: empty), or an error at the line and column YAML gives.
    static func compose(_ path: String) throws(ConfigError) -> Node? {
        try compose(try read(path), path: path)
    }

    static func compose(_ text: String, path: String) throws(ConfigError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError(path, error.mark, "not valid YAML: \(error.problem)")
        } catch {
            throw ConfigError(path: path, message: "not valid YAML: \(error)")
        }
    }

    static func read(_ path: String) throws(ConfigError) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ConfigError(path: path, message: errno == ENOENT ? "no such configuration file" : "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard FileType(status.st_mode) == .regular else {
            throw ConfigError(path: path, message: "is \(FileType(status.st_mode).rawValue), not a configuration file")
        }
        guard Int(status.st_size) <= maximumSize else {
            throw ConfigError(path: path, message: "is larger than \(maximumSize >> 20) MiB: not a configuration file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(path: path, message: "cannot be read")
        }
        let bytes = [UInt8](data)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(path: path, message: "is not valid UTF-8 at byte offset \(DocumentReader.firstInvalidUTF8(bytes, from: 0))")
        }
        if let nul = bytes.firstIndex(of: 0) { throw ConfigError(path: path, message: "looks binary (NUL byte) at byte offset \(nul)") }
        return text
    }

    private init(path: String, directory: String, root: Node?) throws(ConfigError) {
        self.path = path
        self.directory = directory
        var reader = NodeReader(path: path)
        guard let root else {
            // An empty file: every default.
            settings = Settings()
            overrides = []
            exclude = []
            words = []
            ignores = []
            glossaries = []
            knowledge = []
            projectRules = []
            return
        }
        let mapping = try reader.mapping(root, "the configuration")
        try reader.check(mapping, allowed: Self.topLevelKeys)
        // Project rules first: the settings may name them.
        let pair = LanguagePair(
            source: try mapping["source-lang"].map { node throws(ConfigError) in try reader.language(node, "source-lang").value } ?? .russian,
            target: try mapping["target-lang"].map { node throws(ConfigError) in try reader.language(node, "target-lang").value } ?? .english)
        projectRules = try mapping["project-rules"].map { node throws(ConfigError) in
            try ProjectRules.read(node, in: reader, directory: directory, pair: pair)
        } ?? []
        reader.projectRules = projectRules
        settings = try reader.settings(mapping)
        var overrides: [Override] = []
        if let node = mapping["overrides"] {
            for item in try reader.sequence(node, "overrides") {
                let entry = try reader.mapping(item, "an entry of overrides")
                try reader.check(entry, allowed: Self.overrideKeys)
                guard let files = entry["files"] else {
                    throw ConfigError(path, item.mark, "an entry of overrides needs files: the globs it applies to")
                }
                overrides.append(Override(
                    files: try reader.strings(files, "files").map(\.value), settings: try reader.settings(entry),
                    origin: Origin(path, item.mark)))
            }
        }
        self.overrides = overrides
        exclude = try mapping["exclude"].map { node throws(ConfigError) in try reader.strings(node, "exclude") } ?? []
        // Data files are relative to the configuration; they are named (in messages, in findings) relative
        // to the working directory when under it, as the configuration is.
        func files(_ key: String) throws(ConfigError) -> [Located<String>] {
            (try mapping[key].map { node throws(ConfigError) in try reader.strings(node, key) } ?? []).map { file in
                let absolute = URL(fileURLWithPath: file.value, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
                return Located(Glob.relative(absolute, to: FileManager.default.currentDirectoryPath), file.origin)
            }
        }
        words = try files("words")
        glossaries = try files("glossaries")
        knowledge = try files("knowledge")
        var ignores: [Ignore] = []
        if let node = mapping["ignore"] {
            for item in try reader.sequence(node, "ignore") {
                let entry = try reader.mapping(item, "an entry of ignore")
                try reader.check(entry, allowed: Self.ignoreKeys)
                guard !entry.keys.isEmpty else { throw ConfigError(path, item.mark, "an entry of ignore needs one of \(Self.ignoreKeys.joined(separator: ", "))") }
                var rules: [String] = []
                if let node = entry["rule"] {
                    if case .scalar = node { rules = [try reader.rule(node, "ignore").value] } else {
                        for rule in try reader.sequence(node, "rule") { rules.append(try reader.rule(rule, "ignore").value) }
                    }
                }
                var line: Int?
                if let node = entry["line"] {
                    let number = try reader.number(node, "ignore: line")
                    guard number >= 1, number.rounded() == number, number < 1e9 else { throw ConfigError(path, node.mark, "ignore: line must be a line number, 1 or more") }
                    line = Int(number)
                }
                let origin = Origin(path, item.mark)
                ignores.append(Ignore(
                    entry: IgnoreEntry(rules: rules, text: try entry["text"].map { node throws(ConfigError) in try reader.scalar(node, "ignore: text") },
                                       line: line, origin: origin.description),
                    paths: try entry["path"].map { node throws(ConfigError) in try reader.strings(node, "ignore: path").map(\.value) } ?? [],
                    origin: origin))
            }
        }
        self.ignores = ignores
    }

    static let settingKeys = ["source-lang", "target-lang", "gate", "preview", "select", "enable", "disable", "rules"]
    static let topLevelKeys = settingKeys + ["overrides", "exclude", "words", "glossaries", "knowledge", "ignore", "project-rules"]
    static let ignoreKeys = ["rule", "path", "text", "line"]
    static let overrideKeys = ["files"] + settingKeys
    static let gateKeys = ["min-score", "fail-on"]
}

/// Reads YAML nodes into settings, each error at its node's line and column.
struct NodeReader {
    let path: String
    /// The configuration's own rules, which settings may name as they name mtlint's.
    var projectRules: [ProjectRule] = []

    func error(_ node: Node, _ message: String) -> ConfigError { ConfigError(path, node.mark, message) }

    func mapping(_ node: Node, _ what: String) throws(ConfigError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping (key: value lines), not \(kind(node))") }
        // Yams refuses a key set twice; a key that is a list or a mapping is refused here.
        for (key, _) in mapping {
            guard case .scalar = key else { throw error(key, "a key must be plain text") }
        }
        return mapping
    }

    func sequence(_ node: Node, _ what: String) throws(ConfigError) -> [Node] {
        guard case .sequence(let sequence) = node else { throw error(node, "\(what) must be a list, not \(kind(node))") }
        return Array(sequence)
    }

    /// A scalar's text.
    func scalar(_ node: Node, _ what: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be a single value, not \(kind(node))") }
        return scalar.string
    }

    /// A list of texts; a single text is a list of one.
    func strings(_ node: Node, _ what: String) throws(ConfigError) -> [Located<String>] {
        if case .scalar = node { return [Located(try scalar(node, what), Origin(path, node.mark))] }
        var values: [Located<String>] = []
        for item in try sequence(node, what) {
            let text = try scalar(item, "an entry of \(what)")
            guard !text.isEmpty else { throw error(item, "an entry of \(what) is empty") }
            values.append(Located(text, Origin(path, item.mark)))
        }
        return values
    }

    func number(_ node: Node, _ what: String) throws(ConfigError) -> Double {
        let text = try scalar(node, what)
        guard node.tag == Tag(.int) || node.tag == Tag(.float), let value = node.float, value.isFinite else {
            throw error(node, "\(what) must be a number, not '\(text)'")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws(ConfigError) -> Bool {
        let text = try scalar(node, what)
        guard node.tag == Tag(.bool), let value = node.bool else { throw error(node, "\(what) must be true or false, not '\(text)'") }
        return value
    }

    func check(_ mapping: Node.Mapping, allowed: [String]) throws(ConfigError) {
        for (key, _) in mapping where !allowed.contains(key.string ?? "") {
            throw error(key, "unknown key '\(key.string ?? "")' (known here: \(allowed.joined(separator: ", ")))")
        }
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func rule(_ node: Node, _ what: String) throws(ConfigError) -> Located<String> {
        let name = try scalar(node, what)
        let project = projectRules.first { $0.description.id == name || $0.description.code == name.uppercased() }
        guard let rule = project ?? RuleRegistry.rule(named: name) else {
            throw error(node, "unknown rule '\(name)' in \(what) (`mtlint rules` lists them by id and code)")
        }
        return Located(rule.description.id, Origin(path, node.mark))
    }

    func language(_ node: Node, _ what: String) throws(ConfigError) -> Located<Language> {
        let code = try scalar(node, what)
        guard let language = Language.named(code) else {
            let offered = Set(LanguagePair.offered.flatMap { [$0.source.code, $0.target.code] }).sorted().joined(separator: ", ")
            throw error(node, "unknown language '\(code)' in \(what) (mtlint knows \(offered))")
        }
        return Located(language, Origin(path, node.mark))
    }

    func severity(_ node: Node, _ what: String, allowNone: Bool = false) throws(ConfigError) -> Severity? {
        let text = try scalar(node, what)
        if allowNone, text == "none" { return nil }
        guard let severity = Severity(rawValue: text) else {
            throw error(node, "\(what) must be minor, major or critical\(allowNone ? " (or none)" : ""), not '\(text)'")
        }
        return severity
    }

    /// The settings keys of a mapping (a file's top level or an override).
    func settings(_ mapping: Node.Mapping) throws(ConfigError) -> Settings {
        var settings = Settings()
        if let node = mapping["source-lang"] { settings.sourceLanguage = try language(node, "source-lang") }
        if let node = mapping["target-lang"] { settings.targetLanguage = try language(node, "target-lang") }
        if let node = mapping["gate"] {
            let gate = try self.mapping(node, "gate")
            try check(gate, allowed: ConfigFile.gateKeys)
            if let value = gate["min-score"] {
                let score = try number(value, "gate: min-score")
                guard (0...100).contains(score) else { throw error(value, "gate: min-score must be between 0 and 100, not \(RuleOptionValue.number(score))") }
                settings.minScore = Located(score, Origin(path, value.mark))
            }
            if let value = gate["fail-on"] {
                settings.failOn = Located(try severity(value, "gate: fail-on", allowNone: true), Origin(path, value.mark))
            }
        }
        if let node = mapping["preview"] { settings.preview = Located(try bool(node, "preview"), Origin(path, node.mark)) }
        if let node = mapping["select"] {
            var ids: [String] = []
            for item in try sequence(node, "select") { ids.append(try rule(item, "select").value) }
            settings.select = Located(ids, Origin(path, node.mark))
        }
        if let node = mapping["enable"] { settings.enable = try sequence(node, "enable").map { node throws(ConfigError) in try rule(node, "enable") } }
        if let node = mapping["disable"] { settings.disable = try sequence(node, "disable").map { node throws(ConfigError) in try rule(node, "disable") } }
        if let node = mapping["rules"] {
            for (key, value) in try self.mapping(node, "rules") {
                let id = try rule(key, "rules").value
                let description = (projectRules.first { $0.description.id == id } ?? RuleRegistry.rule(named: id)!).description
                var entry = Settings.RuleSettings()
                let options = try self.mapping(value, "the settings of \(id)")
                try check(options, allowed: ["severity"] + description.options.map(\.name))
                for (name, setting) in options {
                    let name = name.string ?? ""
                    if name == "severity" {
                        entry.severity = Located(try severity(setting, "\(id): severity")!, Origin(path, setting.mark))
                        continue
                    }
                    let option = description.option(named: name)!
                    let value: RuleOptionValue
                    if case .text = option.kind {
                        value = .text(try scalar(setting, "\(id): \(name)"))
                    } else {
                        value = .number(try number(setting, "\(id): \(name)"))
                    }
                    switch option.validate(value) {
                    case .success(let valid): entry.options[name] = Located(valid, Origin(path, setting.mark))
                    case .failure(let failure): throw error(setting, "\(id): \(failure.message)")
                    }
                }
                settings.rules[id] = entry
            }
        }
        return settings
    }
}

extension YamlError {
    var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        case .duplicatedKeysInMapping(_, let context): context.mark
        default: nil
        }
    }

    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .reader(let problem, _, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _):
            duplicates.map { "'\($0)'" }.joined(separator: ", ") + " set twice in this mapping"
        default: "\(self)".split(separator: "\n").first.map(String.init) ?? "\(self)"
        }
    }
}
