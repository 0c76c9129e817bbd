import ArgumentParser
import Foundation
import MTCore
import MTEval
import MTRules

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure mtlint on annotated data: gold files or challenge pairs.",
        discussion: """
            Runs the same pipeline as `check` (same rules, same scoring) and reports how it did.

            --gold DIR|FILE: gold files in the format of Corpora/*.gold.json (the article they name sits \
            beside them). Reports per document and per rule: expected errors found (recall), findings that \
            overlap a gold error (precision), findings over traps, findings not in the gold file, whether \
            the caption alignment and the verdict agree.

            --pairs FILE.jsonl: one {"id","source","good","bad"} object a line, with optional "label" or \
            "perturbation" (the kind of damage) and "applied" (false leaves the pair out). Each side is \
            checked as a source/target segment. Reports pairwise accuracy per label (the bad side gets \
            strictly more penalty than the good one) and the share of good sides with any finding, with a \
            major one, and per rule: false alarms on correct translations.

            Exit status: 0 when the evaluation ran (whatever it measured), 2 on bad usage or input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .customLong("gold"), help: "Gold file, or directory searched for *.gold.json (repeatable).")
    var gold: [String] = []

    @Option(name: .customLong("pairs"), help: "JSON-lines file of challenge pairs (repeatable).")
    var pairs: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: [.short, .long], help: "Documents checked in parallel (default: all cores). Results are the same for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        guard !gold.isEmpty || !pairs.isEmpty else { throw ValidationError("nothing to evaluate: give --gold DIR|FILE or --pairs FILE.jsonl") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let evaluator = Evaluator(
            linter: Linter(rules: try ruleOptions.rules()), pair: try languages.pair(), jobs: jobs)
        do {
            let goldReport = gold.isEmpty ? nil : try evaluator.evaluate(goldFiles: try Evaluator.goldFiles(gold))
            let pairReports = try pairs.map { path throws(InputError) in
                evaluator.evaluate(pairs: try ChallengePair.load(path: path), file: path)
            }
            switch format {
            case .json:
                if pairReports.count <= 1 {
                    print(try EvalOutput.json(gold: goldReport, pairs: pairReports.first), terminator: "")
                } else {
                    for report in pairReports { print(try EvalOutput.json(gold: goldReport, pairs: report), terminator: "") }
                }
            case .text:
                var sections: [String] = []
                if let goldReport { sections.append(EvalOutput.text(goldReport)) }
                sections += pairReports.map(EvalOutput.text)
                print(sections.joined(separator: "\n"), terminator: "")
            }
        } catch let error as InputError {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
    }
}
