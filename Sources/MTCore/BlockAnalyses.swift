import Synchronization

/// What several rules read of a block: its content words, what its words may become in a translation, its
/// dates and numbers, its words romanized, its placeholders. Each is found once per document, by the first
/// rule that asks (`Document.contentWords`, `renderings(of:)`, `dates(in:)` and `numbers(in:)`,
/// `allNumbers(in:)`, `romanizedWords(of:)`, `placeholders(in:)`). One object a block, its analyses held in
/// it (not six objects of a generic class, each a generic value's deinitialisation to look up).
final class BlockAnalyses: Sendable {
    let contentWords = Once<[ContentWord]>()
    let renderings = Once<[Set<String>]>()
    let quantities = Once<(dates: [DateMention], numbers: [NumberMention])>()
    let allNumbers = Once<[NumberMention]>()
    let romanizedWords = Once<[RomanizedWord]>()
    let placeholders = Once<[Placeholder]>()
}

/// What rules read of a whole document, found on first use: its aligned caption pairs, the names and
/// acronyms of each pair, its suppression directives; and each block's `BlockAnalyses`. One object a
/// document, its analyses held in it.
final class DocumentAnalyses: Sendable {
    let alignedCaptions = Once<[(source: Block, target: Block)]>()
    let targetTextBlocks = Once<[Block]>()
    let entities = Once<[Int: EntityAlignment]>()
    let directives = Once<[SuppressionDirective]>()
    /// By block index.
    let blocks: [BlockAnalyses]

    init(blockCount: Int) {
        blocks = (0..<blockCount).map { _ in BlockAnalyses() }
    }
}

/// A value computed once, by the first caller's closure; later callers get it. (Unlike `Lazy`, the way to
/// compute it is not kept: a document's analyses can be computed from the document without the document
/// holding a closure that holds it.) The closure must not ask for the same value. Held in place, not copied.
struct Once<Value: Sendable>: ~Copyable, Sendable {
    private let state = Mutex<Value?>(nil)

    func value(_ make: () -> Value) -> Value {
        state.withLock { state in
            if let value = state { return value }
            let value = make()
            state = value
            return value
        }
    }
}
