import MTCore
import Testing
@testable import MTRules

@Suite struct RegistryTests {
    let descriptions = RuleRegistry.all.map(\.description)

    @Test func codesAndIDsAreUnique() {
        #expect(Set(descriptions.map(\.code)).count == descriptions.count)
        #expect(Set(descriptions.map(\.id)).count == descriptions.count)
    }

    @Test func codesAreStableFormAndIDsKebabCase() {
        for d in descriptions {
            #expect(d.code.wholeMatch(of: /MT[1-9][0-9]{2}/) != nil, "\(d.code)")
            #expect(d.id.wholeMatch(of: /[a-z]+(-[a-z]+)+/) != nil, "\(d.id)")
        }
    }

    @Test func idsNameThePatternNotTheFix() {
        let fixVerbs = ["use-", "add-", "remove-", "avoid-", "fix-", "prefer-", "translate-", "no-"]
        for d in descriptions {
            #expect(!fixVerbs.contains { d.id.hasPrefix($0) }, "\(d.id)")
        }
    }

    @Test func everyRuleIsDocumentedWithBothKindsOfExample() {
        for d in descriptions {
            #expect(!d.summary.isEmpty && !d.rationale.isEmpty, "\(d.id)")
            #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example")
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
        }
    }

    @Test func rulesAreFoundByIDOrCode() {
        #expect(RuleRegistry.rule(named: "untranslated-caption")?.description.code == "MT101")
        #expect(RuleRegistry.rule(named: "mt201")?.description.id == "wrong-organisation")
        #expect(RuleRegistry.rule(named: "nope") == nil)
    }
}
