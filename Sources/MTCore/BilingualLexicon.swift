import Foundation
import MTText
import Synchronization

/// What mtlint knows about which target words can translate which source words, for recognising
/// translated (not transliterated) names and terms: "Северной" is a form of северный = north, so
/// "North" is its counterpart; "ЮАР" is the initialism of CLDR's "Южно-Африканская Республика" =
/// "South Africa". Keys are Snowball stems of both languages, so any case form matches.
///
/// Sources, all reviewable data: the pair's bilingual word list in `Data/` (for ru→en the
/// OpenRussian lexicon, CC BY-SA 4.0), CLDR names from ICU (territories, languages, currencies,
/// exemplar cities), `Data/conventional-names.<source>-<target>.tsv` and the other tables of the
/// knowledge set it is built with (`Knowledge`: a project's rows added to the bundled ones).
public final class BilingualLexicon: Sendable {
    public let pair: LanguagePair
    /// The word list's part, compiled ahead of time (`Data/lexicon.<pair>.compiled.tsv`, see
    /// `compile(pair:)`) and searched in place: no stemming and no large tables at start-up.
    private let compiled: CompiledTable
    /// The name tables' part (CLDR from ICU, conventional names), small and built at start-up.
    private let names: Tables
    /// The names' source words as written (folded), sorted, with their translations' stems: for case
    /// forms whose Snowball stem is not the stem of the form the table lists ("Ливаном": "ливан", but
    /// "Ливан": "лива"; "Китая": "кит", "Китай": "кита").
    private let nameWords: [(word: String, letters: [Unicode.Scalar], stems: Set<String>)]
    /// The source language's names of countries (CLDR territories, and the acronyms the acronym table
    /// marks as countries), folded and sorted.
    private let countryWords: [String]
    /// The acronyms of the acronym table (`Data/acronyms.<pair>.tsv`), folded.
    public let listedAcronyms: Set<String>
    /// First parts of compound abbreviations (`Data/compound-prefixes.<pair>.tsv`, "гос" = state), longest
    /// first, with the stems of their translations.
    private let compoundPrefixes: [(prefix: String, stems: Set<String>)]
    /// Stems of the source language's common (lower-case) words.
    public let sourceCommonStems: StemSet
    /// Source stems that translate into a capitalised name ("московский" = "Moscow"): words of a name
    /// even where the source language writes them in lower case.
    public let sourceProperStems: StemSet
    /// Stems of target words that the word list uses to translate common words.
    public let targetCommonStems: StemSet

    /// A set of stems kept in the compiled table under a one-letter section.
    public struct StemSet: Sendable {
        let table: CompiledTable
        let section: Character
        public func contains(_ stem: String) -> Bool { table.value(section, stem) != nil }
    }

    /// `targetStems(forSourceStem:)` of recent stems: the same words recur across the documents of a
    /// stream, and each lookup is several binary searches (suffixes, a fleeting vowel).
    private let recentTargetStems = Mutex(BoundedCache<String, Set<String>>())
    /// What each source word form may become in a translation (`Document.renderings(of:)`), once per form.
    let formRenderings = WordMemo<Set<String>>()

    /// The lexicon of a language pair with a knowledge set's tables: `Knowledge.lexicon(for:)` builds it once.
    init(pair: LanguagePair, knowledge: Knowledge) {
        self.pair = pair
        let name = "lexicon.\(pair.source.code)-\(pair.target.code)"
        // Without its compiled form (a checkout that has not run .ci/regenerate), compile now: slower.
        let compiledText = KnowledgeFile.url(name + ".compiled.tsv").flatMap { try? Data(contentsOf: $0) }.map(Array.init)
            ?? Array(Self.compile(pair: pair).utf8)
        let compiled = CompiledTable(compiledText)
        self.compiled = compiled
        var names = Tables(pair: pair)
        let cldrNames = CLDRNames.entries(source: pair.source.icuLocale, target: pair.target.icuLocale)
        for entry in cldrNames {
            names.add(entry.source, translations: [entry.target], common: false)
        }
        let tables = "\(pair.source.code)-\(pair.target.code).tsv"
        for row in knowledge.rows(named: "conventional-names." + tables) where row.count >= 2 {
            names.add(row[0], translations: row[1].split(separator: "|").map(String.init), common: false)
        }
        // A project's word list rows (the bundled ones are compiled): their translations, not which words are common.
        for row in knowledge.added(named: "lexicon." + tables) where row.count >= 3 {
            names.add(row[0], translations: Self.alternatives(row[2]), common: true)
        }
        let acronymRows = knowledge.rows(named: "acronyms." + tables).filter { $0.count >= 3 }
        listedAcronyms = Set(acronymRows.map { Normalizer.foldKey($0[0]) })
        for row in acronymRows {
            // What the acronym stands for: its English forms, and the word list's translations of its expansion.
            let expansion = Self.words(row[1]).filter { !pair.source.isStopword($0.lowercased()) }
                .flatMap { compiled.values("t", pair.source.stem($0)) ?? [] }
            let forms = row[2].split(separator: "|").map(String.init)
            names.addAcronym(row[0], forms: forms, expansionStems: Set(expansion))
            // Written as a word too ("Врио" = "acting").
            names.add(row[0], translations: forms, common: false)
        }
        // International organisations' acronyms ("МАГАТЭ" = "IAEA"): the target's acronyms as forms, the words
        // of its full names as what the acronym stands for (not as aliases of one another).
        let organisationRows = knowledge.rows(named: "organisations.tsv").filter { $0.count >= 5 }
        for row in organisationRows where row[2] == pair.source.code {
            let target = organisationRows.filter { $0[0] == row[0] && $0[2] == pair.target.code }
            let acronyms = target.flatMap { $0[4].split(separator: "|").map(String.init) }
            let expansion = target.flatMap { Self.words($0[3]) }.filter { !pair.target.isStopword($0.lowercased()) }.map { pair.target.stem($0) }
            guard let first = acronyms.first else { continue }
            for acronym in row[4].split(separator: "|").map(String.init) {
                names.addAcronym(acronym, forms: [first], expansionStems: Set(expansion))
            }
        }
        self.names = names
        compoundPrefixes = knowledge.rows(named: "compound-prefixes." + tables).compactMap { row in
            guard row.count >= 2 else { return nil }
            let stems = Set(row[1].split(separator: "|").flatMap { Self.words(String($0)) }.map { pair.target.stem($0) })
            return (Normalizer.foldKey(row[0]), stems)
        }.sorted { $0.prefix.count > $1.prefix.count }
        nameWords = names.words.map { ($0.key, Array($0.key.unicodeScalars), $0.value) }.sorted { $0.word < $1.word }
        countryWords = Set(cldrNames.filter { $0.kind == .territory }
            .flatMap { Self.words($0.source) }.filter { $0.first?.isUppercase ?? false }.map(Normalizer.foldKey)
            + acronymRows.filter { $0.count >= 4 && $0[3] == "country" }
                .map { Normalizer.foldKey($0[0]) }).sorted()
        sourceCommonStems = StemSet(table: compiled, section: "c")
        sourceProperStems = StemSet(table: compiled, section: "p")
        targetCommonStems = StemSet(table: compiled, section: "e")
    }

    /// The word list of a pair (`Data/lexicon.<pair>.tsv`) compiled into sorted lines of
    /// `section:key<TAB>values`: `t` source stem → target stems, `c`/`p`/`e` the common source, proper
    /// source and common target stems, `i`/`j` source and target initialisms → stems of what they stand
    /// for. `swift run mtlint-bench compile-lexicon` writes it (`.ci/regenerate`); a test keeps it current.
    public static func compile(pair: LanguagePair) -> String {
        var tables = Tables(pair: pair)
        for row in KnowledgeFile.rows(named: "lexicon.\(pair.source.code)-\(pair.target.code).tsv") where row.count >= 3 {
            tables.add(row[0], translations: Self.alternatives(row[2]), common: true)
        }
        var lines: [String] = []
        func section(_ letter: Character, _ table: [String: Set<String>]) {
            for (key, values) in table { lines.append("\(letter):\(key)\t\(values.sorted().joined(separator: " "))") }
        }
        section("t", tables.translations)
        section("i", tables.sourceInitialisms)
        section("j", tables.targetInitialisms)
        for (letter, set) in [("c", tables.sourceCommon), ("p", tables.sourceProper), ("e", tables.targetCommon)] {
            for key in set { lines.append("\(letter):\(key)\t") }
        }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return "# Generated from lexicon.\(pair.source.code)-\(pair.target.code).tsv by `swift run mtlint-bench compile-lexicon`"
            + " (.ci/regenerate); do not edit.\n" + lines.joined(separator: "\n") + "\n"
    }

    /// What a row list records: translations by stem, common and proper stems, initialisms.
    struct Tables {
        let source: Language, target: Language
        var translations: [String: Set<String>] = [:]
        var sourceCommon = Set<String>(), targetCommon = Set<String>(), sourceProper = Set<String>()
        var sourceInitialisms: [String: Set<String>] = [:], targetInitialisms: [String: Set<String>] = [:]
        /// Single source words as written (folded) → stems of their translations.
        var words: [String: Set<String>] = [:]
        /// Target stems that name one thing ("us", "usa", "american", "unit", "state" for США): each
        /// stem of a name's target forms → all of them.
        var aliases: [String: Set<String>] = [:]

        init(pair: LanguagePair) {
            source = pair.source
            target = pair.target
        }

        mutating func add(_ sourceText: String, translations targetTexts: [String], common: Bool) {
            let sourceWords = BilingualLexicon.words(sourceText)
            let sourceStems = sourceWords.map { source.stem($0) }
            for targetText in targetTexts { add(sourceText, sourceWords, sourceStems, targetText, common: common) }
            if !common, targetTexts.count >= 2 { addAliases(targetTexts) }
        }

        /// Records that target forms name one thing.
        mutating func addAliases(_ targetTexts: [String]) {
            let stems = Set(targetTexts.flatMap(BilingualLexicon.words).filter { !target.isStopword($0.lowercased()) }.map { target.stem($0) })
            for stem in stems { aliases[stem, default: []].formUnion(stems) }
        }

        /// Records what a source acronym stands for: target stems of its forms and of its expansion;
        /// a form that is an acronym itself ("EMERCOM") stands for the source acronym.
        mutating func addAcronym(_ acronym: String, forms: [String], expansionStems: Set<String>) {
            let key = Normalizer.foldKey(acronym)
            var stems = expansionStems
            for form in forms {
                let formWords = BilingualLexicon.words(form)
                stems.formUnion(formWords.filter { !target.isStopword($0.lowercased()) }.map { target.stem($0) })
                if formWords.count == 1, form.count >= 2, form.allSatisfy({ $0.isUppercase || $0 == "." }) {
                    targetInitialisms[Normalizer.foldKey(form.filter { $0 != "." }), default: []].insert(source.stem(acronym))
                }
            }
            sourceInitialisms[key, default: []].formUnion(stems)
            if forms.count >= 2 { addAliases(forms) }
        }

        /// Records that `targetText` translates the source phrase `sourceText` (its words and their
        /// stems, computed once per row by the caller). `common`: from the word list, not a name table.
        private mutating func add(_ sourceText: String, _ sourceWords: [String], _ sourceStems: [String], _ targetText: String, common: Bool) {
            let targetWords = BilingualLexicon.words(targetText)
            let targetWordStems = targetWords.map { target.stem($0) }
            if common {
                for (word, stem) in zip(sourceWords, sourceStems) where word.first?.isLowercase ?? false { sourceCommon.insert(stem) }
                for (word, stem) in zip(targetWords, targetWordStems) where word.first?.isLowercase ?? false { targetCommon.insert(stem) }
            }
            let targetStems = Set(zip(targetWords, targetWordStems).filter { !target.isStopword($0.0) }.map(\.1))
            guard !targetStems.isEmpty, !sourceWords.isEmpty else { return }
            // A proper name's translation: capitalised, and not a common word the dictionary knows in
            // lower case (the word list writes some common words capitalised: "министр" = "Minister").
            if common, sourceWords.count == 1, sourceText.first?.isLowercase ?? false,
               targetWords.allSatisfy({ $0.first?.isUppercase ?? false }),
               !(target.speller.map { speller in targetWords.allSatisfy { speller.accepts($0.lowercased()) } } ?? false) {
                sourceProper.insert(sourceStems[0])
            }
            // A stem of one letter ("и" of "иена") would stand for every word with that stem.
            for (word, stem) in zip(sourceWords, sourceStems) where !source.isStopword(word) && stem.count >= 2 {
                translations[stem, default: []].formUnion(targetStems)
                if !common { words[Normalizer.foldKey(word), default: []].formUnion(targetStems) }
            }
            if sourceWords.count >= 2 { sourceInitialisms[BilingualLexicon.initials(sourceWords), default: []].formUnion(targetStems) }
            let contentTarget = targetWords.filter { !target.isStopword($0.lowercased()) }
            if contentTarget.count >= 2 {
                targetInitialisms[BilingualLexicon.initials(contentTarget), default: []].formUnion(sourceStems)
            }
        }
    }

    /// The translations of a source stem in both parts, `nil` when neither has it.
    private func translations(_ stem: String) -> Set<String>? {
        let listed = compiled.values("t", stem), named = names.translations[stem]
        switch (listed, named) {
        case (nil, nil): return nil
        case let (listed?, nil): return listed
        case let (nil, named?): return named
        case let (listed?, named?): return listed.union(named)
        }
    }

    /// Stems of the target words that can translate a source word (by its stem): its own entry,
    /// else the entry of the longest known word it ends with (a compound's head).
    public func targetStems(forSourceStem stem: String) -> Set<String> {
        if let known = recentTargetStems.withLock({ $0[stem] }) { return known }
        let found = lookUpTargetStems(stem)
        recentTargetStems.withLock { $0.insert(found, for: stem) }
        return found
    }

    /// What a source word may become in a translation, as target stems: its translations in the word
    /// list, the word itself (a name or a loan kept as written) and its romanisation (a transliterated name).
    /// The aligners' lexical evidence: a target word with one of these stems renders the source word.
    public func renderings(ofSourceWord folded: String, stem: String) -> Set<String> {
        targetStems(forSourceStem: stem).union([stem, pair.target.stem(pair.source.romanize(folded))])
    }

    private func lookUpTargetStems(_ stem: String) -> Set<String> {
        // No entry is that long, and the suffix lookups below would cost the square of the length.
        guard stem.utf16.count <= Token.longestAnalysedWord else { return [] }
        if let direct = translations(stem) { return direct }
        if let restored = withFleetingVowel(stem) { return restored }
        for length in stride(from: stem.count - 3, through: 5, by: -1) {
            if let found = translations(String(stem.suffix(length))) { return found }
        }
        // The stemmer cuts some forms shorter than the word list's lemma ("здоров" → "здор", but
        // "здоровый" → "здоров"): entries whose stem extends this one by at most two letters.
        if stem.count >= 4 {
            let found = compiled.values(withKeyPrefix: "t", stem, longerBy: 2)
            if !found.isEmpty { return found }
        }
        // A word derived from a listed one by a suffix ("субботн" of "субботний" from "суббот" of "суббота").
        for length in stride(from: stem.count - 1, through: max(4, stem.count - 2), by: -1) {
            if let found = translations(String(stem.prefix(length))) { return found }
        }
        // A compound abbreviation: its first part's words, and the rest looked up ("госдум" = state + дум).
        if let compound = compoundPrefixes.first(where: { stem.hasPrefix($0.prefix) && stem.count - $0.prefix.count >= 3 }) {
            let rest = String(stem.dropFirst(compound.prefix.count))
            return compound.stems.union(translations(rest) ?? compiled.values(withKeyPrefix: "t", rest, longerBy: 2))
        }
        return []
    }

    /// Russian and other Slavic nouns drop a vowel before their last consonant in case forms
    /// ("дворце" → "дворц", lemma "дворец"): the entry of the stem with "е" or "о" put back.
    private func withFleetingVowel(_ stem: String) -> Set<String>? {
        guard pair.source.script == .cyrillic, stem.count >= 4 else { return nil }
        let vowels = Set("аеёиоуыэюя")
        let letters = Array(stem)
        guard !vowels.contains(letters[letters.count - 1]), !vowels.contains(letters[letters.count - 2]) else { return nil }
        for vowel in ["е", "о"] {
            let candidate = String(letters.dropLast()) + vowel + String(letters.last!)
            if let found = translations(candidate) { return found }
        }
        return nil
    }

    /// Whether a word (its fold key) names a country, in any case form ("России", "США").
    public func isCountry(_ folded: String) -> Bool {
        let head = String(folded.prefix(3))
        var i = countryWords.partitionPoint { $0 >= head }
        while i < countryWords.count, countryWords[i].hasPrefix(head) {
            if Self.isCaseForm(folded, of: countryWords[i]) { return true }
            i += 1
        }
        return false
    }

    /// Whether a word can be a case form of a listed word: it extends the listed word's first letters by
    /// a case ending, after at most two letters of the listed form ("ливаном" ~ "ливан", "китая" ~
    /// "китай", "москвы" ~ "москва"; a word of three letters or fewer only as written).
    public static func isCaseForm(_ word: String, of listed: String) -> Bool {
        isCaseForm(Array(word.unicodeScalars), of: Array(listed.unicodeScalars))
    }

    static func isCaseForm(_ letters: [Unicode.Scalar], of base: [Unicode.Scalar]) -> Bool {
        if letters.count <= 3 || base.count <= 3 { return letters == base }
        let shared = zip(letters, base).prefix { $0 == $1 }.count
        // Two letters of the listed form give way only to an ending of at most two ("египта" ~ "египет",
        // a fleeting vowel; "сергей" is no form of "серер").
        let dropped = base.count - shared, added = letters.count - shared
        return shared >= 3 && dropped <= 2 && added <= (dropped == 2 ? 2 : 3)
    }

    /// Stems of the translations of a name word in another case form than the one the name tables
    /// list: a listed name that the word extends by a case ending, after at most two letters of the
    /// listed form ("ливаном" ~ "ливан", "китая" ~ "китай", "москвы" ~ "москва"). `folded` is the word's
    /// fold key.
    public func nameTargetStems(forCaseForm folded: String) -> Set<String> {
        guard folded.count >= 3 else { return [] }
        let head = String(folded.prefix(3))
        var found = Set<String>()
        let letters = Array(folded.unicodeScalars)
        var i = nameWords.partitionPoint { $0.word >= head }
        while i < nameWords.count, nameWords[i].word.hasPrefix(head) {
            if Self.isCaseForm(letters, of: nameWords[i].letters) { found.formUnion(nameWords[i].stems) }
            i += 1
        }
        return found
    }

    /// Target stems with the other stems of every name they are a form of ("american" → "us", "usa", …).
    public func withAliases(_ stems: Set<String>) -> Set<String> {
        stems.reduce(into: stems) { all, stem in all.formUnion(names.aliases[stem] ?? []) }
    }

    /// What a source initialism stands for, as target stems.
    public func expansion(ofSourceInitialism folded: String) -> Set<String> {
        (compiled.values("i", folded) ?? []).union(names.sourceInitialisms[folded] ?? [])
    }

    /// Source stems a target initialism can stand for.
    public func sourceStems(forTargetInitialism folded: String) -> Set<String> {
        (compiled.values("j", folded) ?? []).union(names.targetInitialisms[folded] ?? [])
    }

    /// Folded initial letters of words ("Южно-Африканская Республика" → "юар").
    static func initials(_ words: [String]) -> String {
        String(words.compactMap { $0.first }).lowercased()
    }

    /// Letter runs of a phrase, hyphenated parts separately.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init)
    }

    /// "United States of America (USA); US" → ["United States of America", "USA", "US"].
    static func alternatives(_ field: String) -> [String] {
        field.split(separator: ";").flatMap { part -> [String] in
            var outside = "", inside: [String] = [], current = ""
            var depth = 0
            for character in part {
                if character == "(" { depth += 1; continue }
                if character == ")" { depth = max(0, depth - 1); if depth == 0 { inside.append(current); current = "" }; continue }
                if depth > 0 { current.append(character) } else { outside.append(character) }
            }
            return ([outside] + inside).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}

/// Sorted lines `section:key<TAB>values` (values separated by spaces), searched in place by binary
/// search on the key's UTF-8 bytes. Lines starting with `#` are comments.
final class CompiledTable: Sendable {
    private let bytes: [UInt8]
    /// Where each data line starts, and where its key ends (the tab).
    private let lines: [(start: Int, tab: Int, end: Int)]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [(start: Int, tab: Int, end: Int)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if bytes[start] != 0x23, let tab = bytes[start..<end].firstIndex(of: 0x09) { lines.append((start, tab, end)) }
            start = end + 1
        }
        self.lines = lines
    }

    /// The values of `section:key`, as written; `nil` when the table has no such key.
    func value(_ section: Character, _ key: String) -> ArraySlice<UInt8>? {
        var wanted = [UInt8](section.utf8)
        wanted.append(0x3A)  // ":"
        wanted.append(contentsOf: key.utf8)
        let found: Range<Int>? = bytes.withUnsafeBufferPointer { bytes in
            wanted.withUnsafeBufferPointer { wanted in
                var low = 0, high = lines.count
                while low < high {
                    let mid = (low + high) / 2
                    let line = lines[mid]
                    let length = line.tab - line.start
                    // Byte order, as the compiler sorted the lines: a common prefix, then the shorter first.
                    var order = memcmp(bytes.baseAddress! + line.start, wanted.baseAddress!, min(length, wanted.count))
                    if order == 0 { order = length < wanted.count ? -1 : length > wanted.count ? 1 : 0 }
                    if order < 0 {
                        low = mid + 1
                    } else if order == 0 {
                        return (line.tab + 1)..<line.end
                    } else {
                        high = mid
                    }
                }
                return nil
            }
        }
        return found.map { bytes[$0] }
    }

    /// The values of every `section:key…` whose key starts with `prefix` and is at most `longerBy`
    /// characters longer, as a set of strings.
    func values(withKeyPrefix section: Character, _ prefix: String, longerBy extra: Int) -> Set<String> {
        var wanted = [UInt8](section.utf8)
        wanted.append(0x3A)
        wanted.append(contentsOf: prefix.utf8)
        let limit = prefix.count + extra
        var found = Set<String>()
        var i = lines.partitionPoint { line in
            bytes[line.start..<line.tab].lexicographicallyPrecedes(wanted) == false
        }
        while i < lines.count, bytes[lines[i].start..<lines[i].tab].starts(with: wanted) {
            let key = String(decoding: bytes[(lines[i].start + wanted.count - prefix.utf8.count)..<lines[i].tab], as: UTF8.self)
            if key.count <= limit {
                found.formUnion(bytes[(lines[i].tab + 1)..<lines[i].end].split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) })
            }
            i += 1
        }
        return found
    }

    /// The values of `section:key` as a set of strings.
    func values(_ section: Character, _ key: String) -> Set<String>? {
        value(section, key).map { slice in Set(slice.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }) }
    }
}
