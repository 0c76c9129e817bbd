import Foundation
import MTCore
import Testing
@testable import MTRules

/// Runs every rule's declared examples: each triggering example must yield findings of that
/// rule at exactly the marked spans; each non-triggering example must yield none.
@Suite struct RuleExampleTests {
    /// Each rule as its examples are checked: a rule with options set up with its example configuration
    /// (glossary-term's example glossary).
    static let rules = RuleRegistry.all.map { rule in
        RuleCase(rule: (rule as? any ConfigurableRule).map { type(of: $0).init(configuration: type(of: $0).exampleConfiguration) } ?? rule)
    }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: any Rule
        var testDescription: String { rule.description.id }
    }

    /// Findings of the rule on the example (or on `document`, the example read another way), as
    /// UTF-16 ranges in the example's text.
    private func flagged(_ rule: any Rule, _ example: RuleExample, in document: Document? = nil) -> [Range<Int>] {
        rule.flaggedRanges(in: example, document: document)
    }

    @Test(arguments: rules) func triggeringExamplesFlagTheMarkedSpans(_ ruleCase: RuleCase) {
        for example in ruleCase.rule.description.triggering {
            #expect(!example.expectedRanges.isEmpty, "a triggering example marks no span: \(example.marked)")
            #expect(flagged(ruleCase.rule, example) == example.expectedRanges, "\(example.marked)")
        }
    }

    /// Each triggering example says what the user reads: the message of each finding at its marked spans.
    @Test(arguments: rules) func triggeringExamplesGiveTheirMessages(_ ruleCase: RuleCase) {
        let rule = ruleCase.rule
        for example in rule.description.triggering {
            #expect(example.messages.count == example.expectedRanges.count, "an example declares no message for each marked span: \(example.marked)")
            #expect(rule.flagged(in: example).map(\.message) == example.messages, "\(example.marked)")
        }
    }

    @Test(arguments: rules) func nonTriggeringExamplesPass(_ ruleCase: RuleCase) {
        for example in ruleCase.rule.description.nonTriggering {
            #expect(flagged(ruleCase.rule, example) == [], "\(example.marked)")
        }
    }

    @Test func markersGiveUTF16Ranges() {
        let example = RuleExample("Ж ⟦😀x⟧ and ⟦y⟧")
        #expect(example.text == "Ж 😀x and y")
        #expect(example.expectedRanges == [2..<5, 10..<11])
    }

    // Variants that break naive code (as SwiftLint's test helpers re-run examples): each example
    // again with Windows line ends and a byte order mark, read through the file decoder, and after
    // a paragraph of emoji; the marked spans must move with the text, nothing else may change.

    /// Findings of the rule on `bytes` read as an article file, as UTF-16 ranges.
    private func flagged(_ rule: any Rule, bytes: [UInt8]) throws -> [Range<Int>] {
        let decoded = try DocumentReader.decode(bytes, path: "variant")
        return rule.check(Document(path: "variant", text: decoded.text, byteOffset: decoded.byteOffset))
            .filter { $0.ruleID == rule.description.id }
            .map(\.target.utf16Range)
            .sorted { $0.lowerBound < $1.lowerBound }
    }

    @Test(arguments: rules) func examplesHoldWithCRLFAndAByteOrderMark(_ ruleCase: RuleCase) throws {
        for example in ruleCase.rule.description.triggering + ruleCase.rule.description.nonTriggering where example.source == nil {
            let text = example.text
            let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            // Each offset moves by the CRs inserted before it.
            let units = Array(text.utf16)
            func moved(_ offset: Int) -> Int { offset + units[..<offset].filter { $0 == 0x0A }.count }
            let expected = example.expectedRanges.map { moved($0.lowerBound)..<moved($0.upperBound) }
            #expect(try flagged(ruleCase.rule, bytes: bytes) == expected, "CRLF + BOM: \(example.marked)")
        }
    }

    @Test(arguments: rules) func examplesHoldAfterAnEmojiParagraph(_ ruleCase: RuleCase) throws {
        let prefix = "😀 🇷🇺 ✓\n\n"
        let shift = prefix.utf16.count
        for example in ruleCase.rule.description.triggering + ruleCase.rule.description.nonTriggering where example.source == nil {
            let expected = example.expectedRanges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
            // The emoji line is itself a line without words (page-furniture may report it): only the
            // findings in the example's own text are compared.
            let found = try flagged(ruleCase.rule, bytes: Array((prefix + example.text).utf8)).filter { $0.lowerBound >= shift }
            #expect(found == expected, "emoji prefix: \(example.marked)")
        }
    }

    /// A segment pair's variants: its lines ended CRLF, and after an emoji (a character of two UTF-16
    /// units) at the start of source and target; a two-file example's: both files CRLF with a byte order
    /// mark, and both after a paragraph of emoji. The marked spans must move with the text (a span that is
    /// a whole segment's translation takes in the emoji before it).
    @Test(arguments: rules) func segmentAndTwoFileExamplesHoldInTheirVariants(_ ruleCase: RuleCase) throws {
        let rule = ruleCase.rule
        for example in rule.description.triggering + rule.description.nonTriggering {
            // A unit of a bilingual file has its own variants (BilingualInputTests).
            guard let source = example.source, !example.isUnit else { continue }
            let target = example.text
            func shifted(_ text: String, by prefix: String, crlf: Bool) -> [Range<Int>] {
                let units = Array(text.utf16)
                func moved(_ offset: Int) -> Int { prefix.utf16.count + offset + (crlf ? units[..<offset].filter { $0 == 0x0A }.count : 0) }
                let whole = 0..<text.trimmingCharacters(in: .whitespacesAndNewlines).utf16.count
                let segment = !example.isTwoFiles && !prefix.isEmpty
                return example.expectedRanges.map { (segment && $0 == whole ? 0 : moved($0.lowerBound))..<moved($0.upperBound) }
            }
            func flagged(_ document: Document, textOffset: Int) -> [Range<Int>] {
                rule.check(document).filter { $0.ruleID == rule.description.id }
                    .map { ($0.target.utf16Range.lowerBound - textOffset)..<($0.target.utf16Range.upperBound - textOffset) }
                    .sorted { $0.lowerBound < $1.lowerBound }
            }
            let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
            if example.isTwoFiles {
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                let translation = try DocumentReader.decode(bom + Array(crlf(target).utf8), path: "t")
                let original = try DocumentReader.decode(bom + Array(crlf(source).utf8), path: "s")
                let withCRLF = Document(translation: translation.text, at: "t", byteOffset: translation.byteOffset,
                                        source: original.text, at: "s", sourceByteOffset: original.byteOffset, pair: example.pair)
                #expect(flagged(withCRLF, textOffset: 0) == shifted(target, by: "", crlf: true), "CRLF + BOM: \(example.marked)")
                let prefix = "😀 🇷🇺 ✓\n\n"
                let withEmoji = Document(translation: prefix + target, at: "t", source: prefix + source, at: "s", pair: example.pair)
                #expect(flagged(withEmoji, textOffset: 0).filter { $0.lowerBound >= prefix.utf16.count } == shifted(target, by: prefix, crlf: false),
                        "emoji paragraph: \(example.marked)")
            } else {
                let withCRLF = Document(segmentID: "variant", source: crlf(source), target: crlf(target), pair: example.pair)
                #expect(flagged(withCRLF, textOffset: crlf(source).utf16.count + 1) == shifted(target, by: "", crlf: true), "CRLF: \(example.marked)")
                let prefix = "😀 "
                let withEmoji = Document(segmentID: "variant", source: prefix + source, target: prefix + target, pair: example.pair)
                #expect(flagged(withEmoji, textOffset: (prefix + source).utf16.count + 1) == shifted(target, by: prefix, crlf: false),
                        "emoji: \(example.marked)")
            }
        }
    }

    /// Each example as one `--stdin-jsonl` line (`{"id","source","target"}` for a segment pair,
    /// `{"id","text"}` for an article), JSON-escaped and read back by the stream record parser.
    @Test(arguments: rules) func examplesHoldAsStreamRecords(_ ruleCase: RuleCase) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Two files and a bilingual file's units (their tags are markup of the file) have no --stdin-jsonl form.
        for example in ruleCase.rule.description.triggering + ruleCase.rule.description.nonTriggering where !example.isTwoFiles && !example.isUnit {
            let fields = example.source.map { ["id": "example", "source": $0, "target": example.text] }
                ?? ["id": "example", "text": example.text]
            let record = try StreamRecord(line: Array(try encoder.encode(fields)), number: 1)
            #expect(flagged(ruleCase.rule, example, in: record.document) == example.expectedRanges, "as a --stdin-jsonl line: \(example.marked)")
        }
    }

    @Test(arguments: rules) func emptyAndBlankSegmentsDoNotBreakAnyRule(_ ruleCase: RuleCase) {
        for (source, target) in [("", ""), ("", "The minister."), ("Министр.", ""), (" ", " "), ("\n", "\n\n"), ("😀", "😀")] {
            let findings = ruleCase.rule.check(Document(segmentID: "blank", source: source, target: target))
            let length = source.utf16.count + 1 + target.utf16.count
            #expect(findings.allSatisfy { $0.target.utf16Range.upperBound <= length }, "\(source.debugDescription) / \(target.debugDescription)")
        }
    }
}
