import Foundation
import MTCore
import MTRules
import MTText
import Synchronization

/// The settings in force for one file: mtlint's defaults, then its configuration file's top level, then
/// the overrides whose globs match it (in file order), then the command line's flags. Each value keeps
/// where it came from (`mtlint config` prints them).
public struct Effective: Sendable {
    /// The configuration file that applies, if any.
    public let file: ConfigFile?
    /// The overrides that matched, in order.
    public let overrides: [Origin]
    public private(set) var sourceLanguage = Located(Language.russian, .standard)
    public private(set) var targetLanguage = Located(Language.english, .standard)
    public private(set) var minScore = Located(ScoringPolicy.defaultMinimumScore, .standard)
    public private(set) var failOn = Located(Optional(ScoringPolicy.defaultFailOn), .standard)
    public private(set) var preview = Located(false, .standard)
    /// Rule id → why it runs or does not (a tier, a select, an enable, a disable).
    public private(set) var selection: [String: Located<Bool>] = [:]
    public private(set) var severities: [String: Located<Severity>] = [:]
    public private(set) var options: [String: [String: Located<RuleOptionValue>]] = [:]
    /// Word lists for misspelled-word, files and flags.
    public private(set) var words: [Located<String>] = []
    /// Glossaries for glossary-term, files and flags.
    public private(set) var glossaries: [Located<String>] = []
    /// The numbers of the configuration's `ignore:` entries that apply to the file.
    public private(set) var ignores: [Int] = []

    /// - Parameter relativePath: the file's path relative to the configuration's directory (for overrides).
    init(file: ConfigFile?, relativePath: String?, flags: Settings, flagWords: [Located<String>], flagGlossaries: [Located<String>]) {
        self.file = file
        var layers: [Settings] = []
        var matched: [Origin] = []
        if let file {
            layers.append(file.settings)
            for override in file.overrides where relativePath.map({ Glob.matches(override.files, $0) }) ?? false {
                layers.append(override.settings)
                matched.append(override.origin)
            }
            words = file.words
            glossaries = file.glossaries
            ignores = file.ignores.indices.filter { number in
                file.ignores[number].paths.isEmpty || (relativePath.map { Glob.matches(file.ignores[number].paths, $0) } ?? false)
            }
        }
        overrides = matched
        layers.append(flags)
        words += flagWords
        glossaries += flagGlossaries
        // The default set depends on `preview`, which any layer may set: find it first.
        for layer in layers { if let value = layer.preview { preview = value } }
        for rule in RuleRegistry.all + (file?.projectRules ?? []) {
            let description = rule.description
            selection[description.id] = Located(preview.value || description.tier == .stable,
                                                description.tier == .stable ? .standard : preview.origin)
        }
        for layer in layers {
            if let value = layer.sourceLanguage { sourceLanguage = value }
            if let value = layer.targetLanguage { targetLanguage = value }
            if let value = layer.minScore { minScore = value }
            if let value = layer.failOn { failOn = value }
            if let select = layer.select {
                for id in selection.keys { selection[id] = Located(select.value.contains(id), select.origin) }
            }
            for id in layer.enable { selection[id.value] = Located(true, id.origin) }
            for id in layer.disable { selection[id.value] = Located(false, id.origin) }
            for (id, settings) in layer.rules {
                if let severity = settings.severity { severities[id] = severity }
                options[id, default: [:]].merge(settings.options) { $1 }
            }
        }
    }

    public var pair: LanguagePair { LanguagePair(source: sourceLanguage.value, target: targetLanguage.value) }

    public var policy: ScoringPolicy { ScoringPolicy(minimumScore: minScore.value, failOn: failOn.value) }

    /// The rules that run, in code order, each set up with its options and the project's data.
    /// - Parameters:
    ///   - words: the words of `words` files, read by the caller.
    ///   - glossary: the terms of `glossaries` files, read by the caller.
    public func rules(words: Set<String>, glossary: Glossary) -> [any Rule] {
        (RuleRegistry.all + (file?.projectRules ?? [])).filter { selection[$0.description.id]?.value ?? false }.map { rule in
            guard let configurable = rule as? any ConfigurableRule else { return rule }
            return type(of: configurable).init(configuration: RuleConfiguration(
                values: (options[rule.description.id] ?? [:]).mapValues(\.value), words: words, glossary: glossary, pair: pair))
        }
    }

    /// A YAML scalar: quoted when plain YAML would read it otherwise.
    static func quoted(_ text: String) -> String {
        let special = Set("*&!|>'\"%@`#,[]{}:?-")
        guard text.isEmpty || text.first.map(special.contains) == true || text.contains(": ") || text.contains(" #")
            || text.first == " " || text.last == " " else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The effective configuration as `mtlint config` prints it: YAML, each value with where it came from.
    public func report(for path: String) -> String {
        func commented(_ text: String, _ origin: Origin, indent: Int) -> String {
            let text = String(repeating: "  ", count: indent) + text
            return text.padding(toLength: max(text.count, 44), withPad: " ", startingAt: 0) + "  # \(origin)\n"
        }
        func line(_ key: String, _ value: String, _ origin: Origin, indent: Int = 0) -> String {
            commented("\(key): \(value)", origin, indent: indent)
        }
        var out = "# mtlint configuration for \(path)\n"
        if let file {
            out += "# configuration file: \(file.path)\n"
        } else {
            out += "# no configuration file (.mtlint.yml) in its directory or above: mtlint's defaults and flags\n"
        }
        for origin in overrides { out += "# override applied: \(origin)\n" }
        out += line("source-lang", sourceLanguage.value.code, sourceLanguage.origin)
        out += line("target-lang", targetLanguage.value.code, targetLanguage.origin)
        out += "gate:\n"
        out += line("min-score", RuleOptionValue.number(minScore.value).description, minScore.origin, indent: 1)
        out += line("fail-on", failOn.value?.rawValue ?? "none", failOn.origin, indent: 1)
        out += line("preview", String(preview.value), preview.origin)
        func list(_ key: String, _ values: [Located<String>]) -> String {
            key + ":" + (values.isEmpty ? " []\n" : "\n" + values.map { commented("- " + Self.quoted($0.value), $0.origin, indent: 1) }.joined())
        }
        if let file { out += list("exclude", file.exclude) }
        out += list("words", words)
        out += list("glossaries", glossaries)
        out += list("knowledge", file?.knowledge ?? [])
        out += "rules:\n"
        for rule in RuleRegistry.all + (file?.projectRules ?? []) {
            let description = rule.description
            let selected = selection[description.id]!
            let why = selected.origin == .standard ? "\(description.tier.rawValue) tier" : "\(selected.origin)"
            out += "  \(description.id):  # \(description.code), \(selected.value ? "on" : "off"): \(why)\n"
            guard selected.value else { continue }
            let severity = severities[description.id]
            out += line("severity", (severity?.value ?? description.severity).rawValue, severity?.origin ?? .standard, indent: 2)
            for option in description.options {
                let set = options[description.id]?[option.name]
                out += line(option.name, (set?.value ?? option.defaultValue)?.description ?? "~", set?.origin ?? .standard, indent: 2)
            }
        }
        return out
    }
}

/// Finds the configuration of each file and resolves its settings. Thread-safe; each directory's
/// configuration file is looked for and read once.
public final class ConfigResolver: Sendable {
    /// `--config FILE`: used for every input instead of discovery.
    let explicit: ConfigFile?
    /// Whether files are looked for at all (`eval` measures mtlint's defaults).
    let discover: Bool
    let flags: Settings
    let flagWords: [Located<String>]
    let flagGlossaries: [Located<String>]
    private let glossaries = Mutex<[String: [Glossary.Entry]]>([:])
    private let knowledgeSets = Mutex<[[String]: Knowledge]>([:])
    private let found = Mutex<[String: ConfigFile?]>([:])
    private let wordLists = Mutex<[String: Set<String>]>([:])
    private let profiles = Mutex<[String: Profile]>([:])
    private let trackers = Mutex<[String: UsageTracker]>([:])

    /// - Throws: when `explicit` cannot be read or is not valid.
    public init(explicit: String?, discover: Bool = true, flags: Settings = Settings(), words: [Located<String>] = [],
                glossaries: [Located<String>] = []) throws(ConfigError) {
        self.explicit = try explicit.map { path throws(ConfigError) in try ConfigFile.load(path) }
        self.discover = discover
        self.flags = flags
        self.flagWords = words
        self.flagGlossaries = glossaries
    }

    /// The configuration file of a file: `--config`, or the nearest `.mtlint.yml` in its directory or above.
    /// - Parameter path: a file (or `nil`, standard input: the working directory's).
    public func configFile(for path: String?) throws(ConfigError) -> ConfigFile? {
        if let explicit { return explicit }
        guard discover else { return nil }
        // The files of one directory share the answer: looked up by the directory as written first.
        let written = "\u{0}" + (path.flatMap { path in path.lastIndex(of: "/").map { String(path[..<$0]) } } ?? "")
        if let cached = found.withLock({ $0[written] }) { return cached }
        let start = URL(fileURLWithPath: path ?? FileManager.default.currentDirectoryPath + "/-").standardizedFileURL
        let file = try configFile(inOrAbove: start.deletingLastPathComponent().path)
        found.withLock { $0[written] = .some(file) }
        return file
    }

    private func configFile(inOrAbove directory: String) throws(ConfigError) -> ConfigFile? {
        if let cached = found.withLock({ $0[directory] }) { return cached }
        var file: ConfigFile?
        if let name = ConfigFile.names.first(where: { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) }) {
            // Named as the user would: relative to the working directory when under it.
            let path = (directory as NSString).appendingPathComponent(name)
            file = try ConfigFile.load(Glob.relative(path, to: FileManager.default.currentDirectoryPath))
        } else if directory != "/", !directory.isEmpty {
            file = try configFile(inOrAbove: (directory as NSString).deletingLastPathComponent)
        }
        found.withLock { $0[directory] = .some(file) }
        return file
    }

    /// The settings in force for a file (`nil`: standard input).
    public func effective(for path: String?) throws(ConfigError) -> Effective {
        let file = try configFile(for: path)
        let relative = file.flatMap { file in path.map { Glob.relative(URL(fileURLWithPath: $0).standardizedFileURL.path, to: file.directory) } }
        return Effective(file: file, relativePath: relative, flags: flags, flagWords: flagWords, flagGlossaries: flagGlossaries)
    }

    /// How to check a file: its effective settings' rules, severities, gate and language pair. Files
    /// with the same configuration file and overrides share one profile (their rules are set up once).
    public func profile(for path: String?) throws(ConfigError) -> Profile {
        // Without overrides or path-bound ignore: entries, every file of a configuration has its profile.
        let file = try configFile(for: path)
        let uniform = file.map { $0.overrides.isEmpty && $0.ignores.allSatisfy(\.paths.isEmpty) } ?? true
        if uniform, let cached = profiles.withLock({ $0["\u{1}" + (file?.path ?? "")] }) { return cached }
        let profile = try profile(of: effective(for: path))
        if uniform { profiles.withLock { $0["\u{1}" + (file?.path ?? "")] = profile } }
        return profile
    }

    public func profile(of effective: Effective) throws(ConfigError) -> Profile {
        let key = "\(effective.file?.path ?? "")\u{0}\(effective.overrides.map(\.description).joined(separator: "\u{0}"))\u{0}\(effective.ignores)"
        if let cached = profiles.withLock({ $0[key] }) { return cached }
        let pair = effective.pair
        // Without its data directory mtlint stops anyway, saying so.
        guard pair.source != pair.target && pair.isOffered || KnowledgeFile.directory == nil else {
            let offered = LanguagePair.offered.map(\.description).joined(separator: ", ")
            let message = pair.source == pair.target
                ? "source and target languages are both '\(pair.source.code)'"
                : "mtlint does not check \(pair) translations: it offers \(offered) only, the pairs measured on thousands of correct translations"
            let origin = effective.sourceLanguage.origin == .standard ? effective.targetLanguage.origin : effective.sourceLanguage.origin
            if case .file(let path, let line, let column) = origin { throw ConfigError(path: path, line: line, column: column, message: message) }
            throw ConfigError(path: effective.file?.path ?? "mtlint", message: message + " (languages set by \(effective.sourceLanguage.origin) and \(effective.targetLanguage.origin))")
        }
        let profile = Profile(
            rules: effective.rules(words: try words(effective.words), glossary: try glossary(effective.glossaries, pair: pair)),
            policy: effective.policy, pair: pair, knowledge: try knowledge(effective.file?.knowledge ?? []),
            severities: effective.severities.mapValues(\.value),
            ignores: effective.ignores.map { ($0, effective.file!.ignores[$0].entry) },
            ignoreUsage: effective.file.map(tracker))
        profiles.withLock { $0[key] = profile }
        return profile
    }

    /// The tracker of a configuration file's `ignore:` entries.
    private func tracker(_ file: ConfigFile) -> UsageTracker {
        trackers.withLock { trackers in
            if let tracker = trackers[file.path] { return tracker }
            let tracker = UsageTracker()
            trackers[file.path] = tracker
            return tracker
        }
    }

    /// The `ignore:` entries of the configuration files read so far that matched no finding, by where they are written.
    public func unusedIgnores() -> [Origin] {
        let files = found.withLock { Array($0.values.compactMap { $0 }) } + (explicit.map { [$0] } ?? [])
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }.flatMap { file in
            let tracker = self.tracker(file)
            return file.ignores.indices.filter { !tracker.isUsed($0) }.map { file.ignores[$0].origin }
        }
    }

    /// Whether the configuration of a file found in a directory excludes it (`exclude:`).
    public func excludes(_ path: String) throws(ConfigError) -> Bool {
        guard let file = try configFile(for: path), !file.exclude.isEmpty else { return false }
        return Glob.matches(file.exclude.map(\.value), Glob.relative(URL(fileURLWithPath: path).standardizedFileURL.path, to: file.directory))
    }

    /// The terms of glossaries, each file read once per language pair.
    public func glossary(_ files: [Located<String>], pair: LanguagePair) throws(ConfigError) -> Glossary {
        var entries: [Glossary.Entry] = []
        for file in files {
            let key = "\(pair)\u{0}\(file.value)"
            if let cached = glossaries.withLock({ $0[key] }) {
                entries += cached
                continue
            }
            let read: [Glossary.Entry]
            do {
                read = try GlossaryFile.load(file.value, pair: pair)
            } catch {
                throw ConfigError(path: error.path, line: error.line, column: error.column,
                                  message: error.message + Self.named(file, "glossary"))
            }
            glossaries.withLock { $0[key] = read }
            entries += read
        }
        return Glossary(entries: entries)
    }

    /// The knowledge set of a configuration's `knowledge:` files and folders (a folder: its `.tsv` files, by
    /// name), read once per list: each file names the bundled table it adds rows to (`Knowledge.read`).
    public func knowledge(_ entries: [Located<String>]) throws(ConfigError) -> Knowledge {
        guard !entries.isEmpty else { return .bundled }
        let key = entries.map(\.value)
        if let cached = knowledgeSets.withLock({ $0[key] }) { return cached }
        var files: [Located<String>] = []
        for entry in entries {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: entry.value, isDirectory: &isDirectory) else {
                throw ConfigError(path: entry.value, message: "no such file or folder" + Self.named(entry, "knowledge"))
            }
            guard isDirectory.boolValue else {
                files.append(entry)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: entry.value)) ?? []
            files += names.filter { $0.hasSuffix(".tsv") }.sorted().map { Located((entry.value as NSString).appendingPathComponent($0), entry.origin) }
        }
        var rows: [String: [[String]]] = [:]
        for file in files {
            let name = (file.value as NSString).lastPathComponent
            guard let table = Knowledge.table(forFileNamed: name) else {
                let tables = Knowledge.extensibleFileNames.joined(separator: ", ")
                throw ConfigError(path: file.value, message: "is not named after a table mtlint can add rows to: name it after one (\(tables)), "
                    + "with a prefix of your own if you like (newsroom.organisations.tsv)" + Self.named(file, "knowledge"))
            }
            let text: String
            do {
                text = try DocumentReader.read(path: FilePath(file.value), maximumSize: GlossaryFile.maximumSize).text
            } catch {
                throw ConfigError(path: file.value, message: error.reason + (error.byteOffset.map { " at byte offset \($0)" } ?? "") + Self.named(file, "knowledge"))
            }
            do {
                let before = Knowledge.bundled.rows(named: table.fileName) + (rows[table.fileName] ?? [])
                rows[table.fileName, default: []] += try Knowledge.read(text, extending: table.fileName, before: before)
            } catch {
                throw ConfigError(path: file.value, line: error.line, column: error.column, message: error.message + Self.named(file, "knowledge"))
            }
        }
        let knowledge = Knowledge(rows: rows, files: files.map(\.value))
        knowledgeSets.withLock { $0[key] = knowledge }
        return knowledge
    }

    /// Where a data file was named, for a message about it: " (glossary named at FILE:LINE:COLUMN)".
    private static func named(_ file: Located<String>, _ what: String) -> String {
        file.origin.isFile ? " (\(what) named at \(file.origin))" : ""
    }

    /// The words of word lists, each file read once.
    public func words(_ lists: [Located<String>]) throws(ConfigError) -> Set<String> {
        var words: Set<String> = []
        for list in lists {
            if let cached = wordLists.withLock({ $0[list.value] }) {
                words.formUnion(cached)
                continue
            }
            let read: Set<String>
            do {
                let text = try DocumentReader.read(path: FilePath(list.value)).text
                read = Set(KnowledgeFile.lines(text).map { $0.trimmingCharacters(in: .whitespaces) })
            } catch {
                throw ConfigError(path: list.value, message: error.reason + Self.named(list, "word list"))
            }
            wordLists.withLock { $0[list.value] = read }
            words.formUnion(read)
        }
        return words
    }
}

/// Globs of configuration files: fnmatch patterns matched against a path relative to the configuration's
/// directory. A pattern with no "/" matches a file name or any directory name on the way
/// ("drafts", "*.old.txt"); one with a "/" matches the relative path from its start, or any leading
/// part of it ("archive/2020", "archive/*/captions"); `*` matches across "/".
public enum Glob {
    public static func matches(_ patterns: [String], _ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/").map(String.init)
        return patterns.contains { pattern in
            let pattern = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
            if !pattern.contains("/") { return components.contains { fnmatch(pattern, $0, 0) == 0 } }
            let trimmed = pattern.hasSuffix("/") ? String(pattern.dropLast()) : pattern
            return (1...max(1, components.count)).contains { count in
                fnmatch(trimmed, components.prefix(count).joined(separator: "/"), 0) == 0
            }
        }
    }

    /// `path` relative to `directory` (both absolute); the path itself when it is not under it.
    static func relative(_ path: String, to directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
