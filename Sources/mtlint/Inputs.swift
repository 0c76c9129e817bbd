import ArgumentParser
import Foundation
import MTCore

/// What `mtlint check` reads: files, directories searched recursively for files with the given
/// extensions (minus those matching an --exclude glob), or `-` for standard input. The order is
/// the order of the arguments, directories expanded in sorted path order, so output is deterministic.
enum Input: Hashable {
    case file(FilePath)
    case standardInput
    /// A translation and the source article it was made from (`check --source`).
    case translation(FilePath, source: FilePath)

    var displayPath: String {
        switch self {
        case .file(let path), .translation(let path, _): path.description
        case .standardInput: "<stdin>"
        }
    }

    /// Files to check, in argument order, directories expanded. A directory scan reads names as bytes
    /// (a Latin-1 name is checked like any other, and shown with its bytes escaped) and takes regular
    /// files only: anything else with a checked extension (a FIFO, socket or device) is skipped with a
    /// `notice`, as is a directory link that leads back into the scan (a loop). Directory links are
    /// followed. An entry that cannot be read (a directory that cannot be listed, a broken link, a
    /// name the OS refuses to look up) goes to `failed` with its reason, and the files found
    /// elsewhere are still returned. A FIFO given by name is read as a stream. With `pair`, a directory's
    /// `NAME.en.txt` beside `NAME.ru.txt` is one translation checked against its source.
    static func collect(_ arguments: [String], extensions: [String], excluding patterns: [String], pair: LanguagePair? = nil,
                        excluded: () -> Void = {}, notice: (String) -> Void = { _ in }, failed: (InputError) -> Void = { _ in }) -> [Input] {
        var inputs: [Input] = []
        var seen: Set<Input> = []
        func add(_ input: Input) {
            if seen.insert(input).inserted { inputs.append(input) }
        }
        let suffixes = extensions.map { Array(("." + $0).utf8) }
        for argument in arguments {
            if argument == "-" {
                add(.standardInput)
                continue
            }
            let path = FilePath(argument: argument)
            var status = stat()
            guard path.withCString({ stat($0, &status) }) == 0, FileType(status.st_mode) == .directory else {
                if Self.excluded(argument, patterns) { excluded() } else { add(.file(path)) }
                continue
            }
            var found: [FilePath] = []
            var visited = Set<[UInt64]>()
            scan(path, status, suffixes, patterns, &found, &visited, excluded, notice, failed)
            (pair.map { pairingTranslations(found.sorted(), $0, extensions) } ?? found.sorted().map(Input.file)).forEach(add)
        }
        return inputs
    }

    /// A directory's files, with each translation `NAME.en.txt` that has its source `NAME.ru.txt` beside
    /// it (the language pair's codes) taken as the pair, checked against each other; other files as they are.
    static func pairingTranslations(_ files: [FilePath], _ pair: LanguagePair, _ extensions: [String]) -> [Input] {
        let present = Set(files)
        var sources: Set<FilePath> = []
        var pairs: [FilePath: FilePath] = [:]
        for file in files {
            for ext in extensions {
                let suffix = Array(".\(pair.target.code).\(ext)".utf8)
                guard file.bytes.count > suffix.count, file.bytes.suffix(suffix.count).elementsEqual(suffix) else { continue }
                let source = FilePath(bytes: file.bytes.dropLast(suffix.count) + Array(".\(pair.source.code).\(ext)".utf8))
                if present.contains(source) {
                    pairs[file] = source
                    sources.insert(source)
                }
            }
        }
        return files.compactMap { file in
            if let source = pairs[file] { return .translation(file, source: source) }
            return sources.contains(file) ? nil : .file(file)
        }
    }

    /// Adds the regular files under `directory` with a checked extension to `found`, recursively,
    /// following directory links once (`visited`: device and inode of each directory scanned).
    private static func scan(
        _ directory: FilePath, _ status: stat, _ suffixes: [[UInt8]], _ patterns: [String],
        _ found: inout [FilePath], _ visited: inout Set<[UInt64]>,
        _ excluded: () -> Void, _ notice: (String) -> Void, _ failed: (InputError) -> Void
    ) {
        let identity: [UInt64] = [UInt64(status.st_dev), UInt64(status.st_ino)]
        guard visited.insert(identity).inserted else {
            notice("skipped \(directory): a link back into a directory already scanned")
            return
        }
        guard let handle = directory.withCString({ opendir($0) }) else {
            failed(InputError(path: directory.description, reason: "directory cannot be listed: \(String(cString: strerror(errno)))"))
            return
        }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 {
                    failed(InputError(path: directory.description, reason: "directory cannot be listed: \(String(cString: strerror(errno)))"))
                }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name.first != UInt8(ascii: ".") { names.append(name) }  // hidden files, "." and ".."
        }
        closedir(handle)
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let path = directory.appending(name)
            let wanted = suffixes.contains { name.count > $0.count && name.suffix($0.count).elementsEqual($0) }
            var entry = stat()
            guard path.withCString({ stat($0, &entry) }) == 0 else {
                let reason = errno
                var link = stat()
                let isLink = path.withCString { lstat($0, &link) } == 0 && FileType(link.st_mode) == .symbolicLink
                if isLink && reason == ENOENT {
                    if wanted { failed(InputError(path: path.description, reason: "cannot be read: a broken link (its target does not exist)")) }
                } else {
                    failed(InputError(path: path.description, reason: "cannot be read: \(String(cString: strerror(reason)))"))
                }
                continue
            }
            let type = FileType(entry.st_mode)
            if type == .directory {
                scan(path, entry, suffixes, patterns, &found, &visited, excluded, notice, failed)
            } else if type == .regular {
                if wanted {
                    if Self.excluded(path.description, patterns) { excluded() } else { found.append(path) }
                }
            } else if wanted {
                notice("skipped \(path): not a regular file (\(type.rawValue))")
            }
        }
    }

    /// The file paths among inputs.
    static func paths(_ inputs: [Input]) -> [FilePath] {
        inputs.flatMap { input -> [FilePath] in
            switch input {
            case .file(let path): [path]
            case .translation(let path, let source): [path, source]
            case .standardInput: []
            }
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

    /// The file whose configuration applies: the translation's (`nil`: standard input).
    var path: String? {
        switch self {
        case .file(let path), .translation(let path, _): path.description
        case .standardInput: nil
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The reader of the input (`Session.check` reads it on a worker thread): the format given, or
    /// (`auto`) the one its extension names, plain text otherwise.
    func reader(_ format: InputFormat = .auto) -> any DocumentSource {
        switch self {
        case .file(let path): format.reader(of: path)
        case .translation(let path, let source): TranslationFile(path, source: source, format: format)
        case .standardInput: StandardInput(format: format)
        }
    }
}

extension FilePath {
    /// A path given on the command line, with the bytes the shell passed: Swift decodes each argument
    /// as UTF-8, replacing bytes that are not (a Latin-1 "résumé.txt") with U+FFFD, and the repaired
    /// name names no file. Arguments that are valid UTF-8 are taken as they are.
    init(argument: String) {
        if argument.unicodeScalars.contains("\u{FFFD}"), let raw = Self.undecodableArguments[argument] {
            self.init(bytes: raw)
        } else {
            self.init(argument)
        }
    }

    /// The arguments that are not valid UTF-8, by their repaired decoding.
    private static let undecodableArguments: [String: [UInt8]] = {
        var table: [String: [UInt8]] = [:]
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
            if String(validating: bytes, as: UTF8.self) == nil { table[String(decoding: bytes, as: UTF8.self)] = bytes }
        }
        return table
    }()
}

extension InputFormat: ExpressibleByArgument {}
