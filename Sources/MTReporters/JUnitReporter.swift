import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MTCore

/// JUnit XML (`--format junit`): one test suite for the run, one test case per document; a document
/// that fails the gate is a failed test case carrying its findings. Built with Foundation's XML
/// tree, which does the escaping.
public enum JUnitReporter {
    public static func render(_ results: [LintResult]) -> String {
        let suite = XMLElement(name: "testsuite")
        suite.addAttribute(attribute("name", "mtlint"))
        suite.addAttribute(attribute("tests", "\(results.count)"))
        suite.addAttribute(attribute("failures", "\(results.filter { !$0.score.passed }.count)"))
        suite.addAttribute(attribute("errors", "0"))
        for result in results {
            let testCase = XMLElement(name: "testcase")
            testCase.addAttribute(attribute("classname", "mtlint"))
            // XML 1.0 has no control characters but tab and line breaks: each text is escaped first.
            testCase.addAttribute(attribute("name", result.document.path.escapingControlCharacters))
            let summary = "score \(String(format2: result.score.value)), \(result.findings.count) findings"
            let details = result.findings.map { finding in
                ("\(result.document.path):\(finding.target.start.line):\(finding.target.start.column): "
                    + "\(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]").escapingControlCharacters(keeping: ["\t", "\n", "\r"])
            }.joined(separator: "\n")
            if !result.score.passed {
                let failure = XMLElement(name: "failure", stringValue: details)
                failure.addAttribute(attribute("message", "gate failed: \(summary)"))
                failure.addAttribute(attribute("type", "mtlint.gate"))
                testCase.addChild(failure)
            } else if !details.isEmpty {
                testCase.addChild(XMLElement(name: "system-out", stringValue: details))
            }
            suite.addChild(testCase)
        }
        let root = XMLElement(name: "testsuites")
        root.addChild(suite)
        let document = XMLDocument(rootElement: root)
        document.version = "1.0"
        document.characterEncoding = "UTF-8"
        return document.xmlString(options: [.nodePrettyPrint]) + "\n"
    }

    private static func attribute(_ name: String, _ value: String) -> XMLNode {
        XMLNode.attribute(withName: name, stringValue: value) as! XMLNode
    }
}
