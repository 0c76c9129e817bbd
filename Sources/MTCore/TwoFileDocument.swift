import Foundation
import Synchronization
import MTText

/// Where the source text of a two-file document sits in its buffer (after the translation and a line
/// break), to give positions in it in the source file's own lines, columns and offsets.
public struct SourceFile: Sendable {
    public let path: String
    /// Buffer offset (UTF-16) where the source text starts.
    public let start: Int
    /// Lines of the buffer before the source's first line.
    let lineShift: Int
    /// Buffer UTF-8 offset of the source's first byte, less the bytes before the text in the source file (a BOM).
    let utf8Shift: Int
    /// For a source text taken from a page: where it stands in the page (offsets from `start`).
    let map: FileMap?
    /// Sentences of both files, and those the aligner could not pair by their content (left out, added,
    /// or paired only because they sit at the same place).
    public let sentences: Int
    public let unsureSentences: Int

    /// The position in the source file of a buffer offset inside the source text (`end`: where the
    /// character before it ends, for a page).
    func position(at offset: Int, end: Bool, in buffer: TextBuffer) -> TextPosition {
        if let map { return map.position(at: offset - start, end: end) }
        let position = buffer.position(at: offset)
        return TextPosition(line: position.line - lineShift, column: position.column,
                            utf8Offset: position.utf8Offset - utf8Shift, utf16Offset: position.utf16Offset - start)
    }

    /// The line in the source file of a buffer offset inside the source text (no column is worked out).
    func line(at offset: Int, in buffer: TextBuffer) -> Int {
        if let map { return map.position(at: offset - start, end: false).line }
        return buffer.line(at: offset) - lineShift
    }
}

extension Document {
    /// A translation checked against its source article, two files (`check --source`). Both are split
    /// into sentences (each line a paragraph), the sentences aligned (`SentenceAligner`), and each bead
    /// becomes a pair of blocks that every bilingual rule compares, as it compares a caption and its
    /// translation; a source sentence left without counterpart is an unpaired source block, a sentence
    /// of the translation without source an unpaired target block. The buffer holds the translation,
    /// a line break, then the source: positions in the translation are the translation file's, and
    /// spans in the source are given in the source file (`sourceFile`).
    /// - Parameter translationMap, sourceMap: for a side taken from a page, where its text stands in the page.
    public init(translation: String, at path: String, byteOffset: Int = 0, source: String, at sourcePath: String,
                sourceByteOffset: Int = 0, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled,
                translationMap: FileMap? = nil, sourceMap: FileMap? = nil) {
        let buffer = TextBuffer(translation + "\n" + source, byteOffset: byteOffset)
        let start = translation.utf16.count + 1
        let segmenters = Classifier.Segmenters(pair)
        @Sendable func sentences(_ range: Range<Int>, _ segmenter: Segmenter) -> [Range<Int>] {
            var found: [Range<Int>] = []
            var lineStart = range.lowerBound
            let units = buffer.units
            for offset in range.lowerBound...range.upperBound where offset == range.upperBound || units[offset] == 0x0A {
                let line = buffer.trimmed(lineStart..<offset)
                if !line.isEmpty { found += segmenter.sentences(buffer, in: line) }
                lineStart = offset + 1
            }
            return found
        }
        let lexicon = knowledge.lexicon(for: pair)
        @Sendable func unit(_ range: Range<Int>, _ segmenter: Segmenter) -> SentenceAligner.Unit {
            let tokens = segmenter.tokens(buffer, in: range)
            let language = segmenter.language
            let words = tokens.filter { $0.kind == .word }.map { Normalizer.foldKey(buffer, $0.range) }.filter { !language.isStopword($0) }
            let length = CaptionAligner.letterCount(buffer, range)
            let numbers = CaptionAligner.numberAnchors(buffer, tokens)
            guard language.code == pair.source.code else {
                return SentenceAligner.Unit(length: length, numbers: numbers, stems: Set(words.map { language.stemOfFoldKey($0) }))
            }
            let renderings = words.map { lexicon.renderings(ofSourceWord: $0, stem: language.stemOfFoldKey($0)) }
            return SentenceAligner.Unit(length: length, numbers: numbers, renderings: renderings)
        }
        // The two sides are split and analysed at once, each on a thread with its own segmenter.
        let sides = Mutex([(sentences: [Range<Int>], units: [SentenceAligner.Unit])](repeating: ([], []), count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let segmenter = Segmenter(language: side == 0 ? pair.source : pair.target)
            let found = sentences(side == 0 ? start..<buffer.count : 0..<(start - 1), segmenter)
            let units = found.map { unit($0, segmenter) }
            sides.withLock { $0[side] = (found, units) }
        }
        let (sourceSide, targetSide) = sides.withLock { ($0[0], $0[1]) }
        let (sourceSentences, targetSentences) = (sourceSide.sentences, targetSide.sentences)
        let beads = SentenceAligner(ratio: pair.expectedLengthRatio).align(sourceSide.units, targetSide.units)
        let sourceFile = SourceFile(
            path: sourcePath, start: start, lineShift: buffer.line(at: start) - 1,
            utf8Shift: byteOffset + translation.utf8.count + 1 - sourceByteOffset, map: sourceMap,
            sentences: sourceSentences.count + targetSentences.count,
            unsureSentences: beads.filter(\.isUnsure).reduce(0) { $0 + $1.source.count + $1.target.count })
        // Blocks in buffer order (the translation's, then the source's), one per side of each bead.
        var targetBlocks: [(range: Range<Int>, bead: Int)] = [], sourceBlocks: [(range: Range<Int>, bead: Int)] = []
        for (number, bead) in beads.enumerated() {
            if let first = bead.target.first, let last = bead.target.last {
                targetBlocks.append((targetSentences[first].lowerBound..<targetSentences[last].upperBound, number))
            }
            if let first = bead.source.first, let last = bead.source.last {
                sourceBlocks.append((sourceSentences[first].lowerBound..<sourceSentences[last].upperBound, number))
            }
        }
        var blocks: [Block] = []
        var targetOfBead: [Int: Int] = [:]
        for item in targetBlocks {
            targetOfBead[item.bead] = blocks.count
            blocks.append(Classifier.block(index: blocks.count, range: item.range, language: .target, kind: .caption, buffer, pair, segmenters))
        }
        var pairs: [(Int, Int?)] = []
        for item in sourceBlocks {
            pairs.append((blocks.count, targetOfBead[item.bead]))
            let block = Classifier.block(index: blocks.count, range: item.range, language: .source, kind: .caption, buffer, pair, segmenters)
            blocks.append(block.inSourceFile(sourceFile, buffer))
        }
        self.init(path: path, buffer: buffer, blocks: blocks, pair: pair, knowledge: knowledge, forcedPairs: pairs, sourceFile: sourceFile,
                  fileMap: translationMap)
    }

    /// Reads a translation and its source article (each as `init(contentsOf:)` reads a file) and aligns
    /// them; two files that cannot be checked as a pair (`twoFileProblem`) are an `InputError`.
    /// - Parameter format: how to read the two files (`auto`: each by its extension).
    public init(contentsOf path: FilePath, source: FilePath, format: InputFormat = .auto, pair: LanguagePair = .russianEnglish,
                knowledge: Knowledge = .bundled, maximumSize: Int = DocumentReader.defaultMaximumSize) throws(InputError) {
        let translation = try format.text(of: path, pair: pair, maximumSize: maximumSize)
        let original = try format.text(of: source, pair: pair, maximumSize: maximumSize)
        self.init(translation: translation.text, at: path.description, byteOffset: translation.byteOffset,
                  source: original.text, at: source.description, sourceByteOffset: original.byteOffset, pair: pair, knowledge: knowledge,
                  translationMap: translation.map, sourceMap: original.map)
        if let problem = twoFileProblem { throw InputError(path: problem.file, reason: problem.reason) }
    }

    /// Why the two files cannot be checked as a source and its translation, in one line; nil when they
    /// can. A side mostly not in its language's script (two files in one language, or swapped), or too
    /// few sentences aligned (a source that is not this translation's: its rule findings would all be
    /// about a wrong pairing), is refused rather than reported sentence by sentence.
    public var twoFileProblem: (file: String, reason: String)? {
        guard let sourceFile else { return nil }
        for (language, range, name) in [(pair.source, sourceFile.start..<buffer.count, sourceFile.path), (pair.target, 0..<(sourceFile.start - 1), path)]
        where pair.scriptsDiffer {
            let counts = ScriptCounts.prose(buffer, range)
            if counts.letters > 0, counts.share(of: language.script) < 0.5 {
                return (name, "is not \(language.name) (\(Int((counts.share(of: language.script) * 100).rounded()))% of its letters are in \(language.name)'s script); "
                    + "give the source article with --source and its translation as the file")
            }
        }
        let (sentences, unsure) = (sourceFile.sentences, sourceFile.unsureSentences)
        if sentences >= 4, Double(unsure) > Self.unalignableShare * Double(sentences) {
            return (path, "does not align with \(sourceFile.path): \(unsure) of \(sentences) sentences have no counterpart they share words or numbers with; "
                + "is it a translation of that article?")
        }
        return nil
    }

    /// The share of sentences the aligner cannot pair by content above which two files are taken not
    /// to be a source and its translation. A translation that drops or adds a paragraph stays far below it:
    /// none of the 107 WMT21 dev articles with reference A, nor with one sentence removed, is refused.
    static let unalignableShare = 0.4

    /// The line of a buffer offset in the file it comes from (the source file's for the source text of
    /// two files, the page's for text read from a page).
    public func line(at offset: Int) -> Int {
        if let sourceFile, offset >= sourceFile.start { return sourceFile.line(at: offset, in: buffer) }
        if let fileMap { return fileMap.position(at: offset, end: false).line }
        return buffer.line(at: offset)
    }

    /// Where the translation reports on a source block of two files: the sentence aligned with it, or for
    /// a source sentence left without counterpart, the translation's sentence before the gap (`before`
    /// false) or, when the gap opens the article, its first sentence (`before` true). Nil when the
    /// translation has no sentences.
    public func translationAnchor(ofSource block: Int) -> (block: Int, before: Bool)? {
        var previous: Int?
        for pair in captionPairs {
            if pair.source == block {
                if let target = pair.target { return (target, false) }
                if let previous { return (previous, false) }
                return (captionPairs.lazy.compactMap(\.target).first ?? blocks.first { $0.language == .target }?.index).map { ($0, true) }
            }
            if let target = pair.target { previous = target }
        }
        return nil
    }

    /// Gale–Church δ of source blocks taken together against a target block, as `CaptionPair.lengthDelta`
    /// gives it for an aligned pair: how a bead's length fits when a neighbouring sentence joins it.
    public func lengthDelta(sources: [Int], target: Int) -> Double {
        CaptionAligner.lengthDelta(
            source: sources.reduce(0) { $0 + CaptionAligner.letterCount(buffer, blocks[$1].range) },
            target: CaptionAligner.letterCount(buffer, blocks[target].range), ratio: pair.expectedLengthRatio)
    }

    /// The range a finding about `range` is reported at: the range itself, or for a range in the source
    /// text of two files, the translation's sentence that stands for its source sentence
    /// (`translationAnchor`): every finding's place is in the translation, its source span in the source file.
    public func reportedRange(_ range: Range<Int>) -> Range<Int> {
        guard let sourceFile, range.lowerBound >= sourceFile.start,
              let source = blocks.first(where: { $0.language == .source && $0.range.lowerBound <= range.lowerBound && range.lowerBound <= $0.range.upperBound }),
              let anchor = translationAnchor(ofSource: source.index) else { return range }
        return blocks[anchor.block].range
    }

    /// Target blocks of a two-file document that no source sentence is aligned with (sentences the
    /// translation added); empty for other documents.
    public var unpairedTargetBlocks: [Block] {
        guard sourceFile != nil else { return [] }
        let paired = Set(captionPairs.compactMap(\.target))
        return blocks.filter { $0.language == .target && !paired.contains($0.index) }
    }

    /// One aligned unit of two files: source sentences and their translation, either side possibly absent.
    public struct Bead: Sendable {
        public let source: Block?
        public let target: Block?
        /// Gale–Church δ of the pair, when both sides are present.
        public let lengthDelta: Double?
    }

    /// Every bead of two files in the translation's order: the aligned pairs (`captionPairs`, a source
    /// sentence left out among them) with the translation's sentences that have no source in their places.
    public var beads: [Bead] {
        let added = unpairedTargetBlocks
        var beads: [Bead] = []
        var next = 0
        for pair in captionPairs {
            if let target = pair.target {
                while next < added.count, added[next].index < target {
                    beads.append(Bead(source: nil, target: added[next], lengthDelta: nil))
                    next += 1
                }
            }
            beads.append(Bead(source: blocks[pair.source], target: pair.target.map { blocks[$0] }, lengthDelta: pair.lengthDelta))
        }
        return beads + added[next...].map { Bead(source: nil, target: $0, lengthDelta: nil) }
    }
}
