import Mustache

// The entries of the lists every page walks (the language switcher, breadcrumbs, alternates,
// child pages). They are typed rather than `[String: Any]` because each page builds a dozen of
// them: a struct costs no hashing or boxing to build, and Mustache reads either through
// `MustacheParent`. A name an entry does not have returns nil, so Mustache looks it up further
// out, exactly as with a dictionary without that key.

/// A page in a list: a breadcrumb, a child page, a piece of campaign material.
struct PageLink: MustacheParent, Sendable {
    var title: String
    var url: String
    /// Child pages show their description; other links have none.
    var description: String? = nil
    /// The title's language when it is not the page's (an untranslated page), for `lang="…"`.
    var lang: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "description": description
        case "lang": lang ?? false
        default: nil
        }
    }
}

/// One language in the language switcher, linking to this page in that language.
struct LanguageLink: MustacheParent, Sendable {
    var code: String
    var name: String
    var url: String
    var dir: String
    var current: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "url": url
        case "dir": dir
        case "current": current
        default: nil
        }
    }
}

/// A `<link rel="alternate" hreflang=…>`: the page in a language it is really written in.
struct AlternateLink: MustacheParent, Sendable {
    var hreflang: String
    var href: String

    func child(named name: String) -> Any? {
        switch name {
        case "hreflang": hreflang
        case "href": href
        default: nil
        }
    }
}
