import Foundation

/// The package's data files (`Sources/MTCore/Data`): one entry a line, reviewable without Swift.
public enum KnowledgeFile {
    /// The resource bundle SwiftPM builds next to the executable (an install copies it along).
    public static let bundleName = "mtlint_MTCore.resources"

    /// The data directory: in the bundle next to the executable, or next to the file a link to the
    /// executable leads to. `nil` when it is missing (an executable copied without it): callers say
    /// so and stop, rather than check without their knowledge (`Bundle.module` would trap instead).
    public static let directory: URL? = {
        var places = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        return places.map { $0.appendingPathComponent(bundleName).appendingPathComponent("Data") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The names of the data directory's tables (`.tsv` files), sorted.
    public static let names: [String] = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) }?
        .filter { $0.hasSuffix(".tsv") }.sorted() ?? []

    public static func url(_ name: String) -> URL? {
        directory?.appendingPathComponent(name).resolvingSymlinksInPath().existingFile
    }

    /// Lines of a data file without blank lines and `#` comments.
    /// (Split by scalar, at those `Character.isNewline` names: a line end is a control character, never
    /// part of a longer character, so the lines are those a split by characters gives, without building
    /// the characters of the whole file.)
    public static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
            .map { String(Substring($0)) }
            .filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }
    }

    /// Rows of a tab-separated data file (its header line and `#` comments skipped); none if absent.
    public static func rows(named name: String) -> [[String]] {
        Array(table(named: name).dropFirst())
    }

    /// The column names of a tab-separated data file (its first line that is not a comment).
    public static func header(named name: String) -> [String]? { headers[name] }

    /// Every table's column names, read once.
    private static let headers: [String: [String]] = Dictionary(uniqueKeysWithValues: names.compactMap { name in
        table(named: name).first.map { (name, $0) }
    })

    private static func table(named name: String) -> [[String]] {
        guard let url = url(name), let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        // (By byte: a tab, a control character, is a character of its own.)
        return lines(text).map { $0.utf8.split(separator: 0x09, omittingEmptySubsequences: false).map { String(Substring($0)) } }
    }
}

extension URL {
    fileprivate var existingFile: URL? { FileManager.default.fileExists(atPath: path) ? self : nil }
}
