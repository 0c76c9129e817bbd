import Testing
@testable import MTText

@Suite struct LanguageTests {
    @Test func foldKeysAreNFKCCasefold() {
        #expect(Normalizer.foldKey("Straße") == "strasse")
        #expect(Normalizer.foldKey("ＣＳＴＯ") == "csto")
        #expect(Normalizer.foldKey("ОДКБ") == "одкб")
        let buffer = TextBuffer("x Ⅻ y")
        #expect(Normalizer.foldKey(buffer, 2..<3) == "xii")
    }

    @Test func transliterationUsesBGNAndIsCached() throws {
        let transliterator = try #require(Transliterator.shared("Russian-Latin/BGN; Latin-ASCII"))
        #expect(transliterator.transliterate("Пашинян") == "Pashinyan")
        #expect(transliterator.transliterate("Путин") == "Putin")
        #expect(transliterator.transliterate("Пашинян") == "Pashinyan")
        #expect(Transliterator.shared("Russian-Latin/BGN; Latin-ASCII") === transliterator)
        #expect(Transliterator.shared("No-Such-Transform") == nil)
    }

    /// A place adjective's base, found by scalars for plain letters and by characters where a combining
    /// mark makes one character of two scalars (a stress mark on the ending): the same base either way.
    @Test func placeAdjectivesGiveTheNameTheyAreMadeOf() {
        #expect(Language.russian.adjectiveBase(ofFolded: "ордынского") == "орд")
        #expect(Language.russian.adjectiveBase(ofFolded: "финском") == "фин")
        #expect(Language.russian.adjectiveBase(ofFolded: "финско\u{301}м") == "фин")
        #expect(Language.russian.adjectiveBase(ofFolded: "москва") == nil)
        #expect(Language.russian.adjectiveBase(ofFolded: "ск") == nil)
    }

    @Test func romanizeLeavesLatinLanguagesAlone() {
        #expect(Language.english.romanize("Blinken") == "Blinken")
        #expect(Language.russian.romanize("Блинкен") == "Blinken")
    }

    @Test func russianCaseFormsShareAStem() {
        let forms = ["Организация", "Организации", "Организацией", "организацию"]
        #expect(Set(forms.map { Language.russian.stem($0) }).count == 1)
        #expect(Language.russian.stem("коллективной") == Language.russian.stem("коллективная"))
    }

    @Test func englishPluralsAndPossessivesShareAStem() {
        #expect(Language.english.stem("Forces") == Language.english.stem("force"))
        #expect(Language.english.stem("Organization's") == Language.english.stem("organization"))
        #expect(Language.english.stem("countries") == Language.english.stem("country"))
        #expect(Language.english.stem("process") == "process")
        #expect(Stemmer.shared("english")?.algorithm == "english")
        #expect(Stemmer.shared("no-such-language") == nil)
    }

    @Test func scriptCountsGiveShares() {
        let buffer = TextBuffer("Фото: TASS")
        let counts = ScriptCounts(buffer, 0..<buffer.count)
        #expect(counts.letters == 8)
        #expect(counts.share(of: .cyrillic) == 0.5)
        #expect(counts.scriptClass == .mixed)
    }

    @Test func languagesAreFoundByCode() {
        #expect(Language.named("RU") == .russian)
        #expect(Language.named("xx") == nil)
    }
}

@Suite struct BoundedCacheTests {
    @Test func memoryStaysBoundedAndRecentEntriesSurvive() {
        var cache = BoundedCache<Int, Int>(capacity: 4)
        for key in 0..<100 {
            cache.insert(key * 2, for: key)
            _ = cache[0]  // kept in use: carried over from generation to generation
        }
        #expect(cache.count <= 8)
        #expect(cache[0] == 0 && cache[99] == 198)
        #expect(cache[50] == nil)
    }
}

@Suite struct FormCacheTests {
    @Test func theLastFormsMetKeepTheirSlotsAndAnOlderOneIsWorkedOutAgain() {
        var cache = FormCache<String>(capacity: 3)
        #expect(cache.capacity == 4)
        #expect(cache[0] == nil)
        for id in 0..<10 { cache[id] = "form \(id)" }
        // The last four numbers have slots of their own; 5 shared its slot with 9, which took it.
        #expect((6..<10).map { cache[$0] } == ["form 6", "form 7", "form 8", "form 9"])
        #expect(cache[5] == nil && cache[0] == nil)
        cache[5] = "form 5"
        #expect(cache[5] == "form 5" && cache[9] == nil)
        cache[5] = nil
        #expect(cache[5] == "form 5")
    }
}
