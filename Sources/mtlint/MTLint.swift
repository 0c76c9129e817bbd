import ArgumentParser
import Foundation
import MTConfig
import MTCore
import MTRules
import MTText

@main
struct Entry {
    /// ArgumentParser exits 64 on bad usage; mtlint promises 2 (0 pass, 1 gate failed, 2 usage or input error).
    static func main() {
        _ = StandardStreams.closedAtStart
        let status = run()
        // Background loads a command started (Preload) finish before the process exits.
        Preload.wait()
        exit(status)
    }

    private static func run() -> Int32 {
        // Bare `mtlint`: what it does and how to call it, rather than "no input".
        if CommandLine.arguments.count == 1 {
            say(MTLint.helpMessage())
            return 2
        }
        do {
            var command = try MTLint.parseAsRoot()
            // Checking without the knowledge files would be silently wrong: stop, saying what is missing.
            if KnowledgeFile.directory == nil, !(command is Rules || command is Explain) {
                warn("mtlint: cannot find its data: \(KnowledgeFile.bundleName) must sit next to the mtlint executable "
                    + "(\(Bundle.main.bundleURL.path)); install both as README.md's Install section shows")
                return 2
            }
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = MTLint.exitCode(for: error)
            if code == .success {
                say(MTLint.fullMessage(for: error))
                return 0
            }
            // ArgumentParser writes "Error: …"; diagnostics read "mtlint: error: …", as compilers' do.
            var message = MTLint.fullMessage(for: error)
            if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
            warn("mtlint: " + message)
            return 2
        }
    }
}

struct MTLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtlint",
        abstract: "Check machine-translated articles for translation errors.",
        discussion: """
            mtlint reads a machine-translated article that kept its source-language photo captions, \
            aligns every source caption with its translation, runs its rules and scores the result \
            MQM-style. Run `mtlint rules` to see what it checks.

            Exit status: 0 every document passed the gate, 1 a document failed it, 2 bad usage or unreadable input.
            """,
        version: "0.1.0",
        subcommands: [Check.self, Align.self, Rules.self, Explain.self, Eval.self, Config.self],
        defaultSubcommand: Check.self)
}

/// Options shared by the commands that read articles.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("source-lang"), help: ArgumentHelp(
        "Language the article was translated from (default: ru, or source-lang in .mtlint.yml).",
        discussion: "mtlint offers the pairs its rules are measured on: \(LanguagePair.offered.map(\.description).joined(separator: ", "))."))
    var source: String?

    @Option(name: .customLong("target-lang"), help: "Language the article was translated into (default: en, or target-lang in .mtlint.yml).")
    var target: String?

    /// Checked while the command line is parsed, so a bad language is reported with the
    /// subcommand's usage.
    func validate() throws {
        let offered = LanguagePair.offered.map(\.description).joined(separator: ", ")
        for (name, code) in [("source", source), ("target", target)] {
            if let code, Language.named(code) == nil { throw ValidationError("unknown \(name) language '\(code)' (mtlint offers \(offered))") }
        }
        if source != nil && target != nil { try LanguagePair.offering(try pair()) }
    }

    /// The pair the flags name, ru→en where they name none (`align`, `eval`: no configuration file).
    func pair() throws -> LanguagePair {
        LanguagePair(source: Language.named(source ?? "ru")!, target: Language.named(target ?? "en")!)
    }

    /// The languages the flags set, as a configuration layer.
    func apply(to settings: inout Settings) {
        if let source { settings.sourceLanguage = Located(Language.named(source)!, .flag("--source-lang")) }
        if let target { settings.targetLanguage = Located(Language.named(target)!, .flag("--target-lang")) }
    }
}

extension LanguagePair {
    /// The pair, when mtlint offers it; else why not.
    @discardableResult
    static func offering(_ pair: LanguagePair) throws -> LanguagePair {
        let offered = LanguagePair.offered.map(\.description).joined(separator: ", ")
        guard pair.source != pair.target else { throw ValidationError("source and target languages are both '\(pair.source.code)'") }
        // Without its data directory mtlint stops anyway, saying so (`Entry.run`).
        guard pair.isOffered || KnowledgeFile.directory == nil else {
            throw ValidationError("mtlint does not check \(pair) translations: it offers \(offered) only, the pairs whose rules "
                + "are measured on thousands of correct translations and kept within the precision budget")
        }
        return pair
    }
}

/// Which rules run, and how the configurable ones are set up (shared by check and eval).
struct RuleOptions: ParsableArguments {
    @Flag(help: "Also run the preview-tier rules: checks not yet precise enough to be on by default (see `mtlint rules`).")
    var preview = false

    @Option(help: ArgumentHelp(
        "Hunspell dictionary for misspelled-word, used alone (default: the target language's; for English en_US, and en_GB for British spellings when installed).",
        discussion: "Any dictionary installed under /usr/share/hunspell, e.g. en_GB (Debian package hunspell-en-gb)."))
    var spellingDictionary: String?

    @Option(help: ArgumentHelp(
        "A file of words misspelled-word accepts besides the dictionary's: one a line, # starts a comment (added to words: in .mtlint.yml).",
        valueName: "FILE"))
    var words: String?

    @Option(help: ArgumentHelp(
        "A glossary for glossary-term: TBX, or CSV/TSV rows source,target[,status,note] (repeatable; added to glossaries: in .mtlint.yml).",
        valueName: "file"))
    var glossary: [String] = []

    @Option(help: ArgumentHelp("Also run this rule, by id or code, a preview rule included (repeatable).", valueName: "rule"))
    var enable: [String] = []

    @Option(help: ArgumentHelp("Do not run this rule, by id or code (repeatable).", valueName: "rule"))
    var disable: [String] = []

    func validate() throws {
        for name in enable + disable where RuleRegistry.rule(named: name) == nil {
            throw ValidationError("no rule '\(name)' (`mtlint rules` lists them by id and code)")
        }
    }

    /// The rules the flags choose and set up, as a configuration layer; the word list and glossaries they name.
    /// Exit 2 when the dictionary is not installed.
    func apply(to settings: inout Settings) throws -> (words: [Located<String>], glossaries: [Located<String>]) {
        if let spellingDictionary {
            guard Speller.shared(spellingDictionary) != nil else {
                warn("mtlint: no Hunspell dictionary '\(spellingDictionary)' in \(Speller.searchPaths.joined(separator: ", ")) "
                    + "(on Debian: apt-get install hunspell-\(spellingDictionary.lowercased().replacingOccurrences(of: "_", with: "-")))")
                throw ExitCode(2)
            }
            settings.rules[MisspelledWord().description.id, default: Settings.RuleSettings()].options["dictionary"] =
                Located(.text(spellingDictionary), .flag("--spelling-dictionary"))
        }
        if preview { settings.preview = Located(true, .flag("--preview")) }
        settings.enable += enable.map { Located(RuleRegistry.rule(named: $0)!.description.id, .flag("--enable")) }
        settings.disable += disable.map { Located(RuleRegistry.rule(named: $0)!.description.id, .flag("--disable")) }
        return (words.map { [Located($0, .flag("--words"))] } ?? [], glossary.map { Located($0, .flag("--glossary")) })
    }
}

/// The gate's flags (check, config).
struct GateOptions: ParsableArguments {
    @Option(help: "Lowest passing score, 0–100 (default: \(Int(ScoringPolicy.defaultMinimumScore)), or gate: min-score in .mtlint.yml).")
    var minScore: Double?

    @Option(help: "Fail on any finding at or above this severity: minor, major, critical (default: \(ScoringPolicy.defaultFailOn.rawValue), or gate: fail-on in .mtlint.yml).")
    var failOn: Severity?

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100") }
    }

    /// The gate the flags set, as a configuration layer.
    func apply(to flags: inout Settings) {
        if let minScore { flags.minScore = Located(minScore, .flag("--min-score")) }
        if let failOn { flags.failOn = Located(failOn, .flag("--fail-on")) }
    }
}

/// Which configuration file applies (check, config).
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Use this configuration file for every input, instead of the nearest .mtlint.yml in each file's directory or above.",
        valueName: "file"))
    var config: String?

    @Flag(help: "Use no configuration file: mtlint's defaults and the flags only.")
    var noConfig = false

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("--config and --no-config contradict each other: give one") }
    }

    /// The resolver of each file's settings, the flags over any configuration file. Exit 2, naming the
    /// file, line and column, when a configuration file is not valid.
    func resolver(rules: RuleOptions, languages: LanguageOptions, adding: (inout Settings) -> Void = { _ in }) throws -> ConfigResolver {
        try Self.resolver(explicit: config, discover: !noConfig, rules: rules, languages: languages, adding: adding)
    }

    /// The rules of the configuration for the working directory (`rules`, `explain`).
    func projectRules() throws -> [ProjectRule] {
        try configured { () throws(ConfigError) in
            try ConfigResolver(explicit: config, discover: !noConfig).configFile(for: nil)?.projectRules ?? []
        }
    }

    static func resolver(explicit config: String?, discover: Bool, rules: RuleOptions, languages: LanguageOptions,
                         adding: (inout Settings) -> Void = { _ in }) throws -> ConfigResolver {
        var flags = Settings()
        languages.apply(to: &flags)
        let files = try rules.apply(to: &flags)
        adding(&flags)
        do {
            return try ConfigResolver(explicit: config, discover: discover, flags: flags, words: files.words, glossaries: files.glossaries)
        } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
    }
}

/// A configuration error: said on standard error, exit 2.
func configured<T>(_ body: () throws(ConfigError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        warn("mtlint: \(error)")
        throw ExitCode(2)
    }
}

/// Writes to standard error.
func warn(_ message: String) {
    _ = StandardStreams.write(STDERR_FILENO, message + "\n")  // nowhere to report a failure to report
}
