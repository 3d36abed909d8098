import Mustache

/// Names a template asked for that its data did not define. One per render call, never shared.
final class MissingNames {
    var names: [String] = []
}

/// The data given to a template: the page's own values over those every page of its language
/// shares, whose misses are recorded, so that a misspelt `{{variable}}` is reported instead of
/// rendering as an empty string.
///
/// Mustache looks a name up from the innermost section outwards and asks the root last, so a
/// name the root does not have is missing everywhere. The shared values are a second dictionary
/// rather than copied into each page's: pages would copy them tens of thousands of times.
struct TemplateData: MustacheParent {
    var values: [String: Any]
    var shared: [String: Any] = [:]
    let missing: MissingNames

    func child(named name: String) -> Any? {
        if let value = values[name] ?? shared[name] { return value }
        missing.names.append(name)
        return nil
    }
}

/// UI strings reached as `{{t.key}}`, or fragments as `{{{fragments.name}}}`; an unknown key is
/// recorded like a missing variable.
struct TemplateStrings: MustacheParent {
    var values: [String: String]
    let missing: MissingNames
    var prefix = "t."

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        missing.names.append(prefix + name)
        return nil
    }
}

/// Text that templates also open as a section, `{{#date}}…{{date}}…{{/date}}`. Inside a section
/// Mustache asks the innermost value for every name first, and a `String` can only answer through
/// reflection (`Mirror`); this says "not here" at once, and otherwise renders as its text.
struct SectionText: MustacheParent, MustacheCustomRenderable, Sendable {
    var text: String

    func child(named name: String) -> Any? { nil }
    var renderText: String { text }
    var isNull: Bool { false }
}

/// Text renders as itself, which is what swift-mustache does anyway through `String(describing:)`;
/// saying so directly spares four failed dynamic casts for every `{{value}}` of every page.
/// (`isNull` is false, as for any other value, so sections behave as before.)
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
