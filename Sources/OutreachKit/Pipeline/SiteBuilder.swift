import CampaignModel

/// Builds a site in named phases: load, parse, validate, render, write.
///
/// Nothing is written unless every phase before `write` finished without errors.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    /// Creates a builder for these options.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs every phase and writes the site when there are no errors (and no warnings under `strict`).
    public func build() async -> BuildReport {
        let rendered = await render()
        var diagnostics = rendered.diagnostics
        let blocked = diagnostics.containsErrors || (options.strict && !diagnostics.isEmpty)
        guard !blocked, let files = rendered.files else {
            return BuildReport(diagnostics: diagnostics.sortedByLocation(), languages: [], filesWritten: 0, succeeded: false)
        }
        var writer = SiteWriter(outputFolder: options.outputFolder)
        if let printer = options.pdfPrinter {
            let jobs = rendered.pdfJobs
            writer.finish = { folder in
                printer.print(jobs, in: folder).map { "cannot print \($0.page) to PDF: \($0.problem)" }
            }
        }
        do {
            try writer.write(files)
        } catch {
            diagnostics.append(.error(.writeFailed(error.detail), at: SourceLocation(file: options.outputFolder)))
            return BuildReport(diagnostics: diagnostics.sortedByLocation(), languages: [], filesWritten: 0, succeeded: false)
        }
        return BuildReport(diagnostics: diagnostics.sortedByLocation(), languages: rendered.languages,
                           filesWritten: files.count, succeeded: true)
    }

    /// The site's files, in memory, without writing anything; nil files when there are errors.
    public func render() async -> RenderResult {
        let loaded = Loader(options: options).load()
        var diagnostics = loaded.diagnostics
        guard let siteFile = loaded.siteFile else {
            return RenderResult(files: nil, diagnostics: diagnostics.sortedByLocation())
        }
        guard let config = SiteConfig.parse(siteFile, baseURLOverride: options.baseURL, diagnostics: &diagnostics) else {
            return RenderResult(files: nil, diagnostics: diagnostics.sortedByLocation())
        }
        let hotlines = loaded.hotlinesFile.map { Hotline.parseList($0, config: config, diagnostics: &diagnostics) } ?? []
        let theme = Theme.load(templates: loaded.templates, i18n: loaded.i18n, assets: loaded.themeAssets,
                               config: config, diagnostics: &diagnostics)

        var builder = SiteModelBuilder(config: config, includeDrafts: options.includeDrafts)
        var pages: [PageSource] = []
        var unparsedPages: Set<String> = []
        for file in loaded.markdownFiles {
            guard let (key, language) = builder.keyAndLanguage(of: file) else { continue }
            if let page = PageSource.parse(file, key: key, language: language,
                                           isTranslation: language != config.defaultLanguage, diagnostics: &diagnostics) {
                pages.append(page)
            } else {
                unparsedPages.insert(file.relativePath)
            }
        }
        let quizzes = loaded.quizFiles.compactMap { file in
            Quiz.parse(file, config: config, diagnostics: &diagnostics).map { (quiz: $0, file: file) }
        }
        var model = builder.build(pages: pages, hotlines: hotlines, assets: loaded.contentAssets,
                                  quizzes: quizzes, sectionTitles: theme.sectionTitles,
                                  pillarNames: theme.pillarNames)
        model.today = options.today ?? Self.latestDate(in: model)
        model.unparsedPages = unparsedPages
        diagnostics += builder.diagnostics
        // Rendering goes ahead even after errors, to find every broken link in one run; nothing is written.

        var renderer = PageRenderer(model: model, theme: theme)
        renderer.printsPDFs = options.pdfPrinter != nil
        var (files, renderDiagnostics) = await renderPages(renderer)
        diagnostics += renderDiagnostics
        for (file, fileDiagnostics) in [renderer.renderLanguageChooser(), renderer.renderNotFound()] {
            files.append(file)
            diagnostics += fileDiagnostics
        }
        files.append(renderer.renderSitemap())
        files += renderer.renderFeeds()
        files.append(renderer.renderRobots())
        files += theme.assets.map { OutputFile(path: "assets/" + $0.relativePath, copying: $0.absolutePath) }
        files += model.contentAssets.map { OutputFile(path: $0.relativePath, copying: $0.absolutePath) }
        files.sort { $0.path < $1.path }
        if !diagnostics.containsErrors {
            // Pages cannot clash (the model checked); a content file can clash with a generated one.
            diagnostics += Self.pathCollisions(in: files, contentFolder: options.contentFolder)
        }
        // Missing template variables repeat on every page; report each once.
        diagnostics = Array(Set(diagnostics))
        let counts = model.config.languages.map { language in
            LanguageSummary(
                language: language.code,
                pages: model.groups.count,
                untranslatedPages: model.groups.filter { !$0.isAvailable(in: language.code) }.count,
                untranslatedQuizQuestions: model.quizzes.values.reduce(0) { total, quiz in
                    total + quiz.questions.filter { $0.text[language.code] == nil }.count
                })
        }
        if diagnostics.containsErrors {
            return RenderResult(files: nil, diagnostics: diagnostics.sortedByLocation())
        }
        let printed = model.campaignData.posters.map { "posters/" + $0.id } + model.campaignData.pamphlets.map { "pamphlets/" + $0.id }
        let jobs = printed.compactMap { model.group($0) }.flatMap { group in
            model.config.languages.compactMap { language -> PDFPrinter.Job? in
                guard let path = group.paths[language.code] else { return nil }
                let folder = String(path.dropFirst())
                return PDFPrinter.Job(page: folder + "index.html", pdf: folder + PageRenderer.pdfName(of: group, in: language.code))
            }
        }
        return RenderResult(files: files, diagnostics: diagnostics.sortedByLocation(), languages: counts, pdfJobs: jobs)
    }

    /// Without a build date from the options, the newest date in the content stands in for today,
    /// so the same content always gives the same site.
    static func latestDate(in model: SiteModel) -> CalendarDay {
        let pageDates = model.groups.compactMap(\.original.frontMatter.date)
        let eventDates = model.campaignData.events.map(\.lastDay)
        return (pageDates + eventDates).max() ?? CalendarDay(year: 1970, month: 1, day: 1)!
    }

    /// Renders every page in every language, spread over the machine's cores, merged in a stable order.
    private func renderPages(_ renderer: PageRenderer) async -> ([OutputFile], [Diagnostic]) {
        let jobs = renderer.model.groups.indices.flatMap { index in
            renderer.model.config.languages.map { (index, $0.code) }
        }
        let workers = max(1, ProcessInfoCores.count)
        let chunkSize = max(1, (jobs.count + workers * 4 - 1) / (workers * 4))
        let chunks = stride(from: 0, to: jobs.count, by: chunkSize).map { Array(jobs[$0..<min($0 + chunkSize, jobs.count)]) }
        return await withTaskGroup(of: (Int, [OutputFile], [Diagnostic]).self) { group in
            for (number, chunk) in chunks.enumerated() {
                group.addTask {
                    var files: [OutputFile] = []
                    var diagnostics: [Diagnostic] = []
                    for (index, language) in chunk {
                        let (pageFiles, problems) = renderer.render(renderer.model.groups[index], in: language)
                        files += pageFiles
                        diagnostics += problems
                    }
                    return (number, files, diagnostics)
                }
            }
            var results: [(Int, [OutputFile], [Diagnostic])] = []
            for await result in group { results.append(result) }
            results.sort { $0.0 < $1.0 }
            return (results.flatMap(\.1), results.flatMap(\.2))
        }
    }

    /// Two outputs with the same path (a content image named like a generated page) would overwrite each other.
    static func pathCollisions(in sortedFiles: [OutputFile], contentFolder: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (previous, next) in zip(sortedFiles, sortedFiles.dropFirst()) where previous.path == next.path {
            diagnostics.append(.error(.outputPathCollision(next.path), at: SourceLocation(file: contentFolder + "/" + next.path)))
        }
        return diagnostics
    }
}

/// Output of the phases before `write`.
public struct RenderResult: Sendable {
    /// The files to write, sorted by path; nil when there were errors.
    public var files: [OutputFile]?
    /// Every problem found.
    public var diagnostics: [Diagnostic]
    /// Pages per language and how many of them fall back to the default language.
    public var languages: [LanguageSummary] = []
    /// Printed pages to turn into PDFs when the options ask for it.
    var pdfJobs: [PDFPrinter.Job] = []
}
