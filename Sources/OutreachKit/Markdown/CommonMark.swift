import Foundation
import CCmark

/// The one place Outreach talks to libcmark.
///
/// Markdown is parsed and rendered by cmark's own HTML renderer. The tree is walked with cmark's
/// iterator (no recursion, so deeply nested input cannot overflow the stack) only to change what
/// must change: link and image URLs, and ids on headings. No cmark pointer leaves this file.
enum CommonMark {
    /// Options for one rendering.
    struct Options: Hashable, Sendable {
        /// Keep raw HTML and dangerous URLs. Off unless a site opts in, because content is untrusted.
        var allowsUnsafeHTML = false
        /// Put before every heading id, to keep ids unique when two texts share a page.
        var headingIDPrefix = ""
        /// Added to every heading's level (at most 6), for Markdown shown under a heading of the
        /// page's own: a report puts a department's `###` under its `<h4>`, as `<h5>`.
        var headingLevelShift = 0
    }

    /// A link or image found in the Markdown, with its position in the Markdown text.
    struct Link: Hashable, Sendable {
        enum Kind: Hashable, Sendable { case link, image }
        var kind: Kind
        var url: String
        /// 1-based line and column in the Markdown text.
        var line: Int
        var column: Int
    }

    /// A heading and the id given to it.
    struct Heading: Hashable, Sendable {
        var level: Int
        var text: String
        var id: String
    }

    /// The rendered HTML and what was found on the way.
    struct Rendering: Hashable, Sendable {
        var html: String
        var headings: [Heading]
        var links: [Link]
    }

    /// Renders `markdown` to HTML. `rewrite` sees every link and image and returns a new URL, or nil to keep it.
    static func render(_ markdown: String, options: Options = Options(),
                       rewrite: (Link) -> String? = { _ in nil }) -> Rendering {
        let cmarkOptions = CMARK_OPT_DEFAULT | (options.allowsUnsafeHTML ? CMARK_OPT_UNSAFE : 0)
        let document = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), cmarkOptions)
        }
        guard let document else { return Rendering(html: "", headings: [], links: []) }
        defer { cmark_node_free(document) }

        var links: [Link] = []
        var headingNodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let link = Link(
                        kind: cmark_node_get_type(node) == CMARK_NODE_IMAGE ? .image : .link,
                        url: string(cmark_node_get_url(node)),
                        line: Int(cmark_node_get_start_line(node)),
                        column: Int(cmark_node_get_start_column(node)))
                    links.append(link)
                    if let replacement = rewrite(link) {
                        cmark_node_set_url(node, replacement)
                    }
                case CMARK_NODE_HEADING:
                    headingNodes.append(node)
                default:
                    break
                }
            }
        }

        // Replaced after the walk: changing the tree under a live iterator is not allowed.
        var headings: [Heading] = []
        var usedIDs: Set<String> = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node)
            let id = options.headingIDPrefix + HeadingID.unique(HeadingID.slug(text), among: &usedIDs)
            headings.append(Heading(level: level, text: text, id: id))
            wrapHeading(node, level: min(6, level + options.headingLevelShift), id: id)
        }

        guard let buffer = cmark_render_html(document, cmarkOptions) else {
            return Rendering(html: "", headings: headings, links: links)
        }
        defer { free(buffer) }
        return Rendering(html: String(cString: buffer), headings: headings, links: links)
    }

    /// A part of a Markdown text under a heading of level 2 (`## Prevention`).
    struct Section: Hashable, Sendable {
        /// The heading's text, without markup.
        var title: String
        /// 1-based line of the heading in the Markdown text.
        var line: Int
        /// The Markdown under the heading, as written.
        var body: String
    }

    /// The level-2 sections of `markdown`, in order. A section runs from its heading to the next
    /// heading of level 1 or 2, a thematic break (`***`) or the end; text before the first one
    /// belongs to none.
    static func sections(of markdown: String) -> [Section] {
        let document = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), CMARK_OPT_DEFAULT)
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        // Where each section or stop starts, and for a section its title and its heading's last line.
        var boundaries: [(line: Int, heading: (title: String, endLine: Int)?)] = []
        var node = cmark_node_first_child(document)
        while let block = node {
            let line = Int(cmark_node_get_start_line(block))
            switch cmark_node_get_type(block) {
            case CMARK_NODE_HEADING where cmark_node_get_heading_level(block) == 2:
                boundaries.append((line, (plainText(of: block), line)))
            case CMARK_NODE_HEADING where cmark_node_get_heading_level(block) == 1, CMARK_NODE_THEMATIC_BREAK:
                boundaries.append((line, nil))
            default:
                break
            }
            node = cmark_node_next(block)
        }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // A setext heading (`Title` over `-----`) ends at its underline.
        for index in boundaries.indices {
            guard let heading = boundaries[index].heading,
                  let underline = setextUnderline(ofHeadingAt: heading.endLine, in: lines) else { continue }
            boundaries[index].heading?.endLine = underline
        }
        var sections: [Section] = []
        for (index, boundary) in boundaries.enumerated() {
            guard let heading = boundary.heading else { continue }
            // Lines are 1-based: the body is the lines after the heading's last, up to the next boundary.
            let end = index + 1 < boundaries.count ? boundaries[index + 1].line - 1 : lines.count
            let body = heading.endLine < end ? lines[heading.endLine..<end].joined(separator: "\n") : ""
            sections.append(Section(title: heading.title, line: boundary.line,
                                    body: body.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return sections
    }

    /// A block of text a translator translates on its own: a heading or a paragraph (in a list
    /// item, a quote or at the top). Code, HTML and breaks are kept from the original as they are.
    struct TextBlock: Hashable, Sendable {
        /// What kind of block it is, for a translator's note.
        enum Kind: String, Hashable, Sendable {
            case heading, paragraph, listItem = "list item", quote
        }
        var kind: Kind
        /// Heading level, 0 for other blocks.
        var level: Int
        /// 1-based first and last line of the block's text in the Markdown, and the 1-based
        /// column where its text starts on the first line.
        var startLine: Int
        var endLine: Int
        var startColumn: Int
    }

    /// The headings and paragraphs of `markdown` in document order, with where their text is.
    /// Walked with cmark's iterator (no recursion). For a setext heading the underline is not part
    /// of the text: its last line is the one above the underline.
    static func textBlocks(of markdown: String) -> [TextBlock] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let document = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), CMARK_OPT_DEFAULT)
        }
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        var blocks: [TextBlock] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HEADING || type == CMARK_NODE_PARAGRAPH else { continue }
            var kind: TextBlock.Kind = type == CMARK_NODE_HEADING ? .heading : .paragraph
            if type == CMARK_NODE_PARAGRAPH {
                var parent = cmark_node_parent(node)
                while let container = parent {
                    let containerType = cmark_node_get_type(container)
                    if containerType == CMARK_NODE_ITEM { kind = .listItem; break }
                    if containerType == CMARK_NODE_BLOCK_QUOTE { kind = .quote; break }
                    parent = cmark_node_parent(container)
                }
            }
            let startLine = Int(cmark_node_get_start_line(node))
            var endLine = Int(cmark_node_get_end_line(node))
            if type == CMARK_NODE_HEADING, let underline = setextUnderline(ofHeadingAt: startLine, in: lines) {
                endLine = max(startLine, underline - 1)
            }
            blocks.append(TextBlock(
                kind: kind, level: type == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : 0,
                startLine: startLine, endLine: endLine, startColumn: Int(cmark_node_get_start_column(node))))
        }
        return blocks
    }

    /// The 1-based line of the underline (`---`, `===`) of the setext heading starting on `line`;
    /// nil for an ATX heading (`## Title`). cmark's own end line for a setext heading runs on into
    /// the next paragraph when no blank line follows, so the underline is looked for in the text.
    private static func setextUnderline(ofHeadingAt line: Int, in lines: [Substring]) -> Int? {
        guard line >= 1, line <= lines.count, !lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") else {
            return nil
        }
        var index = line  // 0-based: the line after the heading's first
        while index < lines.count, !isSetextUnderline(lines[index]) { index += 1 }
        return index < lines.count ? index + 1 : nil
    }

    /// `---` or `===` under a heading's text, indented by at most three spaces.
    private static func isSetextUnderline(_ line: Substring) -> Bool {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let first = text.first, first == "-" || first == "=", line.prefix(while: { $0 == " " }).count < 4 else { return false }
        return text.allSatisfy { $0 == first }
    }

    /// Replaces a heading with a custom block that opens `<hN id="...">`, keeping its inline children.
    /// cmark's renderer writes no ids, and raw HTML would be dropped in safe mode; custom blocks are not.
    private static func wrapHeading(_ heading: OpaquePointer, level: Int, id: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// The text content of a node: its text, code and line breaks, without markup.
    private static func plainText(of root: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(root) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
