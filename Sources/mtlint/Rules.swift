import ArgumentParser
import MTConfig
import MTReporters
import MTRules

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules: code, id, MQM type, default severity, tier and summary.",
        discussion: """
            Stable rules run by default. Preview rules are checks not yet precise enough on correct \
            translations to gate on; `check --preview` runs them too.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "text (aligned columns) or markdown (the table in README.md).")
    var format: Format = .text

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        // mtlint's rules, then the project's (project-rules: in the working directory's .mtlint.yml).
        let descriptions = RuleRegistry.all.map(\.description) + (try configOptions.projectRules()).map(\.description)
        switch format {
        case .text: say(RuleCatalog.text(descriptions), terminator: "")
        case .markdown: say(RuleCatalog.markdown(descriptions), terminator: "")
        }
    }
}
