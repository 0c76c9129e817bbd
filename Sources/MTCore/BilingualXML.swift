import MTText

/// XLIFF (1.2 and 2.x) and TMX 1.4 files, read safely (`XML.read`: no DTD, network or entity). Each
/// XLIFF `<trans-unit>` (1.2) or `<segment>` of a `<unit>` (2.x), and each TMX `<tu>` with a variant in
/// each language of the pair, is a unit. Inline codes are left out of the text and kept as the unit's
/// tags: those that stand alone or hold native code (`<x/>`, `<ph>`, `<bpt>`, `<sc/>`…) and those that
/// enclose text (`<g>`, `<pc>`, `<hi>`, whose text is kept). Annotations (`<mrk>`, `<sm/>`) are neither.
/// White space runs collapse to one space unless `xml:space="preserve"`. A target still to be
/// translated (XLIFF 1.2 state `new` or `needs-translation`, 2.x segment state `initial`) is not checked.
enum BilingualXML {
    /// Inline elements whose content is native code, not text.
    static let codes: Set<String> = ["ph", "bpt", "ept", "it", "ut"]
    /// Inline elements that stand alone.
    static let placeholders: Set<String> = ["x", "bx", "ex", "sc", "ec"]
    /// Inline elements that enclose text.
    static let enclosing: Set<String> = ["g", "pc", "hi"]
    /// Elements whose content is not the file's current source and translation.
    static let skipped: Set<String> = ["alt-trans", "seg-source", "context-group", "count-group", "prop-group", "originalData", "ignorable", "header", "prop", "ude"]

    private enum Kind { case xliff1, xliff2, tmx }

    /// What a segment is: XLIFF says (`<source>`, `<target>`), a TMX variant by its language.
    private enum Role {
        case source, target
        case variant(String?)

        /// Whether it is the pair's source (`source`) or target segment.
        func isSide(source: Bool, of pair: LanguagePair) -> Bool {
            switch self {
            case .source: source
            case .target: !source
            case .variant(let language): language.map(BilingualFile.baseLanguage) == (source ? pair.source : pair.target).code
            }
        }
    }

    /// A source or target being read.
    private struct Side {
        let role: Role
        let from: Int
        let depth: Int
        var tags: [InlineTag] = []
        var codeDepth = 0
        let untranslated: Bool
    }

    /// A side read: its text, tags and language.
    private struct ReadSide {
        let text: MappedText
        let tags: [InlineTag]
        let role: Role
        let untranslated: Bool
    }

    static func units(of decoded: DocumentReader.Decoded, file: TextBuffer, path: String, pair: LanguagePair) throws(InputError) -> [TranslationUnit] {
        let bytes = Array(decoded.text.utf8)
        if let encoding = XML.declaredEncoding(bytes), !["utf-8", "utf8"].contains(encoding.lowercased()) {
            throw InputError(path: path, reason: "declares its encoding as \(encoding), but is read as UTF-8 (and is valid UTF-8)", byteOffset: decoded.byteOffset,
                             hint: ": correct the declaration, or convert the file (iconv -f \(encoding) -t UTF-8) and its declaration with it")
        }
        let page: MarkupPage
        do {
            page = try XML.read(bytes)
        } catch {
            if let offset = error.byteOffset {
                throw InputError(path: path, reason: "cannot be read as XML: \(error.message)", byteOffset: offset + decoded.byteOffset)
            }
            throw InputError(path: path, reason: "cannot be read as XML: \(error.description)")
        }
        var kind: Kind?
        var builder = FileTextBuilder(bytes: bytes)
        var stack: [(name: String, preserve: Bool)] = []
        var skipDepth = 0
        var unitID = "", notes: [String] = [], note: String?
        var sides: [ReadSide] = []
        var side: Side?
        var segments: [(id: String?, sides: [ReadSide])] = []
        var segmentID: String?, segmentUntranslated = false
        var language: String?
        var units: [TranslationUnit] = []
        var languagesSeen: Set<String> = []

        func finishUnit(_ id: String, _ groups: [(id: String?, sides: [ReadSide])]) {
            for (number, group) in groups.enumerated() {
                let source = group.sides.first { $0.role.isSide(source: true, of: pair) }
                let target = group.sides.first { $0.role.isSide(source: false, of: pair) }
                guard let source, let target, !target.untranslated else { continue }
                let name = groups.count > 1 ? "\(id)/\(group.id ?? String(number + 1))" : id
                units.append(TranslationUnit(id: name, notes: notes, source: source.text, target: target.text,
                                             sourceTags: source.tags, targetTags: target.tags))
            }
        }

        for event in page.events {
            switch event {
            case .start(let name, let attributes, let offset):
                let preserve = attributes["xml:space"].map { $0 == "preserve" } ?? (stack.last?.preserve ?? false)
                stack.append((name, preserve))
                if kind == nil {
                    switch name {
                    case "xliff": kind = (attributes["version"] ?? "").hasPrefix("1") ? .xliff1 : .xliff2
                    case "tmx": kind = .tmx
                    default: throw InputError(path: path, reason: "is neither XLIFF nor TMX: its root element is <\(name)>", byteOffset: offset + decoded.byteOffset)
                    }
                    if kind == .xliff2 {
                        try BilingualFile.expect(attributes["srcLang"], is: pair.source, side: "source", path: path, pair: pair, byteOffset: offset + decoded.byteOffset)
                        try BilingualFile.expect(attributes["trgLang"], is: pair.target, side: "target", path: path, pair: pair, byteOffset: offset + decoded.byteOffset)
                    }
                    continue
                }
                if var current = side {
                    if current.codeDepth > 0 {
                        current.codeDepth += 1
                    } else if codes.contains(name) || placeholders.contains(name) || enclosing.contains(name) {
                        let attribute = ["id", "i", "x", "startRef", "rid"].first { attributes[$0] != nil } ?? ""
                        let kind: InlineTag.Kind = codes.contains(name) ? .code : enclosing.contains(name) ? .enclosing : .placeholder
                        current.tags.append(InlineTag(name: name, attribute: attribute, id: attributes[attribute] ?? "", kind: kind))
                        if codes.contains(name) { current.codeDepth = 1 }
                    }
                    side = current
                    continue
                }
                if skipDepth > 0 || skipped.contains(name) {
                    if name == "header", let source = attributes["srclang"] {
                        try BilingualFile.expect(source, is: pair.source, side: "source", path: path, pair: pair, byteOffset: offset + decoded.byteOffset)
                    }
                    skipDepth += 1
                    continue
                }
                switch (kind, name) {
                case (.xliff1, "file"):
                    try BilingualFile.expect(attributes["source-language"], is: pair.source, side: "source", path: path, pair: pair, byteOffset: offset + decoded.byteOffset)
                    try BilingualFile.expect(attributes["target-language"], is: pair.target, side: "target", path: path, pair: pair, byteOffset: offset + decoded.byteOffset)
                case (.xliff1, "trans-unit"), (.xliff2, "unit"), (.tmx, "tu"):
                    (unitID, notes, sides, segments) = (attributes["id"] ?? attributes["tuid"] ?? "", [], [], [])
                case (.xliff2, "segment"):
                    (segmentID, segmentUntranslated, sides) = (attributes["id"], attributes["state"] == "initial", [])
                case (.tmx, "tuv"):
                    language = attributes["xml:lang"] ?? attributes["lang"]
                    if let language { languagesSeen.insert(language.lowercased()) }
                case (_, "note"):
                    note = ""
                case (.xliff1, "source"), (.xliff1, "target"), (.xliff2, "source"), (.xliff2, "target"), (.tmx, "seg"):
                    builder.paragraphBreak()
                    let state = attributes["state"] ?? ""
                    side = Side(role: kind == .tmx ? .variant(language) : name == "source" ? .source : .target, from: builder.units.count, depth: stack.count,
                                untranslated: kind == .xliff2 ? segmentUntranslated : ["new", "needs-translation"].contains(state))
                default: break
                }
            case .end(let name):
                defer { stack.removeLast() }
                if var current = side {
                    if stack.count == current.depth {
                        let text = MappedText(units: builder.units[current.from...], starts: builder.starts[current.from...], ends: builder.ends[current.from...])
                        sides.append(ReadSide(text: text, tags: current.tags, role: current.role, untranslated: current.untranslated))
                        side = nil
                    } else {
                        if current.codeDepth > 0 { current.codeDepth -= 1 }
                        side = current
                    }
                    continue
                }
                if skipDepth > 0 { skipDepth -= 1; continue }
                switch (kind, name) {
                case (_, "note"):
                    if let text = note { notes.append(text.split(whereSeparator: \.isWhitespace).joined(separator: " ")) }
                    note = nil
                case (.xliff2, "segment"):
                    segments.append((segmentID, sides))
                    sides = []
                case (.xliff1, "trans-unit"), (.tmx, "tu"):
                    finishUnit(unitID, [(nil, sides)])
                case (.xliff2, "unit"):
                    finishUnit(unitID, segments)
                default: break
                }
            case .text(let pieces):
                if let current = side {
                    guard current.codeDepth == 0 else { continue }
                    let collapsing = !(stack.last?.preserve ?? false)
                    for piece in pieces {
                        if let replacement = piece.replacement {
                            builder.append(replacement, standingFor: piece.bytes, collapsing: collapsing)
                        } else {
                            builder.appendPage(piece.bytes, collapsing: collapsing)
                        }
                    }
                } else if note != nil {
                    for piece in pieces { note! += piece.replacement ?? String(decoding: bytes[piece.bytes], as: UTF8.self) }
                }
            case .comment: break
            }
        }
        if kind == .tmx, units.isEmpty, !languagesSeen.isEmpty {
            throw InputError(path: path, reason: "has no unit with both a \(pair.source.code) and a \(pair.target.code) variant "
                + "(its variants are in \(languagesSeen.sorted().joined(separator: ", ")))")
        }
        return units
    }
}
