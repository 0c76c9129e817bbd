internal import CHunspell
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A Hunspell dictionary (Debian's `/usr/share/hunspell/<locale>.aff` and `.dic`), opened on first
/// use, with a per-word cache. Hunspell handles are not thread-safe: calls go through a lock.
public final class Speller: Sendable {
    /// Where dictionaries are looked for, in order.
    public static let searchPaths = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"]

    public let dictionary: String
    private let state: Mutex<State>
    /// Handles for suggestions (slow: milliseconds a word), one per worker that asks at the same time,
    /// opened on first use, so that workers neither wait for each other nor hold up spell checks.
    private let suggesters = Mutex<[Suggester]>([])

    /// A Hunspell handle lent to one thread at a time (taken from the pool, given back after use).
    private final class Suggester: @unchecked Sendable {
        let handle: OpaquePointer
        init?(_ files: (aff: String, dic: String)) {
            guard let handle = Speller.open(files) else { return nil }
            self.handle = handle
        }
        deinit { Speller.close(handle) }
    }
    private let files: (aff: String, dic: String)

    private struct State: ~Copyable {
        let handle: OpaquePointer
        var cache = BoundedCache<UTF8Key, Bool>()
        /// The words one typo away from a word (`wordsOneEditAway`), by the word and the alphabet.
        var nearby = BoundedCache<UTF8Key, [String]>(capacity: 1_024)
        /// Dictionary forms by word (`lemmas`).
        var lemmas = BoundedCache<UTF8Key, [String]>(capacity: 4_096)
        deinit { Speller.close(handle) }
    }

    /// Hunspell keeps one process-wide table of Unicode case data, made when the first UTF-8 dictionary
    /// opens and counted by each dictionary opened or closed after, without a lock: two dictionaries opened
    /// at once (the background loads) can each make it, one copy leaked, or one read it half made.
    /// Dictionaries are opened and closed one at a time; their spell checks still run in parallel.
    private static let openings = Mutex(())

    private static func open(_ files: (aff: String, dic: String)) -> OpaquePointer? {
        openings.withLock { _ in Hunspell_create(files.aff, files.dic) }
    }

    private static func close(_ handle: OpaquePointer) {
        openings.withLock { _ in Hunspell_destroy(handle) }
    }

    private static let instances = ProcessCache<String, Speller?>()

    /// The shared speller for a dictionary name such as `en_US`; `nil` when no such dictionary is installed.
    public static func shared(_ dictionary: String) -> Speller? {
        instances.value(for: dictionary) { Speller(dictionary: dictionary) }
    }

    private init?(dictionary: String) {
        guard let directory = Self.searchPaths.first(where: { Self.readable("\($0)/\(dictionary).aff") && Self.readable("\($0)/\(dictionary).dic") })
        else { return nil }
        let files = (aff: "\(directory)/\(dictionary).aff", dic: "\(directory)/\(dictionary).dic")
        guard let handle = Self.open(files) else { return nil }
        self.dictionary = dictionary
        self.files = files
        state = Mutex(State(handle: handle))
    }

    private static func readable(_ path: String) -> Bool {
        guard let file = fopen(path, "r") else { return false }
        fclose(file)
        return true
    }

    /// Hunspell's corrections for a word, best first (at most `limit`).
    public func suggestions(_ word: String, limit: Int = 3) -> [String] {
        let free = suggesters.withLock { $0.popLast() }
        guard let suggester = free ?? Suggester(files) else { return [] }
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        let count = Hunspell_suggest(suggester.handle, &list, word)
        let found = (0..<Int(max(0, min(count, Int32(limit))))).compactMap { list?[$0].map { String(cString: $0) } }
        if count > 0 { Hunspell_free_list(suggester.handle, &list, count) }
        suggesters.withLock { $0.append(suggester) }
        return found
    }

    /// The dictionary forms of a word by the dictionary's morphology (Hunspell's stems: "сделок" →
    /// "сделка", "Киеве" → "Киев"), in lower case; none for a word the dictionary does not know.
    public func lemmas(_ word: String) -> [String] {
        guard word.utf16.count <= Token.longestAnalysedWord else { return [] }
        return state.withLock { state in
            if let known = state.lemmas[UTF8Key(word)] { return known }
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let count = Hunspell_stem(state.handle, &list, word)
            let found = (0..<Int(max(0, count))).compactMap { list?[$0].map { String(cString: $0).lowercased() } }
            if count > 0 { Hunspell_free_list(state.handle, &list, count) }
            state.lemmas.insert(found, for: UTF8Key(word))
            return found
        }
    }

    /// Whether the dictionary accepts the word as written ("moscow" is not accepted, "Moscow" is).
    public func accepts(_ word: String) -> Bool {
        guard word.utf16.count <= Token.longestAnalysedWord else { return false }
        return state.withLock { state in
            if let known = state.cache[UTF8Key(word)] { return known }
            let known = Hunspell_spell(state.handle, word) != 0
            state.cache.insert(known, for: UTF8Key(word))
            return known
        }
    }

    /// The dictionary words one typo away from `word` (`candidates`, those the dictionary accepts: see
    /// `accepted`). Each candidate is one Hunspell lookup (microseconds), where Hunspell's own suggestion
    /// search takes milliseconds a word; the whole search is cached by word (a name or a typo recurs in an
    /// article).
    public func wordsOneEditAway(_ word: String, alphabet: String) -> [String] {
        let key = UTF8Key(alphabet + "\u{0}" + word)
        if let known = state.withLock({ $0.nearby[key] }) { return known }
        let found = accepted(candidates(word, alphabet: alphabet), of: word)
        state.withLock { $0.nearby.insert(found, for: key) }
        return found
    }

    /// The words one typo away from `word` (a letter dropped, added, replaced, or two neighbours swapped;
    /// added and replacing letters are the word's own and `alphabet`), in lower case, in that order of kinds,
    /// each once: what `wordsOneEditAway` looks up. A word longer than `Token.longestAnalysedWord` has none
    /// (its candidates would cost the square of its length).
    public func candidates(_ word: String, alphabet: String) -> [String] {
        guard word.utf16.count <= Token.longestAnalysedWord else { return [] }
        let lower = word.lowercased()
        // Printable ASCII (most words of a Latin-script language): one byte a character, compared and
        // sorted as characters are, and far cheaper to edit.
        let ascii = [lower, alphabet].allSatisfy { $0.utf8.allSatisfy { (0x20..<0x7F).contains($0) } }
        let candidates = ascii
            ? Self.edits(Array(lower.utf8), Set(alphabet.utf8)).map { String(decoding: $0, as: UTF8.self) }
            : Self.edits(Array(lower), Set(alphabet)).map { String($0) }
        // The edits are distinct sequences; printable ASCII strings are equal only as equal sequences, but
        // characters joined can make equal strings of different sequences (a combining mark joins the letter before it).
        var seen = Set<String>()
        return candidates.filter { !$0.isEmpty && (ascii || seen.insert($0).inserted) }
    }

    /// The dictionary's words among `candidates` (lower case, of `word`), in their order: each as written,
    /// or capitalised when `word` is ("Russion" → "Russian").
    public func accepted(_ candidates: [String], of word: String) -> [String] {
        let capitalized = word.first?.isUppercase ?? false
        return state.withLock { state in
            candidates.compactMap { candidate -> String? in
                if Hunspell_spell(state.handle, candidate) != 0 { return candidate }
                let title = candidate.prefix(1).uppercased() + candidate.dropFirst()
                return capitalized && Hunspell_spell(state.handle, title) != 0 ? title : nil
            }
        }
    }

    /// Every sequence one edit from `letters`: each letter dropped, two different neighbours swapped, each
    /// letter replaced, a letter inserted at each place (from the word's own letters and `alphabet`, in order).
    /// Each sequence once, where it first comes: of a run of one letter, only its first is dropped, and a
    /// letter is inserted before its own run, not inside or after it (the same sequences).
    private static func edits<Letter: Comparable & Hashable>(_ letters: [Letter], _ alphabet: Set<Letter>) -> [[Letter]] {
        // Sorted: the candidates, and so the suggestions, come in the same order in every run.
        let pool = Array(Set(letters).union(alphabet)).sorted()
        var candidates: [[Letter]] = []
        for i in letters.indices where i == 0 || letters[i - 1] != letters[i] {
            candidates.append(Array(letters[..<i] + letters[(i + 1)...]))
        }
        for i in letters.indices.dropLast() where letters[i] != letters[i + 1] {
            var swapped = letters
            swapped.swapAt(i, i + 1)
            candidates.append(swapped)
        }
        for i in letters.indices {
            for letter in pool where letter != letters[i] {
                var replaced = letters
                replaced[i] = letter
                candidates.append(replaced)
            }
        }
        for i in 0...letters.count {
            for letter in pool where i == 0 || letters[i - 1] != letter {
                candidates.append(Array(letters[..<i]) + [letter] + Array(letters[i...]))
            }
        }
        return candidates
    }
}
