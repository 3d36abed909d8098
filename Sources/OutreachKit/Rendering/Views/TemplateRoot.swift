import Mustache

/// A typed view model a template renders: a small struct built for that template, answering the
/// names the template asks for. Nothing is ever `[String: Any]`.
protocol TemplateView {
    /// The value of `{{name}}` at the top level, or nil when this view has none (Mustache then
    /// asks the language's shared values, and a name nobody has is reported).
    func value(named name: String) -> Any?
    /// The theme fragments this page shows (the menu marks its section); nil for the language's default.
    var fragments: [String: String]? { get }
}

extension TemplateView {
    var fragments: [String: String]? { nil }
}

/// What one render of a template noticed: names it asked for that nobody defines, and (when
/// `tracksLinks` is set, for `check`) the addresses of the links it printed, at any depth.
/// One per render call, never shared.
final class TemplateRecorder {
    var missing: [String] = []
    /// Every `url`, `…URL` value the template printed; filled only when `tracksLinks` is set.
    var linkedURLs: [String] = []
    /// Fragment names the template included.
    var usedFragments: [String] = []
    let tracksLinks: Bool

    init(tracksLinks: Bool = false) {
        self.tracksLinks = tracksLinks
    }

    /// `value`, found under `name`, noted if it is a link and wrapped so that what a template asks
    /// of it is noted too.
    func track(_ value: Any, named name: String) -> Any {
        if let text = value as? String {
            if name.hasSuffix("url") || name.hasSuffix("URL") { linkedURLs.append(text) }
            return text
        }
        if value is MustacheCustomRenderable { return value }
        if let parent = value as? any MustacheParent { return TrackedParent(base: parent, recorder: self) }
        if let list = value as? [any MustacheParent] { return list.map { TrackedParent(base: $0, recorder: self) } }
        return value
    }
}

/// A section value whose lookups are noted by a recorder (only while checking links).
struct TrackedParent: MustacheParent {
    let base: any MustacheParent
    let recorder: TemplateRecorder

    func child(named name: String) -> Any? {
        base.child(named: name).map { recorder.track($0, named: name) }
    }
}

/// The root a template is rendered with: its own view over the values every page of its language
/// shares, so that a misspelt `{{variable}}` is reported instead of rendering as an empty string.
///
/// Mustache looks a name up from the innermost section outwards and asks the root last, so a name
/// the root does not have is missing everywhere.
///
/// A class: Mustache casts its context values for every tag, and casting a struct out of `Any`
/// copies it, which for a page's view is a retain and a release of each of its two dozen fields.
final class TemplateRoot<View: TemplateView>: MustacheParent {
    let view: View
    let shared: LanguageView?
    let recorder: TemplateRecorder

    init(view: View, shared: LanguageView?, recorder: TemplateRecorder) {
        self.view = view
        self.shared = shared
        self.recorder = recorder
    }

    func child(named name: String) -> Any? {
        switch name {
        case "t":
            if let strings = shared?.strings { return TemplateStrings(values: strings, recorder: recorder, prefix: "t.") }
        case "fragments":
            if let fragments = view.fragments ?? shared?.fragments {
                return TemplateStrings(values: fragments, recorder: recorder, prefix: "fragments.")
            }
        default:
            if let value = view.value(named: name) ?? shared?.value(named: name) {
                return recorder.tracksLinks ? recorder.track(value, named: name) : value
            }
        }
        recorder.missing.append(name)
        return nil
    }
}

/// UI strings reached as `{{t.key}}`, or fragments as `{{{fragments.name}}}`; an unknown key is
/// recorded like a missing variable.
struct TemplateStrings: MustacheParent {
    var values: [String: String]
    let recorder: TemplateRecorder
    var prefix = "t."

    func child(named name: String) -> Any? {
        if let value = values[name] {
            if recorder.tracksLinks, prefix == "fragments." { recorder.usedFragments.append(name) }
            return value
        }
        recorder.missing.append(prefix + name)
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

extension Optional {
    /// The value, or `false` for a section that must not open and must not let Mustache look the
    /// name up further out (where `{{#lang}}` would find the page's own language).
    var orFalse: Any { self.map { $0 as Any } ?? false }
}

/// An entry of a list a template walks (`{{#choices}}…{{/choices}}`): a small struct that answers
/// its own names and returns nil for others, so Mustache looks those up further out.
protocol TemplateEntry: MustacheParent, Sendable {}
