import ArgumentParser
import MTCore
import MTReporters

struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how source-language captions pair with their translations.",
        discussion: """
            For each source caption: its line, the line of its translation (or 'none'), the aligner's \
            score for the pair (0–1; a pair needs 0.40) and the Gale–Church length δ (how many standard \
            deviations longer (+) or shorter (−) the translation is than the source predicts), then both \
            texts, clipped. A caption without counterpart says why: no target-language block near it could \
            be its translation (there is none, or none is about as long), its nearest candidate scores too \
            low, or that candidate pairs better with another caption.

            With a FILE and --source FILE (the source article it was translated from), the two files' \
            sentences are aligned instead, and each bead is shown: the source lines and the translation's \
            lines it covers (line:column), the length δ, and both texts; a sentence without counterpart \
            says 'none' on the other side.

            With --entities, each aligned pair is followed by the names and acronyms found on each side, \
            '+' when the other side accounts for them and '-' when not: what unsupported-entity, \
            name-mismatch and missing-name reason from. --source and --target check one segment pair \
            instead of a file (the --stdin-jsonl segment mode of check). --format tsv writes one row per \
            caption with the whole texts, for scripts.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, tsv
    }

    @Argument(help: "Article file, or - for standard input (omit with --source and --target).")
    var file: String?

    @Option(help: "A source segment (with --target, instead of a file); with a FILE, the source article FILE was translated from.")
    var source: String?

    @Option(help: "Its translation (with --source).")
    var target: String?

    @Flag(help: "List each pair's names and acronyms and whether the other side accounts for them.")
    var entities = false

    @Option(help: "Output format: text (for people) or tsv (source line, target line, score, δ, source text, target text).")
    var format: Format = .text

    @OptionGroup var languages: LanguageOptions

    func validate() throws {
        switch (file, source, target) {
        case (.some, nil, nil), (nil, .some, .some), (.some, .some, nil): break
        default: throw ValidationError("give either a FILE (or - for standard input) or both --source and --target")
        }
    }

    func run() throws {
        let pair = try languages.pair()
        let document: Document
        do {
            if let source, let target {
                document = Document(segmentID: "segment", source: source, target: target, pair: pair)
            } else if let source, let file {
                document = try TranslationFile(FilePath(argument: file), source: FilePath(argument: source))
                    .read(pair: pair, knowledge: .bundled, maximumSize: DocumentReader.defaultMaximumSize)
            } else {
                document = try (file == "-" ? Input.standardInput : Input.file(FilePath(argument: file!))).reader()
                    .read(pair: pair, knowledge: .bundled, maximumSize: DocumentReader.defaultMaximumSize)
            }
        } catch {
            warn("mtlint: \(error)")
            throw ExitCode(2)
        }
        let text = document.buffer.string
        if document.sourceFile != nil { return showBeads(document) }
        if format == .tsv { say("source-line\ttarget-line\tscore\tlength-delta\tsource\ttarget") }
        if format == .text, document.captionPairs.isEmpty { say("\(document.path): no source-language captions") }
        for pair in document.captionPairs {
            let source = document.blocks[pair.source], target = pair.target.map { document.blocks[$0] }
            switch format {
            case .tsv:
                say([String(source.firstLine), target.map { String($0.firstLine) } ?? "none",
                       pair.confidence.map { String(format2: $0) } ?? "-", pair.lengthDelta.map { String(format2: $0) } ?? "-",
                       Self.cell(text(source.range)), target.map { Self.cell(text($0.range)) } ?? ""].joined(separator: "\t"))
            case .text:
                let delta = pair.lengthDelta.map { ", length δ " + ($0 > 0 ? "+" : "") + String(format2: $0) } ?? ""
                say("line \(source.firstLine): \(pair.decision(document.blocks))\(delta)")
                say("  \(document.pair.source.code)  \(Self.clipped(text(source.range)))".escapingControlCharacters)
                if let target { say("  \(document.pair.target.code)  \(Self.clipped(text(target.range)))".escapingControlCharacters) }
            }
            guard entities, let alignment = document.entities[pair.source] else { continue }
            say("  source:\(list(alignment.source, alignment.sourceWordCounterparts, document))")
            say("  target:\(list(alignment.target, alignment.targetWordCounterparts, document))")
        }
    }

    /// The sentence beads of a translation and its source file, in the translation's order.
    private func showBeads(_ document: Document) {
        let beads = document.beads
        func place(_ block: Block?) -> String {
            guard let block else { return "none" }
            let span = document.span(block.range)
            return "\(span.start.line):\(span.start.column)-\(span.end.line):\(span.end.column)"
        }
        if format == .tsv { say("source\ttarget\tlength-delta\tsource-text\ttarget-text") }
        for bead in beads {
            let delta = bead.lengthDelta.map { ($0 > 0 ? "+" : "") + String(format2: $0) }
            switch format {
            case .tsv:
                say([place(bead.source), place(bead.target), delta ?? "-", bead.source.map { Self.cell(document.text($0)) } ?? "",
                     bead.target.map { Self.cell(document.text($0)) } ?? ""].joined(separator: "\t"))
            case .text:
                let kind = bead.source == nil ? "added in the translation" : bead.target == nil ? "left out of the translation" : "length δ \(delta ?? "-")"
                say("source \(place(bead.source)) ↔ translation \(place(bead.target)): \(kind)")
                if let source = bead.source { say("  \(document.pair.source.code)  \(Self.clipped(document.text(source)))".escapingControlCharacters) }
                if let target = bead.target { say("  \(document.pair.target.code)  \(Self.clipped(document.text(target)))".escapingControlCharacters) }
            }
        }
    }

    /// A TSV cell: tabs and line breaks as spaces.
    static func cell(_ value: String) -> String {
        String(value.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// The text on one line, cut to `limit` characters with an ellipsis.
    static func clipped(_ text: String, limit: Int = 90) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
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
