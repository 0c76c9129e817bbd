import ArgumentParser
import MTCore
import MTReporters

struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print how source-language captions pair with their translations.",
        discussion: """
            One row per source caption: its line, the line of its target counterpart (or 'none'), \
            the aligner's confidence (0–1) in that decision, and the Gale–Church length δ of the pair \
            (how many standard deviations longer (+) or shorter (−) the translation is than the source predicts).
            """)

    @Argument(help: "Article file.")
    var file: String

    @OptionGroup var languages: LanguageOptions

    func run() throws {
        let document: Document
        do {
            document = try Document(contentsOf: file, pair: try languages.pair())
        } catch let error as InputError {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        print("source\ttarget\tconfidence\tlength-delta")
        for pair in document.captionPairs {
            let target = pair.target.map { String(document.blocks[$0].firstLine) } ?? "none"
            let delta = pair.lengthDelta.map { String(format2: $0) } ?? "-"
            print("\(document.blocks[pair.source].firstLine)\t\(target)\t\(String(format2: pair.confidence))\t\(delta)")
        }
    }
}
