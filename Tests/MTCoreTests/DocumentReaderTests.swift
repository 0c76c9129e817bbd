import Foundation
import Testing
@testable import MTCore

@Suite struct DocumentReaderTests {
    private func decode(_ bytes: [UInt8]) -> Result<DocumentReader.Decoded, InputError> {
        Result { () throws(InputError) in try DocumentReader.decode(bytes, path: "a.txt") }
    }

    @Test func invalidUTF8NamesTheFileAndByteOffset() throws {
        let error = try #require(decode(Array("ok ".utf8) + [0xC3, 0x28]).failure)
        #expect(error.description == "a.txt: is not valid UTF-8 at byte offset 3")
    }

    @Test func invalidUTF8OffsetCountsTheBOM() throws {
        let error = try #require(decode([0xEF, 0xBB, 0xBF] + Array("Жx".utf8) + [0xFF]).failure)
        #expect(error.byteOffset == 6)
    }

    @Test func binaryAndEmptyInputAreRefused() throws {
        #expect(try #require(decode([0x41, 0x00, 0x42]).failure).description == "a.txt: looks binary (NUL byte) at byte offset 1")
        #expect(try #require(decode([]).failure).description == "a.txt: is empty")
        #expect(try #require(decode(Array(" \r\n\n".utf8)).failure).description == "a.txt: is empty")
    }

    @Test func byteOrderMarkIsSkippedAndCounted() throws {
        let decoded = try decode([0xEF, 0xBB, 0xBF] + Array("Hi".utf8)).get()
        #expect(decoded.text == "Hi")
        #expect(decoded.byteOffset == 3)
    }

    @Test func missingFilesAndDirectoriesAreRefused() {
        #expect(throws: InputError.self) { try DocumentReader.read(path: FilePath("/nonexistent/article.txt")) }
        #expect(throws: InputError.self) { try DocumentReader.read(path: FilePath(NSTemporaryDirectory())) }
    }

    @Test func pathsThatAreNotUTF8AreShownWithTheirBytesEscaped() {
        let path = FilePath(bytes: Array("dir/r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9, 0xFF] + Array(".txt".utf8))
        #expect(path.string == nil)
        #expect(path.description == "dir/r\\xE9sum\\xE9\\xFF.txt")
        #expect(FilePath("dir/résumé.txt").description == "dir/résumé.txt")
        #expect(FilePath("dir/").appending(Array("a".utf8)).description == "dir/a")
    }

    @Test func anEncodingICUDetectsIsNamedWithTheCommandThatConvertsIt() throws {
        let text = String(repeating: "Участники заседания совета обсудили таможенные правила и новые лаборатории на границе. ", count: 4)
        let bytes = try #require(text.data(using: .windowsCP1251))
        let error = #expect(throws: InputError.self) { try DocumentReader.decode(Array(bytes), path: "cp1251.txt") }
        #expect(error?.description.contains("it looks like windows-1251") == true, "\(String(describing: error))")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite struct TwoFileTests {
    static let russian = """
        Министр финансов выступил в парламенте в понедельник. Он сказал, что бюджет на 2026 год будет принят в срок.
        Дефицит бюджета составит 1,5% ВВП. Депутаты обсудят документ в среду.
        """
    static let english = """
        The finance minister spoke in parliament on Monday. He said that the budget for 2026 would be adopted on time.
        The budget deficit will be 1.5% of GDP. Deputies will discuss the document on Wednesday.
        """

    @Test func sentencesPairOneToOneAndSpansAreGivenInEachFile() {
        let document = Document(translation: Self.english, at: "a.en.txt", source: Self.russian, at: "a.ru.txt")
        #expect(document.twoFileProblem == nil)
        #expect(document.captionPairs.count == 4)
        #expect(document.captionPairs.allSatisfy { $0.target != nil })
        #expect(document.unpairedTargetBlocks.isEmpty)
        // The third source sentence starts line 2 of the source file, the third target sentence line 2 of the translation.
        let third = document.captionPairs[2]
        let source = document.span(document.blocks[third.source].range), target = document.span(document.blocks[third.target!].range)
        #expect(source.inSourceFile && source.start.line == 2 && source.start.column == 1 && source.text.hasPrefix("Дефицит"))
        #expect(!target.inSourceFile && target.start.line == 2 && target.start.column == 1 && target.text.hasPrefix("The budget deficit"))
        #expect(source.start.utf8Offset == Self.russian[..<Self.russian.range(of: "Дефицит")!.lowerBound].utf8.count)
        #expect(source.bufferRange == document.blocks[third.source].range)
    }

    @Test func aDroppedSentenceIsLeftWithoutCounterpart() {
        let english = Self.english.replacingOccurrences(of: " He said that the budget for 2026 would be adopted on time.", with: "")
        let document = Document(translation: english, at: "a.en.txt", source: Self.russian, at: "a.ru.txt")
        let unpaired = document.captionPairs.filter { $0.target == nil }.map { document.text(document.blocks[$0.source]) }
        #expect(unpaired == ["Он сказал, что бюджет на 2026 год будет принят в срок."])
    }

    @Test func theAlignerStaysInsideItsBandOnLongArticles() {
        // 3,000 sentences a side, one dropped in the middle: aligned, the omission where it is.
        let units = (0..<3_000).map { SentenceAligner.Unit(length: 40 + ($0 * 37) % 90, numbers: [String($0)]) }
        var target = units
        target.remove(at: 1_500)
        let beads = SentenceAligner(ratio: 1).align(units, target)
        #expect(beads.filter { $0.target.isEmpty }.map(\.source) == [1_500..<1_501])
        #expect(beads.count == 3_000)
    }
}
