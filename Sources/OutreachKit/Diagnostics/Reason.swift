/// Every kind of problem Outreach reports. All user-facing wording lives in `message`.
public enum Reason: Hashable, Sendable {
    // Loading
    case unreadableFile(String)
    case invalidUTF8
    case symlinkOutsideContent(String)
    case missingFile(String)
    /// No content folder where one was expected.
    case missingContentFolder
    /// The content folder has no `site.yaml`.
    case missingSiteFile

    // YAML and front matter
    case yamlSyntax(String)
    case notAMapping(what: String)
    case unclosedFrontMatter
    case missingFrontMatter
    case missingField(String)
    case wrongType(field: String, expected: String)
    case invalidValue(field: String, value: String, expected: String)
    case unknownField(String)

    // Site configuration
    case unknownLanguage(String)
    case unknownLanguageSuffix(String)
    case duplicateLanguage(String)
    case defaultLanguageNotListed(String)
    case invalidBaseURL(String)

    // Site structure
    case duplicateSlug(url: String, firstDefinedAt: SourceLocation)
    case caseOnlyCollision(url: String, otherURL: String, firstDefinedAt: SourceLocation)
    case invalidSlug(String)
    case translationWithoutOriginal(String)
    case unknownHotline(String)
    case unknownReference(kind: String, id: String)
    case endBeforeStart(start: String, end: String)
    case reportSectionsMismatch(listed: Int, found: Int)
    case duplicateHotline(String)

    // Quizzes
    case unknownQuizCategory(String)
    case unknownQuizAnswer(String)
    case tooManyAnswers(type: String, count: Int)
    case duplicateID(kind: String, id: String)
    case missingDefaultLanguageText(field: String, language: String)
    case quizPoolTooLarge(pool: Int, questions: Int)

    // Markdown
    case brokenLink(String)
    case missingImage(String)
    /// A preview card image (`shareImage:`) that is not a PNG or JPEG file.
    case unsupportedShareImage(String)
    case missingAnchor(url: String, language: String)
    case notLinked(languages: String)
    case pathOutsideContent(String)

    // Theme
    case missingTemplate(String)
    case templateSyntax(String)
    case missingTemplateVariable(name: String, template: String)
    case missingTranslationKey(key: String, language: String)
    case missingTranslationFile(language: String)

    // Translation exchange (XLIFF, PO)
    case malformedTranslationFile(String)
    case unknownTranslationUnit(file: String, id: String)
    case unknownTranslationFile(String)
    case translationCodesMismatch(String)
    case translationLanguageNotConfigured(String)
    case translationBodyNotAligned(file: String, missing: Int)
    case translationNotWritable(file: String, field: String)

    // Output
    case pageTooHeavy(page: String, weight: Int, limit: Int)
    case outputPathCollision(String)
    case writeFailed(String)

    /// The human-readable message, written for department staff rather than programmers.
    public var message: String {
        switch self {
        case .unreadableFile(let detail): "cannot read file: \(detail)"
        case .invalidUTF8: "file is not valid UTF-8 text; save it as UTF-8"
        case .symlinkOutsideContent(let target): "symbolic link points outside the content folder (to '\(target)')"
        case .missingFile(let name): "required file '\(name)' is missing"
        case .missingContentFolder:
            "no content folder here: a site keeps its pages and site.yaml in a folder named 'content'. Start a site with 'outreach init', or give the folder with --content"
        case .missingSiteFile:
            "the content folder has no site.yaml (the site's title, languages and address). 'outreach init' writes a starting site with one"
        case .yamlSyntax(let problem): "YAML syntax error: \(problem)"
        case .notAMapping(let what): "\(what) must be a set of 'key: value' lines"
        case .unclosedFrontMatter: "front matter starts with '---' but has no closing '---' line"
        case .missingFrontMatter: "page has no front matter; start the file with '---', a 'title:' line and '---'"
        case .missingField(let field): "missing required field '\(field)'"
        case .wrongType(let field, let expected): "field '\(field)' must be \(expected)"
        case .invalidValue(let field, let value, let expected): "'\(value)' is not a valid \(field); expected \(expected)"
        case .unknownField(let field): "unknown field '\(field)' (check the spelling)"
        case .unknownLanguage(let code): "language '\(code)' is not one of the site's languages in site.yaml"
        case .unknownLanguageSuffix(let code): "file name ends in '.\(code).md' but '\(code)' is not one of the site's languages in site.yaml"
        case .duplicateLanguage(let code): "language '\(code)' is listed twice"
        case .defaultLanguageNotListed(let code): "default language '\(code)' is not in the list of languages"
        case .invalidBaseURL(let text): "'\(text)' is not an absolute http or https URL"
        case .duplicateSlug(let url, let first): "page address '\(url)' is already used by \(first)"
        case .caseOnlyCollision(let url, let other, let first):
            "address '\(url)' differs only in upper and lower case from '\(other)' of \(first); they overwrite each other on Windows and macOS disks and on many web servers: rename one"
        case .invalidSlug(let slug): "'\(slug)' cannot be used in a page address; use letters, digits, '-' and '_'"
        case .translationWithoutOriginal(let original): "translation has no original page '\(original)' in the default language"
        case .unknownReference(let kind, let id): "unknown \(kind) id '\(id)'; no page in the content folder has that id"
        case .endBeforeStart(let start, let end): "end \(end) is before start \(start)"
        case .reportSectionsMismatch(let listed, let found):
            "'report' lists \(listed) report parts but the page has \(found) '##' sections; give one part (or none) for each section, in order"
        case .unknownHotline(let id): "unknown hotline id '\(id)'; it must be listed in content/hotlines.yaml"
        case .duplicateHotline(let id): "hotline id '\(id)' is listed twice"
        case .unknownQuizCategory(let id): "unknown category '\(id)'; add it under 'categories' first"
        case .unknownQuizAnswer(let id): "answer '\(id)' is not one of the question's choice ids"
        case .tooManyAnswers(let type, let count): "a \(type) question has exactly one answer, but \(count) are given; use type: multiple"
        case .duplicateID(let kind, let id): "\(kind) id '\(id)' is used twice"
        case .missingDefaultLanguageText(let field, let language): "'\(field)' has no text in the default language (\(language))"
        case .quizPoolTooLarge(let pool, let questions): "pool of \(pool) questions, but the bank has \(questions); use a number from 1 to \(questions)"
        case .brokenLink(let target): "link to '\(target)', which is not a page of this site"
        case .missingAnchor(let url, let language): "link to '\(url)': the page has no heading with that anchor in language '\(language)'"
        case .notLinked(let languages): "no other page links to this page (languages: \(languages)); readers can only find it by its address"
        case .missingImage(let path): "image '\(path)' not found in the content folder"
        case .unsupportedShareImage(let path): "preview card image '\(path)' is not a PNG or JPEG file; link previews show only those"
        case .pathOutsideContent(let path): "path '\(path)' points outside the content folder"
        case .missingTemplate(let name): "theme has no template '\(name).mustache'"
        case .templateSyntax(let problem): "template syntax error: \(problem)"
        case .missingTemplateVariable(let name, let template): "template '\(template)' uses '{{\(name)}}', which is not defined"
        case .missingTranslationKey(let key, let language): "UI string '\(key)' is missing for language '\(language)'"
        case .missingTranslationFile(let language): "theme has no UI strings for language '\(language)' (expected i18n/\(language).yaml)"
        case .pageTooHeavy(let page, let weight, let limit):
            "page \(page) weighs \(weight) bytes (its HTML, stylesheets and scripts, gzipped), over the limit of \(limit) (pageWeightLimit in site.yaml); readers on a slow connection wait for every byte: shorten or split it"
        case .malformedTranslationFile(let problem): problem
        case .unknownTranslationUnit(let file, let id): "unknown unit '\(id)' in '\(file)': the site has no such text (was it exported from another version of the site?)"
        case .unknownTranslationFile(let file): "unknown file '\(file)': the site has no such original"
        case .translationCodesMismatch(let problem): "the translation's inline codes do not match its source: \(problem)"
        case .translationLanguageNotConfigured(let code): "target language '\(code)' is not one of the site's translation languages in site.yaml"
        case .translationBodyNotAligned(let file, let missing):
            "the translation of '\(file)' does not have the original's blocks, so its body is replaced whole: give a translation for every block (\(missing) missing)"
        case .translationNotWritable(let file, let field):
            "cannot write '\(field)' into '\(file)' in place (a value over several lines?); write it on one line, or by hand"
        case .outputPathCollision(let path): "'\(path)' would be written twice: this file has the same path as a generated page"
        case .writeFailed(let detail): "cannot write the site: \(detail)"
        }
    }
}
