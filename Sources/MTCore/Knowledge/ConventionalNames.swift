import MTText

/// Name words whose English form is not a transliteration of the Russian one: countries and
/// cities with established English names, Chinese names, Ukrainian-derived spellings, and people
/// whose names English writes in their own language's spelling. One word per entry (names of
/// several words are looked up word by word). Keys are Russian stems (as `Language.russian.stem`
/// gives them, so any case form matches); values are English forms, any of which may stand in the
/// translation.
public enum ConventionalNames {
    public static let russianToEnglish: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (russian, english) in entries {
            table[Language.russian.stem(russian), default: []] += english
        }
        return table
    }()

    private static let entries: [(String, [String])] = [
        // Countries
        ("Россия", ["Russia", "Russian"]), ("РФ", ["Russia", "Russian", "RF"]), ("Киргизия", ["Kyrgyzstan", "Kyrgyz"]), ("Белоруссия", ["Belarus", "Belarusian"]),
        ("Беларусь", ["Belarus", "Belarusian"]), ("Молдавия", ["Moldova", "Moldovan"]), ("Туркмения", ["Turkmenistan", "Turkmen"]),
        ("Германия", ["Germany", "German"]), ("Франция", ["France", "French"]), ("Китай", ["China", "Chinese"]),
        ("Япония", ["Japan", "Japanese"]), ("США", ["U.S.", "US", "USA", "United States", "American"]),
        ("Великобритания", ["Britain", "British", "UK", "U.K.", "United Kingdom"]), ("Англия", ["England", "English"]),
        ("Турция", ["Turkey", "Türkiye", "Turkish"]), ("Египет", ["Egypt", "Egyptian"]), ("Индия", ["India", "Indian"]),
        ("Грузия", ["Georgia", "Georgian"]), ("Испания", ["Spain", "Spanish"]), ("Италия", ["Italy", "Italian"]),
        ("Греция", ["Greece", "Greek"]), ("Швеция", ["Sweden", "Swedish"]), ("Финляндия", ["Finland", "Finnish"]),
        ("Норвегия", ["Norway", "Norwegian"]), ("Польша", ["Poland", "Polish"]), ("Венгрия", ["Hungary", "Hungarian"]),
        ("Чехия", ["Czechia", "Czech"]), ("Нидерланды", ["Netherlands", "Dutch"]),
        ("Швейцария", ["Switzerland", "Swiss"]), ("Австрия", ["Austria", "Austrian"]), ("Бельгия", ["Belgium", "Belgian"]),
        ("Израиль", ["Israel", "Israeli"]), ("Саудовская", ["Saudi"]), ("Аравия", ["Arabia"]), ("Корея", ["Korea", "Korean"]),
        ("Европа", ["Europe", "European"]), ("Азия", ["Asia", "Asian"]), ("Африка", ["Africa", "African"]),
        ("Армения", ["Armenia", "Armenian"]), ("Азербайджан", ["Azerbaijan", "Azerbaijani"]),
        ("Казахстан", ["Kazakhstan", "Kazakh"]), ("Узбекистан", ["Uzbekistan", "Uzbek"]), ("Таджикистан", ["Tajikistan", "Tajik"]),
        ("Украина", ["Ukraine", "Ukrainian"]),
        // Cities and regions
        ("Москва", ["Moscow"]), ("Санкт", ["St", "Saint"]), ("Петербург", ["Petersburg"]), ("Киев", ["Kyiv", "Kiev"]),
        ("Харьков", ["Kharkiv", "Kharkov"]), ("Одесса", ["Odesa", "Odessa"]), ("Львов", ["Lviv", "Lvov"]),
        ("Днепр", ["Dnipro", "Dnieper"]), ("Запорожье", ["Zaporizhzhia", "Zaporozhye"]), ("Николаев", ["Mykolaiv", "Nikolaev"]),
        ("Пекин", ["Beijing"]), ("Токио", ["Tokyo"]), ("Мюнхен", ["Munich"]), ("Вена", ["Vienna"]), ("Варшава", ["Warsaw"]),
        ("Прага", ["Prague"]), ("Рим", ["Rome"]), ("Афины", ["Athens"]), ("Брюссель", ["Brussels"]), ("Женева", ["Geneva"]),
        ("Копенгаген", ["Copenhagen"]), ("Кишинев", ["Chisinau"]), ("Кишинёв", ["Chisinau"]), ("Ашхабад", ["Ashgabat"]),
        ("Ташкент", ["Tashkent"]), ("Таллин", ["Tallinn"]), ("Стамбул", ["Istanbul"]), ("Тегеран", ["Tehran"]),
        ("Каир", ["Cairo"]), ("Дели", ["Delhi"]), ("Нью", ["New"]), ("Йорк", ["York"]), ("Вашингтон", ["Washington"]),
        ("Лондон", ["London"]), ("Париж", ["Paris"]), ("Берлин", ["Berlin"]), 
        ("Кавказ", ["Caucasus"]), ("Закавказье", ["Transcaucasia", "South Caucasus"]), ("Крым", ["Crimea"]),
        // People
        ("Си", ["Xi"]), ("Цзиньпин", ["Jinping"]), ("Ляйен", ["Leyen"]), ("Жозеп", ["Josep"]), ("Энтони", ["Anthony", "Antony"]),
        ("Шольц", ["Scholz"]), ("Макрон", ["Macron"]), ("Байден", ["Biden"]), ("Эрдоган", ["Erdogan", "Erdoğan"]),
        ("Зеленский", ["Zelensky", "Zelenskyy"]), ("Нетаньяху", ["Netanyahu"]), ("Джо", ["Joe"]), ("Дональд", ["Donald"]),
        ("Эммануэль", ["Emmanuel"]), ("Олаф", ["Olaf"]), ("Реджеп", ["Recep"]), ("Тайип", ["Tayyip"]), ("Владимир", ["Vladimir", "Volodymyr"]),
    ]
}
