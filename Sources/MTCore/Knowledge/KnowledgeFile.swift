import Foundation

/// The package's data files (`Sources/MTCore/Data`): one entry a line, reviewable without Swift.
public enum KnowledgeFile {
    public static func url(_ name: String) -> URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Data").appendingPathComponent(name)
            .resolvingSymlinksInPath()
            .existingFile
    }

    /// Lines of a data file without blank lines and `#` comments.
    public static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }
    }

    /// Rows of a tab-separated data file (its header line and `#` comments skipped); none if absent.
    public static func rows(named name: String) -> [[String]] {
        guard let url = url(name), let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return lines(text).dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}

extension URL {
    fileprivate var existingFile: URL? { FileManager.default.fileExists(atPath: path) ? self : nil }
}
