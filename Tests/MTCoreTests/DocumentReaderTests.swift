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
