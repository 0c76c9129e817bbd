import MTCore
import MTText

/// MT308: punctuation the translation adds or drops compared with its source.
public struct PunctuationCountMismatch: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT308",
        id: "punctuation-count-mismatch",
        summary: "The translation has stray symbols its source does not, or a mark where English grammar has none: after an article or preposition (\"the end; of\"), a stop inside a sentence, a dangling hyphen or apostrophe.",
        rationale: """
            Machine translation and careless editing leave marks where none belongs. mtlint reports, in each \
            aligned pair: stray symbols (underscore, asterisk, tilde, bar, backslash, caret, backquote, @ outside \
            addresses, and exclamation marks) that the translation has more of than its source; a mark right after \
            a word that cannot end a phrase, or right before one that cannot start a clause (the language profile \
            lists them: "the end; of this year", "in; support", "soldiers of: the"); a stop inside a sentence (a \
            lower-case word after it, and the word before it no abbreviation of the language: "the tank. was"), \
            unless the source has as many stops before lower-case words ("кв. м" for "sq. m"); a word with a hyphen \
            hanging after it ("similar- position"), unless a conjunction follows ("nuclear- and diesel-powered"); an \
            apostrophe after a word that cannot take a possessive apostrophe there ("Vladivostok'"; "countries'" is \
            fine); a colon inside a sentence that goes on in lower case ("reported: that"), where the source has \
            fewer colons; and a comma, colon or semicolon written twice. Semicolons, colons, brackets and quotation marks \
            in themselves are the translator's choice (a Russian dash becomes a colon or a quotation mark, a \
            comma a semicolon, an explanation goes in brackets): their count is not compared, and marks that do not \
            pair up are unbalanced-quotes' business.
            """,
        mqm: .punctuation,
        severity: .minor,
        triggering: [
            .segment("Пилоты показали фигуры высшего пилотажа над Владивостоком.", "The pilots performed aerobatics over Vladivostok⟦'⟧.", messages: ["an apostrophe after a word that takes none (line 1)"]),
            .segment("Пилоты показали фигуры высшего пилотажа над Владивостоком.", "The pilots performed aerobatics⟦_⟧ over Vladivostok_.", messages: ["'_' is not in the source (line 1)"]),
            .segment("Он занимал аналогичную должность.", "He held a similar⟦-⟧ position.", messages: ["a hyphen hangs after the word; the source has no such hyphen (line 1)"]),
            .segment("Танк был подбит у деревни.", "The tank⟦.⟧ was knocked out near the village.", messages: ["a stop inside the sentence: a lower-case word follows it (line 1)"]),
            .segment("Сообщалось, что к концу года он погасит долги.", "It was reported that he would pay the debts by the end⟦;⟧ of the year.", messages: ["';' before 'of', which cannot start a clause (line 1)"]),
            .segment("Демонстрации в поддержку протестов.", "Demonstrations in⟦;⟧ support of the protests.", messages: ["';' right after 'in': a word is missing, or the mark is stray (line 1)"]),
            .segment("Сообщалось, что Путин прибыл.", "It was reported⟦:⟧ that Putin had arrived.", messages: ["':' is not in the source, and the sentence goes on in lower case after it (line 1)"]),
            .segment("Избегайте пахучей еды и держите лагерь в чистоте.", "Avoid smelly foods,⟦,⟧ and keep the camp clean.", messages: ["the mark is doubled (line 1)"]),
        ],
        nonTriggering: [
            .segment("Основатель группы \"Тинькофф\" Олег Тиньков.", "Tinkoff Group founder Oleg Tinkov."),
            .segment("«Мы готовы», — сказал он.", "\"We are ready,\" he said."),
            .segment("«Мы знаем, что он известен», — отметила она.", "She said: \"We know it is renowned.\""),
            .segment("В автобусе было 39 человек, они ехали на встречу.", "There were 39 people on the bus; they were going to a meeting."),
            .segment("Приток воды в ГЭС \"Санься\" вырос.", "The inflow into the Three Gorges Dam (Sanxia) grew."),
            .segment("Права стран-участниц защищены.", "The member countries' rights are protected."),
            .segment("Гидро- и теплоэнергетика растут.", "Hydro- and thermal power are growing."),
            .segment("Атомные и дизельные подлодки.", "Nuclear- and diesel-powered submarines."),
            .segment("Площадь пожара составила 40 кв. м.", "The fire covered 40 sq. m."),
            .segment("Профессор Иванов, т. е. автор статьи, выступил в 13:25.", "Prof. Ivanov, i.e. the author of the article, spoke at 13:25."),
        ])

    /// Marks counted on both sides; a translation with more of them than its source is reported.
    private static let stray: UnitSet = [0x5F, 0x2A, 0x7E, 0x7C, 0x5C, 0x5E, 0x60, 0x21, 0x40]  // _ * ~ | \ ^ ` ! @

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        guard document.hasContent(target) else { return [] }
        var findings: [Finding] = []
        let units = document.buffer.units
        func report(_ offset: Int, _ message: String) {
            findings.append(finding(in: document, at: offset..<(offset + 1), message: message + " (line \(source.firstLine))"))
        }
        // Where each stray symbol stands, in one pass over each block (all of them are ASCII); those
        // inside an address, a handle or a URL are not stray.
        func positions(_ block: Block) -> [UInt16: [Int]] {
            let inside = document.placeholders(in: block).map(\.range)
            var found: [UInt16: [Int]] = [:]
            let stray = Self.stray  // (read once, not at each unit)
            for offset in block.range where stray.contains(units[offset]) && !inside.contains(where: { $0.contains(offset) }) {
                found[units[offset], default: []].append(offset)
            }
            return found
        }
        let targetMarks = positions(target), sourceMarks = positions(source)
        for mark in Self.stray.sorted {
            let added = targetMarks[mark] ?? [], count = sourceMarks[mark]?.count ?? 0
            if added.count > count {
                report(added[count], "'\(Character(Unicode.Scalar(mark)!))' is not in the source")
            }
        }
        if let misplaced = document.marksOutOfPlace(target).first {
            report(misplaced.offset, misplaced.message)
        }
        // A colon inside a sentence that goes on in lower case ("reported: that"): English puts one
        // before a list or a quotation, hardly ever where its source has none.
        let colons = document.colonsBeforeLowerCase(target)
        if colons.count > document.buffer.units[source.range].count(where: { $0 == 0x3A }), let colon = colons.first {
            report(colon, "':' is not in the source, and the sentence goes on in lower case after it")
        }
        if !document.hasDanglingHyphen(source), let hyphen = document.danglingHyphens(target).first {
            report(hyphen, "a hyphen hangs after the word; the source has no such hyphen")
        }
        for apostrophe in document.strayApostrophes(target) {
            report(apostrophe, "an apostrophe after a word that takes none")
        }
        let stops = document.strayStops(target)
        if stops.count > document.stopsBeforeLowerCase(source), let stop = stops.first {
            report(stop, "a stop inside the sentence: a lower-case word follows it")
        }
        if let doubled = document.doubledMarks(target).first {
            report(doubled, "the mark is doubled")
        }
        return findings
    }
}

extension Document {
    /// Hyphens right after a letter and before white space ("similar- position"), except a suspended
    /// hyphen before a conjunction ("nuclear- and diesel-powered").
    func danglingHyphens(_ block: Block) -> [Int] {
        let units = buffer.units
        let conjunctions = language(of: block).coordinatingConjunctions
        return block.range.dropLast().filter { i in
            guard i > block.range.lowerBound, units[i] == 0x2D, CharacterInfo.isWhitespace(units[i + 1]),
                  Unicode.Scalar(units[i - 1]).map(CharacterInfo.isLetter) ?? false else { return false }
            let next = block.tokens.first { $0.range.lowerBound > i + 1 }
            return !(next.map { $0.kind == .word && conjunctions.contains(key($0, in: block).folded) } ?? false)
        }
    }

    func hasDanglingHyphen(_ block: Block) -> Bool { !danglingHyphens(block).isEmpty }

    /// Stops followed by white space and a lower-case letter: abbreviations in a source ("кв. м"), to
    /// which as many stops of the translation's may correspond ("sq. m").
    func stopsBeforeLowerCase(_ block: Block) -> Int {
        let units = buffer.units
        return block.range.dropLast(2).count { i in
            units[i] == 0x2E && CharacterInfo.isWhitespace(units[i + 1]) && (Unicode.Scalar(units[i + 2]).map(CharacterInfo.isLowercase) ?? false)
        }
    }

    /// Colons after a lower-case letter or a comma and before a lower-case word ("reported: that").
    func colonsBeforeLowerCase(_ block: Block) -> [Int] {
        let units = buffer.units
        return block.range.dropFirst().dropLast(2).filter { i in
            units[i] == 0x3A && units[i + 1] == 0x20 && (Unicode.Scalar(units[i + 2]).map(CharacterInfo.isLowercase) ?? false)
                && (units[i - 1] == 0x2C || (Unicode.Scalar(units[i - 1]).map(CharacterInfo.isLowercase) ?? false))
        }
    }

    /// Marks where the language's grammar has none: right after a lower-case word that cannot end a
    /// phrase ("the end; of", "in; support", "the, ") or right before one that cannot start the clause a
    /// semicolon or colon opens ("end; of this year"), from the language profile.
    func marksOutOfPlace(_ block: Block) -> [(offset: Int, message: String)] {
        let units = buffer.units
        let language = language(of: block)
        var found: [(offset: Int, message: String)] = []
        for (index, token) in block.tokens.enumerated() where token.kind == .word && index + 1 < block.tokens.count {
            let mark = block.tokens[index + 1]
            guard mark.range.count == 1, mark.range.lowerBound == token.range.upperBound,
                  let scalar = Unicode.Scalar(units[mark.range.lowerBound]) else { continue }
            let word = key(token, in: block).folded
            if !token.isCapitalized, language.marksNeverAfter[word]?.contains(scalar) ?? false {
                found.append((mark.range.lowerBound, "'\(scalar)' right after '\(buffer.string(token.range))': a word is missing, or the mark is stray"))
            } else if scalar == ";" || scalar == ":", index + 2 < block.tokens.count, block.tokens[index + 2].kind == .word,
                      language.wordsNeverAfterSemicolon.contains(key(block.tokens[index + 2], in: block).folded) {
                found.append((mark.range.lowerBound, "'\(scalar)' before '\(buffer.string(block.tokens[index + 2].range))', which cannot start a clause"))
            }
        }
        return found
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
