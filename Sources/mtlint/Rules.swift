import ArgumentParser
import MTCore
import MTRules

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules: code, id, MQM type, default severity and summary.")

    func run() {
        for rule in RuleRegistry.all {
            let d = rule.description
            print("\(d.code)  \(d.id.padding(22))  \(d.mqm.description.padding(36))  \(d.severity.rawValue.padding(8))  \(d.summary)")
        }
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
