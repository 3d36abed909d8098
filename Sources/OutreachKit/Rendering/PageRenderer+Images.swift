import CampaignModel

/// E-poster images, preview card images and the materials page: which images a build makes, the
/// layout pages they are shot from, and which image each page's preview card shows.
extension PageRenderer {
    /// Every image the build makes when it has an image renderer: each poster in each language
    /// in every `EPosterImage` format, and each language's site card, with their layout pages.
    func imageJobs(diagnostics: inout [Diagnostic]) -> [ImageJob] {
        var jobs: [ImageJob] = []
        for language in model.languageCodes {
            let data = context.data(for: language)
            let path = SiteCard.path(in: language)
            let view = SiteCardView(width: SiteCard.size.width, height: SiteCard.size.height,
                                    address: Self.withoutScheme(SitePath(language: language).permalink(in: config)),
                                    rootPath: PrintViews.rootPath(of: path))
            let html = context.theme.render("site-card", view, shared: data.view, recorder: TemplateRecorder(), diagnostics: &diagnostics)
            jobs.append(ImageJob(image: path.relative, width: SiteCard.size.width, height: SiteCard.size.height, layout: html,
                                 assets: [Self.imageStyleSheet]))
        }
        for (index, group) in model.groups.enumerated() {
            guard case .poster(let poster) = group.kind else { continue }
            for language in model.languageCodes {
                jobs += posterJobs(poster, group: index, in: language, diagnostics: &diagnostics)
            }
        }
        return jobs
    }

    /// The style sheet of the layout pages, in the site.
    static let imageStyleSheet = "assets/eposter.css"

    /// One poster's images in one language.
    private func posterJobs(_ poster: Poster, group index: Int, in language: LanguageCode,
                            diagnostics: inout [Diagnostic]) -> [ImageJob] {
        let group = model.groups[index]
        let (_, page, _) = view(of: index, in: language, diagnostics: &diagnostics)
        guard case .poster(let sheet, let rootPath) = page.special else { return [] }
        let data = context.data(for: language)
        let folder = group.path(in: language)
        return EPosterImage.allCases.map { format in
            let size = format.size(on: poster.paper)
            let view = EPosterView(format: format.rawValue, paper: poster.paper.identifier, width: size.width, height: size.height,
                                   title: page.title, titleLang: page.titleLang, content: page.content,
                                   contentLang: page.contentLang, poster: sheet, rootPath: rootPath)
            let html = context.theme.render("eposter", view, shared: data.view, recorder: TemplateRecorder(), diagnostics: &diagnostics)
            return ImageJob(image: format.path(of: poster, page: folder, in: language).relative, width: size.width,
                            height: size.height, layout: html, assets: [Self.imageStyleSheet] + (poster.image.map { [$0] } ?? []))
        }
    }

    /// `outreach.example.org/en/`: an address as printed for people to read.
    static func withoutScheme(_ url: String) -> String {
        var text = Substring(url)
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text = text.dropFirst(scheme.count) }
        return String(text)
    }

    /// The QR code of a poster alone, as a file beside its page (`<id>-<lang>-qr.svg`): what a
    /// designer puts on a poster of their own. Made without Chromium.
    func qrFile(of poster: Poster, page: SitePath, in language: LanguageCode) -> OutputFile? {
        let url = qrTarget(of: poster.qrTarget, in: language)
        guard let code = try? QRCode(encoding: url, correction: .medium) else { return nil }
        let svg = code.svg(moduleSize: 8, title: url, statesSize: true)
        return OutputFile(path: page.appending(EPosterImage.qrFileName(of: poster, in: language)).relative,
                          text: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n")
    }

    /// The absolute address of the page with key `key` in `language` (a QR code's target).
    func qrTarget(of key: String, in language: LanguageCode) -> String {
        (model.group(key)?.path(in: language) ?? SitePath(language: language)).permalink(in: config)
    }

    /// The image of a page's preview card, when it is not the language's: the image its front
    /// matter names (`shareImage`, the translation's own or else the original's); else, when the
    /// build makes images, the card of the poster the page shows (a poster's page) or of the
    /// first poster a campaign page lists. Nil for the language's card.
    func shareImage(for group: PageGroup, source: PageSource, title: String, in language: LanguageCode) -> ShareImageView? {
        for page in [source, group.original] {
            if let path = page.shareImagePath, let size = model.shareImageSizes[path] {
                return ShareImageView(src: config.baseURL + LinkResolver.percentEncodePath(path), width: size.width,
                                      height: size.height, alt: page.frontMatter.shareImageAlt ?? page.frontMatter.title)
            }
        }
        guard makesImages else { return nil }
        let poster: Poster?
        switch group.kind {
        case .poster(let shown): poster = shown
        case .campaign(let campaign): poster = model.campaignData.material(ofCampaign: campaign.id).posters.first
        default: poster = nil
        }
        guard let poster, let posterGroup = model.group(.poster(poster.id)) else { return nil }
        let size = EPosterImage.card.size(on: poster.paper)
        let path = EPosterImage.card.path(of: poster, page: posterGroup.path(in: language), in: language)
        return ShareImageView(src: path.permalink(in: config), width: size.width, height: size.height,
                              alt: posterText(poster, group: posterGroup, in: language))
    }

    /// A poster's headline and message in `language`: the text of its images, for alt text.
    func posterText(_ poster: Poster, group: PageGroup, in language: LanguageCode) -> String {
        let title = group.source(for: language).frontMatter.title
        let message = poster.message.resolve(language, fallback: config.defaultLanguage)?.value ?? ""
        return message.isEmpty ? title : title + " " + message
    }

    /// The materials page's list in `language`: every poster and pamphlet, in page order.
    func materials(in language: LanguageCode) -> MaterialsView {
        let data = context.data(for: language)
        let strings = data.strings
        var items: [MaterialsView.Item] = []
        for group in model.groups {
            let page = group.path(in: language)
            let link = link(to: group, in: language)
            var downloads: [MaterialsView.Download] = []
            if printsPDFs {
                downloads.append(.init(label: strings["materials_pdf"] ?? "PDF", detail: "PDF",
                                       url: page.appending(Self.pdfName(of: group, in: language)).url(in: config)))
            }
            switch group.kind {
            case .poster(let poster):
                var thumbnail: MaterialsView.Thumbnail?
                var snippet: String?
                let target = qrTarget(of: poster.qrTarget, in: language)
                if makesImages {
                    let labels: [(EPosterImage, String)] = [(.post, "materials_image_post"), (.card, "materials_image_card"),
                                                             (.sheet, "materials_image_sheet")]
                    for (format, key) in labels {
                        let size = format.size(on: poster.paper)
                        downloads.append(.init(label: strings[key] ?? key, detail: "PNG, \(size.width) × \(size.height)",
                                               url: format.path(of: poster, page: page, in: language).url(in: config)))
                    }
                    let post = EPosterImage.post.size(on: poster.paper)
                    thumbnail = .init(src: EPosterImage.post.path(of: poster, page: page, in: language).url(in: config),
                                      width: post.width / 5, height: post.height / 5)
                    snippet = Self.snippet(target: target,
                                           image: EPosterImage.post.path(of: poster, page: page, in: language).permalink(in: config),
                                           size: post, alt: posterText(poster, group: group, in: language))
                }
                downloads.append(.init(label: strings["materials_qr"] ?? "QR", detail: "SVG",
                                       url: page.appending(EPosterImage.qrFileName(of: poster, in: language)).url(in: config)))
                items.append(.init(title: link.title, titleLang: link.lang, url: link.url, paperLabel: poster.paper.description,
                                   isPoster: true, thumbnail: thumbnail, downloads: downloads, snippet: snippet, target: target))
            case .pamphlet(let pamphlet):
                let format = strings["materials_format_" + pamphlet.format.rawValue] ?? pamphlet.format.rawValue
                items.append(.init(title: link.title, titleLang: link.lang, url: link.url, paperLabel: format, isPoster: false,
                                   thumbnail: nil, downloads: downloads, snippet: nil, target: nil))
            default:
                continue
            }
        }
        return MaterialsView(items: items, hasImages: makesImages)
    }

    /// The HTML a partner pastes into their website: the e-poster, linking to its page. It loads
    /// nothing but the image, and scales down to the width it is given.
    static func snippet(target: String, image: String, size: ImageSize, alt: String) -> String {
        "<a href=\"\(HTMLEscaping.escape(target))\"><img src=\"\(HTMLEscaping.escape(image))\" "
            + "width=\"\(size.width)\" height=\"\(size.height)\" style=\"max-width:100%;height:auto\" "
            + "alt=\"\(HTMLEscaping.escape(alt))\"></a>"
    }
}
