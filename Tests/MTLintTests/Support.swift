import Foundation
import Testing

/// Paths and process helpers shared by the end-to-end tests.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let corpora = root.appendingPathComponent("Corpora")
    static let seedArticle = seeds.appendingPathComponent("000_853c710d535f1bf7.txt")
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The `mtlint` executable built next to the test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mtlint")

    /// The documents a check of Corpora/ makes: every text file and page, except a source article
    /// (NAME.ru.txt) beside its translation (NAME.en.txt), which is checked with it.
    /// Paths are relative to Corpora/ ("glossary/drone-exhibition-planted.txt": the folder's .mtlint.yml applies).
    static func corpusArticles() throws -> [String] {
        let files = (FileManager.default.enumerator(atPath: corpora.path)?.compactMap { $0 as? String } ?? []).filter { name in
            // What `check Corpora` reads: the directory extensions (tables only when named).
            ["txt", "html", "htm", "md", "markdown", "xlf", "xliff", "tmx", "po"].contains { name.hasSuffix("." + $0) }
        }
        return files.filter { !($0.hasSuffix(".ru.txt") && files.contains(String($0.dropLast(".ru.txt".count)) + ".en.txt")) }.sorted()
    }

    /// Gold files in Corpora/.
    static func corpusGoldFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpora, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }
            .sorted { $0.path < $1.path }
    }

    /// The official SARIF 2.1.0 schema in the shared data.
    static let sarifSchema = root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json")

    /// A launcher that runs mtlint as `nobody`, for tests of permission errors when they run as root
    /// (root reads any file); empty otherwise. setpriv is in util-linux, part of every Debian system.
    static let unprivileged: [String] = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []

    /// Whether a test that needs a shared file runs: when the file is there, and always under CI=true,
    /// where its absence fails the test. Elsewhere the test shows as skipped, not as passed.
    static func shared(_ file: URL) -> Bool {
        isCI || FileManager.default.fileExists(atPath: file.path)
    }

    /// Whether the shared seed is there; under CI=true its absence is a test failure.
    static func seedAvailable() -> Bool {
        if FileManager.default.fileExists(atPath: seedArticle.path) { return true }
        if isCI { Issue.record("the seed \(seedArticle.path) is missing") }
        return false
    }
}

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs mtlint with arguments, from the repository root, without a terminal. A run still going after
/// `timeout` seconds is killed and recorded as an issue (a hang fails the test instead of stalling the suite).
/// `launcher` runs mtlint through another command (`setpriv …`), its path first.
func mtlint(_ arguments: [String], environment: [String: String] = [:], stdin: URL? = nil, timeout: Double = 300,
            launcher: [String] = []) throws -> ProcessResult {
    let process = Process()
    process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? Repo.executable
    process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [Repo.executable.path] + arguments
    process.currentDirectoryURL = Repo.root
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
    try process.run()
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "mtlint \(arguments) did not finish within \(timeout) s")
    return ProcessResult(
        status: process.terminationStatus,
        stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// The type bits of a file's mode (through links), or nil when it does not exist.
func fileType(_ path: String) -> mode_t? {
    var status = stat()
    return stat(path, &status) == 0 ? status.st_mode & mode_t(S_IFMT) : nil
}

/// A fresh folder for one test's files (the caller removes it: `defer { try? FileManager.default.removeItem(at: folder) }`).
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes `content` as the file `name` and checks it: exit status 2, one line on standard error (the
/// file's path, then `message`), nothing on standard output, and nothing a hostile file asked for (an
/// entity's "lol", /etc/passwd's "root:") echoed.
func expectRefused(_ name: String, _ content: String, _ message: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try content.write(to: file, atomically: true, encoding: .utf8)
    let run = try mtlint(["check", "--no-config", file.path])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("mtlint: \(file.path): \(message)"), "\(run.stderr)")
    #expect(!run.stderr.contains("lol") && !run.stderr.contains("root:") && run.stderr.split(separator: "\n").count == 1)
    #expect(run.stdout.isEmpty)
}

/// A file named `name` of `prefix`, 100 MB of "a" (an attribute's value), then `suffix`, written in pieces
/// (never held whole): refused by its size before it is read, with exit status 2.
func expectRefusedBySize(_ name: String, prefix: String, suffix: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
    let handle = try FileHandle(forWritingTo: file)
    try handle.write(contentsOf: Data(prefix.utf8))
    let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<100 { try handle.write(contentsOf: chunk) }
    try handle.write(contentsOf: Data(suffix.utf8))
    try handle.close()
    let run = try mtlint(["check", "--no-config", file.path])
    #expect(run.status == 2)
    #expect(run.stderr == "mtlint: \(file.path): is larger than 16 MiB (--max-size)\n", "\(run.stderr)")
}
