import Dispatch
import Synchronization
import MTText

/// The languages of a translation: what the article was translated from and into.
public struct LanguagePair: Sendable, Hashable, CustomStringConvertible {
    public let source: Language
    public let target: Language

    public init(source: Language, target: Language) {
        self.source = source
        self.target = target
    }

    public static let russianEnglish = LanguagePair(source: .russian, target: .english)

    public var description: String { "\(source.code)→\(target.code)" }

    /// The pairs mtlint offers (`Data/language-pairs.tsv`): each measured against the precision budget
    /// on thousands of correct translations. Rows naming unknown languages are left out.
    public static let offered: [LanguagePair] = KnowledgeFile.rows(named: "language-pairs.tsv").compactMap { row in
        guard row.count >= 2, let source = Language.named(row[0]), let target = Language.named(row[1]) else { return nil }
        return LanguagePair(source: source, target: target)
    }

    public var isOffered: Bool { Self.offered.contains(self) }

    /// Whether the two languages can be told apart by script statistics alone.
    public var scriptsDiffer: Bool { source.script != target.script }
}

/// Which language a block is written in.
public enum BlockLanguage: String, Sendable, Hashable {
    case source, target
    /// No letters (numbers, symbols).
    case neutral
}

/// What a block is on the page.
public enum BlockKind: String, Sendable, Hashable {
    case heading, paragraph, caption, credit, furniture
}

/// A paragraph-like unit of an article: one or more consecutive lines of one language.
public struct Block: Sendable {
    public let index: Int
    /// The block's text (trimmed) in the document buffer.
    public let range: Range<Int>
    /// The lines of its first and last character, in the document's file.
    public internal(set) var firstLine: Int
    public internal(set) var lastLine: Int
    public let language: BlockLanguage
    public internal(set) var kind: BlockKind
    /// Words, numbers and punctuation.
    public let tokens: [Token]
    public let sentences: [Range<Int>]

    public var wordCount: Int { tokens.lazy.filter(\.isWordLike).count }

    /// The index in `tokens` of the token that starts at `offset` (a binary search).
    public func tokenIndex(at offset: Int) -> Int? {
        let index = tokens.partitionPoint { $0.range.lowerBound >= offset }
        return index < tokens.count && tokens[index].range.lowerBound == offset ? index : nil
    }
    public var isSourceCaption: Bool { kind == .caption && language == .source }
}

/// A source-language caption and the target caption it was translated into, if any.
public struct CaptionPair: Sendable, Hashable {
    /// Block index of the source caption.
    public let source: Int
    /// Block index of its target counterpart; `nil` when it has none.
    public let target: Int?
    /// 0…1: the aligner's score for the pairing; `nil` when the caption has no counterpart.
    public let confidence: Double?
    /// Gale–Church δ of the pair: the target's length in standard deviations from what the
    /// source's length predicts (negative: shorter). `nil` without a target.
    public let lengthDelta: Double?
    /// For a caption left without counterpart: the best-scoring target block it was compared with,
    /// and its score (below the pairing threshold, or the block paired better with another caption).
    /// `nil` when no target block was a candidate.
    public let nearest: Candidate?

    public struct Candidate: Sendable, Hashable {
        public let block: Int
        public let score: Double
    }

    init(source: Int, target: Int?, confidence: Double?, lengthDelta: Double?, nearest: Candidate? = nil) {
        self.source = source
        self.target = target
        self.confidence = confidence
        self.lengthDelta = lengthDelta
        self.nearest = nearest
    }

    /// The aligner's decision in words, for people: "paired with line 13 (score 0.87)", or why the
    /// caption has no counterpart.
    public func decision(_ blocks: [Block]) -> String {
        if let target {
            return "paired with line \(blocks[target].firstLine) (\(confidence.map { "score " + String(format2: $0) } ?? "given as a segment pair"))"
        }
        guard let nearest else { return "no counterpart: no target-language block near it could be its translation" }
        let line = blocks[nearest.block].firstLine, score = String(format2: nearest.score)
        return nearest.score < CaptionAligner.threshold
            ? "no counterpart: the nearest candidate, line \(line), scores \(score) (a pair needs \(String(format2: CaptionAligner.threshold)))"
            : "no counterpart: its best candidate, line \(line) (score \(score)), pairs better with another caption"
    }
}

/// An article read, segmented, classified and aligned: what rules look at.
public struct Document: Sendable {
    public let path: String
    public let buffer: TextBuffer
    public let pair: LanguagePair
    /// The tables the document was read with: the bundled data and a project's additions.
    public let knowledge: Knowledge
    public let blocks: [Block]
    public let captionPairs: [CaptionPair]
    /// Organisation mentions by block index.
    public let organisations: [[OrganisationMention]]
    /// Names and acronyms of each aligned caption pair, by source block index; computed on first
    /// use (it loads the bilingual lexicon, which `mtlint align` does not need).
    public var entities: [Int: EntityAlignment] {
        analyses.entities.value { Self.entityAlignments(of: captionPairs[...], blocks, buffer, pair, knowledge, wordKeys) }
    }
    /// Aligned caption pairs as (source block, target block), where the source is written in its
    /// language's script: a garbled or foreign source gives the comparisons nothing to go on. What every
    /// bilingual rule compares; found once per document, on first use.
    public var alignedCaptions: [(source: Block, target: Block)] {
        analyses.alignedCaptions.value {
            captionPairs.compactMap { captionPair in
                captionPair.target.map { (blocks[captionPair.source], blocks[$0]) }.flatMap { Self.isInItsScript($0.0, buffer, pair) ? $0 : nil }
            }
        }
    }
    /// `<!-- mtlint-disable-next-line … -->` lines, found on first use.
    public var suppressionDirectives: [SuppressionDirective] {
        analyses.directives.value { SuppressionDirective.directives(in: buffer, fileMap: fileMap) }
    }
    /// Whether the document is one segment pair (`--stdin-jsonl`) or the aligned sentences of two
    /// files: its texts are sentences cut from paragraphs, so a quotation may open in one segment and
    /// close in the next.
    public let isSegmentPair: Bool
    /// For a translation checked against its source file (`check --source`): where the source's text
    /// starts in the buffer (after the translation's), so that spans in it are given in the source file.
    public let sourceFile: SourceFile?
    /// For text taken from a file in another format (an HTML page): where each stretch of the buffer
    /// stands in that file, so that findings are given in it.
    public let fileMap: FileMap?
    /// The units of a bilingual file (XLIFF, TMX, PO, a table), in the file's order; empty for other documents.
    public let units: [Unit]
    /// Every word of the document interned once (`WordTable`: its form's id, fold key and stem): rules
    /// compare these instead of folding and stemming the same words again.
    /// The key of each token of each block (`nil` for punctuation), by block index and token index.
    private let wordKeys: [[WordKey?]]
    /// What several rules read of the document and of each block, found on first use (`DocumentAnalyses`).
    private let analyses: DocumentAnalyses

    /// - Parameter fileMap: for text taken from a file in another format (`HTMLFile`), where its text stands in the file.
    /// - Parameter figures: stretches of the text that are figures: a caption in one pairs only with text of it.
    public init(path: String, text: String, byteOffset: Int = 0, fileMap: FileMap? = nil, figures: [Range<Int>] = [],
                pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled) {
        let buffer = TextBuffer(text, byteOffset: byteOffset)
        self.init(path: path, buffer: buffer, blocks: Classifier.blocks(in: buffer, pair: pair, knowledge: knowledge), pair: pair,
                  knowledge: knowledge, fileMap: fileMap, figures: figures)
    }

    /// The text of a page or Markdown article, read as an article with its figures.
    public init(path: String, markup: MarkupText, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled) {
        self.init(path: path, text: markup.text, fileMap: markup.map, figures: markup.figures, pair: pair, knowledge: knowledge)
    }

    /// A source segment and its translation, checked as one aligned caption pair (the `--stdin-jsonl`
    /// segment mode). The text is the source, a line break, then the target: line 1 is the source
    /// when neither has line breaks of its own.
    public init(segmentID id: String, source: String, target: String, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled) {
        let buffer = TextBuffer(source + "\n" + target)
        // (Counted by scalars: `utf16.count` of a non-ASCII string builds an index of it first.)
        let sourceEnd = source.unicodeScalars.reduce(0) { $0 + UTF16.width($1) }
        let blocks = [
            Classifier.block(index: 0, range: buffer.trimmed(0..<sourceEnd), language: .source, kind: .caption, buffer, pair),
            Classifier.block(index: 1, range: buffer.trimmed((sourceEnd + 1)..<buffer.count), language: .target, kind: .caption, buffer, pair),
        ]
        self.init(path: id, buffer: buffer, blocks: blocks, pair: pair, knowledge: knowledge, forcedPairs: [(0, 1)])
    }

    /// - Parameter forcedPairs: source and target block indices given as aligned (a segment pair, or the
    ///   sentence beads of two files), a nil target for a source left untranslated; the caption aligner otherwise.
    init(path: String, buffer: TextBuffer, blocks: [Block], pair: LanguagePair, knowledge: Knowledge, forcedPairs: [(Int, Int?)]? = nil,
         sourceFile: SourceFile? = nil, fileMap: FileMap? = nil, units: [Unit] = [], figures: [Range<Int>] = []) {
        self.path = path
        self.units = units
        self.pair = pair
        self.knowledge = knowledge
        self.sourceFile = sourceFile
        self.fileMap = fileMap
        isSegmentPair = forcedPairs != nil
        var blocks = blocks
        Preload.start(blocks: blocks, pair: pair, knowledge: knowledge)
        var (wordKeys, organisations, aligner) = Self.analyse(blocks, buffer, pair, knowledge, figures)
        if forcedPairs == nil {
            // A gallery's translations on consecutive lines were joined as one wrapped block: split them.
            let breaks = aligner.galleryBreaks()
            if !breaks.isEmpty {
                blocks = Classifier.blocks(in: buffer, pair: pair, knowledge: knowledge, breakingBefore: Set(breaks))
                (wordKeys, organisations, aligner) = Self.analyse(blocks, buffer, pair, knowledge, figures)
            }
        }
        captionPairs = forcedPairs.map { pairs in
            pairs.map { source, target in
                CaptionPair(source: source, target: target, confidence: nil, lengthDelta: target.map { aligner.lengthDelta(source: source, target: $0) })
            }
        } ?? aligner.align()
        for case let target? in captionPairs.map(\.target) { blocks[target].kind = .caption }
        if let fileMap {
            // Lines are the file's from here on (the aligner above counted the buffer's); a source file's
            // blocks have theirs already.
            for i in blocks.indices where sourceFile.map({ blocks[i].range.lowerBound < $0.start }) ?? true {
                blocks[i].firstLine = fileMap.position(at: blocks[i].range.lowerBound, end: false).line
                blocks[i].lastLine = fileMap.position(at: blocks[i].range.upperBound, end: !blocks[i].range.isEmpty).line
            }
        }
        self.wordKeys = wordKeys
        analyses = DocumentAnalyses(blockCount: blocks.count)
        self.buffer = buffer
        self.blocks = blocks
        self.organisations = organisations
    }

    /// The names and acronyms of each aligned pair among `pairs`, by source block index.
    private static func entityAlignments(of pairs: ArraySlice<CaptionPair>, _ blocks: [Block], _ buffer: TextBuffer,
                                         _ pair: LanguagePair, _ knowledge: Knowledge, _ wordKeys: [[WordKey?]]) -> [Int: EntityAlignment] {
        knowledge.entityMemos(for: pair).withMemo { memo in
            var entities: [Int: EntityAlignment] = [:]
            for captionPair in pairs {
                guard let target = captionPair.target else { continue }
                entities[captionPair.source] = EntityAlignment(
                    source: blocks[captionPair.source], target: blocks[target], buffer: buffer, pair: pair, knowledge: knowledge,
                    sourceKeys: wordKeys[captionPair.source], targetKeys: wordKeys[target], memo: &memo)
            }
            return entities
        }
    }

    /// Computes the analyses that several rules share on `threads` threads, before the rules run
    /// (otherwise each is computed on first use, on the thread that asks): a long document checked
    /// alone keeps every thread busy. The names and acronyms of its pairs, in one run of consecutive
    /// pairs per thread (each with its own memo of words: the same result as one run, since a memo's
    /// entries are functions of their keys). They are computed
    /// whether or not a rule reads them: every rule set mtlint runs has rules that do.
    public func prepare(threads: Int) {
        let pairs = captionPairs.filter { $0.target != nil }
        guard threads > 1, pairs.count > 1 else { return }
        _ = analyses.entities.value {
            let chunks = min(threads, pairs.count)
            let parts = Mutex([[Int: EntityAlignment]](repeating: [:], count: chunks))
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (pairs.count * chunk / chunks)..<(pairs.count * (chunk + 1) / chunks)
                let part = Self.entityAlignments(of: pairs[range], blocks, buffer, pair, knowledge, wordKeys)
                parts.withLock { $0[chunk] = part }
            }
            return parts.withLock { $0.reduce(into: [:]) { $0.merge($1) { first, _ in first } } }
        }
    }

    /// Each word's fold key and stem, once per document, kept per block beside its tokens (an array per
    /// block stays in cache where one table of a long document's words does not): organisation names,
    /// content words, caption alignment and entity alignment all compare these.
    private static func analyse(_ blocks: [Block], _ buffer: TextBuffer, _ pair: LanguagePair, _ knowledge: Knowledge, _ figures: [Range<Int>])
        -> (wordKeys: [[WordKey?]], organisations: [[OrganisationMention]], aligner: CaptionAligner) {
        // Each language's words interned at once (`WordTable`), then handed back to their blocks.
        var wordKeys: [[WordKey?]] = blocks.map { [WordKey?](repeating: nil, count: $0.tokens.count) }
        for (language, isSource) in [(pair.source, true), (pair.target, false)] {
            var words: [(block: Int, token: Int)] = [], ranges: [Range<Int>] = []
            for (b, block) in blocks.enumerated() where (block.language == .source) == isSource {
                for (t, token) in block.tokens.enumerated() where token.isWordLike {
                    words.append((b, t))
                    ranges.append(token.range)
                }
            }
            let keys = WordTable.of(language).keys(buffer, ranges)
            for (word, key) in zip(words, keys) { wordKeys[word.block][word.token] = key }
        }
        let organisations = zip(blocks, wordKeys).map { block, keys in
            knowledge.organisationMatcher(for: block.language == .source ? pair.source : pair.target)
                .mentions(in: buffer, tokens: block.tokens, keys: keys)
        }
        let aligner = CaptionAligner(buffer: buffer, pair: pair, knowledge: knowledge, blocks: blocks, organisations: organisations, wordKeys: wordKeys,
                                     figures: figures)
        return (wordKeys, organisations, aligner)
    }

    /// What several rules read of a block, found once per document.
    func analyses(_ block: Block) -> BlockAnalyses { analyses.blocks[block.index] }

    /// The interned forms of a block's tokens, by token index (`nil` for punctuation).
    public func keys(of block: Block) -> [WordKey?] {
        block.index < wordKeys.count && wordKeys[block.index].count == block.tokens.count
            ? wordKeys[block.index] : block.tokens.map { $0.isWordLike ? key($0, in: block) : nil }
    }

    /// The interned form of a word token of this document (its fold key and stem), found once per document.
    public func key(_ token: Token, in block: Block) -> WordKey {
        if block.index < wordKeys.count, let i = block.tokenIndex(at: token.range.lowerBound), let key = wordKeys[block.index][i] {
            return key
        }
        return WordTable.of(language(of: block)).keys(buffer, [token.range])[0]
    }

    /// Reads a file (see `DocumentReader`).
    public init(contentsOf path: String, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled,
                maximumSize: Int = DocumentReader.defaultMaximumSize) throws(InputError) {
        try self.init(contentsOf: FilePath(path), pair: pair, knowledge: knowledge, maximumSize: maximumSize)
    }

    /// Reads a file by the bytes of its path; the document's `path` shows them (`FilePath.description`).
    public init(contentsOf path: FilePath, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled,
                maximumSize: Int = DocumentReader.defaultMaximumSize) throws(InputError) {
        let decoded = try DocumentReader.read(path: path, maximumSize: maximumSize)
        self.init(path: path.description, text: decoded.text, byteOffset: decoded.byteOffset, pair: pair, knowledge: knowledge)
    }

    /// The bilingual lexicon of the document's pair and knowledge.
    public var lexicon: BilingualLexicon { knowledge.lexicon(for: pair) }

    public func language(of block: Block) -> Language {
        block.language == .source ? pair.source : pair.target
    }

    /// The span of a range of the buffer, in the file it comes from: the translation's, or for a range
    /// in the source text of two files, the source file's (`Span.inSourceFile`).
    public func span(_ range: Range<Int>) -> Span {
        if let sourceFile, range.lowerBound >= sourceFile.start {
            return Span(start: sourceFile.position(at: range.lowerBound, end: false, in: buffer),
                        end: sourceFile.position(at: range.upperBound, end: !range.isEmpty, in: buffer),
                        text: buffer.string(range), inSourceFile: true, bufferRange: range)
        }
        if let fileMap {
            return Span(start: fileMap.position(at: range.lowerBound, end: false), end: fileMap.position(at: range.upperBound, end: !range.isEmpty),
                        text: buffer.string(range), bufferRange: range)
        }
        return Span(start: buffer.position(at: range.lowerBound), end: buffer.position(at: range.upperBound), text: buffer.string(range))
    }

    public func text(_ block: Block) -> String { buffer.string(block.range) }

    /// Whether a block is written in its language's script (more than half of its letters, as the
    /// classifier decides an article's lines): a source segment garbled by a wrong encoding
    /// ("Ðåöåíçèÿ" for "Рецензия") or in a third language cannot be compared with its translation.
    /// True for a pair of languages with one script, and for a block without letters. Addresses
    /// (URLs, e-mail addresses, handles) are not counted: they are Latin in any language.
    public func isInItsScript(_ block: Block) -> Bool {
        Self.isInItsScript(block, buffer, pair)
    }

    private static func isInItsScript(_ block: Block, _ buffer: TextBuffer, _ pair: LanguagePair) -> Bool {
        guard pair.scriptsDiffer else { return true }
        let counts = ScriptCounts.prose(buffer, block.range)
        return counts.letters == 0 || counts.share(of: (block.language == .source ? pair.source : pair.target).script) > 0.5
    }

    /// The source caption a target block translates, when the aligner paired them.
    public func alignedSource(of block: Block) -> Block? {
        captionPairs.first { $0.target == block.index }.map { blocks[$0.source] }
    }

    /// The translated text proper: target-language paragraphs, headings and captions.
    public var targetTextBlocks: [Block] {
        analyses.targetTextBlocks.value { blocks.filter { $0.language == .target && [.paragraph, .heading, .caption].contains($0.kind) } }
    }

    /// Words of the target text, the denominator of the score.
    public var targetWordCount: Int {
        blocks.filter { $0.language != .source }.reduce(0) { $0 + $1.wordCount }
    }

    /// Why an article's findings may mean it is not a translation of this pair at all: more of its
    /// words are in the source language than in the target (an original, or the other direction);
    /// nil for a translation. For a segment pair, always nil.
    public var directionWarning: String? {
        guard !isSegmentPair else { return nil }
        let sourceWords = blocks.filter { $0.language == .source }.reduce(0) { $0 + $1.wordCount }
        let targetWords = targetWordCount
        guard sourceWords > targetWords else { return nil }
        return "\(path): mostly \(pair.source.name) (\(sourceWords) \(pair.source.name) words, \(targetWords) \(pair.target.name)); "
            + "mtlint checks \(pair.source.name) → \(pair.target.name) translations: is this the original, or a translation the other way?"
    }
}

extension Collection {
    /// The index of the first element for which `predicate` holds, in a collection where it holds
    /// for a suffix (binary search); `endIndex` when it holds for none.
    package func partitionPoint(where predicate: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if predicate(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
