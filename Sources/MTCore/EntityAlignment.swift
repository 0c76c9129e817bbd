import MTText
import Synchronization

/// The names and acronyms of an aligned source/target pair, each marked with whether the other
/// side accounts for it. What unsupported-entity, name-mismatch and missing-name report.
///
/// An entity is a run of capitalised words (joined across one function word: "Voices for Africa")
/// or an acronym. A sentence-initial word counts only when it is not a common word of its language
/// (per the bilingual word list), so "Also" and "Pilots" are not names but "Pfannenstiel" is.
/// Two words are counterparts when they are spelled alike, when the word list, CLDR or the
/// conventional names translate one into the other (by stem, so case forms match; a compound by
/// its last part), when both are capitalised and one transliterates the other (`NameMatch`), or
/// when one is an initialism of what the other stands for ("ЮАР" / "South Africa", "UK" /
/// "Великобритания"). An entity is accounted for when any of its words has a counterpart anywhere
/// in the other text. Acronyms left over on both sides are taken as translations of each other
/// ("АЭС" / "NPP"): acronyms are translated, not transliterated.
public struct EntityAlignment: Sendable {
    public struct Entity: Sendable, Hashable {
        /// From the first word to the last.
        public let range: Range<Int>
        public let words: [Range<Int>]
        public let isAcronym: Bool
        /// Every word is a common word of its language (a capitalised title or term, not a proper name).
        public let isCommon: Bool
        /// Every word is in the language's spelling dictionary as written (a well-known name such as
        /// "Moscow" or a capitalised common word), so the entity is no rare or invented name. False
        /// when no dictionary is installed.
        public let isDictionaryKnown: Bool
        /// How many of its words the spelling dictionary does not know as written: the words of a rare name
        /// ("Bohuslav Reynek": 2; "President Tebboune": 1).
        public let rareWords: Int
        /// Every word has translations in the word list, CLDR or the conventional names ("США" = "US",
        /// "United States"): a translation with none of them has left it out or changed it.
        public let hasKnownTranslation: Bool
        /// Whether the other side accounts for it.
        public internal(set) var matched: Bool
    }

    public let source: [Entity]
    public let target: [Entity]
    /// For each word of a target entity, the words of source entities it corresponds to (by start offset).
    public let targetWordCounterparts: [Int: [Range<Int>]]
    /// For each source entity word that some target word corresponds to, the target entity words
    /// that correspond to it (empty when only a word outside the target's entities does).
    public let sourceWordCounterparts: [Int: [Range<Int>]]
    /// Target entity words that nothing in the source accounts for.
    public let unaccountedTargetWords: [Range<Int>]

    /// The index of the word that starts at an offset, among words in text order (a binary search).
    struct WordIndex {
        private let starts: [Int]

        init(_ words: [Word]) { starts = words.map(\.range.lowerBound) }

        subscript(offset: Int) -> Int? {
            let i = starts.partitionPoint { $0 >= offset }
            return i < starts.count && starts[i] == offset ? i : nil
        }
    }

    /// Every word of a block, analysed once: a reference, so that comparing every pair of words of a
    /// pair of blocks reads a word's fields without copying them.
    final class Word {
        /// The skeleton of any word (of a lower-case one, computed here: only acronym comparisons need it).
        var comparableSkeleton: NameMatch.Skeleton { isCapitalized ? skeleton : NameMatch.skeleton(romanized) }

        let range: Range<Int>
        /// Its interned form: its number (`WordKey.id`, what the memos of per-word results are keyed by), text and stem.
        let key: WordKey
        var id: Int { key.id }
        var text: String { key.text }
        var stem: String { key.stem }
        /// What the word is by its text alone (`Form`), shared by all its occurrences.
        let form: Form
        var folded: String { form.folded }
        var analysis: TextAnalysis { form.analysis }
        var skeleton: NameMatch.Skeleton { analysis.skeleton }
        var romanized: String { analysis.romanized }
        var sound: NameMatch.PhoneticKey { analysis.sound }
        var baseSkeleton: NameMatch.Skeleton { analysis.baseSkeleton }
        var baseSound: NameMatch.PhoneticKey { analysis.baseSound }
        var nativeSkeleton: NameMatch.Skeleton { analysis.nativeSkeleton }
        var isDictionaryWord: Bool { analysis.isDictionaryWord }
        var isCommonAcronym: Bool { analysis.isCommonAcronym }
        var isAcronym: Bool { analysis.isAcronym }
        var isStopword: Bool { form.isStopword }
        var isNameConnector: Bool { form.isNameConnector }
        var isAbbreviation: Bool { form.isAbbreviation }
        /// The acronym a run of letter names starting here spells ("Би-би-си" = "bbc"); empty for none.
        var spelledAcronym = ""
        let isCapitalized: Bool
        let isCommon: Bool
        var hasKnownTranslation = false
        let isMixedScript: Bool
        let isSentenceInitial: Bool
        /// Only white space or a hyphen separates it from the word before.
        let joinsPrevious: Bool

        init(range: Range<Int>, key: WordKey, form: Form, isCapitalized: Bool, isMixedScript: Bool, isSentenceInitial: Bool, joinsPrevious: Bool) {
            self.range = range
            self.key = key
            self.form = form
            self.isCapitalized = isCapitalized
            isCommon = isSentenceInitial ? form.isCommonFirst : form.isCommonElsewhere
            self.isMixedScript = isMixedScript
            self.isSentenceInitial = isSentenceInitial
            self.joinsPrevious = joinsPrevious
        }
    }

    /// - Parameters:
    ///   - sourceKeys, targetKeys: the document's fold key and stem of each token of the blocks (`Document.key`).
    ///   - memo: the analyses of words met in earlier pairs, of this document or others (`Memo`), extended with this pair's.
    init(source sourceBlock: Block, target targetBlock: Block, buffer: TextBuffer, pair: LanguagePair, knowledge: Knowledge,
         sourceKeys: [WordKey?], targetKeys: [WordKey?], memo: inout Memo) {
        let lexicon = knowledge.lexicon(for: pair)
        // A source word is common when the spelling dictionary accepts it in lower case (an exact
        // form: stems collide, путин/путина); without a dictionary, when the word list has its stem.
        // A stem the word list translates into a name ("московск" = "Moscow") makes a word a name even
        // where the dictionary knows it in lower case, except at the start of a sentence, where the
        // dictionary's word comes first: "Среди" is "among", not a form of "Среда" = "Wednesday".
        let sourceSpeller = pair.source.speller
        let sourceWords = Self.words(sourceBlock, buffer, sourceKeys, pair.source, native: pair.source, memo: &memo.source) { stem, lowercased, initial in
            (initial || !lexicon.sourceProperStems.contains(stem))
                && (sourceSpeller.map { $0.accepts(lowercased) } ?? lexicon.sourceCommonStems.contains(stem))
        }
        let targetSpeller = pair.target.speller
        let targetWords = Self.words(targetBlock, buffer, targetKeys, pair.target, native: pair.source, memo: &memo.target) { stem, lowercased, _ in
            lexicon.targetCommonStems.contains(stem) || targetSpeller?.accepts(lowercased) ?? false
        }
        // The full names a short name stands for ("Саша" = "Александр"), as names to compare with.
        let fullNames = sourceWords.map { word -> [NameMatch.SourceName] in
            guard word.isCapitalized, !word.isAcronym else { return [] }
            if let known = memo.fullNames[word.id] { return known }
            let found = knowledge.fullNames(of: word.folded, in: pair.source).map { NameMatch.SourceName($0, pair: pair, knowledge: knowledge) }
            memo.fullNames[word.id] = found
            return found
        }
        // Conventional forms of each capitalised source word, looked up once per word of the document.
        let conventionalForms = sourceWords.map { word -> [String]? in
            guard word.isCapitalized else { return nil }
            if let known = memo.conventionalForms[word.id] { return known }
            let found = knowledge.conventionalForms(of: word.text, from: pair.source, to: pair.target)?.map(Normalizer.bareKey)
            memo.conventionalForms[word.id] = found
            return found
        }
        // What the word lists give each word, looked up once per word of the document (not once per pair
        // of words): a function of its fold key, its stem and whether it is capitalised. Each stem with its
        // length in characters (counting walks the string) and its first byte.
        let translations = sourceWords.map { word -> [TargetStem] in
            // A function word translates no name (and its stem may be a name word's: "и" of "иена").
            guard !word.isStopword else { return [] }
            if let known = memo.translations[word.id] { return known }
            let listed = lexicon.targetStems(forSourceStem: word.stem)
            let found = lexicon.withAliases(word.isCapitalized ? listed.union(lexicon.nameTargetStems(forCaseForm: word.folded)) : listed)
                .map { (stem: $0, length: $0.count, first: $0.utf8.first) }
            memo.translations[word.id] = found
            return found
        }
        let expansions = sourceWords.map { $0.isAcronym ? lexicon.expansion(ofSourceInitialism: $0.folded) : [] }
        for i in sourceWords.indices {
            sourceWords[i].hasKnownTranslation = conventionalForms[i] != nil || !translations[i].isEmpty || !expansions[i].isEmpty
        }
        // The skeleton of a lower-case source word, computed when a capitalised target word is compared
        // with it: a name's common word transliterated ("края" = "Krai", "газеты" = "Gazeta").
        // (These analyses of single words are kept in the memo by form: the same words recur in a document's
        // pairs and a stream's.)
        func lowerTargetSkeleton(_ ti: Int) -> NameMatch.Skeleton {
            let word = targetWords[ti]
            if let known = memo.lowerTargetSkeletons[word.id] { return known }
            let skeleton = NameMatch.skeleton(word.romanized)
            memo.lowerTargetSkeletons[word.id] = skeleton
            return skeleton
        }
        func lowerTargetSound(_ ti: Int) -> NameMatch.PhoneticKey {
            let word = targetWords[ti]
            if let known = memo.lowerTargetSounds[word.id] { return known }
            let sound = NameMatch.phoneticKey(word.stem, spelling: pair.target.script == .latin ? .latin : .romanized)
            memo.lowerTargetSounds[word.id] = sound
            return sound
        }
        // A lower-case source word as a name's part would be written: its skeleton, its sounds and the
        // sounds of the name a place adjective is made of ("моджахеда" ~ "Mujahed", "уотфордская" ~ "Watford").
        var lowerSources = [LowerWord?](repeating: nil, count: sourceWords.count)
        let sourceSpelling: NameMatch.Spelling = pair.source.script == .latin ? .latin : .romanized
        func lowerSource(_ si: Int) -> LowerWord {
            if let known = lowerSources[si] { return known }
            let word = sourceWords[si]
            let text = word.text
            let found: LowerWord
            if let known = memo.lowerSources[word.id] {
                found = known
            } else {
                let romanized = word.romanized == word.folded && pair.source.script != .latin
                    ? Normalizer.foldKey(pair.source.romanize(text)) : word.romanized
                let base = pair.source.adjectiveBase(ofFolded: word.folded).map { NameMatch.phoneticKey(Normalizer.foldKey(pair.source.romanize($0)), spelling: sourceSpelling) } ?? []
                found = LowerWord(skeleton: NameMatch.skeleton(romanized), sound: NameMatch.phoneticKey(romanized, spelling: sourceSpelling), base: base)
                memo.lowerSources[word.id] = found
            }
            lowerSources[si] = found
            return found
        }
        // Lengths in characters (counted once per form), and first bytes.
        let targetStemLengths = targetWords.map(\.form.stemLength)
        let targetStemFirsts = targetWords.map { $0.stem.utf8.first }
        let placeAdjectives = targetWords.map(\.form.isPlaceAdjective)
        let initialismSources = targetWords.map { $0.isAcronym ? lexicon.sourceStems(forTargetInitialism: $0.folded) : [] }
        var source = Self.entities(sourceWords)
        var target = Self.entities(targetWords)
        // A word's skeleton as an acronym is compared (`Word.comparableSkeleton`): a lower-case word's made once per form.
        func comparableSkeleton(_ word: Word) -> NameMatch.Skeleton {
            guard !word.isCapitalized else { return word.skeleton }
            if let known = memo.comparableSkeletons[word.id] { return known }
            let skeleton = word.comparableSkeleton
            memo.comparableSkeletons[word.id] = skeleton
            return skeleton
        }
        func counterparts(_ si: Int, _ ti: Int) -> Bool {
            let s = sourceWords[si], t = targetWords[ti]
            if Self.sameKey(s.folded, t.folded) { return true }
            // A translation, or a word derived from one ("Египетский" = "Egyptian" ~ "Egypt").
            // (The same stem, or a derived word, has the stem's first letter: in one normal form, its first
            // byte, compared first.)
            if !t.isStopword, translations[si].contains(where: { stem, length, first in
                first == targetStemFirsts[ti] && (Self.sameKey(stem, t.stem)
                    || Self.derived(stem, length, t.stem, targetStemLengths[ti], name: t.isCapitalized, placeAdjective: placeAdjectives[ti]))
            }) { return true }
            if s.isAcronym, expansions[si].contains(t.stem) { return true }
            if t.isAcronym, initialismSources[ti].contains(s.stem) { return true }
            // An acronym and the same letters in the other script, in any case ("MSK" / "мск").
            if s.isAcronym || t.isAcronym {
                let (a, b) = (comparableSkeleton(s), comparableSkeleton(t))
                if a.count >= 2, a == b { return true }
            }
            if !s.spelledAcronym.isEmpty, t.isAcronym, s.spelledAcronym == t.romanized { return true }
            if t.isCapitalized, !s.isCapitalized, !s.isStopword, !t.isAcronym {
                // The same sounds exactly, for three or more: a common word sounds like some name too often for
                // the leeway names get.
                let lower = lowerSource(si)
                return NameMatch.transliterates(lower.skeleton, t.skeleton) || (t.sound.count >= 3 && (lower.sound == t.sound || lower.base == t.sound))
            }
            // A name rendered by a common word borrowed from it ("Скрининг" = "screening") or derived from it
            // ("tweeted" for "написал в Твиттере"; "Tweeting" at the start of a sentence).
            if s.isCapitalized, !t.isCapitalized || (t.isSentenceInitial && t.isCommon), !t.isStopword, !s.isAcronym {
                return NameMatch.transliterates(s.skeleton, lowerTargetSkeleton(ti)) || NameMatch.sharesRoot(s.sound, lowerTargetSound(ti))
            }
            guard s.isCapitalized, t.isCapitalized else { return false }
            if !fullNames[si].isEmpty, fullNames[si].contains(where: { NameMatch.matches($0, NameMatch.TargetName(buffer.string(t.range))) }) { return true }
            if NameMatch.similar(s.skeleton, t.skeleton) || NameMatch.similar(s.nativeSkeleton, t.nativeSkeleton)
                || NameMatch.soundsAlike(s.sound, t.sound) { return true }
            // A place adjective and its place ("Ордынского" ~ "Orda"): the first letters of the place's name.
            if !s.baseSkeleton.isEmpty, t.skeleton.count >= s.baseSkeleton.count,
               zip(s.baseSkeleton, t.skeleton).allSatisfy({ NameMatch.same($0, $1) }) { return true }
            if s.baseSound.count >= 2, NameMatch.soundsAlike(s.baseSound, t.sound) { return true }
            return conventionalForms[si]?.contains(where: { t.folded.hasPrefix($0) }) ?? false
        }
        let sourceIndex = WordIndex(sourceWords), targetIndex = WordIndex(targetWords)
        // (By word index: whether the word is in one of the text's entities.)
        var isSourceEntityWord = [Bool](repeating: false, count: sourceWords.count)
        for range in source.lazy.flatMap(\.words) { isSourceEntityWord[sourceIndex[range.lowerBound]!] = true }
        var isTargetEntityWord = [Bool](repeating: false, count: targetWords.count)
        for range in target.lazy.flatMap(\.words) { isTargetEntityWord[targetIndex[range.lowerBound]!] = true }
        // Each pair of words is compared once: entity words of the source with every target word,
        // then the source's other words with the target's entity words.
        // (By source word, in order; nil for a word outside the source's entities.)
        let targetsOf = sourceWords.indices.map { si in
            isSourceEntityWord[si] ? targetWords.indices.filter { counterparts(si, $0) } : nil
        }
        func sources(of ti: Int) -> [Int] {
            sourceWords.indices.filter { si in targetsOf[si]?.contains(ti) ?? counterparts(si, ti) }
        }

        var sourceWordCounterparts: [Int: [Range<Int>]] = [:]
        for i in source.indices {
            for range in source[i].words {
                let found = targetsOf[sourceIndex[range.lowerBound]!]!
                guard !found.isEmpty else { continue }
                sourceWordCounterparts[range.lowerBound] = found.filter { isTargetEntityWord[$0] }.map { targetWords[$0].range }
                source[i].matched = true
            }
        }
        var targetWordCounterparts: [Int: [Range<Int>]] = [:]
        var unaccounted: [Range<Int>] = []
        for i in target.indices {
            for range in target[i].words {
                let found = sources(of: targetIndex[range.lowerBound]!)
                if found.isEmpty {
                    unaccounted.append(range)
                } else {
                    target[i].matched = true
                    targetWordCounterparts[range.lowerBound] = found.filter { isSourceEntityWord[$0] }.map { sourceWords[$0].range }
                }
            }
        }
        self.targetWordCounterparts = targetWordCounterparts
        self.sourceWordCounterparts = sourceWordCounterparts
        unaccountedTargetWords = unaccounted
        // A run accounted for by one word can still hold a name that nothing accounts for ("April
        // Yamaguchi Meirinkan" for "в апреле Государственный суд", "Vladimir Volodin" for "Владимир
        // Владимиров"): its unaccounted proper words become an entity of their own.
        // A source word is displaced when it stands next to a word of a run whose neighbour in the
        // target run is an unaccounted name (no common or dictionary word), and its own counterparts
        // are only that word's ("Владимиров" matches the "Vladimir" of "Владимир", next to "Volodin").
        var displaced = Set<Int>()
        for entity in target where entity.matched && !entity.isAcronym {
            for (j, word) in entity.words.enumerated() {
                for anchor in targetWordCounterparts[word.lowerBound] ?? [] {
                    guard let run = source.first(where: { $0.words.contains(anchor) }), let i = run.words.firstIndex(of: anchor) else { continue }
                    for step in [-1, 1] where entity.words.indices.contains(j + step) && run.words.indices.contains(i + step) {
                        let changed = entity.words[j + step], original = run.words[i + step]
                        let changedWord = targetWords[targetIndex[changed.lowerBound]!]
                        if targetWordCounterparts[changed.lowerBound] == nil, !changedWord.isCommon, !changedWord.isDictionaryWord,
                           (sourceWordCounterparts[original.lowerBound] ?? []).allSatisfy({ $0 == word }) {
                            displaced.insert(original.lowerBound)
                        }
                    }
                }
            }
        }
        // A source word with known translations ("Гидрометцентр": -центр = centre) may be translated
        // in words the lists do not know ("Meteorological Office"); a name without any must show.
        // A translation may leave out a first name and keep the surname ("Degtyarev" for "Михаил Дегтярев",
        // "United" for "Манчестер Юнайтед"): a source run loses only a stretch that ends it.
        // A name whose known forms are its transliteration ("Сергей" = Sergei) is not translated in other
        // words: absent, it is missing.
        source = Self.splittingUnaccounted(source, sourceWords, sourceIndex, onlyFinal: true) { start in
            let si = sourceIndex[start]!
            let translatedInWords = !expansions[si].isEmpty
                || translations[si].contains { !NameMatch.similar(NameMatch.skeleton($0.stem), sourceWords[si].skeleton) }
            return !displaced.contains(start) && (sourceWordCounterparts[start] != nil || translatedInWords)
        }
        // A word the source writes together with the word before it ("Binh" of "Quang Binh" for "Куангбинь").
        func joinsCounterpart(_ start: Int) -> Bool {
            guard let ti = targetIndex[start], ti > 0, targetWords[ti].joinsPrevious else { return false }
            let previous = targetWords[ti - 1]
            let joined = NameMatch.skeleton(previous.romanized + targetWords[ti].romanized)
            // The two words written together spell the source word, about as long ("kuangbinh" ~ "куангбинь";
            // "vladimirvolodin" is no spelling of "владимиров").
            return (targetWordCounterparts[previous.range.lowerBound] ?? []).contains { range in
                let whole = sourceWords[sourceIndex[range.lowerBound]!].skeleton
                return abs(whole.count - joined.count) <= 2 && NameMatch.similar(whole, joined)
            }
        }
        target = Self.splittingUnaccounted(target, targetWords, targetIndex) { targetWordCounterparts[$0] != nil || joinsCounterpart($0) }
        // An acronym spelled out by the other side's name: "АПЛ" ~ "Premier League" (initials p, l in order).
        for i in source.indices where source[i].isAcronym && !source[i].matched {
            let letters = Array(NameMatch.skeleton(Normalizer.foldKey(pair.source.romanize(buffer.string(source[i].range)))))
            for j in target.indices where target[j].words.count >= 2 {
                let initials = target[j].words.compactMap { targetWords[targetIndex[$0.lowerBound]!].skeleton.first }
                if Self.isSubsequence(initials, of: letters) {
                    source[i].matched = true
                    target[j].matched = true
                }
            }
        }
        // An acronym of the target made of the initials of translated source words, in any order, within
        // a phrase ("CDC" for "Центров по контролю и профилактике заболеваний": centres, control, disease).
        for j in target.indices where target[j].isAcronym && !target[j].matched {
            let letters = Array(targetWords[targetIndex[target[j].range.lowerBound]!].folded.filter(\.isLetter))
            guard (2...6).contains(letters.count) else { continue }
            let initials = sourceWords.indices.map { si in
                sourceWords[si].isStopword ? Set<Character>() : Set(translations[si].compactMap(\.stem.first))
            }
            let window = 2 * letters.count + 2
            for start in sourceWords.indices where Self.assigns(letters, to: initials[start..<min(initials.count, start + window)]) {
                target[j].matched = true
                break
            }
        }
        // A name the other side writes in one word: "Tamil Nadu" ~ "Тамилнаде".
        for j in target.indices where !target[j].matched && !target[j].isAcronym && target[j].words.count >= 2 {
            let joined = NameMatch.skeleton(target[j].words.map { targetWords[targetIndex[$0.lowerBound]!].romanized }.joined())
            for i in source.indices where !source[i].matched && !source[i].isAcronym && source[i].words.count == 1 {
                if NameMatch.similar(sourceWords[sourceIndex[source[i].range.lowerBound]!].skeleton, joined) {
                    source[i].matched = true
                    target[j].matched = true
                }
            }
        }
        // Acronyms left over on both sides translate each other.
        if source.contains(where: { $0.isAcronym && !$0.matched }), target.contains(where: { $0.isAcronym && !$0.matched }) {
            for i in source.indices where source[i].isAcronym { source[i].matched = true }
            for j in target.indices where target[j].isAcronym { target[j].matched = true }
        }
        self.source = source
        self.target = target
    }

    /// Each accounted-for run with a stretch of unaccounted words that are neither common nor function
    /// words: the run without them, and each such stretch as an unaccounted entity (with `onlyFinal`,
    /// only a stretch that ends the run).
    static func splittingUnaccounted(_ entities: [Entity], _ words: [Word], _ index: WordIndex, onlyFinal: Bool = false,
                                     isAccounted: (Int) -> Bool) -> [Entity] {
        entities.flatMap { entity -> [Entity] in
            guard entity.matched, !entity.isAcronym, entity.words.count >= 2 else { return [entity] }
            var kept: [Range<Int>] = [], stretches: [[Range<Int>]] = [[]]
            for range in entity.words {
                let word = words[index[range.lowerBound]!]
                if !isAccounted(range.lowerBound) && !word.isCommon && !word.isStopword && !word.isAbbreviation {
                    stretches[stretches.count - 1].append(range)
                } else {
                    kept.append(range)
                    if !stretches.last!.isEmpty { stretches.append([]) }
                }
            }
            var split = stretches.filter { !$0.isEmpty }
            if onlyFinal {
                for stretch in split where stretch.last != entity.words.last { kept += stretch }
                kept.sort { $0.lowerBound < $1.lowerBound }
                split.removeAll { $0.last != entity.words.last }
            }
            guard !split.isEmpty else { return [entity] }
            func piece(_ run: [Range<Int>], matched: Bool) -> Entity {
                Entity(run.map { words[index[$0.lowerBound]!] }, isAcronym: false, matched: matched)
            }
            // Every word may be unaccounted (a displaced source word was the run's only counterpart).
            return (kept.isEmpty ? [] : [piece(kept, matched: true)]) + split.map { piece($0, matched: false) }
        }
    }

    /// Whether two fold keys or stems are the same. Both are in one normal form (NFKC_Casefold), where
    /// equal text is equal bytes: keys of different lengths in bytes (most pairs) differ without the
    /// comparison of characters that String's equality makes of non-ASCII text.
    @inline(__always)
    static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// Whether one stem is a longer form of the other, sharing at least five letters ("egypt" ~
    /// "egyptian", "ethiopia" ~ "ethiopian"). For a name, four letters do: a stem of the other ("wash" ~
    /// "washington"), or a place adjective (its suffix checked by the caller) of one root with it
    /// ("scotland" ~ "scottish", "britain" ~ "british"); two surnames of one root ("volodymyr", "volodin") are not.
    /// - Parameters: aLength, bLength: the stems' lengths in characters.
    static func derived(_ a: String, _ aLength: Int, _ b: String, _ bLength: Int, name: Bool = false, placeAdjective: Bool = false) -> Bool {
        let (short, shortLength, long) = aLength <= bLength ? (a, aLength, b) : (b, bLength, a)
        guard name, shortLength >= 4 else { return shortLength >= 5 && long.hasPrefix(short) }
        return long.hasPrefix(short) || (placeAdjective && zip(short, long).prefix(while: ==).count >= 4)
    }

    /// Whether each letter can be given a different word whose initials include it.
    static func assigns(_ letters: [Character], to initials: ArraySlice<Set<Character>>) -> Bool {
        var used = Set<Int>()
        func place(_ k: Int) -> Bool {
            guard k < letters.count else { return true }
            for i in initials.indices where !used.contains(i) && initials[i].contains(letters[k]) {
                used.insert(i)
                if place(k + 1) { return true }
                used.remove(i)
            }
            return false
        }
        return place(0)
    }

    static func isSubsequence(_ needle: NameMatch.Skeleton, of haystack: NameMatch.Skeleton) -> Bool {
        var rest = haystack[...]
        for character in needle {
            guard let index = rest.firstIndex(of: character) else { return false }
            rest = rest[(index + 1)...]
        }
        return true
    }

    /// - Parameters:
    ///   - native: the language whose script `nativeSkeleton` is in (the source language).
    ///   - isCommon: whether a word (by its stem, its lower-cased form and whether it starts a sentence)
    ///     is a common word of `language`.
    static func words(_ block: Block, _ buffer: TextBuffer, _ keys: [WordKey?], _ language: Language, native: Language,
                      memo: inout FormCache<Form>, isCommon: (String, String, Bool) -> Bool) -> [Word] {
        var sentenceStarts = block.sentences.map(\.lowerBound)[...]
        let speller = language.speller
        let latinSpeller = Language.all.first { $0.script == .latin }?.speller
        var result: [Word] = []
        result.reserveCapacity(block.tokens.count)
        var awaitingFirst = false
        var previousEnd: Int?
        for (index, token) in block.tokens.enumerated() {
            while let start = sentenceStarts.first, start <= token.range.lowerBound {
                sentenceStarts.removeFirst()
                awaitingFirst = true
            }
            guard token.kind == .word else { continue }
            let key = (index < keys.count ? keys[index] : nil)
                ?? WordTable.of(language).keys(buffer, [token.range])[0]
            let form = memo[key.id] ?? {
                let form = Form(key, token, language: language, native: native, speller: speller, latinSpeller: latinSpeller, isCommon: isCommon)
                memo[key.id] = form
                return form
            }()
            result.append(Word(
                range: token.range, key: key, form: form, isCapitalized: token.isCapitalized, isMixedScript: token.script == .mixed,
                isSentenceInitial: awaitingFirst,
                joinsPrevious: previousEnd.map { end in
                    buffer.isBlank(end..<token.range.lowerBound) || (token.range.lowerBound == end + 1 && buffer.units[end] == 0x2D)
                } ?? false))
            awaitingFirst = false
            previousEnd = token.range.upperBound
        }
        // Letter names joined by hyphens spell an acronym ("Би-би-си" = BBC).
        if !language.latinLetterNames.isEmpty {
            for i in result.indices where result[i].isCapitalized {
                var letters = "", j = i
                while j < result.count, let letter = result[j].form.latinLetter,
                      j == i || (result[j].range.lowerBound == result[j - 1].range.upperBound + 1 && buffer.units[result[j - 1].range.upperBound] == 0x2D) {
                    letters += letter
                    j += 1
                }
                if j - i >= 2 { result[i].spelledAcronym = letters }
            }
        }
        return result
    }

    /// What a word is by its text alone, in a text of its language: worked out once per form (`WordKey.id`) and
    /// kept in the memo, since words recur across a document's pairs and a stream's documents. A reference:
    /// a look-up in the memo, and each word that holds it, copies one pointer, not a dozen of its fields.
    final class Form: Sendable {
        /// The fold key without abbreviation periods.
        let folded: String
        let analysis: TextAnalysis
        let isStopword: Bool
        /// A function word that can stand inside a name ("of", "von").
        let isNameConnector: Bool
        /// A capitalised abbreviation of the language, with its stop ("St.", "Fr.") or, in British style,
        /// without one ("Mr Chouhan"). (Only capitalised words are asked: a lower-case word is common, never
        /// part of a name.)
        let isAbbreviation: Bool
        /// Whether it is a common word of the language at the start of a sentence, and elsewhere.
        let isCommonFirst: Bool
        let isCommonElsewhere: Bool
        /// The Latin letter it names, when the language names letters ("би" = b).
        let latinLetter: String?
        /// A capitalised word with a name-adjective suffix of its language ("Scottish", "Cuban").
        let isPlaceAdjective: Bool
        /// The length of its stem in characters (counting walks the string).
        let stemLength: Int

        /// - Parameter isCommon: whether a word (by its stem, its lower-cased form and whether it starts a
        ///   sentence) is a common word of `language`.
        init(_ key: WordKey, _ token: Token, language: Language, native: Language, speller: Speller?, latinSpeller: Speller?,
             isCommon: (String, String, Bool) -> Bool) {
            let folded = key.folded.utf8.contains(0x2E) ? key.folded.filter { $0 != "." } : key.folded
            self.folded = folded
            // Only capitalised words can be names: the costly analyses (romanisation, native spelling,
            // the dictionaries) are for them, and for short words an acronym may be written as ("мск").
            let capitalized = token.isCapitalized
            // (Five letters or fewer: counted up to six, not to the end.)
            let needsRomanizing = language.script != .latin && (capitalized || folded.prefix(6).count <= 5)
            // The word as written: only capitalised words and words to romanize look at it.
            analysis = TextAnalysis(text: capitalized || needsRomanizing ? key.text : "", folded: folded, capitalized: capitalized,
                                    allCaps: token.isAllCaps, needsRomanizing: needsRomanizing, language: language, native: native, speller: speller)
            isStopword = language.isStopword(folded)
            isNameConnector = language.nameConnectors.contains(folded)
            isAbbreviation = capitalized && language.abbreviations.contains(folded + ".")
            // A word in Latin script inside a text in another script is a name kept as written ("Orion Pictures"):
            // it is a common word when English has it in lower case.
            let latinCommon = language.script != .latin && token.script == .single(.latin) && (latinSpeller?.accepts(folded) ?? false)
            let common = !capitalized || isStopword
            isCommonFirst = common || isCommon(key.stem, folded, true) || latinCommon
            isCommonElsewhere = common || isCommon(key.stem, folded, false) || latinCommon
            latinLetter = language.latinLetterNames[folded]
            isPlaceAdjective = capitalized && language.hasNameAdjectiveSuffix(folded)
            stemLength = key.stem.count
        }
    }

    /// What a capitalised word, or a word romanized, is by its text alone (romanized, spelled natively, its
    /// skeletons and sounds, whether it is an acronym or a dictionary word): worked out once per document and
    /// language (the `memo` of `words`), since a name recurs in many sentences.
    struct TextAnalysis {
        let romanized: String
        /// The romanized fold key, reduced (`NameMatch.skeleton`); computed for capitalised words only
        /// (`Word.comparableSkeleton` for any word).
        let skeleton: NameMatch.Skeleton
        /// The sounds of a capitalised word (`NameMatch.phoneticKey` of `romanized`); empty for others.
        let sound: NameMatch.PhoneticKey
        /// For a capitalised place adjective, the skeleton and the sounds of the name it is made of
        /// ("Финском" → "fin"); empty for other words.
        let baseSkeleton: NameMatch.Skeleton
        let baseSound: NameMatch.PhoneticKey
        /// The word in the source language's script (a target word transliterated into it), reduced.
        let nativeSkeleton: NameMatch.Skeleton
        let isAcronym: Bool
        /// An acronym the language lists as naming no entity ("CEO", "TV").
        let isCommonAcronym: Bool
        /// In the language's spelling dictionary as written (always true for a lower-case word).
        let isDictionaryWord: Bool

        /// - Parameter text: the word as written; empty for a lower-case word not romanized, which needs no more.
        init(text: String, folded: String, capitalized: Bool, allCaps: Bool, needsRomanizing: Bool, language: Language,
             native: Language, speller: Speller?) {
            // A possessive's ending is the language's, not the name's ("Meunier's").
            romanized = needsRomanizing ? Normalizer.foldKey(language.romanize(text))
                : folded.hasSuffix("'s") || folded.hasSuffix("’s") ? String(folded.dropLast(2)) : folded
            // Only capitalised words are compared by their native spelling (`counterparts`).
            let nativeForm = !capitalized ? "" : language == native ? folded : native.nativeSpelling(ofLatin: text).map(Normalizer.foldKey) ?? ""
            nativeSkeleton = NameMatch.cyrillicSkeleton(nativeForm)
            // "MCIs", "BJP's": an acronym's plural or possessive is the acronym. (A word that does not start with
            // a capital is none.)
            let bare = text.hasSuffix("'s") || text.hasSuffix("’s") ? String(text.dropLast(2)) : text
            let singular = bare.count > 2 && bare.hasSuffix("s") ? String(bare.dropLast()) : bare
            let acronym = capitalized && (allCaps || (singular.count >= 2 && singular.allSatisfy(\.isUppercase)))
            let spelling: NameMatch.Spelling = language.script == .latin ? .latin : .romanized
            skeleton = capitalized ? NameMatch.skeleton(romanized) : []
            sound = capitalized ? NameMatch.phoneticKey(romanized, spelling: spelling) : []
            // The name a capitalised place adjective is made of, romanized ("Финском" → "fin").
            let base = capitalized ? language.adjectiveBase(ofFolded: folded).map { Normalizer.foldKey(language.romanize($0)) } : nil
            baseSkeleton = base.map(NameMatch.skeleton) ?? []
            baseSound = base.map { NameMatch.phoneticKey($0, spelling: spelling) } ?? []
            isDictionaryWord = !capitalized || (speller?.accepts(text) ?? false)
            isCommonAcronym = acronym && (language.commonAcronyms.contains(singular) || EntityAlignment.isRomanNumeral(text))
            isAcronym = acronym && !language.commonAcronyms.contains(singular) && !EntityAlignment.isRomanNumeral(text)
        }
    }

    /// A lower-case source word as a name's part would be written (compared with a capitalised target word).
    struct LowerWord {
        let skeleton: NameMatch.Skeleton
        let sound: NameMatch.PhoneticKey
        /// The sounds of the name a place adjective is made of; empty for other words.
        let base: NameMatch.PhoneticKey
    }

    /// A target stem the word lists give a source word, with its length in characters and its first byte.
    typealias TargetStem = (stem: String, length: Int, first: UInt8?)

    /// The analyses of the words of source and target texts, by the word's interned form (`WordKey.id`):
    /// `TextAnalysis`, `LowerWord`, a lower-case target word's skeleton and sounds, a lower-case word's
    /// skeleton as an acronym, the lists' translations, full names, conventional forms. Each a function of
    /// its form alone (for one pair and knowledge), so a memo serves any document: kept between documents in
    /// a `MemoPool`, each table bounded (`FormCache`).
    struct Memo: Sendable {
        /// Entries per table: a document's words, and a stream's most recent ones, stay.
        static let capacity = 4_096
        var source = FormCache<Form>(capacity: Self.capacity)
        var target = FormCache<Form>(capacity: Self.capacity)
        var lowerSources = FormCache<LowerWord>(capacity: Self.capacity)
        var lowerTargetSkeletons = FormCache<NameMatch.Skeleton>(capacity: Self.capacity)
        var lowerTargetSounds = FormCache<NameMatch.PhoneticKey>(capacity: Self.capacity)
        /// A lower-case word's skeleton as an acronym is compared (`Word.comparableSkeleton`), of either language.
        var comparableSkeletons = FormCache<NameMatch.Skeleton>(capacity: Self.capacity)
        /// The target stems the word lists give a source word.
        var translations = FormCache<[TargetStem]>(capacity: Self.capacity)
        /// The full names a capitalised source word is a short form of.
        var fullNames = FormCache<[NameMatch.SourceName]>(capacity: Self.capacity)
        /// The conventional target forms of a capitalised source word.
        var conventionalForms = FormCache<[String]?>(capacity: Self.capacity)
    }

    /// The memos of a pair and knowledge no alignment is using: a stream of one-pair documents finds the
    /// words of the pairs before analysed. Each run takes one and gives it back, so there are as many
    /// as runs at once and no run waits for another's lookups.
    final class MemoPool: Sendable {
        private let free = Mutex<[Memo]>([])

        func withMemo<Result>(_ body: (inout Memo) -> Result) -> Result {
            var memo = free.withLock { $0.popLast() } ?? Memo()
            let result = body(&memo)
            free.withLock { [memo] in $0.append(memo) }
            return result
        }
    }

    /// A Roman numeral of I, V and X ("II", "XVI", "XXI"): a number ("Pius XII", "XVI век"), not an acronym.
    static func isRomanNumeral(_ text: String) -> Bool {
        text.count >= 2 && text.allSatisfy { "IVX".contains($0) }
            && !text.contains("IIII") && !text.contains("VV") && !text.contains("XXXX")
    }

    /// Runs of name-like words; a name connector joins two runs ("Centre for Strategic Studies").
    static func entities(_ words: [Word]) -> [Entity] {
        func isName(_ word: Word) -> Bool {
            // Two letters make an acronym ("ЕС"), not a name ("Нв" is a typo).
            guard word.isCapitalized, !word.isStopword, !word.isMixedScript, !word.isCommonAcronym, !word.isAbbreviation,
                  word.folded.count >= (word.isAcronym ? 2 : 3) else {
                return false
            }
            return word.isAcronym || !word.isSentenceInitial || !word.isCommon
        }
        var entities: [Entity] = []
        var run: [Word] = []
        var pendingJoin = false
        func close() {
            if !run.isEmpty { entities.append(Entity(run, isAcronym: false, matched: false)) }
            run = []
        }
        for (index, word) in words.enumerated() {
            if word.isAcronym && word.isCapitalized && !word.isMixedScript {
                close()
                entities.append(Entity([word], isAcronym: true, matched: false))
                pendingJoin = false
                continue
            }
            if isName(word) {
                if !run.isEmpty && !(word.joinsPrevious && (pendingJoin || words[index - 1].range == run.last!.range)) { close() }
                run.append(word)
                pendingJoin = false
            } else if word.isAbbreviation, word.isCapitalized, !pendingJoin, !run.isEmpty, word.joinsPrevious,
                      words[index - 1].range == run.last!.range {
                // An abbreviation after a name belongs to it ("Man Utd", "Smith Jr"); before one it is a title ("Mr").
                run.append(word)
            } else if !run.isEmpty, word.isNameConnector, word.joinsPrevious, !pendingJoin, index + 1 < words.count,
                      isName(words[index + 1]), words[index + 1].joinsPrevious, !words[index + 1].isAcronym, !word.isCapitalized {
                pendingJoin = true
            } else {
                close()
                pendingJoin = false
            }
        }
        close()
        return entities
    }
}

extension EntityAlignment.Entity {
    /// An entity of analysed words: common, dictionary-known and translatable when every word is.
    init(_ words: [EntityAlignment.Word], isAcronym: Bool, matched: Bool) {
        self.init(range: words.first!.range.lowerBound..<words.last!.range.upperBound, words: words.map(\.range), isAcronym: isAcronym,
                  isCommon: !isAcronym && words.allSatisfy(\.isCommon), isDictionaryKnown: words.allSatisfy(\.isDictionaryWord),
                  rareWords: words.count { !$0.isDictionaryWord },
                  hasKnownTranslation: words.allSatisfy(\.hasKnownTranslation), matched: matched)
    }
}
