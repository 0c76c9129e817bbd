import MTText
import Testing

@Suite struct CLDRNamesTests {
    @Test func dump() {
        let entries = CLDRNames.entries(source: "ru", target: "en")
        print("CLDR entries", entries.count, Dictionary(grouping: entries, by: \.kind).mapValues(\.count))
        for e in entries where e.kind == .city || ["ZA", "CF", "US", "GB", "DE", "Europe/Moscow", "Asia/Shanghai", "America/New_York", "RUB", "ru"].contains(e.code) {
            print(e)
        }
        print(Stemmer.shared("russian")!.stem("грузия"), Stemmer.shared("russian")!.stem("груза"), Stemmer.shared("english")!.stem("russians"))
    }
}
