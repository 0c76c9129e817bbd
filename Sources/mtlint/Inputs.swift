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

    static func collect(_ arguments: [String], extensions: [String], excluding patterns: [String]) throws(InputError) -> [Input] {
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
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                if !excluded(argument, patterns) { add(.file(argument)) }
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: argument) else {
                throw InputError(path: argument, reason: "cannot be listed")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let path = argument.hasSuffix("/") ? argument + relative : argument + "/" + relative
                let name = (relative as NSString).lastPathComponent
                guard !name.hasPrefix("."), extensions.contains(where: { name.hasSuffix("." + $0) }) else { continue }
                var isSubdirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isSubdirectory), !isSubdirectory.boolValue,
                      !excluded(path, patterns) else { continue }
                found.append(path)
            }
            found.sorted().forEach { add(.file($0)) }
        }
        return inputs
    }

    /// Whether a path matches a glob (fnmatch, `*` not crossing `/` unless the pattern says so)
    /// as a whole or by its file name.
    static func excluded(_ path: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            fnmatch(pattern, path, 0) == 0 || fnmatch(pattern, (path as NSString).lastPathComponent, 0) == 0
                || fnmatch("*/" + pattern, path, 0) == 0
        }
    }

    func read(pair: LanguagePair) throws(InputError) -> Document {
        switch self {
        case .file(let path):
            return try Document(contentsOf: path, pair: pair)
        case .standardInput:
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let decoded = try DocumentReader.decode(Array(data), path: displayPath)
            return Document(path: displayPath, text: decoded.text, byteOffset: decoded.byteOffset, pair: pair)
        }
    }
}
