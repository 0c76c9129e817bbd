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

    /// Each example as one `--stdin-jsonl` line (`{"id","source","target"}` for a segment pair,
    /// `{"id","text"}` for an article), JSON-escaped and read back by the stream record parser.
    @Test(arguments: rules) func examplesHoldAsStreamRecords(_ ruleCase: RuleCase) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Two files have no --stdin-jsonl form.
        for example in ruleCase.rule.description.triggering + ruleCase.rule.description.nonTriggering where !example.isTwoFiles {
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
