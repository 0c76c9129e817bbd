import Foundation

/// The process's standard streams: which were closed when mtlint started (`>&-`), and writes that
/// report failure instead of trapping (Foundation's `FileHandle.write(_:)` traps on any error).
enum StandardStreams {
    /// The standard descriptors (0, 1, 2) that were closed at start. Each is opened again, so that no
    /// file mtlint opens takes its number (a report written into a file by mistake): standard input and
    /// error onto /dev/null, standard output onto /dev/full, where every write fails and is reported.
    /// Read first thing in `main`.
    static let closedAtStart: Set<Int32> = {
        var closed: Set<Int32> = []
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            closed.insert(descriptor)
            let opened = descriptor == STDIN_FILENO ? open("/dev/null", O_RDONLY)
                : open(descriptor == STDOUT_FILENO ? "/dev/full" : "/dev/null", O_WRONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
        return closed
    }()

    /// Writes all of `text` to a descriptor (after short writes and interrupts); the `errno` of a failure.
    static func write(_ descriptor: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}

/// Writes to standard output (what `print` would, but a write that fails is reported): a failed write
/// ends the run with one line naming the reason and exit status 2.
func say(_ text: String, terminator: String = "\n") {
    guard let error = StandardStreams.write(STDOUT_FILENO, text + terminator) else { return }
    let reason = StandardStreams.closedAtStart.contains(STDOUT_FILENO) ? "it is closed" : String(cString: strerror(error))
    warn("mtlint: cannot write standard output: \(reason)")
    exit(2)
}
