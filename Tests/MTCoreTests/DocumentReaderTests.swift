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
        #expect(throws: InputError.self) { try DocumentReader.read(path: "/nonexistent/article.txt") }
        #expect(throws: InputError.self) { try DocumentReader.read(path: NSTemporaryDirectory()) }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
