/// Text that web pages carry around an article: credit labels and interface phrases, by
/// language code. Matched on NFKC_Casefold keys of a whole line.
public enum PageText {
    /// Labels that open a photo or media credit line ("Photo: TASS").
    public static let creditLabels: [String: [String]] = [
        "en": ["photo", "photos", "photograph", "photo credit", "image", "images", "picture", "pictures",
               "credit", "video", "illustration", "source", "screenshot", "footage"],
        "ru": ["фото", "фотография", "фотографии", "фото и видео", "видео", "кадр", "иллюстрация",
               "источник", "источник фото", "скриншот", "коллаж"],
    ]

    /// Interface phrases captured with a page. A phrase ending in "…" matches any line it begins.
    public static let interfacePhrases: [String: [String]] = [
        "en": [
            "skip to main content", "skip to content", "skip navigation", "jump to content", "main menu", "menu",
            "search", "log in", "sign in", "sign up", "subscribe", "share", "share this article", "print",
            "copy link", "comments", "show comments", "advertisement", "advertising", "sponsored content",
            "read more", "read also", "see also", "related articles", "related", "most read", "popular",
            "all news", "latest news", "live", "live broadcast", "live stream", "watch live", "back to top",
            "listen", "listen to this article", "read aloud", "text to speech", "font size", "beginning of the article",
            "start of the article", "end of the article", "top stories", "newsletter", "accept cookies",
            "cookie settings", "open in app", "download the app", "translated by…", "machine translated by…",
        ],
        "ru": [
            "перейти к основному содержанию", "главное меню", "меню", "поиск", "войти", "подписаться", "поделиться",
            "распечатать", "скопировать ссылку", "комментарии", "реклама", "читать далее", "читайте также",
            "читать также", "смотрите также", "самое читаемое", "все новости", "прямой эфир", "наверх",
            "слушать", "озвучить текст", "прослушать статью", "размер шрифта", "начало статьи", "конец статьи",
            "выделить важное", "подписывайтесь", "переведено сервисом…", "переведено с помощью…",
        ],
    ]
}
