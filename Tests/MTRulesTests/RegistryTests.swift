import Foundation
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

    /// Every type in MTRules that conforms to a rule protocol (`Rule`, `PairRule`, `TextRule`, any `…Rule`) is
    /// in the registry, once: a rule written but left out of the list is a failure here, not a silent gap
    /// in `mtlint rules`, the docs and the checks.
    @Test func theRegistryListsEveryRuleTypeOfMTRules() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/MTRules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var declared: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /(?m)^(?:public |internal |fileprivate |private )?(?:final )?(?:struct|class|enum) (\w+)\s*:\s*([^{]*)\{/)
            where match.output.2.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces).hasSuffix("Rule") }) {
                declared.append(String(match.output.1))
            }
        }
        let registered = RuleRegistry.all.map { String(describing: type(of: $0)) }
        #expect(declared.count >= 30, "the scan found \(declared.count) rule types")
        // ProjectRule is the type of the rules a project writes in YAML: listed per configuration, not built in.
        #expect(declared.filter { $0 != "ProjectRule" }.sorted() == registered.sorted())
    }

    @Test func rulesAreFoundByIDOrCode() {
        #expect(RuleRegistry.rule(named: "untranslated-caption")?.description.code == "MT101")
        #expect(RuleRegistry.rule(named: "mt201")?.description.id == "wrong-organisation")
        #expect(RuleRegistry.rule(named: "nope") == nil)
    }
}
