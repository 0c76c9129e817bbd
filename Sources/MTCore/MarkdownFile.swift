import MTText

/// An article kept as Markdown (CommonMark, read with cmark): headings, paragraphs, list items and
/// quotations are its text; an image's alt text and title are captions, each a paragraph of its own;
/// code, raw HTML and a YAML front matter are not text. The text is then read as a plain-text article
/// is (captions, credits, furniture), every character keeping its place in the file (`FileMap`), so
/// findings are given at the file's own lines and columns.
public struct MarkdownFile: DocumentSource {
    public let path: FilePath

    public init(_ path: FilePath) { self.path = path }

    public func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document {
        try Document(path: path.description, markup: Self.text(of: DocumentReader.read(path: path, maximumSize: maximumSize), path: path.description),
                     pair: pair, knowledge: knowledge)
    }

    /// The article's text and where each of its characters stands in the file.
    public static func text(of decoded: DocumentReader.Decoded, path: String) throws(InputError) -> MarkupText {
        let bytes = Array(decoded.text.utf8)
        let page: MarkupPage
        do {
            page = try Markdown.read(bytes)
        } catch {
            throw InputError(path: path, reason: "cannot be read as Markdown: \(error.message)", byteOffset: error.byteOffset.map { $0 + decoded.byteOffset })
        }
        return try HTMLFile.text(of: page, bytes: bytes, decoded: decoded, path: path)
    }
}
