import Testing
@testable import MTText

@Suite struct SpellerTests {
    /// The words one edit away come once each, where first met: a letter inserted beside the same letter,
    /// or one dropped from a run, is one candidate ("leter" → "letter", "lettter" → "letter").
    @Test(.enabled(if: Speller.shared("en_US") != nil, "needs Hunspell's en_US dictionary (hunspell-en-us)"))
    func wordsOneEditAwayComeOnceEach() throws {
        let speller = try #require(Speller.shared("en_US"))
        for (typo, meant) in [("leter", "letter"), ("lettter", "letter"), ("Russsian", "Russian"), ("Rusian", "Russian")] {
            let found = speller.wordsOneEditAway(typo, alphabet: Language.english.alphabet)
            #expect(found.filter { $0 == meant }.count == 1, "\(typo): \(found)")
            #expect(Set(found).count == found.count, "\(typo): \(found)")
        }
    }
}
