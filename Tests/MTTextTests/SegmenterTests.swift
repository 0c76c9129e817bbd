import Testing
@testable import MTText

@Suite struct SegmenterTests {
    private func sentences(_ text: String, _ language: Language) -> [String] {
        let buffer = TextBuffer(text)
        return Segmenter(language: language).sentences(buffer, in: 0..<buffer.count).map(buffer.string)
    }

    @Test func russianAbbreviationsDoNotEndSentences() {
        #expect(sentences("Проф. Иванов приехал в г. Москву. Он выступил.", .russian)
            == ["Проф. Иванов приехал в г. Москву.", "Он выступил."])
    }

    @Test func initialsDoNotEndSentences() {
        #expect(sentences("Выступил В. Путин. Затем слово взял министр.", .russian)
            == ["Выступил В. Путин.", "Затем слово взял министр."])
    }

    @Test func englishAbbreviationsDoNotEndSentences() {
        #expect(sentences("U.S. Secretary of State Anthony Blinken arrived. Mr. Blinken spoke, i.e. briefly.", .english)
            == ["U.S. Secretary of State Anthony Blinken arrived.", "Mr. Blinken spoke, i.e. briefly."])
    }

    @Test func abbreviationsInsideCompoundsDoNotSplit() {
        #expect(sentences("A press conference after the trilateral EU-U.S.-Armenia meeting. April 5, 2024", .english)
            == ["A press conference after the trilateral EU-U.S.-Armenia meeting.", "April 5, 2024"])
    }

    @Test func tokensHaveKindsScriptsAndCase() {
        let buffer = TextBuffer("NATO и Mоscow, 2024")  // the "о" of Mоscow is Cyrillic
        let tokens = Segmenter(language: .english).tokens(buffer, in: 0..<buffer.count)
        #expect(tokens.map { buffer.string($0.range) } == ["NATO", "и", "Mоscow", ",", "2024"])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .punctuation, .number])
        #expect(tokens.map(\.script) == [.single(.latin), .single(.cyrillic), .mixed, .none, .none])
        #expect(tokens[0].isAllCaps && tokens[0].isCapitalized)
        #expect(!tokens[1].isCapitalized && tokens[2].isCapitalized && !tokens[2].isAllCaps)
    }

    @Test func tokensAreOffsetsIntoTheWholeBuffer() {
        let buffer = TextBuffer("first line\nsecond line")
        let range = buffer.lineRange(2)
        let tokens = Segmenter(language: .english).tokens(buffer, in: range)
        #expect(tokens.map(\.range) == [11..<17, 18..<22])
    }
}
