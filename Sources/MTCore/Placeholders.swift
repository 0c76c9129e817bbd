/// Text that must cross a translation unchanged: URLs, e-mail addresses, @handles, #hashtags,
/// placeholders ({name}, {{name}}, ${name}, %s, %1$d, Python's %(name)s) and HTML/XML tags. A printf placeholder has no
/// space flag and no letter after it: "4% in 2021" and "5% cotton" are percentages.
public struct Placeholder: Hashable, Sendable {
    public enum Kind: String, Sendable { case url = "URL", email = "e-mail address", handle = "@handle", hashtag = "#hashtag", placeholder, tag = "tag" }

    public let kind: Kind
    public let text: String
    public let range: Range<Int>

    // Scanned in order; a later pattern never matches inside an earlier match. Regex is not declared
    // Sendable, but these are immutable and matching does not mutate them (compiled once, not per block).
    nonisolated(unsafe) private static let patterns: [(Kind, Regex<Substring>)] = [
        (.url, try! Regex(#"(?:https?://|www\.)[^\s<>"«»“”]+"#, as: Substring.self)),
        (.email, try! Regex(#"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"#, as: Substring.self)),
        (.handle, try! Regex(#"@[A-Za-z0-9_]{2,}"#, as: Substring.self)),
        (.hashtag, try! Regex(#"#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*"#, as: Substring.self)),
        (.placeholder, try! Regex(#"\{\{[^{}\s]+\}\}|\$\{[^{}\s]+\}|\{[\p{L}\p{N}_.:-]*\}|%(?:\d+\$|\([\p{L}\p{N}_]+\))?[-+0#]?\d*(?:\.\d+)?[sdifuxXeEgGc@](?!\p{L})"#, as: Substring.self)),
        (.tag, try! Regex(#"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"#, as: Substring.self)),
    ]

    /// The placeholders of a block, in text order (`Document.placeholders(in:)` finds them once per block).
    static func all(in block: Block, of document: Document) -> [Placeholder] {
        // Every pattern needs "@", "#", "{", "%", "<", "://" or "www.": most blocks have none.
        let units = document.buffer.units
        let hasTrigger = block.range.contains { i in
            switch units[i] {
            case 0x40, 0x23, 0x7B, 0x25, 0x3C: return true  // @ # { % <
            case 0x3A: return i + 2 < block.range.upperBound && units[i + 1] == 0x2F && units[i + 2] == 0x2F  // ://
            case 0x2E: return i >= block.range.lowerBound + 3 && units[(i - 3)..<i].elementsEqual([0x77, 0x77, 0x77])  // www.
            default: return false
            }
        }
        guard hasTrigger else { return [] }
        let text = document.text(block)
        var found: [Placeholder] = []
        var taken: [Range<String.Index>] = []
        for (kind, pattern) in patterns {
            for match in text.matches(of: pattern) where !taken.contains(where: { $0.overlaps(match.range) }) {
                // A handle or hashtag starts a word ("a@b", "C#" are neither).
                if kind == .handle || kind == .hashtag, match.range.lowerBound > text.startIndex {
                    let before = text[text.index(before: match.range.lowerBound)]
                    if before.isLetter || before.isNumber || "_@#.&".contains(before) { continue }
                }
                var range = match.range
                // A URL does not take the sentence's punctuation after it.
                while kind == .url, range.upperBound > range.lowerBound, ".,;:!?)]".contains(text[text.index(before: range.upperBound)]) {
                    range = range.lowerBound..<text.index(before: range.upperBound)
                }
                taken.append(range)
                let start = block.range.lowerBound + text.utf16.distance(from: text.startIndex, to: range.lowerBound)
                found.append(Placeholder(kind: kind, text: String(text[range]),
                                         range: start..<(start + text[range].utf16.count)))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

extension Document {
    /// The placeholders of a block, in text order (`Placeholder`), found once per block.
    public func placeholders(in block: Block) -> [Placeholder] {
        analyses(block).placeholders.value { Placeholder.all(in: block, of: self) }
    }
}
