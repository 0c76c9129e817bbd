import Foundation

/// Where a report goes: standard output, or a file written atomically (a temporary file beside
/// it, renamed into place when the run is complete), so a reader never sees half a report.
final class Output: @unchecked Sendable {  // used by one thread at a time (the runner's emitter)
    private let handle: FileHandle
    private let temporary: String?
    private let destination: String?

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).mtlint-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw ValidationFailure("cannot write \(path)")
        }
        self.handle = handle
        self.temporary = temporary
        destination = path
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }

    /// Moves the finished report into place.
    func commit() throws {
        guard let temporary, let destination else { return }
        try handle.close()
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ValidationFailure("cannot write \(destination): \(reason)")
        }
    }

    /// Drops an unfinished report.
    func abandon() {
        guard let temporary else { return }
        try? handle.close()
        unlink(temporary)
    }
}

/// A failure that ends the run with exit status 2 and a one-line message.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
