import ArgumentParser
import MTConfig
import MTCore

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the settings in force for a file, each with where it was set.",
        discussion: """
            mtlint reads the nearest .mtlint.yml in a file's directory or above (or --config FILE), applies its \
            overrides whose globs match the file, then the flags. This prints the result as YAML, each value \
            followed by where it came from: default, FILE:LINE:COLUMN or the flag. An invalid configuration is an \
            error naming its file, line and column (exit 2). README.md's Configuration section lists the keys.
            """)

    @Argument(help: "A file or directory (default: the current directory).")
    var path: String?

    @Option(help: "Lowest passing score, 0–100, as check takes it.")
    var minScore: Double?

    @Option(help: "Fail on any finding at or above this severity, as check takes it.")
    var failOn: Severity?

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        if let minScore, !(0...100).contains(minScore) { throw ValidationError("--min-score must be between 0 and 100") }
    }

    func run() throws {
        let resolver = try configOptions.resolver(rules: ruleOptions, languages: languages) { flags in
            if let minScore { flags.minScore = Located(minScore, .flag("--min-score")) }
            if let failOn { flags.failOn = Located(failOn, .flag("--fail-on")) }
        }
        let target = path.map { Input.isDirectory($0) ? $0 + "/-" : $0 } ?? "-"
        let effective = try configured { () throws(ConfigError) in try resolver.effective(for: target) }
        // The words files and the language pair are checked as a run would.
        _ = try configured { () throws(ConfigError) in try resolver.profile(of: effective) }
        say(effective.report(for: path ?? "."), terminator: "")
    }
}
