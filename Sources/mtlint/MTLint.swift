import ArgumentParser
import Foundation
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
        subcommands: [Check.self, Align.self, Rules.self, Explain.self, Eval.self],
        defaultSubcommand: Check.self)
}

/// Options shared by the commands that read articles.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("source-lang"), help: ArgumentHelp(
        "Language the article was translated from.",
        discussion: "mtlint offers the pairs its rules are measured on: \(LanguagePair.offered.map(\.description).joined(separator: ", "))."))
    var source = "ru"

    @Option(name: .customLong("target-lang"), help: "Language the article was translated into.")
    var target = "en"

    /// Checked while the command line is parsed, so a bad language is reported with the
    /// subcommand's usage.
    func validate() throws {
        _ = try pair()
    }

    func pair() throws -> LanguagePair {
        let offered = LanguagePair.offered.map(\.description).joined(separator: ", ")
        guard let source = Language.named(source) else { throw ValidationError("unknown source language '\(source)' (mtlint offers \(offered))") }
        guard let target = Language.named(target) else { throw ValidationError("unknown target language '\(target)' (mtlint offers \(offered))") }
        guard source != target else { throw ValidationError("source and target languages are both '\(source.code)'") }
        let pair = LanguagePair(source: source, target: target)
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
        "A file of words misspelled-word accepts besides the dictionary's: one a line, # starts a comment.",
        valueName: "FILE"))
    var words: String?

    /// The rules to run, with misspelled-word set up from the options. Exit 2 when the word list
    /// cannot be read or the dictionary is not installed.
    func rules() throws -> [any Rule] {
        var projectWords: Set<String> = []
        if let words {
            do {
                let text = try DocumentReader.read(path: FilePath(argument: words)).text
                projectWords = Set(KnowledgeFile.lines(text).map { $0.trimmingCharacters(in: .whitespaces) })
            } catch {
                warn("mtlint: \(error)")
                throw ExitCode(2)
            }
        }
        if let spellingDictionary, Speller.shared(spellingDictionary) == nil {
            warn("mtlint: no Hunspell dictionary '\(spellingDictionary)' in \(Speller.searchPaths.joined(separator: ", ")) "
                + "(on Debian: apt-get install hunspell-\(spellingDictionary.lowercased().replacingOccurrences(of: "_", with: "-")))")
            throw ExitCode(2)
        }
        return RuleRegistry.enabled(
            preview: preview, replacing: [MisspelledWord(dictionary: spellingDictionary, projectWords: projectWords)])
    }
}

/// Writes to standard error.
func warn(_ message: String) {
    _ = StandardStreams.write(STDERR_FILENO, message + "\n")  // nowhere to report a failure to report
}
