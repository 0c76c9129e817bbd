import MTCore
import MTText

/// MT103: a phrase repeated inside one sentence or caption, or a whole sentence repeated.
public struct DuplicatedPhrase: ConfigurableRule {
    static let minimumWordsOption = RuleOption.integer(
        "minimum-words", 3, in: 2...20, "Shortest repeated run of content words inside a sentence that counts (a run of just this many is minor).",
        provenance: """
            Issue 8: on DEMETR dev, 2 and 3 both flag no correct sentence, but 2 flags correct organisation \
            names that share two words ("the Collective Security Council of the Collective Security Treaty \
            Organization", a non-triggering example); 4 loses a planted repeat of the gold articles. 3 is kept.
            """)
    static let minimumSentenceWordsOption = RuleOption.integer(
        "minimum-sentence-words", 4, in: 1...100, "Shortest sentence, in content words, whose repetition counts.",
        provenance: "Set by hand, not measured apart: shorter sentences (\"He said.\", \"Read more.\") recur in correct articles.")

    /// Shortest repeated run of content words that counts.
    let minimumWords: Int
    /// Shortest sentence (in content words) whose repetition counts.
    let minimumSentenceWords: Int

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        minimumWords = configuration.integer(Self.minimumWordsOption)
        minimumSentenceWords = configuration.integer(Self.minimumSentenceWordsOption)
    }

    static let candidatesPerKey = 8
    /// Longest sentence (in content words) compared with the one before it: bounds the quadratic
    /// comparison on degenerate input; real sentences are far shorter.
    static let maximumRestatementWords = 150

    public let description = RuleDescription(
        code: "MT103",
        id: "duplicated-phrase",
        summary: "A phrase of three or more content words is repeated inside one sentence, or a sentence is repeated.",
        rationale: """
            Machine translation sometimes emits part of a sentence twice, typically long noun phrases of \
            caption text. Within one sentence (a whole caption counts as one) a run of three or more content \
            words that occurs again is reported at its second occurrence, with the first as a related \
            location. Repetition across sentences is normal ("0.9% of GDP" in two sentences) and only a whole \
            repeated sentence is reported, or a sentence whose content words all stand, in order, in the \
            sentence just before it (all but one in ten: a part of that sentence emitted again as a sentence). \
            A caption repeats faithfully when its source says the same thing twice ("министр иностранных дел \
            России и министр иностранных дел Армении"): most words of the repeated run that have a counterpart \
            in the source have two (by the bilingual word list or the same spelling, "м/с" = "m/s"); so does a \
            unit after two quantities ("50 thousand cubic meters per second … 60 thousand cubic meters per \
            second"), and a title the source quotes in the original besides translating it. With the source \
            article beside it (two files, or an aligned caption), a sentence whose source repeats an earlier \
            source sentence repeats faithfully (a headline restated at the end, a refrain); in a bilingual file \
            (XLIFF, PO…) only repetition inside a unit counts, its units being separate segments. A run of \
            just three words is minor: it may be parallel structure ("forcing companies to decrypt …, forcing \
            companies to provide …").
            """,
        mqm: .addition,
        severity: .major,
        options: [Self.minimumWordsOption, Self.minimumSentenceWordsOption],
        triggering: [
            RuleExample("""
            Soldiers at the exercise of the Collective Rapid Reaction Forces in Kyrgyzstan of the ⟦Collective Rapid Reaction Forces in Kyrgyzstan⟧ last year.
            """, messages: ["'Collective Rapid Reaction Forces in Kyrgyzstan' repeats 'Collective Rapid Reaction Forces in Kyrgyzstan' in the same sentence"]),
            RuleExample("""
            The central bank kept its key rate unchanged on Friday. Analysts had expected a cut. ⟦The central bank kept its key rate unchanged on Friday.⟧
            """, messages: ["sentence repeated from line 1"]),
            RuleExample("""
            The governor opened the new bridge over the river on Monday morning, the regional press service said. ⟦The governor opened the new bridge over the river on Monday.⟧
            """, messages: ["sentence repeats most of the sentence before it"]),
        ],
        nonTriggering: [
            """
            The deficit reached 0.9% of GDP in the first quarter. By the end of the year it is expected to stay near 0.9% of GDP.
            """,
            """
            The Collective Security Council of the Collective Security Treaty Organization met in Astana on Thursday.
            """,
            """
            The governor opened the new bridge over the river on Monday. The bridge over the river had been closed since the spring floods.
            """,
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр иностранных дел России и министр иностранных дел Армении на переговорах в Москве
            Minister of Foreign Affairs of Russia and Minister of Foreign Affairs of Armenia at talks in Moscow
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
            .twoFiles(
                "Красивые высокие минареты украсили старый собор. Туристы вернулись в город. Красивые высокие минареты очень украсили старый собор, очень.",
                "Beautiful tall minarets decorated the old cathedral. Tourists returned to the city. Beautiful tall minarets very decorated the old cathedral, very."),
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        var sentencesSeen: [[String]: (range: Range<Int>, block: Int)] = [:]
        let sources = Dictionary(document.alignedCaptions.map { ($0.target.index, $0.source) }, uniquingKeysWith: { first, _ in first })
        // A sentence whose source says again what an earlier source sentence said (two files, aligned
        // captions) repeats faithfully: a headline restated as the last line, a speaker's refrain.
        func sourceRepeats(_ block: Int, _ earlier: Int) -> Bool {
            guard block != earlier, let source = sources[block], let first = sources[earlier], source.index != first.index else { return false }
            let stems = document.contentWords(source, in: source.range).map(\.stem)
            let firstStems = document.contentWords(first, in: first.range).map(\.stem)
            // The shorter of the two stands, but for one word in ten, in the longer.
            let shorter = min(stems.count, firstStems.count)
            return shorter > 0 && Self.longestCommonSubsequence(stems, firstStems) >= shorter - shorter / 10
        }
        for block in document.targetTextBlocks {
            // A bilingual file's units are separate segments: one may repeat another (a translation
            // memory holds the same sentence under two sources), which is not text added to an article.
            if !document.units.isEmpty { sentencesSeen = [:] }
            let scopes = block.kind == .caption ? [block.range] : block.sentences
            for scope in scopes {
                findings += repeatedRuns(document, Array(document.contentWords(block, in: scope)), source: sources[block.index])
            }
            var previous: (range: Range<Int>, stems: [String])?
            for sentence in block.sentences {
                let stems = document.contentWords(block, in: sentence).map(\.stem)
                defer { previous = (sentence, stems) }
                guard stems.count >= minimumSentenceWords else { continue }
                if let first = sentencesSeen[stems] {
                    if sourceRepeats(block.index, first.block) { continue }
                    findings.append(finding(
                        in: document, at: sentence,
                        message: "sentence repeated from line \(document.line(at: first.range.lowerBound))",
                        related: [first.range]))
                } else if let previous, Self.isRestatement(stems, of: previous.stems) {
                    findings.append(finding(
                        in: document, at: sentence,
                        message: "sentence repeats most of the sentence before it", related: [previous.range]))
                } else {
                    sentencesSeen[stems] = (sentence, block.index)
                }
            }
        }
        return findings
    }

    /// Whether the source has, twice, words that translate the words of a repeated run ("Совет коллективной
    /// безопасности … Договора о коллективной безопасности" repeats what "collective security" repeats):
    /// most run words with a counterpart in the source have two, by the bilingual word list or the same spelling.
    private func sourceRepeats(_ run: [String], _ source: Block, _ document: Document) -> Bool {
        let renderings = document.renderings(of: source)
        let counts = run.map { stem in renderings.filter { $0.contains(stem) }.count }.filter { $0 > 0 }
        // Most of the words that have a counterpart have two (one may be rendered otherwise the second time).
        return !counts.isEmpty && counts.count { $0 >= 2 } * 2 > counts.count
    }

    /// Whether a range follows a number written in digits, with at most white space between.
    private func followsNumber(_ range: Range<Int>, _ document: Document) -> Bool {
        var i = range.lowerBound - 1
        while i >= 0, CharacterInfo.isWhitespace(document.buffer.units[i]) { i -= 1 }
        return i >= 0 && (0x30...0x39).contains(document.buffer.units[i])
    }

    /// Whether a sentence's content words (by stem) stand, in order, in the sentence just before it, all
    /// but one in ten: the machine repeated part of a sentence as a sentence of its own.
    static func isRestatement(_ stems: [String], of previous: [String]) -> Bool {
        guard previous.count > stems.count, previous.count <= maximumRestatementWords else { return false }
        return longestCommonSubsequence(stems, previous) >= stems.count - stems.count / 10
    }

    /// Length of the longest common subsequence (O(n·m) on two sentences).
    static func longestCommonSubsequence<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var row = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    /// Findings for the runs of content words that occur again later in the same scope, unless the
    /// aligned source says the same thing twice.
    private func repeatedRuns(_ document: Document, _ words: [ContentWord], source: Block?) -> [Finding] {
        Self.repeats(in: words, minimumWords: minimumWords).compactMap { first, second in
            if let source, sourceRepeats(words.filter { second.contains($0.token.range.lowerBound) }.map(\.stem), source, document) {
                return nil
            }
            // A unit after two quantities ("50 thousand cubic meters per second … 60 thousand cubic meters per
            // second"), or a title the source quotes in its original language besides translating it.
            if followsNumber(first, document) && followsNumber(second, document) { return nil }
            if let source, document.text(source).contains(document.buffer.string(second)) { return nil }
            // Three words may be parallel structure ("forcing companies to …, forcing companies to …"); a
            // longer run said twice is a stutter an editor cuts.
            let length = words.count { second.contains($0.token.range.lowerBound) }
            return finding(
                in: document, at: second,
                message: "'\(document.buffer.string(second))' repeats '\(document.buffer.string(first))' in the same sentence",
                related: [first], severity: length > minimumWords ? nil : .minor)
        }
    }

    /// Runs of content words that occur again later in the same scope (not overlapping the first),
    /// as (first, second) ranges. Earlier occurrences are looked up by their first `minimumWords`
    /// stems (by their hash, then compared); only the latest `candidatesPerKey` of them are tried, which bounds the work on degenerate input.
    static func repeats(in words: [ContentWord], minimumWords: Int) -> [(first: Range<Int>, second: Range<Int>)] {
        let n = minimumWords
        guard words.count >= 2 * n else { return [] }
        // Each run of n stems hashed once; the positions of a run's hash, kept to those with the same stems.
        let hashes = (0...(words.count - n)).map { i -> Int in
            var hasher = Hasher()
            for word in words[i..<(i + n)] { hasher.combine(word.stem) }
            return hasher.finalize()
        }
        var starts: [Int: [Int]] = [:]  // ascending positions per hash
        starts.reserveCapacity(hashes.count)
        for (i, hash) in hashes.enumerated() { starts[hash, default: []].append(i) }
        var repeats: [(first: Range<Int>, second: Range<Int>)] = []
        var j = n
        while j + n <= words.count {
            var best: (first: Int, length: Int)?
            let positions = starts[hashes[j]] ?? []
            // Positions ending before j: a binary search for the first one that does not.
            var low = 0, high = positions.count
            while low < high {
                let mid = (low + high) / 2
                if positions[mid] + n <= j { low = mid + 1 } else { high = mid }
            }
            // The latest of them with the same stems (a hash shared by other stems is passed over), in order.
            var candidates: [Int] = []
            var k = low
            while k > 0, candidates.count < candidatesPerKey {
                k -= 1
                let i = positions[k]
                if (0..<n).allSatisfy({ words[i + $0].stem == words[j + $0].stem }) { candidates.append(i) }
            }
            for i in candidates.reversed() {
                var length = 0
                while j + length < words.count, i + length < j, words[i + length].stem == words[j + length].stem {
                    length += 1
                }
                if length > (best?.length ?? 0) { best = (i, length) }
            }
            guard let (i, length) = best else {
                j += 1
                continue
            }
            repeats.append((
                first: words[i].token.range.lowerBound..<words[i + length - 1].token.range.upperBound,
                second: words[j].token.range.lowerBound..<words[j + length - 1].token.range.upperBound))
            j += length
        }
        return repeats
    }
}
