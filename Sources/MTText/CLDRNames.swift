internal import CICU

/// Names of places, languages and currencies in two languages, from the CLDR data that ICU carries:
/// display names of every ISO territory and language, the long names of current currencies, and the
/// exemplar cities of time zones. Hundreds of conventional names ("Германия" = "Germany",
/// "Южно-Африканская Республика" = "South Africa", "Пекин" = "Beijing") without a hand-written table.
public enum CLDRNames {
    public enum Kind: String, Sendable {
        case territory, language, currency, city
    }

    /// One thing and its name in each of the two locales.
    public struct Entry: Sendable, Hashable {
        public let kind: Kind
        /// The ISO code or time-zone id.
        public let code: String
        public let source: String
        public let target: String
    }

    /// Every named thing whose names in `source` and `target` (ICU locale ids) are both real
    /// translations (ICU falls back to the code when it has no name).
    public static func entries(source: String, target: String) -> [Entry] {
        var entries: [Entry] = []
        func add(_ kind: Kind, _ code: String, _ name: (String, String) -> String?) {
            guard let a = name(code, source), let b = name(code, target), a != code, b != code, !a.isEmpty, !b.isEmpty else { return }
            entries.append(Entry(kind: kind, code: code, source: a, target: b))
        }
        for code in codes(uloc_getISOCountries()) {
            add(.territory, code) { code, locale in
                string { uloc_getDisplayCountry("und_" + code, locale, $0, $1, &$2) }
            }
        }
        for code in codes(uloc_getISOLanguages()) {
            add(.language, code) { code, locale in string { uloc_getDisplayLanguage(code, locale, $0, $1, &$2) } }
        }
        var status = U_ZERO_ERROR
        if let currencies = ucurr_openISOCurrencies(UInt32(UCURR_COMMON.rawValue | UCURR_NON_DEPRECATED.rawValue), &status) {
            for code in strings(currencies) {
                add(.currency, code) { code, locale in currencyName(code, locale) }
            }
        }
        status = U_ZERO_ERROR
        if let zones = ucal_openTimeZones(&status) {
            // One formatter per locale, its calendar moved from zone to zone (not one per zone).
            let sourceCities = ExemplarCities(locale: source), targetCities = ExemplarCities(locale: target)
            var seen = Set<String>()
            for zone in strings(zones) where zone.contains("/") && !zone.hasPrefix("Etc/") && !zone.hasPrefix("SystemV/") {
                add(.city, zone) { zone, locale in (locale == source ? sourceCities : targetCities)?.city(zone) }
                if let last = entries.last, last.code == zone, !seen.insert(last.source + "\u{0}" + last.target).inserted {
                    entries.removeLast()  // an alias of a zone already listed
                }
            }
        }
        return entries
    }

    private static func codes(_ list: UnsafePointer<UnsafePointer<CChar>?>?) -> [String] {
        var result: [String] = []
        var cursor = list
        while let pointer = cursor?.pointee {
            result.append(String(cString: pointer))
            cursor = cursor?.advanced(by: 1)
        }
        return result
    }

    private static func strings(_ enumeration: OpaquePointer) -> [String] {
        defer { uenum_close(enumeration) }
        var result: [String] = []
        while true {
            var status = U_ZERO_ERROR
            var length: Int32 = 0
            guard let pointer = uenum_next(enumeration, &length, &status), ICU.succeeded(status) else { break }
            result.append(String(cString: pointer))
        }
        return result
    }

    private static func string(_ body: (UnsafeMutablePointer<UInt16>, Int32, inout UErrorCode) -> Int32) -> String? {
        ICU.withGrowingBuffer(initialCapacity: 64) { buffer, capacity, status in body(buffer, capacity, &status) }
            .map { String(decoding: $0, as: UTF16.self) }
    }

    private static func currencyName(_ code: String, _ locale: String) -> String? {
        let units = Array(code.utf16) + [0]
        var status = U_ZERO_ERROR
        var isChoice: UBool = 0
        var length: Int32 = 0
        guard let name = ucurr_getName(units, locale, UCURR_LONG_NAME, &isChoice, &length, &status), ICU.succeeded(status) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: name, count: Int(length)), as: UTF16.self)
    }

    /// Exemplar cities of time zones in one locale (date pattern "VVV"), read with one date
    /// formatter whose calendar is moved from zone to zone.
    private final class ExemplarCities {
        private let format: UnsafeMutablePointer<UDateFormat?>
        private let calendar: UnsafeMutablePointer<UCalendar?>
        /// What ICU writes for a zone without a city of its own.
        private var unknown: String?

        init?(locale: String) {
            let pattern = Array("VVV".utf16), utc = Array("Etc/UTC".utf16)
            var status = U_ZERO_ERROR
            guard let format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, Int32(utc.count), pattern, Int32(pattern.count), &status),
                  ICU.succeeded(status) else { return nil }
            guard let calendar = ucal_open(utc, Int32(utc.count), locale, UCAL_GREGORIAN, &status), ICU.succeeded(status) else {
                udat_close(format)
                return nil
            }
            self.format = format
            self.calendar = calendar
            unknown = formatted("Etc/Unknown")
        }

        deinit {
            ucal_close(calendar)
            udat_close(format)
        }

        /// The exemplar city of `zone`; `nil` where ICU has only its "unknown city" placeholder.
        func city(_ zone: String) -> String? {
            guard let city = formatted(zone), city != unknown else { return nil }
            return city
        }

        private func formatted(_ zone: String) -> String? {
            let zoneID = Array(zone.utf16)
            var status = U_ZERO_ERROR
            ucal_setTimeZone(calendar, zoneID, Int32(zoneID.count), &status)
            guard ICU.succeeded(status) else { return nil }
            return string { udat_formatCalendar(format, calendar, $0, $1, nil, &$2) }
        }
    }
}
