/// International organisations: the names and acronyms under which each appears in every
/// language mtlint knows, and its kind. Rules use the kind to tell a confusion (CSTO ↔ OSCE,
/// both security organisations) from an unrelated mention.
public struct Organisation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case security = "security alliance or organisation"
        case unSystem = "UN body or agency"
        case financial = "financial institution"
        case economicUnion = "economic or political union"
        case economicForum = "trade or economic forum"
        case court = "international court"
        case europeanInstitution = "European institution"
        case sport = "sports body"
        case humanitarian = "humanitarian organisation"
        case technical = "technical or scientific organisation"
    }

    /// The English acronym (or short name), used as the identifier.
    public let id: String
    public let kind: Kind
    /// Full names and acronyms by language code. Acronyms match case-sensitively, names in any case form.
    public let names: [String: [String]]
    public let acronyms: [String: [String]]
}

extension Organisation {
    private init(_ id: String, _ kind: Kind, en: [String], enAcronyms: [String], ru: [String], ruAcronyms: [String]) {
        self.id = id
        self.kind = kind
        names = ["en": en, "ru": ru]
        acronyms = ["en": enAcronyms, "ru": ruAcronyms]
    }

    /// The table. Add an organisation by adding a line; every language's forms go on it.
    public static let all: [Organisation] = [
        // Security alliances and organisations
        .init("CSTO", .security, en: ["Collective Security Treaty Organization", "Collective Security Treaty Organisation"], enAcronyms: ["CSTO"],
              ru: ["Организация Договора о коллективной безопасности"], ruAcronyms: ["ОДКБ"]),
        .init("OSCE", .security, en: ["Organization for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"], enAcronyms: ["OSCE"],
              ru: ["Организация по безопасности и сотрудничеству в Европе"], ruAcronyms: ["ОБСЕ"]),
        .init("NATO", .security, en: ["North Atlantic Treaty Organization", "North Atlantic Alliance"], enAcronyms: ["NATO"],
              ru: ["Организация Североатлантического договора", "Североатлантический альянс"], ruAcronyms: ["НАТО"]),
        .init("GUAM", .security, en: ["Organization for Democracy and Economic Development"], enAcronyms: ["GUAM"],
              ru: ["Организация за демократию и экономическое развитие"], ruAcronyms: ["ГУАМ"]),
        .init("CICA", .security, en: ["Conference on Interaction and Confidence-Building Measures in Asia"], enAcronyms: ["CICA"],
              ru: ["Совещание по взаимодействию и мерам доверия в Азии"], ruAcronyms: ["СВМДА"]),
        .init("OPCW", .security, en: ["Organisation for the Prohibition of Chemical Weapons", "Organization for the Prohibition of Chemical Weapons"], enAcronyms: ["OPCW"],
              ru: ["Организация по запрещению химического оружия"], ruAcronyms: ["ОЗХО"]),
        .init("CTBTO", .security, en: ["Comprehensive Nuclear-Test-Ban Treaty Organization"], enAcronyms: ["CTBTO"],
              ru: ["Организация по Договору о всеобъемлющем запрещении ядерных испытаний"], ruAcronyms: ["ОДВЗЯИ"]),
        // The UN and its bodies
        .init("UN", .unSystem, en: ["United Nations", "United Nations Organization"], enAcronyms: ["UN", "U.N."],
              ru: ["Организация Объединенных Наций", "Организация Объединённых Наций"], ruAcronyms: ["ООН"]),
        .init("UNSC", .unSystem, en: ["United Nations Security Council", "UN Security Council"], enAcronyms: ["UNSC"],
              ru: ["Совет Безопасности ООН", "Совбез ООН"], ruAcronyms: ["СБ ООН"]),
        .init("UNGA", .unSystem, en: ["United Nations General Assembly", "UN General Assembly"], enAcronyms: ["UNGA"],
              ru: ["Генеральная Ассамблея ООН", "Генассамблея ООН"], ruAcronyms: ["ГА ООН"]),
        .init("UNESCO", .unSystem, en: ["United Nations Educational, Scientific and Cultural Organization"], enAcronyms: ["UNESCO"],
              ru: ["Организация Объединенных Наций по вопросам образования, науки и культуры"], ruAcronyms: ["ЮНЕСКО"]),
        .init("UNICEF", .unSystem, en: ["United Nations Children's Fund"], enAcronyms: ["UNICEF"],
              ru: ["Детский фонд ООН"], ruAcronyms: ["ЮНИСЕФ"]),
        .init("WHO", .unSystem, en: ["World Health Organization", "World Health Organisation"], enAcronyms: ["WHO"],
              ru: ["Всемирная организация здравоохранения"], ruAcronyms: ["ВОЗ"]),
        .init("IAEA", .unSystem, en: ["International Atomic Energy Agency"], enAcronyms: ["IAEA"],
              ru: ["Международное агентство по атомной энергии"], ruAcronyms: ["МАГАТЭ"]),
        .init("FAO", .unSystem, en: ["Food and Agriculture Organization"], enAcronyms: ["FAO"],
              ru: ["Продовольственная и сельскохозяйственная организация ООН"], ruAcronyms: ["ФАО"]),
        .init("ILO", .unSystem, en: ["International Labour Organization", "International Labor Organization"], enAcronyms: ["ILO"],
              ru: ["Международная организация труда"], ruAcronyms: ["МОТ"]),
        .init("UNHCR", .unSystem, en: ["United Nations High Commissioner for Refugees", "UN Refugee Agency"], enAcronyms: ["UNHCR"],
              ru: ["Управление Верховного комиссара ООН по делам беженцев"], ruAcronyms: ["УВКБ ООН", "УВКБ"]),
        .init("WFP", .unSystem, en: ["World Food Programme", "World Food Program"], enAcronyms: ["WFP"],
              ru: ["Всемирная продовольственная программа"], ruAcronyms: ["ВПП"]),
        .init("UNDP", .unSystem, en: ["United Nations Development Programme"], enAcronyms: ["UNDP"],
              ru: ["Программа развития ООН"], ruAcronyms: ["ПРООН"]),
        .init("UNEP", .unSystem, en: ["United Nations Environment Programme"], enAcronyms: ["UNEP"],
              ru: ["Программа ООН по окружающей среде"], ruAcronyms: ["ЮНЕП"]),
        .init("WMO", .unSystem, en: ["World Meteorological Organization"], enAcronyms: ["WMO"],
              ru: ["Всемирная метеорологическая организация"], ruAcronyms: ["ВМО"]),
        .init("ICAO", .unSystem, en: ["International Civil Aviation Organization"], enAcronyms: ["ICAO"],
              ru: ["Международная организация гражданской авиации"], ruAcronyms: ["ИКАО"]),
        .init("IMO", .unSystem, en: ["International Maritime Organization"], enAcronyms: ["IMO"],
              ru: ["Международная морская организация"], ruAcronyms: ["ИМО"]),
        .init("ITU", .unSystem, en: ["International Telecommunication Union"], enAcronyms: ["ITU"],
              ru: ["Международный союз электросвязи"], ruAcronyms: ["МСЭ"]),
        .init("UPU", .unSystem, en: ["Universal Postal Union"], enAcronyms: ["UPU"],
              ru: ["Всемирный почтовый союз"], ruAcronyms: ["ВПС"]),
        .init("WIPO", .unSystem, en: ["World Intellectual Property Organization"], enAcronyms: ["WIPO"],
              ru: ["Всемирная организация интеллектуальной собственности"], ruAcronyms: ["ВОИС"]),
        .init("UNIDO", .unSystem, en: ["United Nations Industrial Development Organization"], enAcronyms: ["UNIDO"],
              ru: ["Организация Объединенных Наций по промышленному развитию"], ruAcronyms: ["ЮНИДО"]),
        .init("UNCTAD", .unSystem, en: ["United Nations Conference on Trade and Development"], enAcronyms: ["UNCTAD"],
              ru: ["Конференция ООН по торговле и развитию"], ruAcronyms: ["ЮНКТАД"]),
        .init("UNFPA", .unSystem, en: ["United Nations Population Fund"], enAcronyms: ["UNFPA"],
              ru: ["Фонд ООН в области народонаселения"], ruAcronyms: ["ЮНФПА"]),
        .init("IFAD", .unSystem, en: ["International Fund for Agricultural Development"], enAcronyms: ["IFAD"],
              ru: ["Международный фонд сельскохозяйственного развития"], ruAcronyms: ["МФСР"]),
        // Financial institutions
        .init("IMF", .financial, en: ["International Monetary Fund"], enAcronyms: ["IMF"],
              ru: ["Международный валютный фонд"], ruAcronyms: ["МВФ"]),
        .init("World Bank", .financial, en: ["World Bank"], enAcronyms: [],
              ru: ["Всемирный банк"], ruAcronyms: ["ВБ"]),
        .init("EBRD", .financial, en: ["European Bank for Reconstruction and Development"], enAcronyms: ["EBRD"],
              ru: ["Европейский банк реконструкции и развития"], ruAcronyms: ["ЕБРР"]),
        .init("ADB", .financial, en: ["Asian Development Bank"], enAcronyms: ["ADB"],
              ru: ["Азиатский банк развития"], ruAcronyms: ["АБР"]),
        .init("AIIB", .financial, en: ["Asian Infrastructure Investment Bank"], enAcronyms: ["AIIB"],
              ru: ["Азиатский банк инфраструктурных инвестиций"], ruAcronyms: ["АБИИ"]),
        .init("NDB", .financial, en: ["New Development Bank"], enAcronyms: ["NDB"],
              ru: ["Новый банк развития"], ruAcronyms: ["НБР"]),
        .init("EDB", .financial, en: ["Eurasian Development Bank"], enAcronyms: ["EDB"],
              ru: ["Евразийский банк развития"], ruAcronyms: ["ЕАБР"]),
        .init("EIB", .financial, en: ["European Investment Bank"], enAcronyms: ["EIB"],
              ru: ["Европейский инвестиционный банк"], ruAcronyms: ["ЕИБ"]),
        .init("BIS", .financial, en: ["Bank for International Settlements"], enAcronyms: ["BIS"],
              ru: ["Банк международных расчетов", "Банк международных расчётов"], ruAcronyms: ["БМР"]),
        .init("ECB", .financial, en: ["European Central Bank"], enAcronyms: ["ECB"],
              ru: ["Европейский центральный банк"], ruAcronyms: ["ЕЦБ"]),
        // Economic and political unions
        .init("EU", .economicUnion, en: ["European Union"], enAcronyms: ["EU", "E.U."],
              ru: ["Европейский союз", "Евросоюз"], ruAcronyms: ["ЕС"]),
        .init("EAEU", .economicUnion, en: ["Eurasian Economic Union"], enAcronyms: ["EAEU", "EEU"],
              ru: ["Евразийский экономический союз"], ruAcronyms: ["ЕАЭС"]),
        .init("CIS", .economicUnion, en: ["Commonwealth of Independent States"], enAcronyms: ["CIS"],
              ru: ["Содружество Независимых Государств"], ruAcronyms: ["СНГ"]),
        .init("Union State", .economicUnion, en: ["Union State of Russia and Belarus", "Union State"], enAcronyms: [],
              ru: ["Союзное государство России и Белоруссии", "Союзное государство"], ruAcronyms: []),
        .init("ASEAN", .economicUnion, en: ["Association of Southeast Asian Nations"], enAcronyms: ["ASEAN"],
              ru: ["Ассоциация государств Юго-Восточной Азии"], ruAcronyms: ["АСЕАН"]),
        .init("AU", .economicUnion, en: ["African Union"], enAcronyms: ["AU"],
              ru: ["Африканский союз"], ruAcronyms: []),
        .init("Arab League", .economicUnion, en: ["League of Arab States", "Arab League"], enAcronyms: [],
              ru: ["Лига арабских государств"], ruAcronyms: ["ЛАГ"]),
        .init("GCC", .economicUnion, en: ["Gulf Cooperation Council", "Cooperation Council for the Arab States of the Gulf"], enAcronyms: ["GCC"],
              ru: ["Совет сотрудничества арабских государств Персидского залива"], ruAcronyms: ["ССАГПЗ"]),
        .init("Mercosur", .economicUnion, en: ["Southern Common Market"], enAcronyms: ["Mercosur", "MERCOSUR"],
              ru: ["Общий рынок стран Южной Америки"], ruAcronyms: ["Меркосур", "МЕРКОСУР"]),
        .init("OAS", .economicUnion, en: ["Organization of American States"], enAcronyms: ["OAS"],
              ru: ["Организация американских государств"], ruAcronyms: ["ОАГ"]),
        .init("OIC", .economicUnion, en: ["Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"], enAcronyms: ["OIC"],
              ru: ["Организация исламского сотрудничества"], ruAcronyms: ["ОИС"]),
        .init("OTS", .economicUnion, en: ["Organization of Turkic States"], enAcronyms: ["OTS"],
              ru: ["Организация тюркских государств"], ruAcronyms: ["ОТГ"]),
        .init("SCO", .economicUnion, en: ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"], enAcronyms: ["SCO"],
              ru: ["Шанхайская организация сотрудничества"], ruAcronyms: ["ШОС"]),
        // Trade and economic forums
        .init("WTO", .economicForum, en: ["World Trade Organization"], enAcronyms: ["WTO"],
              ru: ["Всемирная торговая организация"], ruAcronyms: ["ВТО"]),
        .init("OECD", .economicForum, en: ["Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development"], enAcronyms: ["OECD"],
              ru: ["Организация экономического сотрудничества и развития"], ruAcronyms: ["ОЭСР"]),
        .init("OPEC", .economicForum, en: ["Organization of the Petroleum Exporting Countries"], enAcronyms: ["OPEC"],
              ru: ["Организация стран — экспортеров нефти", "Организация стран-экспортеров нефти"], ruAcronyms: ["ОПЕК"]),
        .init("APEC", .economicForum, en: ["Asia-Pacific Economic Cooperation"], enAcronyms: ["APEC"],
              ru: ["Азиатско-Тихоокеанское экономическое сотрудничество"], ruAcronyms: ["АТЭС"]),
        .init("BRICS", .economicForum, en: [], enAcronyms: ["BRICS"], ru: [], ruAcronyms: ["БРИКС"]),
        .init("G7", .economicForum, en: ["Group of Seven"], enAcronyms: ["G7", "G-7"], ru: ["Большая семерка", "Большая семёрка"], ruAcronyms: ["G7"]),
        .init("G20", .economicForum, en: ["Group of Twenty"], enAcronyms: ["G20", "G-20"], ru: ["Большая двадцатка"], ruAcronyms: ["G20"]),
        .init("IEA", .economicForum, en: ["International Energy Agency"], enAcronyms: ["IEA"],
              ru: ["Международное энергетическое агентство"], ruAcronyms: ["МЭА"]),
        .init("EEC", .economicForum, en: ["Eurasian Economic Commission"], enAcronyms: ["EEC"],
              ru: ["Евразийская экономическая комиссия"], ruAcronyms: ["ЕЭК"]),
        // Courts
        .init("ICJ", .court, en: ["International Court of Justice"], enAcronyms: ["ICJ"],
              ru: ["Международный суд ООН", "Международный суд"], ruAcronyms: []),
        .init("ICC", .court, en: ["International Criminal Court"], enAcronyms: ["ICC"],
              ru: ["Международный уголовный суд"], ruAcronyms: ["МУС"]),
        .init("ECHR", .court, en: ["European Court of Human Rights"], enAcronyms: ["ECHR", "ECtHR"],
              ru: ["Европейский суд по правам человека"], ruAcronyms: ["ЕСПЧ"]),
        .init("CJEU", .court, en: ["Court of Justice of the European Union"], enAcronyms: ["CJEU"],
              ru: ["Суд Европейского союза"], ruAcronyms: []),
        // European institutions
        .init("European Commission", .europeanInstitution, en: ["European Commission"], enAcronyms: ["EC"],
              ru: ["Европейская комиссия", "Еврокомиссия"], ruAcronyms: ["ЕК"]),
        .init("European Parliament", .europeanInstitution, en: ["European Parliament"], enAcronyms: [],
              ru: ["Европейский парламент", "Европарламент"], ruAcronyms: ["ЕП"]),
        .init("Council of Europe", .europeanInstitution, en: ["Council of Europe"], enAcronyms: ["CoE"],
              ru: ["Совет Европы"], ruAcronyms: []),
        .init("PACE", .europeanInstitution, en: ["Parliamentary Assembly of the Council of Europe"], enAcronyms: ["PACE"],
              ru: ["Парламентская ассамблея Совета Европы"], ruAcronyms: ["ПАСЕ"]),
        .init("European Council", .europeanInstitution, en: ["European Council"], enAcronyms: [],
              ru: ["Европейский совет", "Евросовет"], ruAcronyms: []),
        // Sport
        .init("IOC", .sport, en: ["International Olympic Committee"], enAcronyms: ["IOC"],
              ru: ["Международный олимпийский комитет"], ruAcronyms: ["МОК"]),
        .init("FIFA", .sport, en: ["International Federation of Association Football"], enAcronyms: ["FIFA"],
              ru: ["Международная федерация футбола"], ruAcronyms: ["ФИФА"]),
        .init("UEFA", .sport, en: ["Union of European Football Associations"], enAcronyms: ["UEFA"],
              ru: ["Союз европейских футбольных ассоциаций"], ruAcronyms: ["УЕФА"]),
        .init("WADA", .sport, en: ["World Anti-Doping Agency"], enAcronyms: ["WADA"],
              ru: ["Всемирное антидопинговое агентство"], ruAcronyms: ["ВАДА"]),
        // Humanitarian
        .init("ICRC", .humanitarian, en: ["International Committee of the Red Cross"], enAcronyms: ["ICRC"],
              ru: ["Международный комитет Красного Креста"], ruAcronyms: ["МККК"]),
        .init("IFRC", .humanitarian, en: ["International Federation of Red Cross and Red Crescent Societies"], enAcronyms: ["IFRC"],
              ru: ["Международная федерация обществ Красного Креста и Красного Полумесяца"], ruAcronyms: ["МФОКК и КП"]),
        .init("IOM", .humanitarian, en: ["International Organization for Migration"], enAcronyms: ["IOM"],
              ru: ["Международная организация по миграции"], ruAcronyms: ["МОМ"]),
        // Technical and scientific
        .init("ESA", .technical, en: ["European Space Agency"], enAcronyms: ["ESA"],
              ru: ["Европейское космическое агентство"], ruAcronyms: ["ЕКА"]),
        .init("IRENA", .technical, en: ["International Renewable Energy Agency"], enAcronyms: ["IRENA"],
              ru: ["Международное агентство по возобновляемым источникам энергии"], ruAcronyms: ["ИРЕНА"]),
        .init("Interpol", .technical, en: ["International Criminal Police Organization", "Interpol"], enAcronyms: ["INTERPOL"],
              ru: ["Международная организация уголовной полиции", "Интерпол"], ruAcronyms: []),
        .init("ISO", .technical, en: ["International Organization for Standardization"], enAcronyms: ["ISO"],
              ru: ["Международная организация по стандартизации"], ruAcronyms: ["ИСО"]),
    ]
}
