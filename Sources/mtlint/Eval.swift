import ArgumentParser
import Foundation
import MTConfig
import MTCore
import MTEval
import MTRules

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure mtlint on annotated data: gold files, challenge pairs or correct translations.",
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

            --clean FILE.jsonl: translations known to be correct, in the input format of `check \
            --stdin-jsonl` ({"id","source","target"} a line). Every finding on them is a false alarm. \
            Reports the share of pairs with any finding and with a major or critical one, each with its 95% \
            Wilson interval (--group-by-prefix: also for each id prefix, the id up to its first ':'), and per \
            rule the pairs it flags with its first findings (--examples N). --budget measures the result \
            against the precision budget (Data/precision-budget.tsv: at most 3% of pairs with a finding and \
            0.5% with a major one, in the set and in each group; at most 0.5% and 0.25% for any one rule).

            Exit status: 0 when the evaluation ran (whatever it measured), 1 when --budget is given and \
            exceeded, 2 on bad usage or input.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .customLong("gold"), help: "Gold file, or directory searched for *.gold.json (repeatable).")
    var gold: [String] = []

    @Option(name: .customLong("pairs"), help: "JSON-lines file of challenge pairs (repeatable).")
    var pairs: [String] = []

    @Option(name: .customLong("clean"), help: "JSON-lines file of correct translations, {\"id\",\"source\",\"target\"} a line (repeatable).")
    var clean: [String] = []

    @Flag(help: "With --clean: also report each id prefix (the id up to its first ':') on its own.")
    var groupByPrefix = false

    @Option(help: "With --clean: how many findings of each rule to quote.")
    var examples = 3

    @Flag(help: "With --clean: measure against the precision budget; exit 1 when it is exceeded.")
    var budget = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var ruleOptions: RuleOptions

    @Option(name: [.short, .long], parsing: .unconditional, help: "Documents checked in parallel (default: all cores). Results are the same for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        guard !gold.isEmpty || !pairs.isEmpty || !clean.isEmpty else {
            throw ValidationError("nothing to evaluate: give --gold DIR|FILE, --pairs FILE.jsonl or --clean FILE.jsonl")
        }
        guard !clean.isEmpty || (!groupByPrefix && !budget) else { throw ValidationError("--group-by-prefix and --budget go with --clean") }
        guard examples >= 0 else { throw ValidationError("--examples must be 0 or more") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs)); leave it out to use all cores") }
    }

    func run() throws {
        // mtlint's own settings and the flags: a project's .mtlint.yml does not change what is measured.
        let resolver = try ConfigOptions.resolver(explicit: nil, discover: false, rules: ruleOptions, languages: languages)
        let evaluator = Evaluator(session: Session(profile: try configured { () throws(ConfigError) in try resolver.profile(for: nil) }, jobs: jobs))
        do {
            let goldReport = gold.isEmpty ? nil : try evaluator.evaluate(goldFiles: try Evaluator.goldFiles(gold))
            let pairReports = try pairs.map { path throws(InputError) in
                evaluator.evaluate(pairs: try ChallengePair.load(path: path), file: path)
            }
            let limits = budget ? try PrecisionBudget.load() : nil
            let cleanReports = try clean.map { path throws(InputError) in
                try evaluator.evaluate(clean: path, groupByPrefix: groupByPrefix, examples: examples, budget: limits)
            }
            switch format {
            case .json:
                // One document per file of pairs or correct translations (the gold report in each).
                let count = max(1, pairReports.count, cleanReports.count)
                for i in 0..<count {
                    say(try EvalOutput.json(
                        gold: goldReport, pairs: i < pairReports.count ? pairReports[i] : nil,
                        clean: i < cleanReports.count ? cleanReports[i] : nil), terminator: "")
                }
            case .text:
                var sections: [String] = []
                if let goldReport { sections.append(EvalOutput.text(goldReport)) }
                sections += pairReports.map(EvalOutput.text)
                sections += cleanReports.map(EvalOutput.text)
                say(sections.joined(separator: "\n"), terminator: "")
            }
            if cleanReports.contains(where: { $0.budget?.passed == false }) { throw ExitCode(1) }
        } catch let error as InputError {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
    }
}
