import Foundation
import Testing

/// Runs every row of the README's "Bad input" table: each case builds its hostile input, runs mtlint,
/// and checks the documented exit status and message. A row without a case, or a case without a row,
/// fails the test, so the table and the behaviour cannot drift apart.
@Suite struct BadInputTests {
    struct Row: CustomStringConvertible {
        let key: String
        let exit: Int32
        let message: String
        var description: String { key }
    }

    /// The table's rows: `| `key` | input | behaviour | exit | `message` |`.
    static let rows: [Row] = {
        guard let readme = try? String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8),
              let start = readme.range(of: "## Bad input") else { return [] }
        let section = readme[start.upperBound...].prefix { _ in true }.split(separator: "\n## ", maxSplits: 1).first ?? ""
        return section.split(separator: "\n").compactMap { line -> Row? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7, cells[1].hasPrefix("`"), let exit = Int32(cells[4]) else { return nil }
            func unquoted(_ cell: String) -> String { cell.count >= 2 ? String(cell.dropFirst().dropLast()) : cell }
            return Row(key: unquoted(cells[1]), exit: exit, message: unquoted(cells[5]))
        }
    }()

    /// A scratch directory holding one case's files.
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-bad-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = url.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    static let planted = Repo.corpora.appendingPathComponent("eaeu-summit-planted.txt").path

    /// Each case: what to run (arguments and standard input).
    static func run(_ key: String, in scratch: Scratch) throws -> ProcessResult? {
        let text = Array("The minister met the delegation in the capital.\n".utf8)
        func check(_ arguments: [String]) throws -> ProcessResult { try mtlint(["check"] + arguments) }
        func stream(_ lines: [UInt8], _ extra: [String] = []) throws -> ProcessResult {
            let input = try scratch.file("input.jsonl", lines)
            return try mtlint(["check", "--stdin-jsonl"] + extra, stdin: URL(fileURLWithPath: input))
        }
        switch key {
        case "empty": return try check([scratch.file("empty.txt", Array(" \n\n".utf8))])
        case "binary": return try check([scratch.file("binary.txt", text + [0, 1, 2])])
        case "invalid-utf8": return try check([scratch.file("latin1.txt", Array("caf".utf8) + [0xE9, 0x0A])])
        case "utf16": return try check([scratch.file("utf16.txt", [0xFF, 0xFE] + Array("Hello.\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })])
        case "too-large": return try check(["--max-size", "1K", planted])
        case "missing": return try check([planted, scratch.url.appendingPathComponent("missing.txt").path])
        case "fifo-in-directory", "link-loop":
            let directory = scratch.url.appendingPathComponent("articles")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: planted, toPath: directory.appendingPathComponent("a.txt").path)
            if key == "fifo-in-directory" {
                #expect(mkfifo(directory.appendingPathComponent("pipe.txt").path, 0o600) == 0)
            } else {
                try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop").path, withDestinationPath: ".")
            }
            return try check([directory.path])
        case "unreadable":
            let locked = try scratch.file("locked.txt", text)
            chmod(locked, 0o200)
            chmod(scratch.url.path, 0o755)
            return try mtlint(["check", locked], launcher: Repo.unprivileged)
        case "output-is-input":
            let input = scratch.url.appendingPathComponent("a.txt").path
            try FileManager.default.copyItem(atPath: planted, toPath: input)
            return try check(["-o", input, input])
        case "output-missing-directory": return try check(["-o", scratch.url.appendingPathComponent("no/such/report.txt").path, planted])
        case "output-device":
            let run = try check(["-o", "/dev/null", planted])
            #expect(fileType("/dev/null") == mode_t(S_IFCHR))
            return run
        case "control-characters":
            return try check(["--color", "never", scratch.file("escape.txt", Array("The minister \u{1B}]0;title\u{07} said (it.\n".utf8))])
        case "jsonl-blank-line": return try stream(Array("{\"id\":\"a\",\"text\":\"Hello there.\"}\n\n".utf8))
        case "jsonl-invalid-utf8": return try stream(Array("{\"id\":\"a\",\"text\":\"caf".utf8) + [0xE9] + Array("\"}\n".utf8))
        case "jsonl-bad-id": return try stream(Array("{\"id\":true,\"text\":\"Hello there.\"}\n".utf8))
        case "jsonl-not-json": return try stream(Array("not json\n".utf8))
        case "jsonl-long-line": return try stream(Array("{\"id\":\"a\",\"text\":\"\(String(repeating: "word ", count: 400))\"}\n".utf8), ["--max-size", "1K"])
        case "jsonl-format": return try stream(Array("{\"id\":\"a\",\"text\":\"Hello.\"}\n".utf8), ["--format", "json"])
        default: return nil
        }
    }

    /// The cases `run` knows.
    static let cases: Set<String> = [
        "empty", "binary", "invalid-utf8", "utf16", "too-large", "missing", "unreadable", "fifo-in-directory", "link-loop",
        "output-is-input", "output-missing-directory", "output-device", "control-characters", "jsonl-blank-line",
        "jsonl-invalid-utf8", "jsonl-bad-id", "jsonl-not-json", "jsonl-long-line", "jsonl-format",
    ]

    @Test func theTableAndTheCasesAgree() {
        #expect(Set(Self.rows.map(\.key)) == Self.cases, "README 'Bad input' rows and BadInputTests cases differ")
    }

    @Test(arguments: rows) func rowBehavesAsDocumented(_ row: Row) throws {
        let scratch = try Scratch()
        let run = try #require(try Self.run(row.key, in: scratch))
        #expect(run.status == row.exit, "\(row.key): exit \(run.status), README says \(row.exit); \(run.stderr)")
        #expect(row.message.isEmpty || (run.stdout + run.stderr).contains(row.message),
                "\(row.key): no '\(row.message)' in \(run.stdout.prefix(300)) \(run.stderr.prefix(300))")
    }
}
