import Foundation
import MTCore

/// What `mtlint check` reads: files, directories searched recursively for files with the given
/// extensions (minus those matching an --exclude glob), or `-` for standard input. The order is
/// the order of the arguments, directories expanded in sorted path order, so output is deterministic.
enum Input: Hashable {
    case file(String)
    case standardInput

    var displayPath: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        }
    }

    /// Files to check, in argument order, directories expanded. A directory scan takes regular files
    /// only: anything else with a checked extension (a FIFO, socket or device) is skipped with a
    /// `notice`, as is a directory link that leads back into the scan (a loop) or a broken link.
    /// Directory links are followed. A directory that cannot be listed goes to `failed`, and the
    /// files found elsewhere are still returned. A FIFO given by name is read as a stream.
    static func collect(_ arguments: [String], extensions: [String], excluding patterns: [String],
                        notice: (String) -> Void = { _ in }, failed: (InputError) -> Void = { _ in }) -> [Input] {
        var inputs: [Input] = []
        var seen: Set<Input> = []
        func add(_ input: Input) {
            if seen.insert(input).inserted { inputs.append(input) }
        }
        for argument in arguments {
            if argument == "-" {
                add(.standardInput)
                continue
            }
            var status = stat()
            guard stat(argument, &status) == 0, FileType(status.st_mode) == .directory else {
                if !excluded(argument, patterns) { add(.file(argument)) }
                continue
            }
            var found: [String] = []
            var visited = Set<[UInt64]>()
            scan(argument, status, extensions, patterns, &found, &visited, notice, failed)
            found.sorted().forEach { add(.file($0)) }
        }
        return inputs
    }

    /// Adds the regular files under `directory` with a checked extension to `found`, recursively,
    /// following directory links once (`visited`: device and inode of each directory scanned).
    private static func scan(
        _ directory: String, _ status: stat, _ extensions: [String], _ patterns: [String],
        _ found: inout [String], _ visited: inout Set<[UInt64]>,
        _ notice: (String) -> Void, _ failed: (InputError) -> Void
    ) {
        let identity: [UInt64] = [UInt64(status.st_dev), UInt64(status.st_ino)]
        guard visited.insert(identity).inserted else {
            notice("skipped \(directory): a link back into a directory already scanned")
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            var reason = "cannot be listed"
            if let handle = opendir(directory) {
                closedir(handle)
            } else {
                reason = String(cString: strerror(errno))
            }
            failed(InputError(path: directory, reason: "directory cannot be listed: \(reason)"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path: String = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let wanted: Bool = extensions.contains { name.hasSuffix("." + $0) }
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                if wanted { notice("skipped \(path): a broken link") }
                continue
            }
            let type = FileType(entry.st_mode)
            if type == .directory {
                scan(path, entry, extensions, patterns, &found, &visited, notice, failed)
            } else if type == .regular {
                if wanted && !excluded(path, patterns) { found.append(path) }
            } else if wanted {
                notice("skipped \(path): not a regular file (\(type.rawValue))")
            }
        }
    }

    /// The file paths among inputs.
    static func paths(_ inputs: [Input]) -> [String] {
        inputs.compactMap { input in
            if case .file(let path) = input { return path }
            return nil
        }
    }

    /// Whether a path matches a glob (fnmatch, `*` not crossing `/` unless the pattern says so)
    /// as a whole or by its file name.
    static func excluded(_ path: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            fnmatch(pattern, path, 0) == 0 || fnmatch(pattern, (path as NSString).lastPathComponent, 0) == 0
                || fnmatch("*/" + pattern, path, 0) == 0
        }
    }

    func read(pair: LanguagePair, maximumSize: Int = DocumentReader.defaultMaximumSize) throws(InputError) -> Document {
        switch self {
        case .file(let path):
            return try Document(contentsOf: path, pair: pair, maximumSize: maximumSize)
        case .standardInput:
            let bytes = try DocumentReader.read(FileHandle.standardInput, path: displayPath, maximumSize: maximumSize)
            let decoded = try DocumentReader.decode(bytes, path: displayPath)
            return Document(path: displayPath, text: decoded.text, byteOffset: decoded.byteOffset, pair: pair)
        }
    }
}
