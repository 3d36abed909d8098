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

    /// The size in a JPEG's first start-of-frame segment (`SOF0`...`SOF15` but for `DHT`, `JPG` and
    /// `DAC`), or nil when the bytes are not a JPEG or hold no frame.
    init?(jpeg bytes: [UInt8]) {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            // Fill bytes, and markers that stand alone (no length).
            if marker == 0xFF { offset += 1; continue }
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { offset += 2; continue }
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                height = Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6])
                width = Int(bytes[offset + 7]) << 8 | Int(bytes[offset + 8])
                guard width > 0, height > 0 else { return nil }
                return
            }
            guard length >= 2 else { return nil }
            offset += 2 + length
        }
        return nil
    }

    /// The size of a PNG or JPEG image.
    init?(image bytes: [UInt8]) {
        guard let size = ImageSize(png: bytes) ?? ImageSize(jpeg: bytes) else { return nil }
        self = size
    }

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
