import MTCore
import MTText

/// One aligned caption pair with its entity alignment.
struct EntityPair {
    let source: Block
    let target: Block
    let alignment: EntityAlignment

    /// Unaccounted proper names (not acronyms, not runs of common words) of the source.
    var unmatchedSourceNames: [EntityAlignment.Entity] { alignment.source.filter { !$0.matched && !$0.isAcronym && !$0.isCommon } }
    /// Unaccounted acronyms and proper names of each side.
    var unmatchedTarget: [EntityAlignment.Entity] { alignment.target.filter { !$0.matched && !$0.isCommon } }
    var unmatchedSource: [EntityAlignment.Entity] { alignment.source.filter { !$0.matched && !$0.isCommon } }

    /// Names and acronyms of the target that nothing in the source accounts for, while the source has no
    /// name of its own left unaccounted (then the pair is name-mismatch's): additions.
    func addedNames(in document: Document) -> [EntityAlignment.Entity] {
        let names = unmatchedSourceNames.isEmpty ? unknownTargetNames(in: document) : []
        let acronyms = unmatchedTarget.filter { $0.isAcronym && !document.overlapsOrganisation($0.range, in: target) }
        return (acronyms + names).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Where a range stands in its block, from 0 (its start) to 1 (its end).
    static func position(_ range: Range<Int>, in block: Block) -> Double {
        Double(range.lowerBound - block.range.lowerBound) / Double(max(1, block.range.count))
    }

    /// How far apart a source range and a target range stand in their blocks (0: the same place, in
    /// proportion to each block's length).
    func distance(_ source: Range<Int>, _ target: Range<Int>) -> Double {
        abs(Self.position(source, in: self.source) - Self.position(target, in: self.target))
    }

    /// Whether a target name nothing accounts for (no acronym, no capitalised common word) stands about
    /// where a source entity stands: its rendering in a form the word lists do not know ("Finland" for
    /// "Финском"), or a name put in its place, which name-mismatch reports.
    func hasUnaccountedTargetName(near entity: EntityAlignment.Entity) -> Bool {
        unmatchedTarget.contains { !$0.isAcronym && distance(entity.range, $0.range) <= Self.nearby }
    }

    /// How close (in proportion to the blocks' lengths) a source and a target word stand when one may
    /// render the other: translations move words, but rarely by more than a quarter of the sentence.
    static let nearby = 0.25

    /// Unaccounted names of the target that are no acronym, no well-known name (in the spelling
    /// dictionary: unsupported-known-name's, in preview) and not in the organisation table: what
    /// name-mismatch reports when the source has an unaccounted name, and unsupported-entity otherwise.
    func unknownTargetNames(in document: Document) -> [EntityAlignment.Entity] {
        unmatchedTarget.filter { !$0.isAcronym && !$0.isDictionaryKnown && !document.overlapsOrganisation($0.range, in: target) }
    }
}

extension Document {
    /// Aligned caption pairs with the names and acronyms each side accounts for.
    var entityPairs: [EntityPair] {
        alignedCaptions.compactMap { source, target in
            entities[source.index].map { EntityPair(source: source, target: target, alignment: $0) }
        }
    }

    /// Whether a range overlaps an organisation of the table found in a block.
    func overlapsOrganisation(_ range: Range<Int>, in block: Block) -> Bool {
        organisations[block.index].contains { $0.range.overlaps(range) }
    }

    /// "'Корб' (Korb)": a source text and its romanization when that differs.
    func quotedWithRomanization(_ range: Range<Int>) -> String {
        let text = buffer.string(range)
        let romanized = pair.source.romanize(text)
        return "'\(text)'" + (romanized == text ? "" : " (\(romanized))")
    }
}
