import CampaignModel

/// One Markdown file, parsed: its language, front matter and Markdown body.
///
/// A value type whose fields share one box until one copy changes (copy on write): pages are
/// copied into groups, dictionaries and every render, and a copy is then one reference count
/// instead of one per field. Each field is read in place (`_read`), so `page.frontMatter.title`
/// copies the title, not the whole front matter.
struct PageSource: Sendable {
    struct Fields: Sendable {
        var file: SourceFile
        var key: String
        var language: LanguageCode
        var frontMatter: PageFrontMatter
        var body: String
        var bodyLineOffset: Int
    }

    init(file: SourceFile, key: String, language: LanguageCode, frontMatter: PageFrontMatter, body: String, bodyLineOffset: Int) {
        box = Box(Fields(file: file, key: key, language: language, frontMatter: frontMatter, body: body,
                         bodyLineOffset: bodyLineOffset))
    }

    /// The file it came from.
    var file: SourceFile {
        _read { yield box.fields.file }
        _modify { makeUnique(); yield &box.fields.file }
    }

    /// What ties a page to its translations: the path without language suffix and `.md`
    /// (`pillars/prevention`, `pillars/_index`, `_index`).
    var key: String {
        _read { yield box.fields.key }
        _modify { makeUnique(); yield &box.fields.key }
    }

    /// The language it is written in, from the file name.
    var language: LanguageCode {
        _read { yield box.fields.language }
        _modify { makeUnique(); yield &box.fields.language }
    }

    /// The front matter fields.
    var frontMatter: PageFrontMatter {
        _read { yield box.fields.frontMatter }
        _modify { makeUnique(); yield &box.fields.frontMatter }
    }

    /// The Markdown text after the front matter.
    var body: String {
        _read { yield box.fields.body }
        _modify { makeUnique(); yield &box.fields.body }
    }

    /// Lines above the body in the file, added to Markdown positions.
    var bodyLineOffset: Int {
        _read { yield box.fields.bodyLineOffset }
        _modify { makeUnique(); yield &box.fields.bodyLineOffset }
    }

    /// Copies the box first if another page value shares it, so a change never shows elsewhere.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    /// The folder the page's relative links and images start from (`pillars`, or empty at the top).
    var folder: String {
        let path = self.file.relativePath
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// The content file its `shareImage` names (`pillars/img/card.png`), nil when it names none or
    /// points outside the content folder.
    var shareImagePath: String? {
        guard let reference = frontMatter.shareImage, !reference.id.hasPrefix("/") else { return nil }
        return LinkResolver.normalize(reference.id, from: folder)
    }

    private var box: Box

    /// Unchecked because its fields are mutable: they only change through the `_modify` accessors
    /// after `makeUnique()`, that is, when no other value (on any thread) holds this box.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }
}

/// The front matter fields a page may have.
struct PageFrontMatter: Sendable {
    var title: String
    var description: String?
    var date: CalendarDay?
    var isDraft: Bool
    var weight: Int?
    var slug: String?
    var slugLocation: SourceLocation?
    var translation: TranslationStatus?
    /// On a translation: the content hash of the original it was made from (`outreach translations` shows it).
    var translationOf: String?
    var hotlines: [(id: String, location: SourceLocation)]
    /// Fields particular to the page's section (events, departments, campaigns, pillars).
    var data: PageData = .none
    /// `shareImage: img/card.png`: the image of the page's preview card (`og:image`), a PNG or JPEG
    /// file of the content, relative to the page; with `shareImageAlt`, its text.
    var shareImage: Reference?
    var shareImageAlt: String?
    /// `menu: true`: the page asks for a place in the default main menu (when `site.yaml` has no `menu:`).
    var showsInMenu = false
}

extension PageSource {
    /// Parses a Markdown file into a page; `languageOfFile` has already been taken from its name.
    static func parse(_ file: SourceFile, key: String, language: LanguageCode, isTranslation: Bool = false,
                      diagnostics: inout [Diagnostic]) -> PageSource? {
        let split: FrontMatter
        switch FrontMatter.split(file.text) {
        case .success(let value): split = value
        case .failure(.missing):
            diagnostics.append(.error(.missingFrontMatter, at: file.location()))
            return nil
        case .failure(.unclosed):
            diagnostics.append(.error(.unclosedFrontMatter, at: file.location()))
            return nil
        }
        guard let document = YAMLDocument.parse(split.yaml, in: file, lineOffset: split.yamlLineOffset, diagnostics: &diagnostics) else { return nil }
        guard var fields = YAMLFields(document.root, in: document, what: "front matter", diagnostics: &diagnostics) else {
            return nil
        }
        let title = fields.string("title", required: true)
        let slugNode = fields.node("slug")
        let slug = fields.string("slug")
        if let slug, !Slug.isValid(slug) {
            fields.appendError(.invalidSlug(slug), at: fields.location(of: slugNode))
        }
        let translationNode = fields.node("translation")
        var translation: TranslationStatus?
        if let text = fields.string("translation") {
            translation = TranslationStatus(rawValue: text)
            if translation == nil {
                fields.appendError(.invalidValue(field: "translation", value: text, expected: "draft or reviewed"),
                                   at: fields.location(of: translationNode))
            }
        }
        var frontMatter = PageFrontMatter(
            title: title ?? "",
            description: fields.string("description"),
            date: fields.day("date"),
            isDraft: fields.bool("draft") ?? false,
            weight: fields.int("weight"),
            slug: slug,
            slugLocation: slugNode.map { fields.location(of: $0) },
            translation: translation,
            hotlines: (fields.strings("hotlines") ?? []).map { (id: $0.0, location: $0.1) })
        frontMatter.translationOf = fields.string("translationOf")
        frontMatter.showsInMenu = fields.bool("menu") ?? false
        frontMatter.shareImage = fields.reference("shareImage")
        frontMatter.shareImageAlt = fields.string("shareImageAlt")
        frontMatter.data = PageData.read(key: key, from: &fields, isTranslation: isTranslation)
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics
        // A wrong optional field is reported but the page is kept, so later phases can find more problems.
        guard title != nil else { return nil }
        return PageSource(file: file, key: key, language: language, frontMatter: frontMatter,
                          body: split.body, bodyLineOffset: split.bodyLineOffset)
    }
}
