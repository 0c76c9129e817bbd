import MTCore
import MTText

/// MT308: punctuation the translation adds or drops compared with its source.
public struct PunctuationCountMismatch: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT308",
        id: "punctuation-count-mismatch",
        summary: "The translation has brackets, quotation marks or stray symbols its source does not, or a word with a dangling hyphen or apostrophe.",
        rationale: """
            Punctuation carries over from Russian to English with few changes: brackets stay brackets, and a \
            semicolon, underscore or asterisk the source does not have is a slip. In each aligned pair mtlint \
            counts on both sides the opening and closing brackets (reported when the counts differ), and \
            semicolons, underscores, asterisks and other stray symbols, quotation marks (a pair of straight \
            quotes, “…” and «…» all count as one quotation; reported only when the translation has more, since \
            English often drops the quotes Russian puts around names) and exclamation marks (reported when the \
            translation has more). It also reports a word with a hyphen hanging after it ("similar- position") \
            where the source has no such hyphen, an apostrophe after a word that cannot take a possessive \
            apostrophe there ("Vladivostok'"; "countries'" is fine), a colon the source does not have ("reported: \
            that"; "13:25" is no such colon), a stop inside a sentence (a lower-case word after it, and the word \
            before it no abbreviation of the language: "the tank. was"), and a comma, colon or semicolon written twice.
            """,
        mqm: .punctuation,
        severity: .minor,
        triggering: [
            .segment("Пилоты показали фигуры высшего пилотажа над Владивостоком.", "The pilots performed aerobatics over Vladivostok⟦'⟧."),
            .segment("Пилоты показали фигуры высшего пилотажа над Владивостоком.", "The pilots performed aerobatics⟦;⟧ over Vladivostok."),
            .segment("Он занимал аналогичную должность.", "He held a similar⟦-⟧ position."),
            .segment("Лидируют США (4 млн) и Бразилия.", "The United States (4 million) and Brazil⟦)⟧ lead."),
            .segment("Танк был подбит у деревни.", "The tank⟦.⟧ was knocked out near the village."),
            .segment("Сообщалось, что Путин прибыл.", "It was reported⟦:⟧ that Putin had arrived."),
            .segment("Избегайте пахучей еды и держите лагерь в чистоте.", "Avoid smelly foods,⟦,⟧ and keep the camp clean."),
        ],
        nonTriggering: [
            .segment("Основатель группы \"Тинькофф\" Олег Тиньков.", "Tinkoff Group founder Oleg Tinkov."),
            .segment("«Мы готовы», — сказал он.", "\"We are ready,\" he said."),
            .segment("Права стран-участниц защищены.", "The member countries' rights are protected."),
            .segment("Гидро- и теплоэнергетика растут.", "Hydro- and thermal power are growing."),
            .segment("Профессор Иванов, т. е. автор статьи, выступил в 13:25.", "Prof. Ivanov, i.e. the author of the article, spoke at 13:25."),
        ])

    /// Marks counted on both sides; a translation with more of them than its source is reported.
    private static let stray: Set<UInt16> = [0x3B, 0x5F, 0x2A, 0x7E, 0x7C, 0x5C, 0x5E, 0x60, 0x21, 0x40]  // ; _ * ~ | \ ^ ` ! @
    private static let openers: Set<UInt16> = [0x28, 0x5B]  // ( [
    private static let closers: Set<UInt16> = [0x29, 0x5D]  // ) ]
    private static let counted = stray.union(openers).union(closers)

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        let units = document.buffer.units
        for (source, target) in document.alignedCaptions where document.hasContent(target) {
            // Where each counted mark stands, in one pass over each block (all counted marks are ASCII).
            func positions(_ block: Block) -> [UInt16: [Int]] {
                var found: [UInt16: [Int]] = [:]
                for offset in block.range where units[offset] < 0x80 && Self.counted.contains(units[offset]) {
                    found[units[offset], default: []].append(offset)
                }
                return found
            }
            let targetMarks = positions(target), sourceMarks = positions(source)
            func offsets(_ found: [UInt16: [Int]], _ marks: Set<UInt16>) -> [Int] {
                marks.flatMap { found[$0] ?? [] }.sorted()
            }
            func report(_ offset: Int, _ message: String) {
                findings.append(finding(in: document, at: offset..<(offset + 1), message: message + " (line \(source.firstLine))"))
            }
            for mark in Self.stray {
                let added = offsets(targetMarks, [mark])
                let count = offsets(sourceMarks, [mark]).count
                if added.count > count {
                    report(added[count], "'\(Character(Unicode.Scalar(mark)!))' is not in the source")
                }
            }
            for marks in [Self.openers, Self.closers] {
                let inTarget = offsets(targetMarks, marks), inSource = offsets(sourceMarks, marks)
                if inTarget.count > inSource.count {
                    report(inTarget[inSource.count], "the translation has \(inTarget.count) of these brackets, its source \(inSource.count)")
                } else if inTarget.count < inSource.count, let last = inTarget.last ?? document.endMark(of: target).range?.lowerBound {
                    report(last, "the translation has \(inTarget.count) of these brackets, its source \(inSource.count)")
                }
            }
            let quotations = document.quotations(in: target), sourceQuotations = document.quotations(in: source)
            if quotations.count > sourceQuotations.count {
                report(quotations[sourceQuotations.count], "the translation quotes more often than its source")
            }
            if !document.hasDanglingHyphen(source), let hyphen = document.danglingHyphens(target).first {
                report(hyphen, "a hyphen hangs after the word; the source has no such hyphen")
            }
            for apostrophe in document.strayApostrophes(target) {
                report(apostrophe, "an apostrophe after a word that takes none")
            }
            // Colons that introduce something (followed by a space; "13:25" is a time).
            let colons = document.spacedColons(target), sourceColons = document.spacedColons(source)
            if colons.count > sourceColons.count {
                report(colons[sourceColons.count], "':' is not in the source")
            }
            if let stop = document.strayStops(target).first {
                report(stop, "a stop inside the sentence: a lower-case word follows it")
            }
            if let doubled = document.doubledMarks(target).first {
                report(doubled, "the mark is doubled")
            }
        }
        return findings
    }
}

extension Document {
    /// Offsets of the quotation marks that open a quotation: «, „, “ and every other straight ".
    func quotations(in block: Block) -> [Int] {
        let units = buffer.units
        var straight = 0
        return block.range.filter { i in
            switch units[i] {
            case 0xAB, 0x201E, 0x201C: return true
            case 0x22:
                straight += 1
                return straight % 2 == 1
            default: return false
            }
        }
    }

    /// Hyphens right after a letter and before white space ("similar- position").
    func danglingHyphens(_ block: Block) -> [Int] {
        let units = buffer.units
        return block.range.dropLast().filter { i in
            i > block.range.lowerBound && units[i] == 0x2D && CharacterInfo.isWhitespace(units[i + 1])
                && Unicode.Scalar(units[i - 1]).map(CharacterInfo.isLetter) ?? false
        }
    }

    func hasDanglingHyphen(_ block: Block) -> Bool { !danglingHyphens(block).isEmpty }

    /// Colons followed by white space.
    func spacedColons(_ block: Block) -> [Int] {
        let units = buffer.units
        return block.range.dropLast().filter { units[$0] == 0x3A && CharacterInfo.isWhitespace(units[$0 + 1]) }
    }

    /// Stops after a word, followed by white space and a lower-case word, where the word before is no
    /// abbreviation of the language ("tank. knocked out"; "prof. Ivanov", "e.g. the" are fine).
    func strayStops(_ block: Block) -> [Int] {
        let units = buffer.units
        let language = language(of: block)
        var stops: [Int] = []
        for (index, token) in block.tokens.enumerated() where index + 2 < block.tokens.count && token.kind == .word {
            let stop = block.tokens[index + 1], next = block.tokens[index + 2]
            guard stop.range.count == 1, units[stop.range.lowerBound] == 0x2E, stop.range.lowerBound == token.range.upperBound,
                  next.kind == .word, next.range.lowerBound > stop.range.upperBound,
                  buffer.isBlank(stop.range.upperBound..<next.range.lowerBound), startsLowerCase(next),
                  !(Unicode.Scalar(units[next.range.lowerBound]).map(CharacterInfo.isUppercase) ?? true) else { continue }
            let word = buffer.string(token.range).lowercased()
            // Abbreviations, single letters ("a. thousand" is reported, "p. 5" has a number after it) and dotted words.
            guard !language.abbreviations.contains(word + "."), !word.contains("."), token.range.count > 1 || word == "a" else { continue }
            stops.append(stop.range.lowerBound)
        }
        return stops
    }

    /// A comma, colon or semicolon written twice in a row (",,").
    func doubledMarks(_ block: Block) -> [Int] {
        let units = buffer.units
        return block.range.dropFirst().filter { [0x2C, 0x3A, 0x3B].contains(units[$0]) && units[$0] == units[$0 - 1] }
    }

    /// Apostrophes closing a word that does not end in "s" (a plural possessive: "countries'"), followed
    /// by white space or punctuation: "Vladivostok'". A quotation in single quotes is left alone.
    func strayApostrophes(_ block: Block) -> [Int] {
        let units = buffer.units
        let opensSingleQuote = block.range.contains { units[$0] == 0x2018 || (units[$0] == 0x27 && ($0 == block.range.lowerBound || CharacterInfo.isWhitespace(units[$0 - 1]))) }
        guard !opensSingleQuote else { return [] }
        return block.tokens.compactMap { token -> Int? in
            let end = token.range.upperBound
            guard token.kind == .word, end < block.range.upperBound, units[end] == 0x27 || units[end] == 0x2019,
                  end + 1 == block.range.upperBound || !(Unicode.Scalar(units[end + 1]).map(CharacterInfo.isLetter) ?? false),
                  !["s", "z", "x"].contains(buffer.string((end - 1)..<end).lowercased()) else { return nil }
            return end
        }
    }
}
