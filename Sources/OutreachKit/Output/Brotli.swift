import CBrotli

/// The one place Outreach talks to libbrotli (Debian's `libbrotli-dev`).
///
/// Output depends only on the input, the quality and the library's version: the format has no
/// header with a time or a file name, so two builds of the same site give the same bytes.
/// No brotli pointer leaves this file.
enum Brotli {
    /// How hard to compress. Measured on the built site and on the 1,000-page benchmark corpus
    /// (README, "Precompressed files"): quality 9 with the window fitted to the file costs a
    /// fifteenth of quality 10 and is about 6% larger; quality 11 is about 3% smaller than 10 and
    /// takes three times as long.
    enum Effort: Sendable {
        /// Quality 9: for the pages and site files, whose number grows with the site, so the
        /// build stays linear and fast (0.8 s of CPU for 38 MB of pages, against 11.5 s at 10).
        case page
        /// Quality 11: for the theme's stylesheets and scripts, a fixed few files that every page
        /// loads and the service worker keeps, where each byte saved is saved on every visit.
        case shared

        var quality: Int32 {
            switch self {
            case .page: 9
            case .shared: 11
            }
        }
    }

    /// `bytes` compressed with brotli, in text mode (UTF-8 input), with the smallest window that
    /// holds the whole input: the encoder's tables grow with the window, and setting up a 4 MiB
    /// one for a 10 KB page cost more than compressing it (20 times the time at quality 9).
    /// The output is a plain brotli stream that every decoder reads.
    static func compress(_ bytes: some Collection<UInt8>, effort: Effort = .page) -> [UInt8] {
        let input = Array(bytes)
        var size = BrotliEncoderMaxCompressedSize(input.count)
        // 0 means the input is too large for a one-shot call; that is not a site's file.
        precondition(size > 0, "file too large to compress in one call")
        var output = [UInt8](repeating: 0, count: size)
        let window = windowBits(for: input.count)
        let succeeded = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                BrotliEncoderCompress(effort.quality, window, BROTLI_MODE_TEXT, source.count, source.baseAddress,
                                      &size, destination.baseAddress)
            }
        }
        // With a buffer of the maximum compressed size the call cannot run out of room.
        precondition(succeeded == BROTLI_TRUE, "brotli failed")
        output.removeSubrange(size...)
        return output
    }

    /// The smallest window (log2 of its size, 10 to 24) that holds `count` bytes: a window of
    /// `w` bits holds 2^w - 16 bytes.
    static func windowBits(for count: Int) -> Int32 {
        var bits: Int32 = 10
        while bits < 24, (1 << bits) - 16 < count { bits += 1 }
        return bits
    }

    /// The bytes `data` was compressed from, or nil when it is not valid brotli (for tests and checks).
    static func decompress(_ data: [UInt8]) -> [UInt8]? {
        guard let decoder = BrotliDecoderCreateInstance(nil, nil, nil) else { return nil }
        defer { BrotliDecoderDestroyInstance(decoder) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return data.withUnsafeBufferPointer { input -> [UInt8]? in
            var availableIn = input.count
            var nextIn = input.baseAddress
            while true {
                var availableOut = chunk.count
                let result = chunk.withUnsafeMutableBufferPointer { buffer -> BrotliDecoderResult in
                    var nextOut = buffer.baseAddress
                    return BrotliDecoderDecompressStream(decoder, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                }
                output += chunk[..<(chunk.count - availableOut)]
                switch result {
                case BROTLI_DECODER_RESULT_SUCCESS: return availableIn == 0 ? output : nil
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                default: return nil
                }
            }
        }
    }
}
