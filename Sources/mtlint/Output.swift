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
    private let descriptor: Int32
    /// How messages name the output: its path, or "standard output".
    private let name: String
    private let temporary: String?
    private let destination: String?
    /// The temporary file's slot in `PendingRemoval`.
    private var pending: Int?

    /// - Parameter inputs: the files the run reads; writing over one of them is refused.
    init(path: String?, inputs: [FilePath] = []) throws {
        guard let path else {
            if StandardStreams.closedAtStart.contains(STDOUT_FILENO) {
                throw ValidationFailure("cannot write standard output: it is closed; give --output FILE or open it")
            }
            descriptor = STDOUT_FILENO
            name = "standard output"
            temporary = nil
            destination = nil
            return
        }
        name = path
        var status = stat()
        let exists = stat(path, &status) == 0  // through any links
        if exists, let input = Self.input(at: status, among: inputs) {
            throw ValidationFailure("cannot write \(path): it is the input \(input); give another --output")
        }
        if exists && (FileType(status.st_mode) != .regular || path.hasPrefix("/dev/") || path.hasPrefix("/proc/")) {
            // A device, FIFO, terminal or /dev/stdout: written in place (renaming over it would replace the node).
            guard FileType(status.st_mode) != .directory else { throw ValidationFailure("cannot write \(path): Is a directory") }
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw ValidationFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
            self.descriptor = descriptor
            temporary = nil
            destination = nil
            return
        }
        // A file the user may not write is refused, as `cp` and `>` refuse it, though the directory would
        // let a rename replace it.
        if exists && access(path, W_OK) != 0 {
            throw ValidationFailure("cannot write \(path): \(String(cString: strerror(errno))) (the file is not writable; give another --output or change its mode)")
        }
        let target = Self.resolvingLinks(path)
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((target as NSString).lastPathComponent).mtlint-\(getpid()).tmp"
        // Registered before it exists: a signal can then never leave it behind.
        let pending = PendingRemoval.add(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? status.st_mode & 0o7777 : 0o644)
        guard descriptor >= 0 else {
            PendingRemoval.remove(pending)
            throw ValidationFailure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if exists {
            // The report keeps the mode, and where the OS lets us the owner, of the file it replaces.
            _ = fchown(descriptor, status.st_uid, status.st_gid)
            fchmod(descriptor, status.st_mode & 0o7777)
        }
        self.pending = pending
        self.descriptor = descriptor
        self.temporary = temporary
        destination = target
    }

    /// Writes text. A write that fails (a full disk, a closed pipe with SIGPIPE ignored, a closed
    /// descriptor) ends the run: the temporary file is removed, one line names the output and the OS
    /// reason, and the exit status is 2. (With SIGPIPE at its default, a closed pipe ends the run quietly.)
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        if let error = StandardStreams.write(descriptor, text) { fail(error) }
    }

    private func fail(_ error: Int32) -> Never {
        if let temporary { unlink(temporary) }
        warn("mtlint: cannot write \(name): \(String(cString: strerror(error)))")
        exit(2)
    }

    /// Moves the finished report into place.
    func commit() throws {
        guard let temporary, let destination else { return }
        if close(descriptor) != 0 { fail(errno) }
        defer { pending.map(PendingRemoval.remove) }
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ValidationFailure("cannot write \(destination): \(reason)")
        }
    }

    /// Drops an unfinished report.
    func abandon() {
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
        pending.map(PendingRemoval.remove)
    }

    deinit {
        if descriptor != STDOUT_FILENO, temporary == nil { close(descriptor) }
    }

    /// The input that is the file `status` describes (the same device and inode), if any.
    static func input(at status: stat, among inputs: [FilePath]) -> FilePath? {
        inputs.first { input in
            var inputStatus = stat()
            return input.withCString({ stat($0, &inputStatus) }) == 0 && inputStatus.st_dev == status.st_dev && inputStatus.st_ino == status.st_ino
        }
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
}

/// An HTML report folder (`--format html -o DIR/`). The pages of a run are written into a hidden
/// folder inside DIR and moved into DIR with the index when the run is complete, so DIR never holds
/// half a run: an interrupted run leaves DIR as it was (SIGINT, SIGTERM and SIGHUP remove the hidden
/// folder). The names of the pages a run wrote are kept in DIR/.mtlint-pages; pages of the previous
/// run that this one did not write are removed, so the folder and its index agree. Other files in DIR
/// are never touched.
final class HTMLReportFolder: @unchecked Sendable {  // used by one thread at a time (the runner's emitter)
    static let manifest = ".mtlint-pages"
    private let path: String
    private let staging: String
    /// The inputs by device and inode, found once: the pages moved into DIR must not replace one.
    private let inputs: [[UInt64]: FilePath]
    private var slots: [Int] = []
    private var written: [String] = []

    init(_ path: String, inputs: [FilePath]) throws {
        self.path = path.hasSuffix("/") ? path : path + "/"
        var identities: [[UInt64]: FilePath] = [:]
        for input in inputs {
            var status = stat()
            if input.withCString({ stat($0, &status) }) == 0 { identities[[UInt64(status.st_dev), UInt64(status.st_ino)]] = input }
        }
        self.inputs = identities
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ValidationFailure("cannot create \(path): \(error.localizedDescription)")
        }
        Self.removeAbandoned(in: self.path)
        staging = self.path + ".mtlint-\(getpid()).tmp"
        guard mkdir(staging, 0o755) == 0 else { throw ValidationFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
        slots.append(PendingRemoval.add(staging))
    }

    /// Removes the hidden folders of runs that were killed (SIGKILL, a crash) before they could: those
    /// named for a process that no longer exists.
    private static func removeAbandoned(in path: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasPrefix(".mtlint-") && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(".mtlint-".count).dropLast(".tmp".count)), pid != getpid(),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            for page in (try? FileManager.default.contentsOfDirectory(atPath: path + name)) ?? [] { unlink(path + name + "/" + page) }
            rmdir(path + name)
        }
    }

    /// Writes one page into the hidden folder.
    func write(_ page: String, named file: String) throws {
        slots.append(PendingRemoval.add(staging + "/" + file))
        let output = try Output(path: staging + "/" + file)  // a new file in a folder of its own: no input
        output.write(page)
        try output.commit()
        written.append(file)
    }

    /// Moves the pages and the index into place, removes the previous run's pages this run did not
    /// write, and records this run's pages.
    func commit(index: String) throws {
        try write(index, named: "index.html")
        for file in written {
            var status = stat()
            if stat(path + file, &status) == 0, let input = inputs[[UInt64(status.st_dev), UInt64(status.st_ino)]] {
                throw ValidationFailure("cannot write \(path + file): it is the input \(input); give another --output")
            }
            guard rename(staging + "/" + file, path + file) == 0 else {
                throw ValidationFailure("cannot write \(path + file): \(String(cString: strerror(errno)))")
            }
        }
        let current = Set(written)
        let previous = (try? String(contentsOfFile: path + Self.manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        for file in previous where !current.contains(file) && !file.contains("/") && file.hasSuffix(".html") {
            unlink(path + file)
        }
        let list = try Output(path: path + Self.manifest, inputs: Array(inputs.values))
        list.write(written.sorted().joined(separator: "\n") + "\n")
        try list.commit()
        finish()
    }

    /// Drops the unfinished pages.
    func abandon() {
        for file in written { unlink(staging + "/" + file) }
        finish()
    }

    private func finish() {
        rmdir(staging)
        slots.forEach(PendingRemoval.remove)
        slots = []
    }
}

/// What a signal handler removes before the process dies of SIGINT, SIGTERM or SIGHUP: temporary
/// report files, and the pages and folder of an unfinished HTML report. Held as C strings in slots the
/// handler reads without allocating (`unlink` and `rmdir` only), latest first, so a folder's pages go
/// before the folder. A path is registered before the file exists; as other threads may still be
/// writing while the handler runs, it goes over the list again until nothing registered is left. A full table is replaced by a larger one and the old one is kept, so a handler
/// running meanwhile never reads freed memory.
enum PendingRemoval {
    private nonisolated(unsafe) static var slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 64)
    private nonisolated(unsafe) static var capacity = 64
    private nonisolated(unsafe) static var count = 0
    private static let lock = NSLock()

    /// Registers a path; its slot, to `remove` it from the list once it is finished or gone.
    static func add(_ path: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if count == capacity {
            let larger = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity * 2)
            larger.update(from: slots, count: count)
            slots = larger
            capacity *= 2
        }
        slots[count] = strdup(path)
        count += 1
        if count == 1 { installHandlers() }
        return count - 1
    }

    /// Takes a path off the list (it is finished, or removed already).
    static func remove(_ slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        let path = slots[slot]
        slots[slot] = nil
        free(path)
    }

    private static func installHandlers() {
        // A parent may have spawned us with these signals blocked: they must reach the handler.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(signal) { number in
                for _ in 0..<100 {
                    var left = false
                    var index = PendingRemoval.count
                    while index > 0 {
                        index -= 1
                        guard let path = PendingRemoval.slots[index], unlink(path) != 0, rmdir(path) != 0 else { continue }
                        if errno != ENOENT { left = true }
                    }
                    if !left { break }
                }
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
