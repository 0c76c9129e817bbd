import ArgumentParser
import Foundation
import MTCore
import MTReporters
import MTRules

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint articles and gate on their score (the default command).",
        discussion: """
            Each finding has an MQM type and a severity. The penalty is the sum of severity weights \
            (minor 1, major 5, critical 25); score = 100 × (1 − penalty / target words), floored at 0. \
            A document passes when its score is at least --min-score and it has no finding at or above --fail-on.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "Article files (UTF-8 plain text).")
    var files: [String]

    @Option(help: "Output format: text (diagnostics and a summary) or json (versioned, see README).")
    var format: Format = .text

    @Option(help: "Lowest passing score, 0–100.")
    var minScore: Double = ScoringPolicy.defaultMinimumScore

    @Option(help: "Fail on any finding at or above this severity (minor, major, critical).")
    var failOn: Severity = ScoringPolicy.defaultFailOn

    @Option(help: "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        guard (0...100).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 100") }
    }

    func run() throws {
        let pair = try languages.pair()
        let linter = Linter(rules: RuleRegistry.all, policy: ScoringPolicy(minimumScore: minScore, failOn: failOn))
        var results: [LintResult] = []
        var inputFailed = false
        for path in files {
            do {
                results.append(linter.lint(try Document(contentsOf: path, pair: pair)))
            } catch {
                warn("mtlint: \(error)")
                inputFailed = true
            }
        }
        switch format {
        case .text:
            let reporter = TextReporter(useColor: useColor)
            for result in results { print(reporter.render(result), terminator: "") }
        case .json:
            print(try JSONReporter.render(results), terminator: "")
        }
        if inputFailed { throw ExitCode(2) }
        if results.contains(where: { !$0.score.passed }) { throw ExitCode(1) }
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR", default: ""].isEmpty
        }
    }
}

extension Severity: ExpressibleByArgument {}
