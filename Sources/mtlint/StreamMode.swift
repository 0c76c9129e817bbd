import Foundation
import MTCore
import MTReporters

import Synchronization

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

    static func run(linter: Linter, pair: LanguagePair, output: Output, jobs: Int = 1) -> Counts {
        var counts = Counts()
        var number = 0
        var batch: [(number: Int, line: String)] = []
        let batchSize = jobs == 1 ? 1 : jobs * 32
        func flush() {
            let lines = batch
            let checked = Mutex([Checked](repeating: Checked(), count: lines.count))
            // Each worker takes the next unchecked line: one slow line does not idle the others.
            let next = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: min(jobs, lines.count)) { _ in
                while true {
                    let index = next.withLock { value in
                        defer { value += 1 }
                        return value
                    }
                    guard index < lines.count else { return }
                    let result = check(lines[index].line, number: lines[index].number, linter: linter, pair: pair)
                    checked.withLock { $0[index] = result }
                }
            }
            for result in checked.withLock({ $0 }) {
                counts.failed = counts.failed || result.failed
                counts.invalid = counts.invalid || result.invalid
                output.write(result.text)
            }
            batch.removeAll(keepingCapacity: true)
        }
        while let line = readLine(strippingNewline: true) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            batch.append((number, line))
            if batch.count >= batchSize { flush() }
        }
        flush()
        return counts
    }

    private static func check(_ line: String, number: Int, linter: Linter, pair: LanguagePair) -> Checked {
        do {
            let (id, document) = try parse(line, number: number, pair: pair)
            let result = linter.lint(document)
            return Checked(text: try JSONReporter.line(result, id: id), failed: !result.score.passed)
        } catch {
            return Checked(
                text: errorLine(id: (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"],
                                message: "line \(number): \(error)"),
                invalid: true)
        }
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
