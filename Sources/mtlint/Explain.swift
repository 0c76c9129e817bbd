import ArgumentParser
import MTConfig
import MTReporters
import MTRules

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a rule's documentation: what it flags, why, and examples.")

    @Argument(help: "Rule id (e.g. untranslated-caption) or code (e.g. MT101); a project rule of the working directory's .mtlint.yml too.")
    var rule: String

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let project = try configOptions.projectRules().first { $0.description.id == rule || $0.description.code == rule.uppercased() }
        guard let found = project ?? RuleRegistry.rule(named: rule) else {
            warn("mtlint: no rule '\(rule)'; `mtlint rules` lists them")
            throw ExitCode(2)
        }
        say(RuleCatalog.explain(found.description), terminator: "")
    }
}
