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
        case "long-word-caption", "long-word-source":
            let loop = String(repeating: "ha", count: 10_000), russianLoop = String(repeating: "ха", count: 10_000)
            let caption = key == "long-word-caption"
                ? "Новая станция метро в Казани\nNew metro station in Kazan \(loop)\n"
                : "Новая станция метро в Казани \(russianLoop)\nNew metro station in Kazan\n"
            let file = try scratch.file("loop.txt", Array((caption + "Фото: Рамиль Гали\n\nKazan opens its second metro line.\n").utf8))
            return try mtlint(["check", file], launcher: Self.bounded)
        case "long-word-stream":
            let line = "{\"id\":1,\"source\":\"Новая станция метро\",\"target\":\"New station \(String(repeating: "ha", count: 10_000))\"}\n"
            let input = try scratch.file("input.jsonl", Array(line.utf8))
            return try mtlint(["check", "--stdin-jsonl"], stdin: URL(fileURLWithPath: input), launcher: Self.bounded)
        case "latin1-name":
            let directory = scratch.url.appendingPathComponent("archive").path
            let latin1: [UInt8] = Array("r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9]
            let subdirectory = Array(directory.utf8) + Array("/".utf8) + latin1
            #expect(mkdir(directory, 0o755) == 0 && Self.bytesPath(subdirectory) { mkdir($0, 0o755) } == 0)
            let article = try Data(contentsOf: URL(fileURLWithPath: planted))
            for path in [subdirectory + Array("/a.txt".utf8), Array(directory.utf8) + Array("/".utf8) + latin1 + Array(".txt".utf8)] {
                let descriptor = Self.bytesPath(path) { open($0, O_WRONLY | O_CREAT, 0o644) }
                #expect(descriptor >= 0)
                _ = article.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
            }
            let run = try check([directory])
            #expect(run.stdout.contains("r\\xE9sum\\xE9/a.txt: 0 critical, 3 major"), "the subdirectory's file was not checked")
            return run
        case "latin1-argument":
            // Process takes arguments as Strings (UTF-8): the shell passes the Latin-1 bytes instead.
            let directory = scratch.url.appendingPathComponent("given").path
            #expect(mkdir(directory, 0o755) == 0)
            let article = try Data(contentsOf: URL(fileURLWithPath: planted))
            let descriptor = Self.bytesPath(Array(directory.utf8) + Array("/r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9] + Array(".txt".utf8)) {
                open($0, O_WRONLY | O_CREAT, 0o644)
            }
            #expect(descriptor >= 0)
            _ = article.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            return try mtlint([], launcher: ["/bin/sh", "-c", #"cd "$0" && exec "$1" check "$(printf 'r\351sum\351.txt')""#, directory])
        case "unsearchable-directory":
            let directory = scratch.url.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: planted, toPath: directory.appendingPathComponent("a.txt").path)
            chmod(directory.path, 0o644)  // listable, not searchable
            chmod(scratch.url.path, 0o755)
            defer { chmod(directory.path, 0o755) }
            return try mtlint(["check", directory.path], launcher: Repo.unprivileged)
        case "html-large":
            let article = try String(contentsOfFile: planted, encoding: .utf8)
            let large = try scratch.file("large.txt", Array(Array(repeating: article, count: 1_000_000 / article.utf8.count + 1).joined(separator: "\n\n").utf8))
            return try mtlint(["check", "--format", "html", "-o", scratch.url.appendingPathComponent("large.html").path, large],
                              launcher: ["/usr/bin/prlimit", "--cpu=60"])
        case "output-full": return try check(["-o", "/dev/full", planted])
        case "output-write-fails":
            let report = scratch.url.appendingPathComponent("report.json").path
            // Writes past 2,000 bytes fail with EFBIG (SIGXFSZ ignored, as a full disk fails with ENOSPC).
            let run = try mtlint(["check", "--format", "json", "-o", report, planted],
                                 launcher: ["/bin/bash", "-c", #"trap "" XFSZ; exec /usr/bin/prlimit --fsize=2000 "$0" "$@""#])
            #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty, "a temporary file was left behind")
            return run
        case "stdout-closed": return try mtlint(["check", planted], launcher: ["/bin/bash", "-c", #"exec "$0" "$@" >&-"#])
        case "sigpipe-ignored", "sigpipe-default":
            // The reader ('true') is gone before mtlint starts writing.
            let trap = key == "sigpipe-ignored" ? #"trap "" PIPE; "# : ""
            return try mtlint(["check", "--format", "json", planted],
                              launcher: ["/bin/bash", "-c", trap + #"{ sleep 0.5; "$0" "$@"; } | true; exit ${PIPESTATUS[0]}"#])
        case "fifo-argument":
            let fifo = scratch.url.appendingPathComponent("pipe.txt").path
            #expect(mkfifo(fifo, 0o600) == 0)
            return try check([fifo])
        case "html-folder-interrupted":
            let folder = scratch.url.appendingPathComponent("report").path
            let first = try check(["--format", "html", "-o", folder + "/", planted])
            #expect(first.status == 1)
            let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let many = scratch.url.appendingPathComponent("many")
            try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
            for number in 0..<2_000 {
                try FileManager.default.copyItem(atPath: planted, toPath: many.appendingPathComponent("a\(number).txt").path)
            }
            let run = try mtlint(["check", "--format", "html", "-o", folder + "/", many.path],
                                 launcher: ["/bin/bash", "-c", #""$0" "$@" & p=$!; sleep 2; kill -TERM $p; wait $p"#])
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before, "the folder changed")
            return run
        case "output-read-only":
            let report = try scratch.file("report.txt", Array("an earlier report\n".utf8))
            chmod(report, 0o444)
            chmod(scratch.url.path, 0o777)
            let run = try mtlint(["check", "-o", report, planted], launcher: Repo.unprivileged)
            #expect(try String(contentsOfFile: report, encoding: .utf8) == "an earlier report\n")
            return run
        case "jsonl-duplicate-key": return try stream(Array(#"{"id":"a","text":"Hello.","text":"Goodbye."}"#.utf8) + [0x0A])
        case "jsonl-lone-surrogate": return try stream(Array(#"{"id":"a","source":"\ud800","target":"Hello."}"#.utf8) + [0x0A])
        case "jsonl-id-too-large": return try stream(Array(#"{"id":123456789012345678901234,"source":"Привет.","target":"Hello."}"#.utf8) + [0x0A])
        case "jsonl-id-exponent": return try stream(Array(#"{"id":1e3,"source":"Привет.","target":"Hello."}"#.utf8) + [0x0A])
        case "jobs-negative": return try check(["--jobs", "-1", planted])
        case "exclude-everything": return try check(["--exclude", "*", Repo.corpora.path])
        case "windows-1251":
            let russian = "Участники заседания Высшего Евразийского экономического совета в Минске.\nParticipants of the meeting in Minsk.\n"
            let bytes = try #require(russian.data(using: .windowsCP1251))
            return try check([scratch.file("cp1251.txt", Array(bytes))])
        case "source-only":
            return try check([scratch.file("original.txt", Array("Новая станция метро открылась в Казани.\nПервый участок второй линии открылся в субботу.\n".utf8))])
        case "caption-layouts": return try check([Repo.corpora.appendingPathComponent("samara-park-layouts.txt").path])
        case "caption-gallery-lines": return try check([Repo.corpora.appendingPathComponent("yaroslavl-festival-gallery.txt").path])
        case "source-same-language": return try check(["--source", scratch.file("a.txt", Array(Self.english.utf8)), scratch.file("b.txt", Array(Self.english.utf8))])
        case "source-empty": return try check(["--source", scratch.file("empty.txt", []), scratch.file("b.txt", Array(Self.english.utf8))])
        case "source-binary": return try check(["--source", scratch.file("binary.txt", Array(Self.russian.utf8) + [0, 1]), scratch.file("b.txt", Array(Self.english.utf8))])
        case "source-unrelated":
            let other = """
                Футбольный клуб из Казани выиграл кубок страны. Матч прошёл на новом стадионе. Тренер поблагодарил болельщиков. \
                Следующая игра состоится в сентябре. Билеты уже продаются. Капитан команды получил травму колена.
                """
            return try check(["--source", scratch.file("other.txt", Array(other.utf8)), scratch.file("b.txt", Array(Self.english.utf8))])
        default: return nil
        }
    }

    /// A Russian article and its English translation, for the two-file cases.
    static let russian = """
        Министр финансов выступил в парламенте в понедельник. Он сказал, что бюджет на 2026 год будет принят в срок. \
        Дефицит бюджета составит 1,5% ВВП. Депутаты обсудят документ в среду. Оппозиция потребовала увеличить расходы на медицину.
        """
    static let english = """
        The finance minister spoke in parliament on Monday. He said that the budget for 2026 would be adopted on time. \
        The budget deficit will be 1.5% of GDP. Deputies will discuss the document on Wednesday. The opposition demanded more spending on healthcare.
        """

    /// Runs mtlint under the memory and CPU ceilings of a bounded analysis: 200 MB of data, 4 s of CPU
    /// (the debug build the tests use is slower than a release build, which needs well under 1 s).
    static let bounded = ["/usr/bin/prlimit", "--data=200000000", "--cpu=4"]

    /// Calls `body` with a path given as bytes (not necessarily UTF-8), NUL-terminated.
    static func bytesPath<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The cases `run` knows.
    static let cases: Set<String> = [
        "empty", "binary", "invalid-utf8", "utf16", "too-large", "missing", "unreadable", "fifo-in-directory", "link-loop",
        "output-is-input", "output-missing-directory", "output-device", "control-characters", "jsonl-blank-line",
        "jsonl-invalid-utf8", "jsonl-bad-id", "jsonl-not-json", "jsonl-long-line", "jsonl-format",
        "long-word-caption", "long-word-source", "long-word-stream", "latin1-name", "latin1-argument", "unsearchable-directory", "html-large",
        "output-full", "output-write-fails", "stdout-closed", "sigpipe-ignored", "sigpipe-default", "fifo-argument",
        "html-folder-interrupted", "output-read-only", "jsonl-duplicate-key", "jsonl-lone-surrogate", "jsonl-id-too-large",
        "jsonl-id-exponent", "jobs-negative", "exclude-everything", "windows-1251", "source-only", "caption-layouts", "caption-gallery-lines",
        "source-same-language", "source-empty", "source-binary", "source-unrelated",
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
