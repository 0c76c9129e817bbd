import MTText

/// Text taken from a file, each UTF-16 unit with where its character starts and ends in the file (UTF-16
/// offsets): a segment of a bilingual file, decoded ("\n" in a PO string is one character of the text and
/// two of the file).
public struct MappedText: Sendable {
    public internal(set) var units: [UInt16] = []
    var starts: [Int32] = [], ends: [Int32] = []

    init() {}

    init(units: ArraySlice<UInt16>, starts: ArraySlice<Int32>, ends: ArraySlice<Int32>) {
        (self.units, self.starts, self.ends) = (Array(units), Array(starts), Array(ends))
    }

    mutating func append(_ unit: UInt16, from start: Int32, to end: Int32) {
        units.append(unit)
        starts.append(start)
        ends.append(end)
    }

    /// Appends a text on a line of its own (after a line break that stands where the text before ends);
    /// the range it takes.
    mutating func appendLine(_ text: MappedText) -> Range<Int> {
        if let last = ends.last { append(0x0A, from: last, to: last) }
        let from = units.count
        append(text)
        return from..<units.count
    }

    /// Appends another text (a PO string's continuation line), each unit keeping its place.
    mutating func append(_ text: MappedText) {
        units += text.units
        starts += text.starts
        ends += text.ends
    }

    /// The text without white space at either end.
    func trimmed() -> MappedText {
        func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 }
        var low = 0, high = units.count
        while low < high, isSpace(units[low]) { low += 1 }
        while high > low, isSpace(units[high - 1]) { high -= 1 }
        return MappedText(units: units[low..<high], starts: starts[low..<high], ends: ends[low..<high])
    }

    public var string: String { String(utf16Units: units) }
}

/// An inline tag or code of a segment (XLIFF's `<x id="1"/>` or `<g id="2">`, TMX's `<bpt i="1">`): markup
/// the translation must carry over, compared by name and id.
public struct InlineTag: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Stands alone (`<x/>`, `<sc/>`).
        case placeholder
        /// Encloses text (`<g>`, `<pc>`, `<hi>`).
        case enclosing
        /// Holds the original's native code (`<ph>`, `<bpt>`, `<ept>`, `<it>`, `<ut>`).
        case code
    }

    public let name: String
    /// The attribute that identifies it ("id", TMX's "i" or "x", XLIFF 2's "startRef"; empty: none) and its value.
    public let attribute: String
    public let id: String
    public let kind: Kind

    public var description: String {
        let id = attribute.isEmpty ? "" : " \(attribute)=\"\(id)\""
        switch kind {
        case .placeholder: return "<\(name)\(id)/>"
        case .enclosing: return "<\(name)\(id)>"
        case .code: return "<\(name)\(id)>…</\(name)>"
        }
    }
}

/// One unit of a bilingual file as read: a source segment and its translation, with the file's id and notes for it.
public struct TranslationUnit: Sendable {
    public let id: String
    public let notes: [String]
    public let source: MappedText
    public let target: MappedText
    public let sourceTags: [InlineTag]
    public let targetTags: [InlineTag]
}

extension Document {
    /// A unit of a bilingual file in the document: its source and target blocks, and what the file says of it.
    public struct Unit: Sendable {
        public let id: String
        public let notes: [String]
        public let source: Int
        public let target: Int
        public let sourceTags: [InlineTag]
        public let targetTags: [InlineTag]
    }

    /// The units of a bilingual file (XLIFF, TMX, PO, a table with a header), checked as aligned pairs as
    /// the sentences of two files are: the buffer holds every translation, one per line, a line break,
    /// then every source segment; each unit's two sides are a pair of blocks every bilingual rule
    /// compares, and every position is given in the one file they come from (`fileMap` for the
    /// translations, `sourceFile` for the sources). Units with an empty side are left out (an untranslated
    /// unit is the file's workflow, not an error of its translation).
    public init(units: [TranslationUnit], file: TextBuffer, path: String, pair: LanguagePair = .russianEnglish, knowledge: Knowledge = .bundled) {
        var translations = MappedText(), sources = MappedText()
        var ranges: [(target: Range<Int>, source: Range<Int>, unit: TranslationUnit)] = []
        for unit in units {
            let target = unit.target.trimmed(), source = unit.source.trimmed()
            guard !target.units.isEmpty, !source.units.isEmpty else { continue }
            ranges.append((translations.appendLine(target), sources.appendLine(source), unit))
        }
        let start = translations.units.count + 1
        let buffer = TextBuffer(String(utf16Units: translations.units + [0x0A] + sources.units), byteOffset: 0)
        let translationMap = FileMap(file: file, starts: translations.starts, ends: translations.ends)
        let sourceFile = SourceFile(path: path, start: start, lineShift: 0, utf8Shift: 0,
                                    map: FileMap(file: file, starts: sources.starts, ends: sources.ends), sentences: 0, unsureSentences: 0)
        let segmenters = Classifier.Segmenters(pair)
        var blocks: [Block] = []
        for (index, item) in ranges.enumerated() {
            blocks.append(Classifier.block(index: index, range: item.target, language: .target, kind: .caption, buffer, pair, segmenters))
        }
        var documentUnits: [Unit] = []
        for (index, item) in ranges.enumerated() {
            let range = (item.source.lowerBound + start)..<(item.source.upperBound + start)
            let block = Classifier.block(index: blocks.count, range: range, language: .source, kind: .caption, buffer, pair, segmenters)
            documentUnits.append(Unit(id: item.unit.id, notes: item.unit.notes, source: block.index, target: index,
                                      sourceTags: item.unit.sourceTags, targetTags: item.unit.targetTags))
            blocks.append(block.inSourceFile(sourceFile, buffer))
        }
        self.init(path: path, buffer: buffer, blocks: blocks, pair: pair, knowledge: knowledge,
                  forcedPairs: documentUnits.map { ($0.source, $0.target) }, sourceFile: sourceFile, fileMap: translationMap, units: documentUnits)
    }

    /// The unit of a bilingual file a buffer range falls in (its translation or its source), if any.
    public func unit(at range: Range<Int>) -> Unit? {
        guard !units.isEmpty else { return nil }
        let sourceSide = sourceFile.map { range.lowerBound >= $0.start } ?? false
        let index = units.partitionPoint { blocks[sourceSide ? $0.source : $0.target].range.upperBound >= range.lowerBound }
        guard index < units.count else { return nil }
        let block = blocks[sourceSide ? units[index].source : units[index].target]
        return block.range.lowerBound <= range.lowerBound ? units[index] : nil
    }
}

extension Block {
    /// The block with its lines in the source file of two files (as rules quote them: "in the source (line 5)").
    func inSourceFile(_ sourceFile: SourceFile, _ buffer: TextBuffer) -> Block {
        Block(index: index, range: range, firstLine: sourceFile.line(at: range.lowerBound, in: buffer),
              lastLine: sourceFile.line(at: max(range.lowerBound, range.upperBound - 1), in: buffer), language: language, kind: kind,
              tokens: tokens, sentences: sentences)
    }
}

/// A bilingual file: each unit a source segment and its translation (XLIFF, TMX, PO, a table with a header).
public struct BilingualFile: DocumentSource {
    public let path: FilePath
    public let format: InputFormat

    public init(_ path: FilePath, format: InputFormat) {
        self.path = path
        self.format = format
    }

    public func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document {
        try Self.read(DocumentReader.read(path: path, maximumSize: maximumSize), path: path.description, format: format, pair: pair, knowledge: knowledge)
    }

    /// The document of a bilingual file's decoded bytes.
    public static func read(_ decoded: DocumentReader.Decoded, path: String, format: InputFormat, pair: LanguagePair,
                            knowledge: Knowledge) throws(InputError) -> Document {
        let (units, file) = try units(of: decoded, path: path, format: format, pair: pair)
        let document = Document(units: units, file: file, path: path, pair: pair, knowledge: knowledge)
        if document.units.isEmpty { throw InputError(path: path, reason: "has no translated units (every unit's source or translation is empty, or still to be translated)") }
        return document
    }

    /// The units of a bilingual file as its format's reader finds them, and the file's text (what
    /// reading the format costs, apart from analysing the text).
    public static func units(of decoded: DocumentReader.Decoded, path: String, format: InputFormat, pair: LanguagePair)
        throws(InputError) -> (units: [TranslationUnit], file: TextBuffer) {
        let file = TextBuffer(decoded.text, byteOffset: decoded.byteOffset)
        switch format {
        case .po: return (try POFile.units(in: file, path: path, pair: pair), file)
        case .tsv, .csv: return (try TableFile.units(in: file, path: path, separator: format == .tsv ? 0x09 : 0x2C, pair: pair), file)
        case .xliff, .tmx: return (try BilingualXML.units(of: decoded, file: file, path: path, pair: pair), file)
        case .auto, .text, .html, .markdown: preconditionFailure("not a bilingual format")
        }
    }

    /// Checks a language a file declares for one side against the pair checked: a file of another
    /// language is refused rather than reported segment by segment.
    static func expect(_ declared: String?, is language: Language, side: String, path: String, pair: LanguagePair,
                       byteOffset: Int? = nil) throws(InputError) {
        guard let declared, !declared.isEmpty, declared != "*all*", baseLanguage(declared) != language.code else { return }
        throw InputError(path: path, reason: "declares its \(side) language as \(declared), but mtlint checks \(pair.source.name) → \(pair.target.name) "
            + "(\(pair.source.code)→\(pair.target.code)) translations", byteOffset: byteOffset)
    }

    /// A language tag's language ("en" of "en-GB" or "en_GB"), in lower case.
    static func baseLanguage(_ tag: String) -> String {
        tag.lowercased().split { $0 == "-" || $0 == "_" }.first.map(String.init) ?? ""
    }
}
