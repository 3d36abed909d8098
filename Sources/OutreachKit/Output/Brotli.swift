import CBrotli

/// The one place Outreach talks to libbrotli (Debian's `libbrotli-dev`).
///
/// Output depends only on the input, the quality and the library's version: the format has no
/// header with a time or a file name, so two builds of the same site give the same bytes.
/// No brotli pointer leaves this file.
enum Brotli {
    /// Quality 10 of 11. On this site's files, 10 is 8% smaller than 5 to 9 and 2% larger than 11,
    /// which takes twice as long (README, "Precompressed files"): files are compressed in every
    /// build, and `serve` rebuilds on every save.
    static let quality: Int32 = 10

    /// `bytes` compressed with brotli, in text mode (UTF-8 input) and the default 4 MiB window.
    static func compress(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var size = BrotliEncoderMaxCompressedSize(input.count)
        // 0 means the input is too large for a one-shot call; that is not a site's file.
        precondition(size > 0, "file too large to compress in one call")
        var output = [UInt8](repeating: 0, count: size)
        let succeeded = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, source.count, source.baseAddress,
                                      &size, destination.baseAddress)
            }
        }
        // With a buffer of the maximum compressed size the call cannot run out of room.
        precondition(succeeded == BROTLI_TRUE, "brotli failed")
        output.removeSubrange(size...)
        return output
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
