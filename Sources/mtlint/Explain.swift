import ArgumentParser
import MTReporters
import MTRules

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a rule's documentation: what it flags, why, and examples.")

    @Argument(help: "Rule id (e.g. untranslated-caption) or code (e.g. MT101).")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(named: rule) else {
            warn("mtlint: no rule '\(rule)'; `mtlint rules` lists them")
            throw ExitCode(2)
        }
        say(RuleCatalog.explain(found.description), terminator: "")
    }
}
