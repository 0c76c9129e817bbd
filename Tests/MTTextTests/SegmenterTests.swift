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

    @Test func aSentenceStartingWithANumberOrADashIsASentence() {
        // ICU (UAX #29 SB8, SB8a) keeps both with the sentence before.
        #expect(sentences("Ребёнка госпитализировали. 18 детей погибли с начала лета.", .russian)
            == ["Ребёнка госпитализировали.", "18 детей погибли с начала лета."])
        #expect(sentences("The storm hit in June. 25 people died in the floods.", .english)
            == ["The storm hit in June.", "25 people died in the floods."])
        #expect(sentences("Об этом сообщили в МВД. – С травмами ребёнка госпитализировали.", .russian)
            == ["Об этом сообщили в МВД.", "– С травмами ребёнка госпитализировали."])
        // Not after an abbreviation, nor before a lower-case word after a dash.
        #expect(sentences("В 2019 г. 15 человек пострадали.", .russian) == ["В 2019 г. 15 человек пострадали."])
    }

    @Test func initialsAndUnitsEndSentencesBeforeTheNextOne() {
        // A capital after a letter and a period is a name only when it is not a function word.
        #expect(sentences("Его строил император Петр I. В своей речи Путин напомнил об этом.", .russian)
            == ["Его строил император Петр I.", "В своей речи Путин напомнил об этом."])
        // A unit after a number, then a capitalised word.
        #expect(sentences("Рисунок продали за €185 тыс. Рисунок был сделан в 1892 году.", .russian)
            == ["Рисунок продали за €185 тыс.", "Рисунок был сделан в 1892 году."])
        #expect(sentences("Проживает 5 тыс. человек.", .russian) == ["Проживает 5 тыс. человек."])
    }

    @Test func aQuotedExclamationOrQuestionInsideASentenceDoesNotEndIt() {
        #expect(sentences("Певец группы «Руки вверх!» и болельщик ЦСКА ответил.", .russian)
            == ["Певец группы «Руки вверх!» и болельщик ЦСКА ответил."])
        #expect(sentences("«Ну что, может, уже дуэт?» – написал Жуков.", .russian)
            == ["«Ну что, может, уже дуэт?» – написал Жуков."])
        // Unquoted, a lower-case word after "!" starts a sentence written in lower case by mistake.
        #expect(sentences("Rain is expected in Moscow! tomorrow it will be warmer.", .english)
            == ["Rain is expected in Moscow!", "tomorrow it will be warmer."])
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
