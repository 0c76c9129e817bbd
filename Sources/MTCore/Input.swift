import Foundation

/// Input that mtlint cannot check. `description` is one line naming the file.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public let byteOffset: Int?

    public init(path: String, reason: String, byteOffset: Int? = nil) {
        self.path = path
        self.reason = reason
        self.byteOffset = byteOffset
    }

    public var description: String {
        if let byteOffset { return "\(path): \(reason) at byte offset \(byteOffset)" }
        return "\(path): \(reason)"
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

    /// - Parameter maximumSize: larger inputs are refused (`--max-size`) rather than read into memory.
    public static func read(path: String, maximumSize: Int = defaultMaximumSize) throws(InputError) -> Decoded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw InputError(path: path, reason: "is a directory, not a file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(path: path, reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        defer { try? handle.close() }
        return try decode(read(handle, path: path, maximumSize: maximumSize), path: path)
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
        throw InputError(path: path, reason: "is not valid UTF-8", byteOffset: firstInvalidUTF8(bytes, from: start))
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
    case characterDevice = "a character device", blockDevice = "a block device", other = "not a file"

    public init(_ mode: mode_t) {
        let type: mode_t = mode & mode_t(S_IFMT)
        switch type {
        case mode_t(S_IFREG): self = .regular
        case mode_t(S_IFDIR): self = .directory
        case mode_t(S_IFIFO): self = .fifo
        case mode_t(S_IFSOCK): self = .socket
        case mode_t(S_IFCHR): self = .characterDevice
        case mode_t(S_IFBLK): self = .blockDevice
        default: self = .other
        }
    }
}
