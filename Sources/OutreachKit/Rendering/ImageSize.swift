/// The pixel size of an image, read from its bytes: preview cards (`og:image:width`) state the
/// real size of the file they name, whatever a site's theme puts there.
struct ImageSize: Hashable, Sendable {
    var width: Int
    var height: Int

    /// The size in a PNG's header (its `IHDR` chunk, first after the signature), or nil when the
    /// bytes are not a PNG.
    init?(png bytes: [UInt8]) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let header: [UInt8] = Array("IHDR".utf8)
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == header else { return nil }
        func integer(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        width = integer(at: 16)
        height = integer(at: 20)
        guard width > 0, height > 0 else { return nil }
    }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
