import Foundation

/// Which images a build makes and which it takes from the previous output: an image is reused
/// when the bytes it was rendered from (its layout page, its size and every file the page loads)
/// are those recorded for it in the previous output's manifest, and shot again otherwise.
///
/// Made after every file is written to the staging folder (the inputs are read from there) and
/// before the swap (the previous output is still in place); carried out in the finish step.
struct ImagePlan: Sendable {
    /// One image and the hash of its inputs.
    struct Entry: Sendable {
        var job: ImageJob
        var inputHash: String
        /// Whether the previous output has this image, made from the same inputs.
        var isReused: Bool
    }

    /// The manifest at the site's root: one line per image, `<input hash> <path>`, sorted by path.
    static let manifestPath = "image-inputs.txt"

    var entries: [Entry]

    /// Images copied from the previous output.
    var reused: Int { entries.filter(\.isReused).count }
    /// Images Chromium renders (one launch each).
    var rendered: Int { entries.count - reused }

    /// Hashes every job's inputs in `staging` and compares them with `previous`'s manifest.
    init(jobs: [ImageJob], staging: URL, previous: URL) {
        let recorded = Self.manifest(in: previous)
        var assetBytes: [String: [UInt8]] = [:]
        entries = jobs.map { job in
            var hash = FNV1a()
            hash.add("outreach image 1\n\(job.width)x\(job.height)\n".utf8)
            hash.add(job.layout.utf8)
            for asset in job.assets.sorted() {
                if assetBytes[asset] == nil {
                    assetBytes[asset] = FileManager().contents(atPath: staging.appendingPathComponent(asset).path).map { Array($0) } ?? []
                }
                hash.add("\n\(asset)\n".utf8)
                hash.add(assetBytes[asset] ?? [])
            }
            let key = hash.hex
            let previousImage = previous.appendingPathComponent(job.image).path
            let reusable = recorded[job.image] == key && FileManager().fileExists(atPath: previousImage)
            return Entry(job: job, inputHash: key, isReused: reusable)
        }
    }

    /// The manifest's text for these entries.
    var manifest: String {
        entries.sorted { $0.job.image < $1.job.image }.map { "\($0.inputHash) \($0.job.image)\n" }.joined()
    }

    /// Input hashes by image path, from the manifest in `folder` (empty when there is none).
    static func manifest(in folder: URL) -> [String: String] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(manifestPath), encoding: .utf8) else { return [:] }
        var hashes: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { hashes[String(parts[1])] = String(parts[0]) }
        }
        return hashes
    }

    /// Copies the reused images from `previous`, writes the other layout pages into `staging`,
    /// shoots them, removes the layout pages again, checks every image's size and writes the
    /// manifest. Returns the problems; any stops the swap.
    func carryOut(with renderer: ImageRenderer, staging: URL, previous: URL) -> [String] {
        let fileManager = FileManager()
        var problems: [String] = []
        var shots: [ImageRenderer.Shot] = []
        for entry in entries {
            let job = entry.job
            let target = staging.appendingPathComponent(job.image)
            do {
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if entry.isReused {
                    try fileManager.copyItem(at: previous.appendingPathComponent(job.image), to: target)
                } else {
                    try Data(job.layout.utf8).write(to: staging.appendingPathComponent(job.layoutPath))
                    shots.append(ImageRenderer.Shot(page: job.layoutPath, image: job.image, width: job.width, height: job.height))
                }
            } catch {
                problems.append("cannot prepare \(job.image): \(error.localizedDescription)")
            }
        }
        if problems.isEmpty {
            problems += renderer.render(shots, in: staging).map { "cannot render \($0.image): \($0.problem)" }
        }
        // The layout pages are not part of the site: gone before the swap, and before search indexes it.
        for shot in shots { try? fileManager.removeItem(at: staging.appendingPathComponent(shot.page)) }
        guard problems.isEmpty else { return problems }
        for entry in entries {
            let bytes = fileManager.contents(atPath: staging.appendingPathComponent(entry.job.image).path).map { Array($0) } ?? []
            let size = ImageSize(png: bytes)
            if size != ImageSize(width: entry.job.width, height: entry.job.height) {
                problems.append("\(entry.job.image) is \(size.map { "\($0.width)x\($0.height)" } ?? "not a PNG"), "
                                + "not \(entry.job.width)x\(entry.job.height)")
            }
        }
        do {
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestPath))
        } catch {
            problems.append("cannot write \(Self.manifestPath): \(error.localizedDescription)")
        }
        return problems
    }
}
