import Testing
@testable import MTCore

@Suite struct NameMatchTests {
    let pair = LanguagePair.russianEnglish

    @Test(arguments: [
        ("Ляйен", "Leyen"), ("Мирзиёев", "Mirziyoyev"), ("Пашинян", "Pashinyan"), ("Боррель", "Borrell"),
        ("Ставропольском", "Stavropol"), ("Киргизии", "Kyrgyzstan"), ("США", "U.S"), ("Энтони", "Anthony"),
        ("Евгений", "Yevgeny"), ("Ераблур", "Yerablur"), ("Трейси", "Tracy"), ("Брюса", "Bruce"), ("Иисуса", "Jesus"),
    ])
    func transliterationsAndConventionalFormsMatch(_ source: String, _ target: String) {
        #expect(NameMatch.matches(source, target, pair: pair, knowledge: .bundled))
    }

    @Test(arguments: [("Владимиров", "Volodin"), ("Иван", "Igor"), ("Путин", "Pashinyan"), ("Киргизии", "Kazakhstan"), ("Миллер", "Mike")])
    func differentNamesDoNotMatch(_ source: String, _ target: String) {
        #expect(!NameMatch.matches(source, target, pair: pair, knowledge: .bundled))
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(NameMatch.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(NameMatch.editDistance([], Array("abc".unicodeScalars)) == 3)
        #expect(NameMatch.editDistance(Array("abc".unicodeScalars), []) == 3)
    }
}

@Suite struct EntityAlignmentTests {
    func alignment(_ source: String, _ target: String) -> (Document, EntityAlignment) {
        let document = Document(segmentID: "x", source: source, target: target)
        return (document, document.entities[0]!)
    }

    func unmatched(_ entities: [EntityAlignment.Entity], _ document: Document) -> [String] {
        entities.filter { !$0.matched }.map { document.buffer.string($0.range) }
    }

    @Test func aNewNameInsideAnAccountedRunIsUnaccounted() {
        let (document, alignment) = alignment(
            "Мэр Москвы Сергей Собянин открыл станцию.", "Moscow Mayor Tomasz Wierzbicki opened the station.")
        #expect(unmatched(alignment.target, document) == ["Tomasz Wierzbicki"])
        #expect(unmatched(alignment.source, document) == ["Сергей Собянин"])
    }

    @Test func aChangedSurnameNextToAKeptFirstNameDisplacesTheSourceSurname() {
        let (document, alignment) = alignment("Губернатор Владимир Владимиров выступил.", "Governor Vladimir Volodin spoke.")
        #expect(unmatched(alignment.target, document) == ["Volodin"])
        #expect(unmatched(alignment.source, document) == ["Владимиров"])
    }

    @Test func aSourceWordWithKnownTranslationsIsNotSplitOff() {
        // Translated in words the lists do not know: no omission.
        let (document, alignment) = alignment("Сообщает Гидрометцентр России.", "The Meteorological Office of Russia reports.")
        #expect(unmatched(alignment.source, document).isEmpty)
    }

    @Test func commonnessComesFromTheDictionaryFormNotTheStem() {
        // "путин" is no Russian word (the stem of путина is): Путин is a name wherever it stands.
        let (document, alignment) = alignment("Ранее Путин прибыл в Кронштадт.", "Earlier, arrived in Kronstadt.")
        #expect(unmatched(alignment.source, document) == ["Путин"])
    }

    @Test func knownAcronymsCarryTheirTranslations() {
        let (_, alignment) = alignment("Посол США прибыл.", "The ambassador arrived.")
        #expect(alignment.source.first { $0.isAcronym }?.hasKnownTranslation == true)
    }

    /// The test of one edit agrees with the edit distance's table on every pair of short skeletons of a
    /// few letters ("c" and "s" the same letter to both): the 85 of up to three letters from four, each with each.
    @Test func oneEditAgreesWithTheEditDistance() {
        let letters: [Unicode.Scalar] = ["c", "s", "a", "k"]
        var skeletons: [NameMatch.Skeleton] = [[]]
        var last: [NameMatch.Skeleton] = [[]]
        for _ in 1...3 {
            last = last.flatMap { word in letters.map { word + [$0] } }
            skeletons += last
        }
        var disagreements: [String] = []
        for x in skeletons {
            for y in skeletons where NameMatch.withinOneEdit(x, y) != (NameMatch.editDistance(x, y) <= 1) {
                disagreements.append("\(String(String.UnicodeScalarView(x))) / \(String(String.UnicodeScalarView(y)))")
            }
        }
        #expect(skeletons.count == 85)
        #expect(disagreements.isEmpty)
    }
}
