import Foundation
import MTCore

/// Where a report goes: standard output, or a file.
///
/// A regular file (or a new path) is written atomically: into a temporary file beside it, renamed
/// into place when the run is complete, so a reader never sees half a report. A symbolic link is
/// followed and its target replaced, so the link stays a link. A destination that is not a regular
/// file (a terminal, `/dev/null`, a FIFO, `/dev/stdout`) is written directly, never renamed over. An
/// output path that is one of the inputs is refused before anything is written. An interrupted run
/// (SIGINT, SIGTERM) removes its temporary file.
final class Output: @unchecked Sendable {  // used by one thread at a time (the runner's emitter)
    private let handle: FileHandle
    private let temporary: String?
    private let destination: String?

    /// - Parameter inputs: the files the run reads; writing over one of them is refused.
    init(path: String?, inputs: [String] = []) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        var status = stat()
        let exists = stat(path, &status) == 0  // through any links
        if exists {
            for input in inputs {
                var inputStatus = stat()
                if stat(input, &inputStatus) == 0, inputStatus.st_dev == status.st_dev, inputStatus.st_ino == status.st_ino {
                    throw ValidationFailure("cannot write \(path): it is the input \(input); give another --output")
                }
            }
        }
        if exists && (FileType(status.st_mode) != .regular || path.hasPrefix("/dev/") || path.hasPrefix("/proc/")) {
            // A device, FIFO, terminal or /dev/stdout: written in place (renaming over it would replace the node).
            guard FileType(status.st_mode) != .directory else { throw ValidationFailure("cannot write \(path): Is a directory") }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw ValidationFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            temporary = nil
            destination = nil
            return
        }
        let target = Self.resolvingLinks(path)
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((target as NSString).lastPathComponent).mtlint-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? status.st_mode & 0o7777 : 0o644)
        guard descriptor >= 0 else { throw ValidationFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
        if exists { fchmod(descriptor, status.st_mode & 0o7777) }  // the report keeps the mode of the file it replaces
        Self.removeOnSignal(temporary)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        self.temporary = temporary
        destination = target
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        handle.write(Data(text.utf8))
    }

    /// Moves the finished report into place.
    func commit() throws {
        guard let temporary, let destination else { return }
        try handle.close()
        defer { Self.removeOnSignal(nil) }
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
        Self.removeOnSignal(nil)
    }

    /// The path a symbolic link (or a chain of them) finally names; the path itself otherwise.
    /// A link to a file that does not exist yet names that file.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {  // as many hops as the kernel follows (ELOOP)
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    /// The temporary file a signal handler removes before the process dies of SIGINT or SIGTERM
    /// (a C string, set before the handlers can see it).
    private nonisolated(unsafe) static var pendingTemporary: UnsafeMutablePointer<CChar>?

    private static func removeOnSignal(_ path: String?) {
        let previous = pendingTemporary
        pendingTemporary = path.map { strdup($0) }
        free(previous)
        guard path != nil else { return }
        // A parent may have spawned us with these signals blocked: they must reach the handler.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { number in
                if let path = Output.pendingTemporary { unlink(path) }
                Foundation.signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}

/// A failure that ends the run with exit status 2 and a one-line message.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
