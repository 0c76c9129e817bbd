import Testing
@testable import MTCore

@Suite struct NameMatchTests {
    let pair = LanguagePair.russianEnglish

    @Test(arguments: [
        ("Ляйен", "Leyen"), ("Мирзиёев", "Mirziyoyev"), ("Пашинян", "Pashinyan"), ("Боррель", "Borrell"),
        ("Ставропольском", "Stavropol"), ("Киргизии", "Kyrgyzstan"), ("США", "U.S"), ("Энтони", "Anthony"),
        ("Евгений", "Yevgeny"), ("Ераблур", "Yerablur"),
    ])
    func transliterationsAndConventionalFormsMatch(_ source: String, _ target: String) {
        #expect(NameMatch.matches(source, target, pair: pair))
    }

    @Test(arguments: [("Владимиров", "Volodin"), ("Иван", "Igor"), ("Путин", "Pashinyan"), ("Киргизии", "Kazakhstan")])
    func differentNamesDoNotMatch(_ source: String, _ target: String) {
        #expect(!NameMatch.matches(source, target, pair: pair))
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(NameMatch.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(NameMatch.editDistance([], Array("abc")) == 3)
        #expect(NameMatch.editDistance(Array("abc"), []) == 3)
    }
}
