import Foundation
import MTCore
import MTReporters

/// `mtlint check --stdin-jsonl`: reads JSON lines from standard input, `{"id","text"}` (an article)
/// or `{"id","source","target"}` (a segment pair), and writes one JSON line per input line, in input
/// order: a stage for GNU parallel, xargs, Spark's `RDD.pipe` or Hadoop Streaming. With one job each
/// line is written as soon as it is checked; with more, lines are checked in batches of 32 per job
/// on all of them, so memory holds one batch, and the output is byte-identical for any number of jobs.
enum StreamMode {
    struct Counts {
        var failed = false
        var invalid = false
    }

    /// One checked line: its JSON result line, and whether it failed the gate or was invalid.
    private struct Checked: Sendable {
        var text = ""
        var failed = false
        var invalid = false
    }

    /// A longer input line than the session's maximum size is answered with an error object (and not held).
    static func run(_ session: Session, output: Output) -> Counts {
        var counts = Counts()
        var number = 0
        var batch: [(number: Int, line: LineReader.Line)] = []
        let batchSize = session.jobs == 1 ? 1 : session.jobs * 32
        func flush() {
            let lines = batch
            for result in session.map(lines.count, { check(lines[$0].line, number: lines[$0].number, session) }) {
                counts.failed = counts.failed || result.failed
                counts.invalid = counts.invalid || result.invalid
                output.write(result.text)
            }
            batch.removeAll(keepingCapacity: true)
        }
        var reader = LineReader(descriptor: STDIN_FILENO, maximumLength: session.maximumSize)
        while let line = reader.next() {
            number += 1
            batch.append((number, line))
            if batch.count >= batchSize { flush() }
        }
        flush()
        return counts
    }

    private static func check(_ line: LineReader.Line, number: Int, _ session: Session) -> Checked {
        do {
            let record = try parse(line, number: number, pair: session.pair, knowledge: session.profile.knowledge)
            let result = session.check(record.document)
            return Checked(text: try JSONReporter.line(result, id: record.id), failed: !result.score.passed)
        } catch {
            let id = StreamRecord.id(in: line.bytes)
            return Checked(text: errorLine(id: id, message: "line \(number): \(error)"), invalid: true)
        }
    }

    private static func parse(_ line: LineReader.Line, number: Int, pair: LanguagePair, knowledge: Knowledge) throws -> StreamRecord {
        if line.isTooLong {
            throw StreamRecord.Invalid(description: "longer than \(line.bytes.count) bytes (--max-size)")
        }
        if let offset = line.invalidUTF8Offset {
            throw StreamRecord.Invalid(description: "not valid UTF-8 at byte \(offset) of the input")
        }
        return try StreamRecord(line: line.bytes, number: number, pair: pair, knowledge: knowledge)
    }

    private static func errorLine(id: RecordID?, message: String) -> String {
        struct ErrorLine: Encodable {
            let version: Int
            let id: RecordID?
            let error: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(ErrorLine(version: JSONReporter.version, id: id, error: message))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Lines of a file as bytes, split at LF (a CR before it dropped), each checked for valid UTF-8
/// without repairing it: a line that is not valid UTF-8 carries the input offset of the first bad byte.
struct LineReader {
    struct Line: Sendable {
        let bytes: [UInt8]
        /// Byte offset in the input where UTF-8 decoding first fails; nil for valid lines.
        let invalidUTF8Offset: Int?
        /// The line was longer than the reader's maximum: `bytes` holds only that many.
        var isTooLong = false
    }

    private let descriptor: Int32
    private let maximumLength: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0
    /// Input offset of `buffer[0]`.
    private var consumed = 0
    private var atEnd = false

    init(descriptor: Int32, maximumLength: Int = DocumentReader.defaultMaximumSize) {
        self.descriptor = descriptor
        self.maximumLength = maximumLength
    }

    mutating func next() -> Line? {
        var bytes: [UInt8] = []
        var tooLong = false
        var lineStart = consumed + start
        // Bytes past the maximum are dropped as they are read: a huge line costs no memory.
        func keep(_ slice: ArraySlice<UInt8>) {
            guard !tooLong else { return }
            if bytes.count + slice.count > maximumLength {
                bytes += slice.prefix(maximumLength - bytes.count)
                tooLong = true
            } else {
                bytes += slice
            }
        }
        while true {
            if start == end {
                if atEnd { break }
                consumed += end
                start = 0
                var count = 0
                repeat {
                    count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                } while count < 0 && errno == EINTR
                end = max(0, count)
                if end == 0 {
                    atEnd = true
                    break
                }
                if bytes.isEmpty { lineStart = consumed }
            }
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                keep(buffer[start..<newline])
                start = newline + 1
                if bytes.last == 0x0D, !tooLong { bytes.removeLast() }
                return tooLong ? Line(bytes: bytes, invalidUTF8Offset: nil, isTooLong: true) : Self.line(bytes, at: lineStart)
            }
            keep(buffer[start..<end])
            start = end
        }
        if tooLong { return Line(bytes: bytes, invalidUTF8Offset: nil, isTooLong: true) }
        return bytes.isEmpty ? nil : Self.line(bytes, at: lineStart)
    }

    private static func line(_ bytes: [UInt8], at offset: Int) -> Line {
        guard String(validating: bytes, as: UTF8.self) == nil else { return Line(bytes: bytes, invalidUTF8Offset: nil) }
        return Line(bytes: bytes, invalidUTF8Offset: offset + DocumentReader.firstInvalidUTF8(bytes, from: 0))
    }
}
