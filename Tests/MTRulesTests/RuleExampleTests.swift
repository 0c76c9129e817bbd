import MTCore
import Testing
@testable import MTRules

/// Runs every rule's declared examples: each triggering example must yield findings of that
/// rule at exactly the marked spans; each non-triggering example must yield none.
@Suite struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { RuleCase(rule: $0) }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: any Rule
        var testDescription: String { rule.description.id }
    }

    private func flagged(_ rule: any Rule, _ example: RuleExample) -> [Range<Int>] {
        rule.check(example.document)
            .filter { $0.ruleID == rule.description.id }
            .map { ($0.target.utf16Range.lowerBound - example.textOffset)..<($0.target.utf16Range.upperBound - example.textOffset) }
            .sorted { $0.lowerBound < $1.lowerBound }
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
}
