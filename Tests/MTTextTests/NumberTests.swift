import Testing
@testable import MTText

@Suite struct NumberTests {
    let russian = NumberReader.shared(for: .russian)
    let english = NumberReader.shared(for: .english)

    @Test func digitsFollowEachLanguagesSeparators() {
        #expect(russian.value(ofDigits: "1 234,5") == 1234.5)
        #expect(russian.value(ofDigits: "1\u{202F}234\u{00A0}567") == 1_234_567)
        #expect(russian.value(ofDigits: "110,4") == 110.4)
        #expect(english.value(ofDigits: "1,234.5") == 1234.5)
        #expect(english.value(ofDigits: "0.9") == 0.9)
    }

    @Test func aParseMustConsumeTheWholeText() {
        #expect(english.value(ofDigits: "12abc") == nil)
        #expect(english.value(ofDigits: "") == nil)
        #expect(english.value(ofWord: "fourteenth-century") == nil)
    }

    @Test func numberWordsAndOrdinalsUseSpelloutRules() {
        #expect(english.value(ofWord: "fourth") == 4)
        #expect(english.value(ofWord: "Two") == 2)
        #expect(english.value(ofWord: "forty") == 40)
        #expect(russian.value(ofWord: "двух") == 2)
        #expect(russian.value(ofWord: "четвёртой") == 4)
        #expect(russian.value(ofWord: "сорока") == 40)
        #expect(english.value(ofWord: "budget") == nil)
    }

    @Test func scaleWordsMatchAnyCaseForm() {
        #expect(Language.russian.scale(of: "млн") == 1e6)
        #expect(Language.russian.scale(of: "миллиардов") == 1e9)
        #expect(Language.english.scale(of: "billion") == 1e9)
        #expect(Language.english.scale(of: "millionaire") == nil)
    }

    @Test func monthNamesComeFromICU() {
        let russian = MonthNames.forms(.russian), english = MonthNames.forms(.english)
        #expect(russian.count == 12 && english.count == 12)
        #expect(russian[10].contains("ноября") && russian[10].contains("ноябрь"))
        #expect(english[10].contains("November") && english[10].contains("Nov"))
    }
}

@Suite struct CharacterCheckTests {
    @Test func formatCharactersAreFound() {
        #expect(CharacterInfo.isFormatCharacter("\u{200B}"))
        #expect(CharacterInfo.isFormatCharacter("\u{202E}"))
        #expect(CharacterInfo.isFormatCharacter("\u{00AD}"))
        #expect(!CharacterInfo.isFormatCharacter("a"))
        #expect(!CharacterInfo.isFormatCharacter("\u{00A0}"))
    }

    /// Below U+0800 the properties come from a table filled from ICU, above it from ICU per call: both agree.
    @Test func propertiesOnBothSidesOfTheTable() {
        #expect(CharacterInfo.isLetter("Ж") && CharacterInfo.isUppercase("Ж") && !CharacterInfo.isLowercase("Ж"))
        #expect(CharacterInfo.isLowercase("ж") && CharacterInfo.script(of: "ж") == .cyrillic)
        #expect(CharacterInfo.script(of: "\u{0485}") == nil)  // a combining mark inherits its letter's script
        #expect(CharacterInfo.script(of: "é") == .latin && CharacterInfo.script(of: "λ") == .greek)
        #expect(CharacterInfo.isWhitespace(Unicode.Scalar(0x00A0)!) && CharacterInfo.isWhitespace(UInt16(0x2028)))
        #expect(!CharacterInfo.isWhitespace(Unicode.Scalar(0x07FF)!))
        #expect(CharacterInfo.isDigit("\u{0660}") && !CharacterInfo.isLetter("\u{0660}"))
        #expect(CharacterInfo.isLetter("\u{0800}") && CharacterInfo.script(of: "\u{0800}") == .other)
        #expect(CharacterInfo.script(of: "\u{4E2D}") == .han && CharacterInfo.script(of: "7") == nil)
    }

    /// A scalar's letter properties in one look-up answer as the single tests do, below the table's limit,
    /// around it and far above it.
    @Test func letterPropertiesAgreeWithTheSingleTests() {
        let values = Array(0..<0x1000) + [0x1E9E, 0x2160, 0x24B6, 0x3042, 0x4E2D, 0xFF21, 0x1D400, 0x1F600]
        let scalars = values.compactMap { Unicode.Scalar(UInt32($0)) }
        let disagreeing = scalars.filter { scalar in
            let properties = CharacterInfo.letterProperties(of: scalar)
            return properties.isLetter != CharacterInfo.isLetter(scalar) || properties.script != CharacterInfo.script(of: scalar)
                || (properties.isLetter && (properties.isUppercase != CharacterInfo.isUppercase(scalar)
                    || properties.isLowercase != CharacterInfo.isLowercase(scalar)))
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5).map(CharacterInfo.codePoint))")
        #expect(CharacterInfo.letterProperties(of: "Ж").isUppercase && CharacterInfo.letterProperties(of: "q").script == .latin)
    }

    @Test func unitSetsHoldTheirUnitsOnly() {
        let set: UnitSet = [0x21, 0x2E, 0xBB, 0x2026, 0x2E]
        #expect(set.sorted == [0x21, 0x2E, 0xBB, 0x2026])
        #expect([0x21, 0x2E, 0xBB, 0x2026].allSatisfy(set.contains))
        #expect(![0x00, 0x20, 0x3F, 0x7F, 0xBA, 0xFF, 0x100, 0x2025, 0xFFFF].contains(where: set.contains))
    }

    @Test func spoofCheckerRefusesLatinWithCyrillicOnly() {
        let mixed = TextBuffer("Mоscow"), latin = TextBuffer("Moscow"), cyrillic = TextBuffer("Москва")
        #expect(SpoofChecker.shared.isSuspicious(mixed, 0..<mixed.count))
        #expect(!SpoofChecker.shared.isSuspicious(latin, 0..<latin.count))
        #expect(!SpoofChecker.shared.isSuspicious(cyrillic, 0..<cyrillic.count))
    }

    @Test func numberWordsWrittenTogetherMakeOneNumber() {
        let english = NumberReader.shared(for: .english), russian = NumberReader.shared(for: .russian)
        #expect(english.value(ofWord: "hundred") == 100)  // only written inside "one hundred"
        #expect(english.value(ofWords: ["two", "hundred", "twenty", "five"]) == 225)
        #expect(english.value(ofWords: ["one", "thousand", "two", "hundred"]) == 1200)
        #expect(russian.value(ofWords: ["двадцать", "пять"]) == 25)
        #expect(russian.value(ofWords: ["сто", "двадцать", "первый"]) == 121)
        #expect(russian.value(ofWords: ["двух", "первых"]) == nil)
        #expect(english.value(ofWords: ["five", "twenty"]) == nil)
        #expect(english.value(ofWords: ["twelve", "three"]) == nil)
    }
}
