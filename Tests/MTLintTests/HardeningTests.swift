import Foundation
import MTReporters
#if canImport(FoundationXML)
import FoundationXML
#endif
import Synchronization
import Testing

/// Hostile inputs and outputs (issue 11): each test reproduces a way mtlint used to lose data,
/// hang or answer wrongly, and checks what it does now.
@Suite struct HardeningTests {
    /// A fresh directory for one test, removed afterwards by the caller's `defer`.
    private func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private var article: URL { Repo.corpora.appendingPathComponent("eaeu-summit-planted.txt") }

    @Test("-o naming an input is refused and the input is untouched")
    func outputOverAnInputIsRefused() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("a.txt")
        try FileManager.default.copyItem(at: article, to: input)
        let before = try Data(contentsOf: input)
        let run = try mtlint(["check", "-o", input.path, input.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("it is the input"))
        #expect(try Data(contentsOf: input) == before)
        // Also through a link to the input.
        let link = directory.appendingPathComponent("link.txt")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
        #expect(try mtlint(["check", "-o", link.path, input.path]).status == 2)
        #expect(try Data(contentsOf: input) == before)
    }

    @Test("-o through a symbolic link replaces the link's target and keeps the link")
    func outputFollowsALink() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("report.txt"), link = directory.appendingPathComponent("latest.txt")
        try Data("old".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(try mtlint(["check", "-o", link.path, article.path]).status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("eaeu-summit-planted.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["latest.txt", "report.txt"])
    }

    @Test("-o to a device or a FIFO writes into it instead of renaming over it")
    func outputToSpecialFiles() throws {
        #expect(try mtlint(["check", "-o", "/dev/null", article.path]).status == 1)
        #expect(fileType("/dev/null") == mode_t(S_IFCHR))

        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let received = Mutex(Data())
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo.path) {
                let data = handle.readDataToEndOfFile()
                received.withLock { $0 = data }
            }
        }
        reader.start()
        #expect(try mtlint(["check", "-o", fifo.path, article.path], timeout: 60).status == 1)
        for _ in 0..<100 where received.withLock({ $0.isEmpty }) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(String(decoding: received.withLock { $0 }, as: UTF8.self).contains("score"))
        #expect(fileType(fifo.path) == mode_t(S_IFIFO))
    }

    @Test("-o into a missing directory names the OS reason")
    func outputReason() throws {
        let run = try mtlint(["check", "-o", "/nonexistent/dir/report.txt", article.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot write /nonexistent/dir/report.txt: No such file or directory"))
    }

    @Test("SIGTERM during -o leaves no temporary file")
    func interruptedOutputIsCleanedUp() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A long article (the planted one, 200 times) keeps the run busy long enough to be interrupted.
        let text = try String(contentsOf: article, encoding: .utf8)
        let long = directory.appendingPathComponent("long.txt")
        try String(repeating: text + "\n\n", count: 200).write(to: long, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Repo.executable
        process.arguments = ["check", "-o", directory.appendingPathComponent("report.txt").path, long.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawTemporary = false
        for _ in 0..<200 where !sawTemporary {
            Thread.sleep(forTimeInterval: 0.02)
            sawTemporary = try FileManager.default.contentsOfDirectory(atPath: directory.path).contains { $0.hasSuffix(".tmp") }
        }
        process.terminate()
        process.waitUntilExit()
        #expect(sawTemporary, "the run finished before it could be interrupted")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["long.txt"])
    }

    @Test("a directory scan skips FIFOs and link loops with a notice, names a broken link as unreadable (exit 2), and follows directory links")
    func directoryScans() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let articles = directory.appendingPathComponent("articles"), sub = articles.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: article, to: articles.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: article, to: sub.appendingPathComponent("b.txt"))
        #expect(mkfifo(articles.appendingPathComponent("fifo.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("broken.txt").path, withDestinationPath: "nowhere.txt")
        let run = try mtlint(["check", "--format", "json", articles.path], timeout: 120)
        #expect(run.status == 2)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let paths = (report?["documents"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == [articles.appendingPathComponent("a.txt").path, sub.appendingPathComponent("b.txt").path])
        #expect(run.stderr.contains("fifo.txt: not a regular file (a FIFO)"))
        #expect(run.stderr.contains("loop: a link back into a directory already scanned"))
        #expect(run.stderr.contains("broken.txt: cannot be read: a broken link"))

        // A link to the directory, given as the argument, is scanned like the directory.
        let link = directory.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: articles)
        let linked = try mtlint(["check", "--format", "json", link.path], timeout: 120)
        let linkedReport = try JSONSerialization.jsonObject(with: Data(linked.stdout.utf8)) as? [String: Any]
        #expect((linkedReport?["documents"] as? [Any])?.count == 2)
    }

    @Test("an unreadable subdirectory or file is named, the other files are still checked, and the exit status is 2")
    func unreadableEntries() throws {
        let directory = try scratch()
        defer {
            chmod(directory.appendingPathComponent("articles/locked").path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let articles = directory.appendingPathComponent("articles"), locked = articles.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        for (name, to) in [("a.txt", articles), ("b.txt", locked), ("c.txt", articles)] {
            try FileManager.default.copyItem(at: article, to: to.appendingPathComponent(name))
        }
        #expect(chmod(articles.appendingPathComponent("c.txt").path, 0o200) == 0)
        #expect(chmod(locked.path, 0o311) == 0)
        chmod(directory.path, 0o755)
        let run = try mtlint(["check", "--format", "json", articles.path], timeout: 120, launcher: Repo.unprivileged)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(locked.path): directory cannot be listed: Permission denied"), "\(run.stderr)")
        #expect(run.stderr.contains("c.txt: cannot be opened for reading: Permission denied"), "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let paths = (report?["documents"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == [articles.appendingPathComponent("a.txt").path])
    }

    @Test("a 200 MB file is refused by its size before it is read (the default --max-size keeps memory under 1 GB)")
    func hugeFileRefusedBySize() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let huge = directory.appendingPathComponent("huge.txt")
        // Sparse: the size is there, the bytes are not (reading them would take seconds).
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("The minister said.\n".utf8)))
        #expect(truncate(huge.path, 200 << 20) == 0)
        let run = try mtlint(["check", huge.path], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr == "mtlint: \(huge.path): is larger than 16 MiB (--max-size)\n")
        let raised = try mtlint(["check", "--max-size", "300M", "--format", "json", huge.path], timeout: 60)
        #expect(raised.stderr.contains("looks binary (NUL byte)"), "read once the limit allows it: \(raised.stderr)")
    }

    @Test("UTF-16 and UTF-32 files are named as such, not called binary")
    func wideEncodingsAreNamed() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, encoding, label) in [("le.txt", String.Encoding.utf16LittleEndian, "UTF-16LE"), ("be.txt", .utf16BigEndian, "UTF-16BE"),
                                        ("le32.txt", .utf32LittleEndian, "UTF-32LE")] {
            let bom: [UInt8] = switch label {
            case "UTF-16LE": [0xFF, 0xFE]
            case "UTF-16BE": [0xFE, 0xFF]
            default: [0xFF, 0xFE, 0x00, 0x00]
            }
            let file = directory.appendingPathComponent(name)
            try (Data(bom) + "Hello world.\n".data(using: encoding)!).write(to: file)
            let run = try mtlint(["check", file.path])
            #expect(run.status == 2)
            #expect(run.stderr.contains("is \(label) (byte order mark)"), "\(run.stderr)")
        }
    }

    @Test("--stdin-jsonl answers every input line with one line: blank, invalid UTF-8 and bad ids included")
    func streamLinesMatchInputLines() throws {
        var input = Data()
        input += Data(#"{"id":"a","source":"Министр в Москве","target":"The minister in Moscow"}"#.utf8) + Data([0x0A])
        input += Data([0x0A])  // a blank line
        input += Data(#"{"id":"bad","text":"caf"#.utf8) + Data([0xFF]) + Data(#" ok"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":true,"text":"x"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":12,"text":"The ministers met."}"#.utf8) + Data([0x0D, 0x0A])
        input += Data(#"{"id":"last","text":"No newline at the end."}"#.utf8)
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("input.jsonl")
        try input.write(to: inputFile)
        let run = try mtlint(["check", "--stdin-jsonl"], stdin: inputFile, timeout: 120)
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 6)
        let objects = lines.map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects[0]?["id"] as? String == "a")
        #expect(objects[1]?["error"] as? String == "line 2: blank line (no record)")
        let offset = input.firstIndex(of: 0xFF)!
        #expect(objects[2]?["error"] as? String == "line 3: not valid UTF-8 at byte \(offset) of the input")
        #expect(objects[2]?["id"] as? String == "bad")
        #expect(objects[3]?["error"] as? String == #"line 4: "id" must be a string or an integer"#)
        #expect((objects[4]?["id"] as? NSNumber)?.intValue == 12 && objects[4]?["passed"] as? Bool == true)
        #expect(objects[5]?["id"] as? String == "last")
    }

    @Test("--stdin-jsonl refuses a --format it would ignore")
    func streamRefusesOtherFormats() throws {
        let run = try mtlint(["check", "--stdin-jsonl", "--format", "json"], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--stdin-jsonl always writes JSON lines"))
    }

    @Test("escape sequences in an article or a file name never reach the terminal raw, and XML stays well-formed")
    func controlCharactersAreEscaped() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("evil\u{1B}]0;title\u{07}.txt")
        try Data("The minister \u{1B}]0;pwned\u{07} said \u{1B}[31mred\u{1B}[0m that (maybe.\n".utf8).write(to: file)
        let text = try mtlint(["check", "--color", "never", file.path])
        #expect(text.status == 1)
        #expect(!text.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.stdout.contains(#"The minister \x1b]0;pwned\x07 said"#))
        // The caret still sits under the span: '(' is unbalanced.
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let excerpt = try #require(lines.firstIndex { $0.contains("'(' is never closed") }) + 1
        let column = lines[excerpt].unicodeScalars.distance(from: lines[excerpt].unicodeScalars.startIndex,
                                                            to: lines[excerpt].unicodeScalars.firstIndex(of: "(")!)
        #expect(lines[excerpt + 1].unicodeScalars.firstIndex(of: "^").map {
            lines[excerpt + 1].unicodeScalars.distance(from: lines[excerpt + 1].unicodeScalars.startIndex, to: $0)
        } == column)
        for format in ["junit", "github"] {
            let run = try mtlint(["check", "--format", format, file.path])
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(format)")
        }
        let junit = try mtlint(["check", "--format", "junit", file.path])
        #expect(throws: Never.self) { try XMLDocument(xmlString: junit.stdout) }
    }

    @Test("HTML pages of documents whose names map alike do not overwrite each other")
    func htmlPageNamesAreUnique() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: article, to: directory.appendingPathComponent("a/b.txt"))
        try FileManager.default.copyItem(at: Repo.corpora.appendingPathComponent("baikal-expedition-clean.txt"),
                                         to: directory.appendingPathComponent("a_b.txt"))
        try FileManager.default.copyItem(at: article, to: directory.appendingPathComponent("index"))
        let pages = directory.appendingPathComponent("pages")
        let run = try mtlint(["check", "--format", "html", "-o", pages.path + "/",
                              directory.appendingPathComponent("a/b.txt").path, directory.appendingPathComponent("a_b.txt").path,
                              directory.appendingPathComponent("index").path])
        #expect(run.status == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: pages.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files.count == 4, "\(files)")
        let index = try String(contentsOf: pages.appendingPathComponent("index.html"), encoding: .utf8)
        for file in files where file != "index.html" { #expect(index.contains("href=\"\(file)\""), "\(file)") }
    }

    @Test("HTML pages are written as documents finish, into a hidden folder moved into place when the run is complete")
    func htmlPagesStream() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The second input is a FIFO: the run waits on it, after the first document is done.
        let fifo = directory.appendingPathComponent("later.txt")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let pages = directory.appendingPathComponent("pages")
        let process = Process()
        process.executableURL = Repo.executable
        process.arguments = ["check", "--format", "html", "--jobs", "1", "-o", pages.path + "/", article.path, fifo.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let page = HTMLReporter.file(for: article.path)
        let staged = pages.appendingPathComponent(".mtlint-\(process.processIdentifier).tmp/\(page)")
        var written = false
        for _ in 0..<600 where !written {
            Thread.sleep(forTimeInterval: 0.05)
            written = FileManager.default.fileExists(atPath: staged.path)
        }
        #expect(written, "the first document's page was not written while the run went on")
        #expect(!FileManager.default.fileExists(atPath: pages.appendingPathComponent(page).path), "a page appeared before the run was complete")
        #expect(!FileManager.default.fileExists(atPath: pages.appendingPathComponent("index.html").path))
        // Let the run finish: write the second document into the FIFO.
        let writer = try #require(FileHandle(forWritingAtPath: fifo.path))
        writer.write(Data("The ministers met in the capital on Monday.\n".utf8))
        try writer.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(FileManager.default.fileExists(atPath: pages.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: pages.appendingPathComponent(page).path))
        #expect(!FileManager.default.fileExists(atPath: staged.deletingLastPathComponent().path), "the hidden folder was left behind")
    }

    @Test("inputs the fuzzer once crashed on are checked without crashing")
    func fuzzFindingsStayFixed() throws {
        let directory = Repo.root.appendingPathComponent("Tests/MTLintTests/Fixtures/fuzz")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(!files.isEmpty)
        for file in files {
            let run = try mtlint(["check", directory.appendingPathComponent(file).path])
            #expect(run.status == 0 || run.status == 1, "\(file): exit \(run.status) \(run.stderr.prefix(300))")
        }
    }
}
