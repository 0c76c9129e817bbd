import MTCore
import MTText

/// A rule a project writes in YAML, without Swift (`project-rules:` in `.mtlint.yml`): patterns on the
/// source and the target with a condition, as Okapi CheckMate's patterns and Vale's YAML rules. It goes
/// through the registry's paths like a built-in rule: `mtlint rules`, `explain`, the reporters, its
/// examples checked when it is read.
public struct ProjectRule: Rule {
    /// What a pattern matches: an ICU regular expression, or words compared by stem (any case form).
    public enum Pattern: Sendable {
        case regex(PatternMatcher)
        case words(Glossary.Pattern)

        public func occurrences(in block: Block, of document: Document) -> [Range<Int>] {
            switch self {
            case .regex(let matcher): matcher.matches(in: document.buffer, range: block.range)
            case .words(let words): words.occurrences(in: block, of: document)
            }
        }
    }

    public let description: RuleDescription
    /// In an aligned pair, the rule applies only when the source matches this.
    let source: Pattern?
    /// The translation of a matching source must match this…
    let targetMustMatch: Pattern?
    /// …and no translation (of a matching source, when `source` is set) may match this.
    let targetMustNotMatch: Pattern?
    /// `{match}`: the flagged text; `{source}`: what the source pattern matched.
    let message: String
    let pair: LanguagePair

    public init(description: RuleDescription, source: Pattern?, targetMustMatch: Pattern?, targetMustNotMatch: Pattern?,
                message: String, pair: LanguagePair) {
        self.description = description
        self.source = source
        self.targetMustMatch = targetMustMatch
        self.targetMustNotMatch = targetMustNotMatch
        self.message = message
        self.pair = pair
    }

    public func check(_ document: Document) -> [Finding] {
        guard document.pair == pair else { return [] }
        var findings: [Finding] = []
        func report(_ range: Range<Int>, source: Range<Int>?) {
            let text = message.replacingOccurrences(of: "{match}", with: document.buffer.string(range))
                .replacingOccurrences(of: "{source}", with: source.map(document.buffer.string) ?? "")
            findings.append(finding(in: document, at: range, message: text, source: source))
        }
        guard let source else {
            for block in document.targetTextBlocks {
                for range in targetMustNotMatch?.occurrences(in: block, of: document) ?? [] { report(range, source: nil) }
            }
            return findings
        }
        for (sourceBlock, target) in document.alignedCaptions {
            guard let place = source.occurrences(in: sourceBlock, of: document).first else { continue }
            if let must = targetMustMatch, must.occurrences(in: target, of: document).isEmpty { report(target.range, source: place) }
            for range in targetMustNotMatch?.occurrences(in: target, of: document) ?? [] { report(range, source: place) }
        }
        return findings
    }
}
