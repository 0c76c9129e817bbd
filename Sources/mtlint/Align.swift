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

            With --entities, each aligned pair is followed by the names and acronyms found on each side, \
            '+' when the other side accounts for them and '-' when not: what unsupported-entity, \
            name-mismatch and missing-name reason from. --source and --target check one segment pair \
            instead of a file (the --stdin-jsonl segment mode of check).
            """)

    @Argument(help: "Article file (omit with --source and --target).")
    var file: String?

    @Option(help: "A source segment (with --target, instead of a file).")
    var source: String?

    @Option(help: "Its translation (with --source).")
    var target: String?

    @Flag(help: "List each pair's names and acronyms and whether the other side accounts for them.")
    var entities = false

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        switch (file, source, target) {
        case (.some, nil, nil), (nil, .some, .some): break
        default: throw ValidationError("Give either a FILE or both --source and --target.")
        }
    }

    func run() throws {
        let document: Document
        do {
            if let source, let target {
                document = Document(segmentID: "segment", source: source, target: target, pair: try languages.pair())
            } else {
                document = try Document(contentsOf: file!, pair: try languages.pair())
            }
        } catch let error as InputError {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        print("source\ttarget\tconfidence\tlength-delta")
        for pair in document.captionPairs {
            let target = pair.target.map { String(document.blocks[$0].firstLine) } ?? "none"
            let delta = pair.lengthDelta.map { String(format2: $0) } ?? "-"
            print("\(document.blocks[pair.source].firstLine)\t\(target)\t\(String(format2: pair.confidence))\t\(delta)")
            guard entities, let alignment = document.entities[pair.source] else { continue }
            print("  source:\(list(alignment.source, alignment.sourceWordCounterparts, document))")
            print("  target:\(list(alignment.target, alignment.targetWordCounterparts, document))")
        }
    }

    /// " +Владимир Владимиров(known; Владимир=Vladimir)": matched or not, the entity, what it is, and
    /// which names of the other side its words correspond to.
    private func list(_ entities: [EntityAlignment.Entity], _ counterparts: [Int: [Range<Int>]], _ document: Document) -> String {
        let text = document.buffer.string
        return entities.map { entity in
            let marks = [entity.isAcronym ? "acronym" : nil, entity.isCommon ? "common" : nil, entity.isDictionaryKnown ? "known" : nil]
                .compactMap { $0 }.joined(separator: ",")
            let pairs = entity.words.compactMap { word in
                counterparts[word.lowerBound].flatMap { $0.isEmpty ? nil : text(word) + "=" + $0.map(text).joined(separator: "/") }
            }.joined(separator: " ")
            let notes = [marks, pairs].filter { !$0.isEmpty }.joined(separator: "; ")
            return " \(entity.matched ? "+" : "-")\(text(entity.range))" + (notes.isEmpty ? "" : "(\(notes))")
        }.joined(separator: " ")
    }
}
