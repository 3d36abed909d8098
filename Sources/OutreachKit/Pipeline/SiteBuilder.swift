import CampaignModel
import Foundation

/// Builds a site in named phases: load, parse, model (validate), render and write.
///
/// Pages are rendered in parallel and streamed into a staging folder beside the output; the
/// staging folder replaces the output only when every phase finished without errors, so a failed
/// build never changes the published site.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    /// Creates a builder for these options.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs every phase and replaces the output folder when there are no errors (and no warnings
    /// under `strict`).
    public func build() async -> BuildReport {
        await buildKeepingModel().report
    }

    /// `build()`, also returning the prepared model when the build succeeded, for `LiveSite`.
    func buildKeepingModel() async -> (report: BuildReport, prepared: Prepared?) {
        var times = PhaseTimes()
        func failed(_ diagnostics: [Diagnostic]) -> (report: BuildReport, prepared: Prepared?) {
            (BuildReport(diagnostics: Array(Set(diagnostics)).sortedByLocation(), languages: [], filesWritten: 0, succeeded: false,
                         times: times), nil)
        }
        var (prepared, diagnostics) = await prepare(times: &times)
        guard let prepared else { return failed(diagnostics) }

        // After errors in the content, pages are still rendered (not written) to find every broken
        // link in one run.
        var writer = SiteWriter(outputFolder: options.outputFolder)
        let writes = !blocks(diagnostics)
        if writes {
            do { try writer.prepare() } catch {
                return failed(diagnostics + [.error(.writeFailed(error.detail), at: SourceLocation(file: options.outputFolder))])
            }
        }
        let renderer = prepared.renderer
        // The site-wide files (sitemap, feeds, reports) are rendered while the pages are.
        async let siteFiles = Self.renderSiteFiles(renderer.context)
        let workers = ServiceWorkerRenderer(context: renderer.context)
        let precached = Set(renderer.model.languageCodes.flatMap { workers.precachedPaths(in: $0) })
        let pages = await renderPages(renderer, writer: writes ? writer : nil,
                                      weigher: writes ? PageWeigher(theme: prepared.theme, config: renderer.config) : nil,
                                      keeping: precached)
        diagnostics += pages.diagnostics
        var (files, fileDiagnostics, reportRows) = await siteFiles
        diagnostics += fileDiagnostics
        // The layout pages of the images are rendered now, with the pages; they are shot in the finish step.
        let imageJobs = options.imageRenderer != nil ? renderer.imageJobs(diagnostics: &diagnostics) : []
        if options.imageRenderer != nil {
            for name in Theme.imageTemplates where prepared.theme.templateFiles[name] == nil {
                diagnostics.append(.error(.missingTemplate(name),
                                          at: SourceLocation(file: options.themeFolder + "/templates/" + name + ".mustache")))
            }
        }
        files += prepared.theme.assets.map { OutputFile(path: "assets/" + $0.relativePath, asset: $0, effort: .shared) }
        // The workers come last: their cache names hash the pages, site files and assets they keep.
        files += workers.render(contents: Self.contents(of: precached, pages: pages.kept, files: files, theme: prepared.theme))
        times.lap("render pages (writing them) and site files")
        if !diagnostics.containsErrors {
            // Pages cannot clash (the model checked); a content file can clash with a generated file.
            diagnostics += Self.pathCollisions(generated: pages.paths + files.map(\.path), contentAssets: renderer.model.contentAssets,
                                               contentFolder: options.contentFolder)
        }
        files += renderer.model.contentAssets.map { OutputFile(path: $0.relativePath, asset: $0) }
        guard writes, !blocks(diagnostics) else {
            writer.discard()
            return failed(diagnostics)
        }
        let printing = options.pdfPrinter.map { printer in (printer, Self.pdfJobs(in: renderer.model)) }
        // Search indexes the whole finished site, so it runs last, just before the swap.
        let indexer = renderer.model.group(.search) != nil ? options.searchIndexer : nil
        var imagePlan: ImagePlan?
        do {
            for file in files { try writer.write(file) }
            times.lap("write site files and assets")
            if options.imageRenderer != nil {
                // Planned now that every file the layout pages load is in the staging folder, and
                // while the previous output (whose images may be reused) is still in place.
                imagePlan = ImagePlan(jobs: imageJobs, staging: writer.staging, previous: writer.output)
            }
            let images = options.imageRenderer.flatMap { renderer in imagePlan.map { (renderer, $0) } }
            let previousOutput = writer.output
            writer.finish = { folder in
                var problems: [String] = []
                // Images first: pages name them, and search indexes the site after.
                if let (imageRenderer, plan) = images {
                    problems += plan.carryOut(with: imageRenderer, staging: folder, previous: previousOutput)
                }
                if problems.isEmpty, let (printer, jobs) = printing {
                    problems += printer.print(jobs, in: folder).map { "cannot print \($0.page) to PDF: \($0.problem)" }
                }
                if problems.isEmpty, let indexer {
                    problems += indexer.index(siteFolder: folder).map { "cannot build the search index: \($0)" }
                }
                return problems
            }
            try writer.commit()
            times.lap([imagePlan.map { "make images (\($0.rendered) rendered, \($0.reused) reused)" },
                       options.pdfPrinter.map { _ in "print PDFs" }, indexer.map { _ in "index for search" }, "swap in"]
                .compactMap { $0 }.joined(separator: ", "))
        } catch {
            writer.discard()
            return failed(diagnostics + [.error(.writeFailed(error.detail), at: SourceLocation(file: options.outputFolder))])
        }
        var report = BuildReport(diagnostics: Array(Set(diagnostics)).sortedByLocation(), languages: Self.summary(of: renderer.model),
                                 filesWritten: pages.paths.count + files.count + imageJobs.count, succeeded: true, times: times)
        report.imagesRendered = imagePlan?.rendered ?? 0
        report.imagesReused = imagePlan?.reused ?? 0
        if renderer.model.group(.search) != nil, indexer == nil { report.notes.append(.searchSkipped) }
        if options.imageRenderer == nil { report.notes.append(.imagesSkipped) }
        var built = prepared
        built.reportRows = reportRows
        return (report, built)
    }

    /// Every check of a build (rendering included, writing nothing), plus links into the site in
    /// every form, anchors in every language, and pages no other page links to, from the facts
    /// collected while rendering.
    public func check() async -> [Diagnostic] {
        let (prepared, diagnostics) = await prepare()
        guard let prepared else { return Array(Set(diagnostics)).sortedByLocation() }
        let renderer = prepared.renderer
        let pages = await renderPages(renderer, writer: nil, collectsFacts: true,
                                      weigher: PageWeigher(theme: prepared.theme, config: renderer.config))
        let (files, fileDiagnostics, _) = Self.renderSiteFiles(renderer.context)
        let workers = renderer.model.languageCodes.map { ServiceWorkerRenderer.path(of: $0).relative }
        let outputPaths = Set(pages.paths + files.map(\.path) + prepared.theme.assets.map { "assets/" + $0.relativePath }
                              + renderer.model.contentAssets.map(\.relativePath) + workers)
        let checks = SiteChecker(model: renderer.model, outputPaths: outputPaths, links: renderer.links).check(pages.facts)
        return Array(Set(diagnostics + pages.diagnostics + fileDiagnostics + checks)).sortedByLocation()
    }

    /// Load, parse and model, then report how far each page is translated. Writes nothing.
    public func translationReport() async -> (TranslationReport?, [Diagnostic]) {
        let (prepared, diagnostics) = await prepare()
        return (prepared.map { TranslationReport(model: $0.renderer.model) }, Array(Set(diagnostics)).sortedByLocation())
    }

    /// A campaign's coordination report as the site's page (`html`) or its tables (`csv`, `json`),
    /// over the campaign's period or the days given, in `language` (the site's default when nil).
    /// Fails when the content has errors or the request names no campaign or language of the site.
    public func coordinationReport(campaign: String, from: CalendarDay? = nil, to: CalendarDay? = nil,
                                   language: String? = nil, format: ReportFormat) async -> (Result<String, ReportRequestError>, [Diagnostic]) {
        let (prepared, diagnostics) = await prepare()
        let sorted = Array(Set(diagnostics)).sortedByLocation()
        guard let prepared, !diagnostics.containsErrors else { return (.failure(.invalidSite), sorted) }
        let renderer = prepared.renderer
        let model = renderer.model
        guard let found = model.campaignData.campaign(campaign) else {
            return (.failure(.unknownCampaign(campaign, known: model.campaignData.campaigns.map(\.id))), sorted)
        }
        let code: LanguageCode
        if let language {
            guard let parsed = LanguageCode(language), let known = model.config.language(parsed) else {
                return (.failure(.unknownLanguage(language, known: model.languageCodes.map(\.rawValue))), sorted)
            }
            code = known.code
        } else {
            code = model.config.defaultLanguage
        }
        do {
            let report = try renderer.report(of: found, in: code, from: from, to: to)
            switch format {
            case .csv: return (.success(report.csv), sorted)
            case .json: return (.success(report.json), sorted)
            case .html:
                guard let index = model.index(ofKey: PageReference.report(campaign: campaign).key) else {
                    return (.failure(.noPeriod(campaign)), sorted)
                }
                var problems: [Diagnostic] = []
                let html = renderer.renderReportPage(index, report: report, in: code, diagnostics: &problems)
                return (.success(html), Array(Set(diagnostics + problems)).sortedByLocation())
            }
        } catch {
            switch error {
            case .unknownCampaign(let id): return (.failure(.unknownCampaign(id, known: [])), sorted)
            case .noPeriod(let id): return (.failure(.noPeriod(id)), sorted)
            case .emptyPeriod(let from, let to): return (.failure(.emptyPeriod(from: from.description, to: to.description)), sorted)
            }
        }
    }

    /// What the quiz statistics collector needs from a site: its quiz banks, languages and origin.
    public func quizSite() async -> (QuizSite?, [Diagnostic]) {
        let (prepared, diagnostics) = await prepare()
        let sorted = Array(Set(diagnostics)).sortedByLocation()
        guard let model = prepared?.renderer.model, !diagnostics.containsErrors else { return (nil, sorted) }
        let quizzes = model.quizzes.keys.sorted().compactMap { model.quizzes[$0] }
        return (QuizSite(quizzes: quizzes, languages: model.languageCodes, defaultLanguage: model.config.defaultLanguage,
                         origin: model.config.origin), sorted)
    }

    /// Cores to work on: the options' choice, or every core.
    private var workers: Int { max(1, options.workers ?? ProcessInfoCores.count) }

    /// Whether these diagnostics stop the site from being published.
    private func blocks(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.containsErrors || (options.strict && !diagnostics.isEmpty)
    }

    struct Prepared: Sendable {
        var theme: Theme
        var renderer: PageRenderer
        /// The translation report's rows as the build rendered them, with their page group's
        /// index, so `LiveSite` can replace one row after an edit without rendering them all again.
        var reportRows: [(group: Int, html: String)] = []
        /// The raw files translations are exported from and imported into.
        var translationSources = TranslationSources()
    }

    /// Load, parse and model: everything before rendering. Nil when there is nothing to render.
    func prepare() async -> (Prepared?, [Diagnostic]) {
        var times = PhaseTimes()
        return await prepare(times: &times)
    }

    func prepare(times: inout PhaseTimes) async -> (Prepared?, [Diagnostic]) {
        let loaded = Loader(options: options).load()
        times.lap("load")
        var diagnostics = loaded.diagnostics
        guard let siteFile = loaded.siteFile,
              let config = SiteConfig.parse(siteFile, baseURLOverride: options.baseURL, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let hotlines = loaded.hotlinesFile.map { Hotline.parseList($0, config: config, diagnostics: &diagnostics) } ?? []
        let theme = Theme.load(templates: loaded.templates, i18n: loaded.i18n, builtInI18n: loaded.builtInI18n,
                               assets: loaded.themeAssets, config: config,
                               diagnostics: &diagnostics)

        var builder = SiteModelBuilder(config: config, includeDrafts: options.includeDrafts)
        var named: [(file: SourceFile, key: String, language: LanguageCode)] = []
        for file in loaded.markdownFiles {
            guard let (key, language) = builder.keyAndLanguage(of: file) else { continue }
            named.append((file, key, language))
        }
        let parsed = await Self.parsePages(named, defaultLanguage: config.defaultLanguage, workers: workers)
        diagnostics += parsed.diagnostics
        times.lap("parse pages")
        let quizzes = loaded.quizFiles.compactMap { file in
            Quiz.parse(file, config: config, diagnostics: &diagnostics).map { (quiz: $0, file: file) }
        }
        let shareImages = Set(parsed.pages.compactMap(\.shareImagePath))
        var inputs = SiteModelBuilder.Inputs(
            hotlines: hotlines, assets: loaded.contentAssets, quizzes: quizzes, figuresFile: loaded.figuresFile,
            quizStatisticsFile: loaded.quizStatisticsFile,
            sectionTitles: theme.sectionTitles, searchTitle: theme.searchTitle, materialsTitle: theme.materialsTitle, pillarNames: theme.pillarNames,
            reportTitle: theme.reportTitle, today: options.today,
            unparsedPages: parsed.unparsed, contentFolder: options.contentFolder)
        inputs.shareImageSizes = Loader.imageSizes(of: shareImages, in: loaded.contentAssets)
        var model = builder.build(pages: parsed.pages, inputs: inputs)
        diagnostics += builder.diagnostics
        var translationSources = TranslationSources()
        translationSources.yamlFiles = ([loaded.siteFile, loaded.hotlinesFile, loaded.figuresFile].compactMap { $0 } + loaded.quizFiles)
            .sorted { $0.relativePath < $1.relativePath }
        for file in loaded.i18n { translationSources.themeStrings[file.relativePath] = file }
        for file in loaded.builtInI18n { translationSources.builtInThemeStrings[file.relativePath] = file }
        for file in loaded.ledgerFiles {
            let name = file.relativePath.dropFirst("translations/".count).dropLast(".yaml".count)
            guard let code = LanguageCode(String(name)), config.language(code) != nil else {
                diagnostics.append(.error(.unknownLanguage(String(name)), at: file.location()))
                continue
            }
            translationSources.ledgers[code] = TranslationLedger.parse(file, diagnostics: &diagnostics)
            translationSources.ledgerFiles[code] = file
        }
        model.translationLedgers = translationSources.ledgers

        times.lap("model")
        let renderer = PageRenderer(model: model, theme: theme, printsPDFs: options.pdfPrinter != nil,
                                    makesImages: options.imageRenderer != nil)
        diagnostics += renderer.setupDiagnostics
        times.lap("shared template data")
        return (Prepared(theme: theme, renderer: renderer, translationSources: translationSources), diagnostics)
    }

    /// Parses Markdown files on every core; the result is in file order whatever finishes first.
    static func parsePages(_ files: [(file: SourceFile, key: String, language: LanguageCode)],
                           defaultLanguage: LanguageCode, workers: Int) async -> (pages: [PageSource], unparsed: Set<String>, diagnostics: [Diagnostic]) {
        let chunks = Self.chunks(of: files.count, workers: workers)
        let results = await withTaskGroup(of: (Int, [PageSource], [String], [Diagnostic]).self) { group in
            for (number, range) in chunks.enumerated() {
                group.addTask {
                    var pages: [PageSource] = []
                    var unparsed: [String] = []
                    var diagnostics: [Diagnostic] = []
                    for (file, key, language) in files[range] {
                        if let page = PageSource.parse(file, key: key, language: language,
                                                       isTranslation: language != defaultLanguage, diagnostics: &diagnostics) {
                            pages.append(page)
                        } else {
                            unparsed.append(file.relativePath)
                        }
                    }
                    return (number, pages, unparsed, diagnostics)
                }
            }
            var results: [(Int, [PageSource], [String], [Diagnostic])] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }
        return (results.flatMap(\.1), Set(results.flatMap(\.2)), results.flatMap(\.3))
    }

    /// Renders every page in every language on every core, writing each into the staging folder
    /// as soon as it is rendered (when `writer` is given). Returns the paths written and the problems.
    /// With `weigher`, each page is weighed (from its gzip copy when written) and a page over the
    /// limit is a warning. The text of the pages at the paths in `keeping` is returned.
    private func renderPages(_ renderer: PageRenderer, writer: SiteWriter?, collectsFacts: Bool = false,
                             weigher: PageWeigher? = nil, keeping: Set<String> = []) async -> RenderedPages {
        let languages = renderer.model.languageCodes
        let jobs = renderer.model.groups.indices.flatMap { index in languages.map { (index, $0) } }
        let outputFolder = options.outputFolder
        let results = await withTaskGroup(of: (Int, RenderedPages).self) { group in
            for (number, range) in Self.chunks(of: jobs.count, workers: workers).enumerated() {
                group.addTask {
                    var rendered = RenderedPages()
                    for (index, language) in jobs[range] {
                        let page = renderer.render(index, in: language, tracksLinks: collectsFacts)
                        rendered.diagnostics += page.diagnostics
                        if collectsFacts { rendered.facts.append(page.facts) }
                        for file in page.files {
                            rendered.paths.append(file.path)
                            var copies: Precompressed?
                            if let writer {
                                do throws(SiteWriter.WriteError) { copies = try writer.write(file) } catch {
                                    rendered.diagnostics.append(.error(.writeFailed(error.detail), at: SourceLocation(file: outputFolder)))
                                }
                            }
                            guard case .text(let html) = file.contents else { continue }
                            if keeping.contains(file.path) { rendered.kept[file.path] = html }
                            if let weigher {
                                let size = copies?.gzip.count ?? Gzip.compress(html.utf8).count
                                let source = renderer.model.groups[index].source(for: language)
                                if let warning = weigher.check(html, at: file.path, compressedSize: size, source: source) {
                                    rendered.diagnostics.append(warning)
                                }
                            }
                        }
                    }
                    return (number, rendered)
                }
            }
            var results: [(Int, RenderedPages)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var kept: [String: String] = [:]
        for result in results { kept.merge(result.kept) { first, _ in first } }
        return RenderedPages(paths: results.flatMap(\.paths), diagnostics: results.flatMap(\.diagnostics),
                             facts: results.flatMap(\.facts), kept: kept)
    }

    /// The bytes of each file at `paths`, from the rendered pages, the site files and the theme's assets.
    static func contents(of paths: Set<String>, pages: [String: String], files: [OutputFile], theme: Theme) -> [String: [UInt8]] {
        var contents: [String: [UInt8]] = [:]
        for (path, text) in pages where paths.contains(path) { contents[path] = Array(text.utf8) }
        for file in files where paths.contains(file.path) {
            if case .text(let text) = file.contents { contents[file.path] = Array(text.utf8) }
        }
        for (path, bytes) in theme.assetContents where paths.contains("assets/" + path) { contents["assets/" + path] = bytes }
        return contents
    }

    /// What rendering the pages gave: the files' paths, the problems, and (for `check`) the
    /// facts of every page in every language, in page order.
    struct RenderedPages: Sendable {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        var facts: [PageFacts] = []
        /// The text of the pages asked for, by path.
        var kept: [String: String] = [:]
    }

    /// Files that are not pages of the content, each from its own renderer: the language chooser,
    /// 404, the translation report, the offline pages, the manifests, sitemap, feeds, open data and
    /// robots.txt (the service workers come after the pages, whose bytes they hash); and the report's
    /// rows, kept for `serve`.
    private static func renderSiteFiles(_ context: RenderContext)
        -> ([OutputFile], [Diagnostic], reportRows: [(group: Int, html: String)]) {
        var files: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        let report = TranslationReportRenderer(context: context)
        let reportRows = report.renderRows(diagnostics: &diagnostics)
        for (file, fileDiagnostics) in [LanguageChooserRenderer(context: context).render(), NotFoundRenderer(context: context).render(),
                                        report.render(rows: reportRows.map(\.html))] {
            files.append(file)
            diagnostics += fileDiagnostics
        }
        for (file, fileDiagnostics) in OfflinePageRenderer(context: context).render() + PrivacyPageRenderer(context: context).render() {
            files.append(file)
            diagnostics += fileDiagnostics
        }
        files += ManifestRenderer(context: context).render()
        files.append(SitemapRenderer(model: context.model).render())
        files += FeedRenderer(context: context).render()
        files += OpenDataRenderer(model: context.model).render()
        files.append(RobotsRenderer(config: context.config).render())
        files += FaviconRenderer(theme: context.theme).render()
        return (files, diagnostics, reportRows)
    }

    /// Ranges that split `count` jobs into many per core (about 128), so that no core is left
    /// idle at the end while another finishes a long chunk; a chunk is at least 16 jobs.
    static func chunks(of count: Int, workers: Int) -> [Range<Int>] {
        guard workers > 1 else { return count > 0 ? [0..<count] : [] }
        let size = max(16, (count + workers * 128 - 1) / (workers * 128))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// A content file with the path of a generated file would overwrite it (or be overwritten).
    static func pathCollisions(generated: [String], contentAssets: [AssetFile], contentFolder: String) -> [Diagnostic] {
        let generatedPaths = Set(generated)
        return contentAssets.filter { generatedPaths.contains($0.relativePath) }.map { asset in
            .error(.outputPathCollision(asset.relativePath), at: SourceLocation(file: contentFolder + "/" + asset.relativePath))
        }
    }

    /// Pages per language, and how many of them and of the quiz questions are untranslated.
    static func summary(of model: SiteModel) -> [LanguageSummary] {
        model.config.languages.map { language in
            LanguageSummary(
                language: language.code,
                pages: model.groups.count,
                untranslatedPages: model.groups.filter { !$0.isAvailable(in: language.code) }.count,
                untranslatedQuizQuestions: model.quizzes.values.reduce(0) { total, quiz in
                    total + quiz.questions.filter { $0.text[language.code] == nil }.count
                })
        }
    }

    /// Every poster, pamphlet and report page, in every language, with the PDF it prints to.
    static func pdfJobs(in model: SiteModel) -> [PDFPrinter.Job] {
        model.groups.flatMap { group -> [PDFPrinter.Job] in
            switch group.kind {
            case .poster, .pamphlet, .report:
                return model.languageCodes.map { language in
                    let path = group.path(in: language)
                    return PDFPrinter.Job(page: path.outputFile, pdf: path.appending(PageRenderer.pdfName(of: group, in: language)).relative)
                }
            default:
                return []
            }
        }
    }
}
