import Testing
@testable import MTText

@Suite struct TextBufferTests {
    @Test func linesExcludeTheirTerminatorsWithLFAndCRLF() {
        let buffer = TextBuffer("one\r\ntwo\nthree")
        #expect(buffer.lineCount == 3)
        #expect(buffer.string(buffer.lineRange(1)) == "one")
        #expect(buffer.string(buffer.lineRange(2)) == "two")
        #expect(buffer.string(buffer.lineRange(3)) == "three")
    }

    @Test func positionsCountScalarsAndBytes() {
        // "é" is 2 UTF-8 bytes, "😀" is 2 UTF-16 units and 4 UTF-8 bytes, one scalar each; line 1 is 9 bytes.
        let buffer = TextBuffer("aé😀b\nЖx", byteOffset: 3)
        let b = buffer.position(at: 4)
        #expect(b == TextPosition(line: 1, column: 4, utf8Offset: 3 + 1 + 2 + 4, utf16Offset: 4))
        let x = buffer.position(at: 7)
        #expect(x == TextPosition(line: 2, column: 2, utf8Offset: 3 + 9 + 2, utf16Offset: 7))
    }

    @Test func lineLookupFindsTheLineOfAnOffset() {
        let buffer = TextBuffer("ab\n\ncd\n")
        #expect(buffer.line(at: 0) == 1)
        #expect(buffer.line(at: 2) == 1)
        #expect(buffer.line(at: 3) == 2)
        #expect(buffer.line(at: 4) == 3)
        #expect(buffer.line(at: 7) == 4)
    }

    @Test func trimmingRemovesUnicodeWhitespace() {
        let buffer = TextBuffer("\u{00A0} word \t")
        #expect(buffer.string(buffer.trimmed(0..<buffer.count)) == "word")
    }

    @Test("UTF-16 ranges decode as the standard library decodes them, lone surrogates included")
    func utf16DecodingMatchesStandardLibrary() {
        let samples: [[UInt16]] = [
            [], Array("plain ASCII".utf16), Array("Путин — «Москва» €5 😀 Ⅻ".utf16),
            [0xD800], [0xDC00, 0x41], [0x41, 0xD83D], [0xD83D, 0xD83D, 0xDE00], [0xDE00, 0xD83D], [0x7F, 0x80, 0x7FF, 0x800, 0xFFFF],
        ]
        for units in samples {
            #expect(String(utf16Units: units) == String(decoding: units, as: UTF16.self), "\(units)")
            #expect(Array(String(utf16Units: units).utf8) == Array(String(decoding: units, as: UTF16.self).utf8))
        }
    }

    @Test("a scalar boundary moves an offset off the middle of a surrogate pair, and only then")
    func scalarBoundaryNeverSplitsACharacter() {
        let buffer = TextBuffer("a😀b\n😀x")  // 😀 at 1..<3 and, starting line 2, at 5..<7
        #expect(buffer.scalarBoundary(2) == 1)
        #expect(buffer.scalarBoundary(2, forward: true) == 3)
        #expect(buffer.scalarBoundary(6) == 5 && buffer.scalarBoundary(6, forward: true) == 7)
        #expect([0, 1, 3, 4, 5, 7, buffer.count].map { buffer.scalarBoundary($0) } == [0, 1, 3, 4, 5, 7, buffer.count])
    }
}
