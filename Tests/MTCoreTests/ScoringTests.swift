import MTText
import Testing
@testable import MTCore

@Suite struct ScoringTests {
    private func findings(_ severities: [Severity]) -> [Finding] {
        let document = Document(path: "x", text: "Some words here.")
        let span = document.span(0..<4)
        return severities.map {
            Finding(ruleID: "r", code: "MT000", mqm: .untranslated, severity: $0, message: "m", target: span)
        }
    }

    @Test func scoreIsOneHundredTimesOneMinusPenaltyPerWord() {
        let score = ScoringPolicy(failOn: nil).score(findings([.minor, .major]), wordCount: 100)
        #expect(score.penalty == 6)
        #expect(score.value == 94)
        #expect(score.counts == [.minor: 1, .major: 1])
    }

    @Test func scoreIsFlooredAtZero() {
        #expect(ScoringPolicy().score(findings([.critical]), wordCount: 10).value == 0)
    }

    @Test func theGateChecksScoreAndSeverity() {
        let lenient = ScoringPolicy(minimumScore: 90, failOn: .critical)
        #expect(lenient.score(findings([.major]), wordCount: 100).passed)
        #expect(!lenient.score(findings([.critical]), wordCount: 1000).passed)
        #expect(!lenient.score(findings(Array(repeating: .major, count: 3)), wordCount: 100).passed)
        #expect(!ScoringPolicy().score(findings([.major]), wordCount: 10_000).passed)
        #expect(ScoringPolicy().score(findings([.minor]), wordCount: 100).passed)
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.minor < .major && Severity.major < .critical)
    }
}
