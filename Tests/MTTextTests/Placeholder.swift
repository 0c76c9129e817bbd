import Testing
@testable import MTText

@Test func smoke() {
    let b = TextBuffer("Проф. Иванов приехал в г. Москву. Он U.S. Secretary of State Mr. Blinken said so. Second one.\nEU-U.S.-Armenia meeting. April 5, 2024")
    for s in Segmenter.sentences(b, in: 0..<b.count, language: .russian) { print("S:", b.string(s)) }
    for t in Segmenter.tokens(b, in: 0..<b.count, language: .english) { print("T:", b.string(t.range), t.kind, t.script) }
    print(Language.russian.romanize("Мирзиёев"), Language.russian.romanize("Ляйен"), Normalizer.foldKey("Straße ⅻ"))
    print(Language.russian.stem("Организации"), Language.russian.stem("коллективной"), Language.english.stem("Organization's"))
}
