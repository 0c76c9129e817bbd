import Foundation
import MTText

/// Input that mtlint cannot check. `description` is one line naming the file.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public let byteOffset: Int?
    /// What to do about it, after the offset ("(it looks like windows-1251: …)").
    public let hint: String

    public init(path: String, reason: String, byteOffset: Int? = nil, hint: String = "") {
        self.path = path
        self.reason = reason
        self.byteOffset = byteOffset
        self.hint = hint
    }

    public var description: String {
        if let byteOffset { return "\(path): \(reason) at byte offset \(byteOffset)\(hint)" }
        return "\(path): \(reason)\(hint)"
    }
}

/// A path as the bytes the file system knows it by: a name need not be UTF-8 (Latin-1 archives,
/// Windows shares), and such a file is read by its own bytes. `description` shows the bytes that are
/// not UTF-8 escaped ("r\xE9sum\xE9.txt").
public struct FilePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ path: String) { bytes = Array(path.utf8) }
    public init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }

    /// The path as text when it is valid UTF-8.
    public var string: String? { String(validating: bytes, as: UTF8.self) }

    public var description: String {
        if let string { return string }
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            let valid = DocumentReader.firstInvalidUTF8(Array(rest), from: 0)
            text += String(decoding: rest.prefix(valid), as: UTF8.self)
            rest = rest.dropFirst(valid)
            if let byte = rest.first {
                text += "\\x" + String(byte, radix: 16, uppercase: true)
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// The path with a name appended after a "/".
    public func appending(_ name: some Collection<UInt8>) -> FilePath {
        FilePath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + name : bytes + [UInt8(ascii: "/")] + name)
    }

    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    public static func < (a: FilePath, b: FilePath) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}

/// How an input file is read (`check --input-format`).
public enum InputFormat: String, Sendable, CaseIterable {
    /// By the file's extension (`extensions`), plain text for any other.
    case auto
    case text, html, markdown
    /// Bilingual files: each unit a source segment and its translation (`BilingualFile`).
    case xliff, tmx, po, tsv, csv

    /// The extensions each format is chosen by (`auto`).
    public static let extensions: [(format: InputFormat, extensions: [String])] = [
        (.html, ["html", "htm", "xhtml"]), (.markdown, ["md", "markdown"]), (.xliff, ["xlf", "xliff"]), (.tmx, ["tmx"]), (.po, ["po"]), (.tsv, ["tsv"]), (.csv, ["csv"]),
    ]

    /// Whether each unit of a file in this format is a source segment and its translation.
    public var isBilingual: Bool { [.xliff, .tmx, .po, .tsv, .csv].contains(self) }

    /// The format a file is read in: this one, or (`auto`) the one its extension names.
    public func resolved(for path: FilePath) -> InputFormat {
        guard self == .auto else { return self }
        let name = path.description.lowercased()
        return Self.extensions.first { $0.extensions.contains { name.hasSuffix("." + $0) } }?.format ?? .text
    }

    /// The reader of a file in this format.
    public func reader(of path: FilePath) -> any DocumentSource {
        let format = resolved(for: path)
        switch format {
        case .html: return HTMLFile(path)
        case .markdown: return MarkdownFile(path)
        case .xliff, .tmx, .po, .tsv, .csv: return BilingualFile(path, format: format)
        case .auto, .text: return TextFile(path)
        }
    }

    /// A file's text as read in this format, the bytes before it in the file, and for a page the map
    /// of where its text stands in the page. A bilingual file is not one side of two files.
    func text(of path: FilePath, pair: LanguagePair, maximumSize: Int) throws(InputError) -> (text: String, byteOffset: Int, map: FileMap?) {
        let format = resolved(for: path)
        if format.isBilingual {
            throw InputError(path: path.description, reason: "is a bilingual file (\(format.rawValue)): it holds its own source segments; check it without --source")
        }
        let decoded = try DocumentReader.read(path: path, maximumSize: maximumSize)
        guard let markup = try Self.markup(decoded, format: format, path: path.description, pair: pair) else { return (decoded.text, decoded.byteOffset, nil) }
        return (markup.text, 0, markup.map)
    }

    /// The text of a page or Markdown article and its map to the file; nil for plain text.
    static func markup(_ decoded: DocumentReader.Decoded, format: InputFormat, path: String, pair: LanguagePair) throws(InputError) -> MarkupText? {
        switch format {
        case .html: try HTMLFile.text(of: decoded, path: path, pair: pair)
        case .markdown: try MarkdownFile.text(of: decoded, path: path)
        default: nil
        }
    }
}

// MARK: - Readers of plain text (`DocumentSource`)

/// An article in a plain-text file: a translation, with any source captions it kept (see `Classifier`).
public struct TextFile: DocumentSource {
    public let path: FilePath

    public init(_ path: FilePath) { self.path = path }

    public func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document {
        try Document(contentsOf: path, pair: pair, knowledge: knowledge, maximumSize: maximumSize)
    }
}

/// A translation in a plain-text file and the source article it was made from, in another (`check --source`).
public struct TranslationFile: DocumentSource {
    public let path: FilePath
    public let source: FilePath
    /// How both files are read (`auto`: each by its extension: HTML pages or plain text).
    public let format: InputFormat

    public init(_ path: FilePath, source: FilePath, format: InputFormat = .auto) {
        self.path = path
        self.source = source
        self.format = format
    }

    public func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document {
        try Document(contentsOf: path, source: source, format: format, pair: pair, knowledge: knowledge, maximumSize: maximumSize)
    }
}

/// An article on standard input (`check -`), read whole, decoded as a file's bytes are.
public struct StandardInput: DocumentSource {
    /// Plain text, unless another format is named (there is no extension to go by: `auto` is text).
    public let format: InputFormat

    public init(format: InputFormat = .auto) { self.format = format }

    public func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document {
        let name = "<stdin>"
        let decoded = try DocumentReader.decode(DocumentReader.read(FileHandle.standardInput, path: name, maximumSize: maximumSize), path: name)
        if format.isBilingual { return try BilingualFile.read(decoded, path: name, format: format, pair: pair, knowledge: knowledge) }
        guard let markup = try InputFormat.markup(decoded, format: format, path: name, pair: pair) else {
            return Document(path: name, text: decoded.text, byteOffset: decoded.byteOffset, pair: pair, knowledge: knowledge)
        }
        return Document(path: name, markup: markup, pair: pair, knowledge: knowledge)
    }
}

/// Reads and decodes article files: UTF-8 with an optional BOM, LF or CRLF line ends.
public enum DocumentReader {
    /// Larger files are refused rather than read into memory. Checking a document takes about 40
    /// times its size in memory (measured: 20 MiB of news text, 780 MB), so the default keeps one
    /// document under 1 GB; articles are rarely over 1 MiB.
    public static let defaultMaximumSize = 16 << 20

    public struct Decoded: Sendable {
        public let text: String
        /// Bytes before `text` in the file (3 when it starts with a BOM).
        public let byteOffset: Int
    }

    /// How long a FIFO or device named as an input may stay silent before it is refused (a FIFO nobody
    /// writes to would otherwise hold the run forever).
    public static let streamWait: Duration = .seconds(10)

    /// - Parameter maximumSize: larger inputs are refused (`--max-size`) rather than read into memory.
    /// A FIFO or character device is read as a stream, once something is written to it (see `streamWait`).
    public static func read(path: FilePath, maximumSize: Int = defaultMaximumSize) throws(InputError) -> Decoded {
        let name = path.description
        var status = stat()
        guard path.withCString({ stat($0, &status) }) == 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot be read: \(String(cString: strerror(errno)))"
            throw InputError(path: name, reason: reason)
        }
        if FileType(status.st_mode) == .directory { throw InputError(path: name, reason: "is a directory, not a file") }
        // Without O_NONBLOCK, opening a FIFO waits for a writer, for ever if none comes.
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else {
            throw InputError(path: name, reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        var opened = stat()
        let type = fstat(descriptor, &opened) == 0 ? FileType(opened.st_mode) : .other
        if type == .fifo || type == .characterDevice || type == .socket {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(streamWait.components.seconds * 1000)
            guard poll(&poller, 1, milliseconds) > 0 else {
                throw InputError(path: name, reason: "is \(type.rawValue) and nothing was written to it within \(streamWait.components.seconds) s "
                    + "(mtlint reads it as a stream: start the writer first, or pipe it to mtlint check -)")
            }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return try decode(read(handle, path: name, maximumSize: maximumSize), path: name)
    }

    /// At most `maximumSize` bytes of an open file (a FIFO or standard input included): a longer input
    /// is refused after reading one byte more, never held whole; a regular file, by its size, before reading.
    public static func read(_ handle: FileHandle, path: String, maximumSize: Int = defaultMaximumSize) throws(InputError) -> [UInt8] {
        var status = stat()
        if fstat(handle.fileDescriptor, &status) == 0, FileType(status.st_mode) == .regular, status.st_size > maximumSize {
            throw InputError(path: path, reason: "is larger than \(sizeDescription(maximumSize)) (--max-size)")
        }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        } catch {
            throw InputError(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        if data.count > maximumSize {
            throw InputError(path: path, reason: "is larger than \(sizeDescription(maximumSize)) (--max-size)")
        }
        return Array(data)
    }

    /// "16 MiB", "64 KiB", "100 bytes".
    static func sizeDescription(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    /// Decodes file bytes, refusing empty, binary (NUL bytes) and invalid UTF-8 input.
    public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> Decoded {
        // UTF-32 first: its little-endian mark starts like UTF-16's.
        for (mark, name) in [([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
                             ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] as [([UInt8], String)] where bytes.starts(with: mark) {
            throw InputError(path: path, reason: "is \(name) (byte order mark); mtlint reads UTF-8: convert it with iconv -f \(name.prefix(6)) -t UTF-8")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? 3 : 0
        let body = bytes[start...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw InputError(path: path, reason: "is empty")
        }
        if let nul = body.firstIndex(of: 0) {
            throw InputError(path: path, reason: "looks binary (NUL byte)", byteOffset: nul)
        }
        if let text = String(validating: body, as: UTF8.self) {
            return Decoded(text: text, byteOffset: start)
        }
        throw InputError(path: path, reason: "is not valid UTF-8", byteOffset: firstInvalidUTF8(bytes, from: start),
                         hint: encodingHint(bytes))
    }

    /// The least confidence (0–100) of ICU's guess that is named: ICU gives 10 or less to guesses from a
    /// few bytes ("café" in Latin-1 read as UTF-16BE, 10).
    static let encodingConfidence = 20

    /// What ICU's charset detection takes bytes that are not UTF-8 to be, as a hint with the command that
    /// converts them (" (it looks like windows-1251: …)"); empty when ICU is not confident.
    static func encodingHint(_ bytes: [UInt8]) -> String {
        // Only the lines with non-ASCII bytes: the English of a translated article would make any
        // Cyrillic encoding look like Latin-1.
        let lines = bytes.split(separator: 0x0A).filter { $0.contains { $0 >= 0x80 } }.joined(separator: [0x0A])
        // UTF-16 and UTF-32 without a byte order mark would have NUL bytes, refused before this.
        guard let guess = CharsetDetector.guess(Array(lines)), guess.confidence >= Self.encodingConfidence, !guess.name.hasPrefix("UTF-") else { return "" }
        let language = guess.language.map { " (\($0))" } ?? ""
        return " (it looks like \(guess.name)\(language): convert it with iconv -f \(guess.name) -t UTF-8)"
    }

    /// The byte offset where UTF-8 decoding first fails.
    public static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var offset = start
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}

/// The type of a file, from the type bits of its mode (`stat`).
public enum FileType: String, Sendable {
    case regular = "a regular file", directory = "a directory", fifo = "a FIFO", socket = "a socket"
    case characterDevice = "a character device", blockDevice = "a block device", symbolicLink = "a symbolic link"
    case other = "not a file"

    public init(_ mode: mode_t) {
        let type: mode_t = mode & mode_t(S_IFMT)
        switch type {
        case mode_t(S_IFREG): self = .regular
        case mode_t(S_IFDIR): self = .directory
        case mode_t(S_IFIFO): self = .fifo
        case mode_t(S_IFSOCK): self = .socket
        case mode_t(S_IFCHR): self = .characterDevice
        case mode_t(S_IFBLK): self = .blockDevice
        case mode_t(S_IFLNK): self = .symbolicLink
        default: self = .other
        }
    }
}
