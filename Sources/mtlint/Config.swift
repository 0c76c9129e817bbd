import ArgumentParser
import MTConfig

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

    @OptionGroup var gate: GateOptions

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var languages: LanguageOptions

    func run() throws {
        let resolver = try configOptions.resolver(rules: ruleOptions, languages: languages, adding: gate.apply)
        let target = path.map { Input.isDirectory($0) ? $0 + "/-" : $0 } ?? "-"
        let effective = try configured { () throws(ConfigError) in try resolver.effective(for: target) }
        // The words files and the language pair are checked as a run would.
        _ = try configured { () throws(ConfigError) in try resolver.profile(of: effective) }
        say(effective.report(for: path ?? "."), terminator: "")
    }
}
