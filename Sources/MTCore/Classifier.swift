import MTText

/// Splits an article into blocks and says what each one is, from script statistics and
/// structure alone:
///
/// - a block is a line, or a run of hard-wrapped lines of one language (each but the last at least
///   `wrappedLineLength` long); a credit line ("Photo: …") is a block of its own;
/// - body paragraphs are long target-language blocks; what comes before the first and after the
///   last is the page's head and tail, where short lines without sentence punctuation are page furniture
///   (except a title of three words or more right before the first paragraph);
/// - lines matching an interface phrase (`PageTextKind.interface`) are furniture anywhere;
/// - source-language blocks between body paragraphs, or followed by a credit (directly or after their
///   translation), are captions; long ones are untranslated paragraphs;
/// - short target blocks without sentence punctuation between paragraphs are headings.
enum Classifier {
    /// A line this long may be hard-wrapped: the next non-blank line continues its block.
    static let wrappedLineLength = 50
    /// Blocks of at least this many words are body paragraphs.
    static let bodyWords = 12
    /// …or of this many words if they end a sentence.
    static let bodyWordsWithPunctuation = 6
    /// Head and tail lines up to this many words (without sentence punctuation) are furniture.
    static let furnitureWords = 4
    /// The line before the first paragraph is a title, not furniture, from this many words.
    static let titleWords = 3
    /// Headings are at most this long.
    static let headingWords = 15
    /// Source-language blocks longer than this are untranslated paragraphs, not captions.
    static let captionWords = 80

    private struct Line {
        let range: Range<Int>
        let number: Int
        let language: BlockLanguage
        let isCredit: Bool
    }

    /// - Parameter breaks: lines that start a block whatever the line before (`CaptionAligner.galleryBreaks`).
    static func blocks(in buffer: TextBuffer, pair: LanguagePair, knowledge: Knowledge, breakingBefore breaks: Set<Int> = []) -> [Block] {
        var groups: [[Line]] = []
        var current: [Line] = []
        for number in 1...buffer.lineCount {
            let range = buffer.trimmed(buffer.lineRange(number))
            // A suppression directive is not part of the article.
            if range.isEmpty || SuppressionDirective.isDirective(buffer, range) {
                if !current.isEmpty { groups.append(current) }
                current = []
                continue
            }
            let line = Line(
                range: range, number: number, language: language(of: buffer, range, pair),
                isCredit: isCredit(buffer, range, pair, knowledge))
            if let previous = current.last,
               line.isCredit || previous.isCredit || previous.range.count < wrappedLineLength || breaks.contains(number)
                || (line.language != previous.language && line.language != .neutral) {
                groups.append(current)
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty { groups.append(current) }

        let segmenters = Segmenters(pair)
        var blocks = groups.enumerated().map { index, lines in
            let range = lines.first!.range.lowerBound..<lines.last!.range.upperBound
            let language = lines.first { $0.language != .neutral }?.language ?? .neutral
            return block(index: index, range: range, language: language, kind: lines.first!.isCredit ? .credit : .paragraph,
                         buffer, pair, segmenters)
        }
        classify(&blocks, buffer, pair, knowledge)
        return blocks
    }

    /// One segmenter per language of the pair, reused for every block of a document.
    struct Segmenters {
        let source: Segmenter
        let target: Segmenter

        init(_ pair: LanguagePair) {
            source = Segmenter(language: pair.source)
            target = Segmenter(language: pair.target)
        }
    }

    /// A block over `range`, segmented in its language.
    static func block(
        index: Int, range: Range<Int>, language: BlockLanguage, kind: BlockKind, _ buffer: TextBuffer, _ pair: LanguagePair,
        _ segmenters: Segmenters? = nil
    ) -> Block {
        let segmenters = segmenters ?? Segmenters(pair)
        let segmenter = language == .source ? segmenters.source : segmenters.target
        return Block(
            index: index, range: range, firstLine: buffer.line(at: range.lowerBound),
            lastLine: buffer.line(at: max(range.lowerBound, range.upperBound - 1)),
            language: language, kind: kind,
            tokens: segmenter.tokens(buffer, in: range), sentences: segmenter.sentences(buffer, in: range))
    }

    private static func classify(_ blocks: inout [Block], _ buffer: TextBuffer, _ pair: LanguagePair, _ knowledge: Knowledge) {
        let body = Set(blocks.indices.filter { i in
            let block = blocks[i]
            guard block.language == .target, block.kind != .credit else { return false }
            return block.wordCount >= bodyWords
                || (block.wordCount >= bodyWordsWithPunctuation && endsSentence(buffer, block))
        })
        let firstBody = body.min()
        let bodyZone = (firstBody ?? 0)...(body.max() ?? blocks.count)
        let credits = Set(blocks.indices.filter { blocks[$0].kind == .credit })
        for i in blocks.indices where blocks[i].kind != .credit {
            let block = blocks[i]
            let language = block.language == .source ? pair.source : pair.target
            let short = block.wordCount <= furnitureWords && !endsSentence(buffer, block)
            // A photo caption carries a credit right after it, or after its translation.
            let credited = credits.contains(i + 1)
                || (block.language == .source && blocks.indices.contains(i + 1) && blocks[i + 1].language == .target
                    && credits.contains(i + 2))
            // The line right before the first paragraph, if it has a few words, is the article's title.
            let title = block.language == .target && i + 1 == firstBody && block.wordCount >= titleWords
            if isInterfacePhrase(buffer, block.range, language, knowledge) || (!bodyZone.contains(i) && short && !credited && !title) {
                blocks[i].kind = .furniture
            } else if block.language == .source {
                blocks[i].kind = (bodyZone.contains(i) || credited) && block.wordCount <= captionWords ? .caption : .paragraph
            } else if !body.contains(i), block.wordCount <= headingWords, !endsSentence(buffer, block) {
                blocks[i].kind = .heading
            } else {
                blocks[i].kind = .paragraph
            }
        }
    }

    private static func language(of buffer: TextBuffer, _ range: Range<Int>, _ pair: LanguagePair) -> BlockLanguage {
        let counts = ScriptCounts(buffer, range)
        guard counts.letters > 0 else { return .neutral }
        guard pair.scriptsDiffer else { return .target }
        return counts.share(of: pair.source.script) > 0.5 ? .source : .target
    }

    /// A line that opens with a credit label of either language followed by a colon.
    private static func isCredit(_ buffer: TextBuffer, _ range: Range<Int>, _ pair: LanguagePair, _ knowledge: Knowledge) -> Bool {
        guard let colon = buffer.units[range].firstIndex(of: 0x3A) else { return false }
        let label = Normalizer.foldKey(buffer, buffer.trimmed(range.lowerBound..<colon))
        return [pair.source, pair.target].contains { knowledge.pageText(.creditLabel, in: $0).contains(label) }
    }

    private static func isInterfacePhrase(_ buffer: TextBuffer, _ range: Range<Int>, _ language: Language, _ knowledge: Knowledge) -> Bool {
        let key = Normalizer.foldKey(buffer, range)
        return knowledge.pageText(.interface, in: language).contains { phrase in
            phrase.hasSuffix("…") ? key.hasPrefix(phrase.dropLast()) : key == phrase
        }
    }

    /// Whether the block's last character (before closing quotes and brackets) ends a sentence.
    static func endsSentence(_ buffer: TextBuffer, _ block: Block) -> Bool {
        let closers: Set<UInt16> = [0x22, 0x27, 0xBB, 0x201D, 0x2019, 0x29, 0x5D]  // " ' » ” ’ ) ]
        let terminals: Set<UInt16> = [0x2E, 0x21, 0x3F, 0x2026]  // . ! ? …
        var i = block.range.upperBound - 1
        while i >= block.range.lowerBound, closers.contains(buffer.units[i]) { i -= 1 }
        return i >= block.range.lowerBound && terminals.contains(buffer.units[i])
    }
}
