import ArgumentParser
import Foundation
import MTConfig
import MTCore
import MTReporters
import MTRules
import Synchronization

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint articles and gate on their score (the default command).",
        discussion: """
            Each finding has an MQM type and a severity. The penalty is the sum of severity weights \
            (minor 1, major 5, critical 25); score = 100 × (1 − penalty / target words), floored at 0. \
            A document passes when its score is at least --min-score and it has no finding at or above --fail-on.

            Formats: text (diagnostics, a summary per document), json (one versioned document), jsonl (one \
            line per document, written as each completes), sarif (SARIF 2.1.0 for code scanning), github \
            (workflow-command annotations and a gate summary), junit (one test case per document), html (the \
            error report: one self-contained page, or with --output DIR/ one page per document plus index.html).

            Settings: each file's nearest .mtlint.yml (its directory or above; --config FILE for all, --no-config \
            for none), then the flags; `mtlint config PATH` shows what is in force and where it was set. \
            Findings can be suppressed (<!-- mtlint-disable-next-line RULE --> on the line before, or ignore: in \
            .mtlint.yml) or accepted (--write-baseline, then --baseline).

            Exit status: 0 every document passed (or --no-fail), 1 a document failed the gate, 2 bad usage, \
            an invalid configuration or an input that could not be read.
            """)

    enum ColorMode: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Argument(help: "Article files, directories (searched recursively; NAME.en.txt beside NAME.ru.txt is checked against it), or - for standard input.")
    var inputs: [String] = []

    @Option(help: ArgumentHelp(
        "The source article the translation (one file) was made from: their sentences are aligned and every pair is checked; sentences left out or added are reported.",
        valueName: "file"))
    var source: String?

    @Option(help: "Output format (described above).")
    var format: OutputFormat = .text

    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write the report to this file (atomically) instead of standard output; with --format html and several documents, to a directory (DIR/).",
        valueName: "file"))
    var output: String?

    @OptionGroup var gate: GateOptions

    @Flag(help: "Report only: exit 0 even when a document fails the gate.")
    var noFail = false

    @Option(name: [.short, .long], parsing: .unconditional,
            help: "Threads (default: all cores): files checked in parallel; fewer files than threads share them, a file's rules running on several. Output is the same for any value.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("extension"), help: ArgumentHelp(
        "File extension searched for in directories (repeatable; default: txt, html, htm, md, markdown, xlf, xliff, tmx, po).",
        discussion: "Tables (.tsv, .csv) are read when named, or in directories with --extension tsv: glossaries and knowledge files are tables too."))
    var extensions: [String] = ["txt", "html", "htm", "md", "markdown", "xlf", "xliff", "tmx", "po"]

    @Option(help: ArgumentHelp(
        "How input files are read: auto (by extension), text, html, markdown, xliff, tmx, po, tsv or csv.",
        discussion: """
            auto reads .html, .htm and .xhtml as HTML pages, .md and .markdown as Markdown (CommonMark), .xlf and .xliff as XLIFF (1.2 or 2.x), .tmx as TMX, .po as gettext PO, \
            .tsv and .csv as tables with a header row (columns source and target, or the pair's language codes; optional id and note), \
            anything else as plain text. An HTML page's article text is checked (page chrome in header, nav, footer and aside left out). \
            In a bilingual file each unit is a source segment and its translation; inline tags (<x/>, <g>, <ph>, <bpt>…) lost or added \
            are reported, and findings carry the unit's id. Every finding is given at the file's own lines and columns.
            """))
    var inputFormat: InputFormat = .auto

    @Option(help: "Skip files whose path or name matches this glob (repeatable), e.g. 'drafts/*'.")
    var exclude: [String] = []

    @Option(help: "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(help: """
        Read JSON lines from standard input, {"id","text"} or {"id","source","target"}, and write one JSON \
        result line per input line (constant memory; for pipes and distributed engines). Takes no other input.
        """)
    var stdinJsonl = false

    @Option(help: ArgumentHelp(
        "Refuse an input (a file, standard input, or one --stdin-jsonl line) larger than this: bytes, or with K, M or G. Checking a document takes about 40 times its size in memory.",
        valueName: "size"))
    var maxSize: ByteSize = ByteSize(bytes: DocumentReader.defaultMaximumSize)

    @Option(help: ArgumentHelp(
        "Report and gate only on findings not in this baseline (written by --write-baseline); say how many it held and how many of its entries no longer occur.",
        valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp(
        "Also record every finding reported in this baseline file (JSON, atomically), to accept them: a later --baseline run reports only new ones. A finding is known by its rule, flagged text, source text and occurrence, not its line, so moving paragraphs keeps it.",
        valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var configOptions: ConfigOptions

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs)); leave it out to use all cores") }
        if stdinJsonl {
            guard inputs.isEmpty else { throw ValidationError("--stdin-jsonl reads standard input only; drop the file arguments") }
            guard format == .text || format == .jsonl else {
                throw ValidationError("--stdin-jsonl always writes JSON lines; drop --format \(format.rawValue)")
            }
        } else {
            guard !inputs.isEmpty else { throw ValidationError("no input: give files, directories or - for standard input") }
        }
        if stdinJsonl, baseline != nil || writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline work on files; --stdin-jsonl records have no file to remember them by")
        }
        if source != nil, inputs.count != 1 || inputs == ["-"] {
            throw ValidationError("--source takes one translation file to check against it (got \(inputs.count) inputs)")
        }
    }

    func run() throws {
        let resolver = try configOptions.resolver(rules: ruleOptions, languages: languages, adding: gate.apply)
        if stdinJsonl {
            // Lines of standard input: the working directory's configuration.
            return try runStream(Session(profile: try configured { () throws(ConfigError) in try resolver.profile(for: nil) },
                                         jobs: jobs, maximumSize: maxSize.bytes))
        }
        // Pairs of files (NAME.en.txt beside NAME.ru.txt) are found by the languages of the first input's configuration.
        let first = self.inputs[0] == "-" ? nil : Input.isDirectory(self.inputs[0]) ? self.inputs[0] + "/-" : self.inputs[0]
        let pair = try configured { () throws(ConfigError) in try resolver.effective(for: first).pair }
        // Skipped entries are named on standard error; a directory that cannot be listed makes the
        // run exit 2 once the files found elsewhere are checked.
        var unlisted = false
        var excluded = 0
        let found = source.map { [Input.translation(FilePath(argument: self.inputs[0]), source: FilePath(argument: $0))] } ?? Input.collect(
            self.inputs, extensions: extensions, excluding: exclude, pair: pair, excluded: { excluded += 1 },
            notice: { message in warn("mtlint: " + message) },
            failed: { error in
                warn("mtlint: \(error)")
                unlisted = true
            })
        var inputs = found
        do {
            inputs = try found.filter { input throws(ConfigError) in !(try input.path.map(resolver.excludes) ?? false) }
            excluded += found.count - inputs.count
        } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        if unlisted && inputs.isEmpty { throw ExitCode(2) }
        guard !inputs.isEmpty else {
            if excluded > 0 {
                warn("mtlint: nothing to check: " + (excluded == 1 ? "the only file found matches" : "all \(excluded) files found match") + " --exclude "
                    + exclude.map { "'\($0)'" }.joined(separator: ", ") + " or exclude: in .mtlint.yml (a pattern matches a path or a file name)")
                throw ExitCode(2)
            }
            warn("mtlint: no files with extension \(extensions.map { "." + $0 }.joined(separator: ", ")) in \(self.inputs.joined(separator: " "))")
            throw ExitCode(2)
        }
        var accepted: Baseline?
        do {
            accepted = try baseline.map { path throws(InputError) in try Baseline.load(path) }
        } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        let profiles = try configured { () throws(ConfigError) in
            try inputs.map { input throws(ConfigError) in try resolver.profile(for: input.path) }
        }.map { profile in
            var profile = profile
            profile.baseline = accepted
            return profile
        }
        let session = Session(profile: profiles[0], jobs: jobs, maximumSize: maxSize.bytes)
        // mtlint's rules and those of the projects' configurations, each once.
        var codes = Set(RuleRegistry.all.map(\.description.code))
        let projectRules = profiles.flatMap(\.rules).compactMap { $0 as? ProjectRule }.filter { codes.insert($0.description.code).inserted }
        let reporting = Reporting(
            format: format, useColor: format == .text && useColor, rules: RuleRegistry.all.map(\.description) + projectRules.map(\.description),
            toolVersion: MTLint.configuration.version, policy: session.policy)
        if format == .html, htmlDirectory == nil, inputs.count > 1 {
            warn("mtlint: --format html writes one page per document: give --output DIR/ for \(inputs.count) documents")
            throw ExitCode(2)
        }
        let sink: Output? = htmlDirectory == nil ? try openOutput(inputs: inputs) : nil
        let inputPaths = Input.paths(inputs)
        let folder: HTMLReportFolder?
        do {
            folder = try htmlDirectory.map { try HTMLReportFolder($0, inputs: inputPaths) }
        } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }

        struct Tally {
            var results: [LintResult] = []
            var unreadable = false
            var renderError: String?
            /// HTML pages: written as each document finishes; the index needs only these entries.
            var pageNames = HTMLReporter.PageNames()
            var indexEntries: [HTMLReporter.IndexEntry] = []
            var gate: GateSummary
            /// Each document's findings, for --write-baseline.
            var reported: [(path: String, findings: [Finding])] = []
            /// Findings the baseline held back.
            var baselined = 0
        }
        let tally = Mutex(Tally(gate: GateSummary(policy: session.policy)))
        let keepResults = !format.isStreamed && htmlDirectory == nil
        let progress = Progress.make(total: inputs.count)
        let done = Mutex(0)
        session.check(inputs.map { $0.reader(inputFormat) }, profiles: profiles) { outcome in
            progress?.finish()  // clear the bar so output on the same terminal starts on a clean line
            defer { progress?.advance(to: done.withLock { $0 += 1; return $0 }) }
            switch outcome {
            case .success(let result):
                if let warning = result.document.directionWarning { warn("mtlint: warning: " + warning) }
                var text = ""
                do { text = try reporting.document(result) } catch {
                    tally.withLock { $0.renderError = "\(result.document.path): \(error)" }
                }
                sink?.write(text)
                tally.withLock { tally in
                    tally.gate.add(result.score)
                    if writeBaseline != nil { tally.reported.append((result.document.path, result.findings)) }
                    tally.baselined += result.baselined
                    if keepResults { tally.results.append(result) }
                    if let folder, tally.renderError == nil {
                        let file = tally.pageNames.next(for: result.document.path)
                        do {
                            try folder.write(reporting.html.page(result), named: file)
                            tally.indexEntries.append(HTMLReporter.IndexEntry(result, file: file))
                        } catch {
                            tally.renderError = "\(result.document.path): \(error)"
                        }
                    }
                }
            case .failure(let error):
                warn("mtlint: \(error)")
                tally.withLock { $0.unreadable = true }
            }
        }
        progress?.finish()
        let final = tally.withLock { $0 }
        do {
            if let renderError = final.renderError { throw ValidationFailure("cannot render \(renderError)") }
            if let folder {
                try folder.commit(index: reporting.html.index(final.indexEntries))
            } else if let sink {
                sink.write(keepResults ? try reporting.run(final.results) : reporting.end(final.gate))
                try sink.commit()
            }
            if let writeBaseline {
                let file = try Output(path: writeBaseline, inputs: inputPaths)
                file.write(try Baseline.json(final.reported, for: writeBaseline))
                try file.commit()
                let count = final.reported.reduce(0) { $0 + $1.findings.count }
                warn("mtlint: wrote baseline \(writeBaseline): \(count) finding\(count == 1 ? "" : "s") of \(final.reported.count) document\(final.reported.count == 1 ? "" : "s")")
            }
        } catch {
            sink?.abandon()
            folder?.abandon()
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        if let baseline, let accepted {
            let stale = accepted.unmatched
            warn("mtlint: baseline \(baseline): \(final.baselined) finding\(final.baselined == 1 ? "" : "s") held back; "
                + (stale == 0 ? "every entry still occurs" : "\(stale) of its \(accepted.entries.count) entries no longer occur (--write-baseline rewrites it)"))
        }
        for origin in resolver.unusedIgnores() {
            warn("mtlint: warning: \(origin): this ignore: entry matched no finding; remove it")
        }
        // A report written to a file leaves the terminal empty: say where it went and the verdict.
        if let output, output != "-" {
            let pages = htmlDirectory == nil ? "" : " (\(final.indexEntries.count) page\(final.indexEntries.count == 1 ? "" : "s") and index.html)"
            warn("mtlint: wrote \(output)\(pages): \(final.gate)")
        }
        if final.unreadable || unlisted { throw ExitCode(2) }
        if !final.gate.passed && !noFail { throw ExitCode(1) }
    }

    private func runStream(_ session: Session) throws {
        let sink = try openOutput()
        let counts = StreamMode.run(session, output: sink)
        do { try sink.commit() } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        if counts.invalid { throw ExitCode(2) }
        if counts.failed && !noFail { throw ExitCode(1) }
    }

    /// With `--format html`, an --output that ends in "/" or names a directory receives one page per
    /// document and index.html.
    private var htmlDirectory: String? {
        guard format == .html, let output else { return nil }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        return output.hasSuffix("/") || (exists && isDirectory.boolValue) ? output : nil
    }

    /// - Parameter inputs: what the run reads, which the output must not replace.
    private func openOutput(inputs: [Input] = []) throws -> Output {
        do {
            return try Output(path: output, inputs: Input.paths(inputs))
        } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) != 0 && output == nil && ProcessInfo.processInfo.environment["NO_COLOR", default: ""].isEmpty
        }
    }
}

extension Severity: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// A size given on the command line: a number of bytes, or with a K, M or G suffix (powers of 1024).
struct ByteSize: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let suffix = argument.last.flatMap { units[Character($0.uppercased())] }
        guard let count = Int(suffix == nil ? argument : String(argument.dropLast())), count > 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: suffix ?? 1)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String {
        let suffixes: [(shift: Int, suffix: String)] = [(30, "G"), (20, "M"), (10, "K")]
        let unit = suffixes.first { bytes >= 1 << $0.shift && bytes % (1 << $0.shift) == 0 }
        return unit.map { "\(bytes >> $0.shift)\($0.suffix)" } ?? String(bytes)
    }
}
