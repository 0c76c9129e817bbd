import Foundation
import MTText

/// An article saved as an HTML page. The page's structure says what is text: `<script>`, `<style>` and
/// the like are not; `<header>`, `<nav>`, `<footer>` and `<aside>` are the site's chrome, left out (so
/// never reported); when the page has an `<article>`, text outside it is chrome too. Each block element
/// (a paragraph, a heading, a list item, a figure's caption and each paragraph inside it) becomes a
/// paragraph of the document's text, `<br>` a line break, white space is collapsed as a browser does;
/// the classifier then reads that text as it reads a plain-text article (captions, credits, furniture).
/// Every character of the text keeps where it stands in the page (`FileMap`), so findings are given at
/// the page's own lines and columns, inside the markup.
public struct HTMLFile: DocumentSource {
    public let path: FilePath

    public init(_ path: FilePath) { self.path = path }

    public func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document {
        try Document(path: path.description, markup: Self.text(of: DocumentReader.read(path: path, maximumSize: maximumSize), path: path.description, pair: pair),
                     pair: pair, knowledge: knowledge)
    }

    /// Elements whose content is not text of the page.
    static let hidden: Set<String> = ["head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas"]
    /// The site's chrome around the article.
    static let chrome: Set<String> = ["header", "nav", "footer", "aside"]
    /// Elements that start and end a paragraph of text.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]

    /// The page's text and where each of its characters stands in the page. A block element whose `lang`
    /// names neither language of `pair` (a quotation in a third language) is left out, as chrome is;
    /// `lang` on `<html>` or `<body>` is not read (a translated page often keeps its original's).
    public static func text(of decoded: DocumentReader.Decoded, path: String, pair: LanguagePair = .russianEnglish) throws(InputError) -> MarkupText {
        let bytes = Array(decoded.text.utf8)
        let page: MarkupPage
        do {
            page = try HTML.read(bytes)
        } catch {
            throw InputError(path: path, reason: "cannot be read as HTML: \(error.message)", byteOffset: error.byteOffset.map { $0 + decoded.byteOffset })
        }
        return try text(of: page, bytes: bytes, decoded: decoded, path: path, languages: [pair.source.code, pair.target.code])
    }

    /// The text of a page's events (an HTML page's, or a Markdown article's named as HTML names them) and
    /// where each of its characters stands in the file.
    /// - Parameter languages: the codes of the languages whose text is read (`lang`); empty: every language.
    static func text(of page: MarkupPage, bytes: [UInt8], decoded: DocumentReader.Decoded, path: String,
                     languages: Set<String> = []) throws(InputError) -> MarkupText {
        var builder = FileTextBuilder(bytes: bytes)
        // Where each figure's text starts and ends (figures nest rarely: the outermost counts).
        var figures: [Range<Int>] = [], figureStart: Int?, figureDepth = 0
        let hasArticle = page.events.contains { if case .start("article", _, _) = $0 { true } else { false } }
        // How deep inside elements whose text is left out, and inside articles and <pre>.
        var leftOut = 0, articles = 0, preformatted = 0
        for event in page.events {
            switch event {
            case .start(let name, let attributes, let offset):
                if let charset = Self.declaredCharset(name, attributes), !["utf-8", "utf8"].contains(charset.lowercased()) {
                    throw InputError(path: path, reason: "declares its encoding as \(charset), but is read as UTF-8 (and is valid UTF-8)",
                                     byteOffset: offset + decoded.byteOffset,
                                     hint: ": correct the declaration, or convert the page (iconv -f \(charset) -t UTF-8) and its declaration with it")
                }
                if hidden.contains(name) || chrome.contains(name) || leftOut > 0 || isInAnotherLanguage(name, attributes, languages) { leftOut += 1 }
                if name == "article" { articles += 1 }
                if name == "pre" { preformatted += 1 }
                if name == "figure" {
                    if figureDepth == 0 { figureStart = builder.units.count }
                    figureDepth += 1
                }
                if name == "br" { builder.lineBreak() } else if blocks.contains(name) { builder.paragraphBreak() }
            case .end(let name):
                if leftOut > 0 { leftOut -= 1 }
                if name == "article" { articles -= 1 }
                if name == "pre" { preformatted -= 1 }
                if name == "figure", figureDepth > 0 {
                    figureDepth -= 1
                    if figureDepth == 0, let start = figureStart, builder.units.count > start { figures.append(start..<builder.units.count) }
                }
                if blocks.contains(name) { builder.paragraphBreak() }
            case .text(let pieces):
                guard leftOut == 0, !hasArticle || articles > 0 else { continue }
                for piece in pieces {
                    if let replacement = piece.replacement {
                        builder.append(replacement, standingFor: piece.bytes, collapsing: preformatted == 0)
                    } else {
                        builder.appendPage(piece.bytes, collapsing: preformatted == 0)
                    }
                }
            case .comment(let content, let range):
                // A suppression directive stays, on a line of its own (the classifier leaves it out of the article).
                let comment = "<!--\(content)-->"
                guard SuppressionDirective.rules(inLine: Substring(comment.trimmingCharacters(in: .whitespaces))) != nil else { continue }
                builder.paragraphBreak()
                builder.append(comment, standingFor: range, collapsing: false)
                builder.paragraphBreak()
            }
        }
        return MarkupText(text: String(utf16Units: builder.units),
                          map: FileMap(file: TextBuffer(decoded.text, byteOffset: decoded.byteOffset), starts: builder.starts, ends: builder.ends),
                          figures: figures)
    }

    /// Whether a block element's `lang` names a language other than those read (not on `<html>` or
    /// `<body>`). Inline elements keep their text: left out, they would leave a sentence with a gap.
    static func isInAnotherLanguage(_ name: String, _ attributes: [String: String], _ languages: Set<String>) -> Bool {
        guard !languages.isEmpty, name != "html", name != "body", blocks.contains(name),
              let lang = attributes["lang"] ?? attributes["xml:lang"], !lang.isEmpty else { return false }
        return !languages.contains(BilingualFile.baseLanguage(lang))
    }

    /// The encoding a `<meta>` element declares (`charset`, or `http-equiv="content-type"`'s content).
    static func declaredCharset(_ name: String, _ attributes: [String: String]) -> String? {
        guard name == "meta" else { return nil }
        if let charset = attributes["charset"] { return charset.trimmingCharacters(in: .whitespaces) }
        guard attributes["http-equiv"]?.lowercased() == "content-type", let content = attributes["content"]?.lowercased(),
              let range = content.range(of: "charset=") else { return nil }
        return String(content[range.upperBound...].prefix { $0 != ";" && $0 != " " })
    }
}
