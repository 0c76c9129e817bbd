import Foundation
import MTCore
@testable import MTReporters
import MTRules
import Testing

/// `JSONReporter.line` writes its bytes itself (for speed): they must be exactly what `JSONEncoder`
/// (sorted keys, slashes unescaped) writes for the same entries, on every kind of value.
@Suite struct JSONLineTests {
    /// The reference: a line's entries through JSONEncoder.
    struct Reference: Encodable {
        let version: Int
        let id: RecordID?
        let document: JSONReporter.DocumentEntry

        func encode(to encoder: any Encoder) throws {
            try document.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(version, forKey: .version)
            try container.encodeIfPresent(id, forKey: .id)
        }

        enum Keys: String, CodingKey { case version, id }
    }

    private func expectSame(_ result: LintResult, id: RecordID?) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reference = String(decoding: try encoder.encode(Reference(version: JSONReporter.version, id: id, document: .init(result))), as: UTF8.self) + "\n"
        let written = try JSONReporter.line(result, id: id)
        #expect(written == reference, "\(result.document.path)")
    }

    @Test func everyCorpusDocumentIsWrittenAsJSONEncoderWritesIt() throws {
        let session = Session(rules: RuleRegistry.all)
        var findings = 0
        for path in try Repo.corpusArticles() {
            let document = try InputFormat.auto.reader(of: FilePath(Repo.corpora.appendingPathComponent(path).path))
                .read(pair: .russianEnglish, knowledge: .bundled, maximumSize: DocumentReader.defaultMaximumSize)
            let result = session.check(document)
            findings += result.findings.count
            try expectSame(result, id: nil)
            try expectSame(result, id: .integer(-42))
        }
        #expect(findings > 50)  // the corpus's planted errors: spans, related spans, sources, units with notes
    }

    @Test func oddTextsIdsPoliciesAndCountsAreWrittenAsJSONEncoderWritesThem() throws {
        // Every ASCII character (control characters, quotes, backslash, slash), and non-ASCII text.
        let ascii = String(String.UnicodeScalarView((0..<0x80).compactMap { Unicode.Scalar($0) }))
        let odd = ascii + "\u{7F}\u{85}\u{A0}\u{2028}\u{2029}\u{FEFF}😀é"
        let policies = [
            ScoringPolicy(),
            ScoringPolicy(weights: [.minor: 0.5, .major: 2.25, .critical: 1e20], minimumScore: 33.333, failOn: nil),
            ScoringPolicy(weights: [.minor: 0.1, .major: 1e-5, .critical: 7], minimumScore: 0, failOn: .critical),
        ]
        for policy in policies {
            let profile = Profile(rules: RuleRegistry.all, policy: policy, ignores: [(number: 1, entry: IgnoreEntry(rules: ["doubled-word"], text: nil, line: nil, origin: "test"))])
            let session = Session(profile: profile)
            for (source, target) in [("Президент \(odd) сказал.", "The the president \(odd) said \u{1} 12 %."), ("", ""), ("Москва", "Moscow")] {
                let result = session.check(Document(segmentID: odd, source: source, target: target))
                for id in [nil, RecordID.text(odd), .integer(0), .integer(Int.max), .integer(Int.min)] {
                    try expectSame(result, id: id)
                }
            }
        }
    }
}
