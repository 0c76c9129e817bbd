import MTCore
import MTRules
import Testing

/// `untranslated-sentence` beyond its declared examples: the severity of a sentence left out.
@Suite struct UntranslatedSentenceTests {
    static let source = "Мэр открыл новый мост через реку. Работяги ликовали. Мост обошелся в 2 миллиарда рублей."

    /// A system that drops a stop runs two sentences into one; when the aligner cannot tell, the sentence
    /// is reported as left out, but only as minor: the translated sentence beside the gap is too long for
    /// its own source and the right length with the left-out sentence.
    @Test func aSentenceThatMayBeRunIntoItsNeighbourIsMinor() {
        let document = Document(
            translation: "The mayor opened a new bridge over the river. The workmen were jubilant the bridge cost 2 billion roubles.",
            at: "a.en.txt", source: Self.source, at: "a.ru.txt")
        let findings = UntranslatedSentence().check(document)
        #expect(findings.map(\.severity) == [.minor])
        #expect(findings.first?.message.hasSuffix("(or run into a sentence beside it)") == true)
        #expect(findings.first?.source?.text == "Работяги ликовали.")
    }

    @Test func aSentenceLeftOutBesideSentencesOfTheirOwnLengthIsMajor() {
        let document = Document(
            translation: "The mayor opened a new bridge over the river. The bridge cost 2 billion roubles.",
            at: "a.en.txt", source: Self.source, at: "a.ru.txt")
        let findings = UntranslatedSentence().check(document)
        #expect(findings.map(\.severity) == [.major])
        #expect(findings.first?.message.hasSuffix("missing after this sentence") == true)
    }
}
