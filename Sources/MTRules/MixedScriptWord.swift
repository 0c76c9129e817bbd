import MTCore
import MTText

/// MT304: a word spelled with letters of two scripts (a Cyrillic "о" inside a Latin word).
public struct MixedScriptWord: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT304",
        id: "mixed-script-word",
        summary: "A word mixes letters of different scripts, such as Cyrillic look-alikes inside a Latin word.",
        rationale: """
            Latin "a", "o", "c", "e", "p" and their Cyrillic twins look the same, so a word typed or \
            post-edited on the wrong keyboard layout shows no error, but spell-checkers, search and hyphenation \
            treat it as unknown. Words whose letters come from more than one script are checked with ICU's \
            spoof checker (highly restrictive level: Latin with Cyrillic is refused, Latin with Han is not); \
            the message names the letters of the minority script.
            """,
        mqm: .spelling,
        severity: .minor,
        triggering: [
            RuleExample("The delegation arrived in ⟦Mоscow⟧ on Monday evening for talks with the foreign minister.", messages: ["'Mоscow' mixes scripts: 'о' (U+043E cyrillic) among latin letters"]),
        ],
        nonTriggering: [
            "The delegation arrived in Moscow on Monday evening for talks with the foreign minister.",
        ])

    public func check(_ document: Document) -> [Finding] {
        let buffer = document.buffer
        return document.targetTextBlocks.flatMap { block in
            block.tokens.filter { $0.script == .mixed && SpoofChecker.shared.isSuspicious(buffer, $0.range) }.map { token in
                let letters = buffer.scalars(in: token.range).map(\.scalar).filter(CharacterInfo.isLetter)
                let majority = document.language(of: block).script
                let foreign = letters.filter { CharacterInfo.script(of: $0) != majority }
                let names = foreign.map { "'\($0)' (\(CharacterInfo.codePoint($0)) \(CharacterInfo.script(of: $0)?.rawValue ?? "other"))" }
                return finding(
                    in: document, at: token.range,
                    message: "'\(buffer.string(token.range))' mixes scripts: \(names.joined(separator: ", ")) among \(majority.rawValue) letters")
            }
        }
    }
}
