import Testing
@testable import MTCore
import MTText

@Suite struct ClassifierTests {
    static let article = """
        Skip to main content
        Подписаться

        Ministers agree on a budget timetable

        The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

        Министр финансов Антон Силуанов в Москве. 3 марта 2025 года
        Finance Minister Anton Siluanov in Moscow. March 3, 2025
        Photo: TASS/Ivan Petrov

        What comes next

        Встреча министров в Москве
        Фото: ТАСС

        The talks will continue next week, the ministry said in a statement on Tuesday evening.

        Share
        """

    private func kinds(_ document: Document) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.firstLine, "\($0.language.rawValue) \($0.kind.rawValue)") })
    }

    @Test func blocksAreClassifiedByScriptAndStructure() {
        let document = Document(path: "x", text: Self.article)
        #expect(kinds(document) == [
            1: "target furniture", 2: "source furniture", 4: "target heading", 6: "target paragraph",
            8: "source caption", 9: "target caption", 10: "target credit", 12: "target heading",
            14: "source caption", 15: "source credit", 17: "target paragraph", 19: "target furniture",
        ])
    }

    @Test func captionsAlignOneToOneOrOneToNothing() {
        let document = Document(path: "x", text: Self.article)
        let pairs = document.captionPairs.map { (document.blocks[$0.source].firstLine, $0.target.map { document.blocks[$0].firstLine }) }
        #expect(pairs.count == 2)
        #expect(pairs[0] == (8, 9))
        #expect(pairs[1] == (14, nil))
    }

    @Test func aCaptionNeverPairsWithABodyParagraph() {
        let text = """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Встреча министров

            The talks will continue next week, the ministry said in a statement on Tuesday evening, and the budget will follow.
            """
        let document = Document(path: "x", text: text)
        #expect(document.captionPairs.map(\.target) == [nil])
    }

    @Test func aCreditedCaptionBeforeTheFirstParagraphIsACaption() {
        let text = """
            Встреча министров
            Ministers meet
            Photo: TASS

            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.
            """
        let document = Document(path: "x", text: text)
        #expect(document.blocks.map(\.kind) == [.caption, .caption, .credit, .paragraph])
        #expect(document.captionPairs.map(\.target) == [1])
    }

    @Test func aShortTitleBeforeTheFirstParagraphIsNotFurniture() {
        let text = """
            Skip to content
            Prices rise again

            Inflation in Russia accelerated to 9.2% in October from 8.6% in September, Rosstat said on Friday.
            """
        let document = Document(path: "x", text: text)
        #expect(document.blocks.map(\.kind) == [.furniture, .heading, .paragraph])
    }

    @Test func hardWrappedParagraphsAreOneBlock() {
        let text = """
            The ministers met in the capital on Monday to discuss the budget and
            the timetable for reforms, the ministry said in a statement.
            """
        let document = Document(path: "x", text: text)
        #expect(document.blocks.count == 1)
        #expect(document.blocks[0].lastLine == 2)
    }

    @Test func crlfAndBOMKeepExactSpans() throws {
        let decoded = try DocumentReader.decode([0xEF, 0xBB, 0xBF] + Array("Title line\r\nЖ and more\r\n".utf8), path: "x")
        let document = Document(path: "x", text: decoded.text, byteOffset: decoded.byteOffset)
        let block = try #require(document.blocks.last)
        let span = document.span(block.range)
        #expect(span.text == "Ж and more")
        #expect(span.start.line == 2 && span.start.column == 1)
        #expect(span.start.utf8Offset == 3 + 12)
        #expect(span.end.column == 11)
    }

    @Test func sameScriptPairsTreatEveryBlockAsTarget() {
        let pair = LanguagePair(source: .english, target: .english)
        let document = Document(path: "x", text: "Hello there.\n\nМосква", pair: pair)
        #expect(document.blocks.allSatisfy { $0.language == .target })
    }
}

@Suite struct NumberAnchorTests {
    private func anchors(_ text: String) -> Set<String> {
        let buffer = TextBuffer(text)
        return CaptionAligner.numberAnchors(buffer, Segmenter(language: .russian).tokens(buffer, in: 0..<buffer.count))
    }

    @Test func groupsOfThreeDigitsAfterASpaceAreOneNumber() {
        #expect(anchors("Выявили 15 785 641 случай и 4 823 исхода.") == ["15785641", "4823"])
        #expect(anchors("Выявили 9,469 случаев.") == ["9469"])
    }

    @Test func aNumberAlsoWrittenAloneStaysAnAnchor() {
        // "200" on its own and as the start of "200 625": both anchors.
        #expect(anchors("Было 200 больниц, стало 200 625 коек.") == ["200", "200625"])
    }
}
