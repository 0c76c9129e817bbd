import Foundation
import MTCore
import MTReporters

/// `mtlint check --stdin-jsonl`: reads JSON lines from standard input, `{"id","text"}` (an article)
/// or `{"id","source","target"}` (a segment pair), and writes one JSON line per input line as soon
/// as it is checked, holding one line in memory at a time: a stage for GNU parallel, xargs, Spark's
/// `RDD.pipe` or Hadoop Streaming.
enum StreamMode {
    struct Counts {
        var failed = false
        var invalid = false
    }

    static func run(linter: Linter, pair: LanguagePair, output: Output) -> Counts {
        var counts = Counts()
        var number = 0
        while let line = readLine(strippingNewline: true) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let (id, document) = try parse(line, number: number, pair: pair)
                let result = linter.lint(document)
                if !result.score.passed { counts.failed = true }
                output.write(try JSONReporter.line(result, id: id))
            } catch {
                counts.invalid = true
                output.write(errorLine(id: (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"],
                                       message: "line \(number): \(error)"))
            }
        }
        return counts
    }

    private struct LineError: Error, CustomStringConvertible {
        let description: String
    }

    private static func parse(_ line: String, number: Int, pair: LanguagePair) throws -> (String, Document) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)), let fields = object as? [String: Any] else {
            throw LineError(description: "not a JSON object")
        }
        let id: String
        switch fields["id"] {
        case let text as String: id = text
        case let number as NSNumber: id = number.stringValue
        case nil: id = "line \(number)"
        default: throw LineError(description: "\"id\" must be a string or a number")
        }
        if let text = fields["text"] as? String {
            guard !text.allSatisfy(\.isWhitespace) else { throw LineError(description: "\"text\" is empty") }
            return (id, Document(path: id, text: text, pair: pair))
        }
        if let source = fields["source"] as? String, let target = fields["target"] as? String {
            return (id, Document(segmentID: id, source: source, target: target, pair: pair))
        }
        throw LineError(description: "expected {\"id\",\"text\"} or {\"id\",\"source\",\"target\"} with string values")
    }

    private static func errorLine(id: Any?, message: String) -> String {
        var object: [String: Any] = ["version": JSONReporter.version, "error": message]
        if let id { object["id"] = id }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
