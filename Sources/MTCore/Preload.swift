import Dispatch
import MTText
import Synchronization

/// What checking a document with source-language text reads once per process (the spelling
/// dictionaries with the target's variants, the bilingual lexicon with its CLDR names, number words,
/// the romanizer), loaded in the background and in parallel, as soon as the first such document's blocks are known.
/// Each part is built once (`ProcessCache`): a rule that needs one before it is ready waits for that
/// part only.
///
/// On two cores this takes the start of a one-article check from the sum of the loads to about the
/// longest of them (the Russian Hunspell dictionary). A text with no source-language block (an
/// English-only file) starts nothing and loads only what its rules ask for.
public enum Preload {
    /// The pairs and knowledge sets whose loads have started (compared by value: no key string built per document).
    private struct Started: Hashable {
        let pair: LanguagePair
        let files: [String]
    }
    private static let started = Mutex<Set<Started>>([])
    private static let group = DispatchGroup()

    /// Starts the loads for a document's language pair and knowledge, once per pair, knowledge set and
    /// process, when the document has source-language blocks. Called as soon as its blocks are known,
    /// before its words are analysed: the analysis builds the lexicon on the calling thread meanwhile, and
    /// the first pair's rules find the dictionaries loaded or loading on the other threads.
    static func start(blocks: [Block], pair: LanguagePair, knowledge: Knowledge) {
        guard blocks.contains(where: { $0.language == .source }) else { return }
        guard started.withLock({ $0.insert(Started(pair: pair, files: knowledge.files)).inserted }) else { return }
        // The target's variant dictionaries (en_GB beside en_US) too: misspelled-word accepts their spellings.
        // The lexicon last: the document's analysis asks for it at once, so a thread that takes it then
        // mostly waits for the calling thread to finish building it.
        let loads: [@Sendable () -> Void] = [
            { _ = pair.source.speller },
            { _ = pair.target.speller },
            { _ = NumberReader.shared(for: pair.source); _ = NumberReader.shared(for: pair.target); _ = pair.source.romanize("") },
        ] + pair.target.hunspellVariants.map { variant -> @Sendable () -> Void in { _ = Speller.shared(variant) } }
            + [{ _ = knowledge.lexicon(for: pair) }]
        for load in loads {
            DispatchQueue.global(qos: .userInitiated).async(group: group, execute: load)
        }
    }

    /// Waits for loads still running: call before the process exits, so that no library is torn
    /// down while a thread is still reading its dictionary.
    public static func wait() {
        group.wait()
    }
}
