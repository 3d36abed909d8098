import CZlib

/// The one place Outreach talks to zlib (Debian's `zlib1g-dev`), for gzip files.
///
/// The gzip header is fixed: no modification time, no file name, and "unknown" as the operating
/// system, so the same input gives the same bytes on every machine and in every build.
/// No zlib pointer leaves this file.
enum Gzip {
    /// Level 9 (the best): files are compressed once per build and then sent to every reader.
    static let level: Int32 = 9

    /// `bytes` as a gzip file (RFC 1952).
    static func compress(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var input = Array(bytes)
        // zlib keeps pointers to the stream (its state points back at it) and to the header
        // between calls, so both live at fixed addresses rather than in Swift variables.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        let header = UnsafeMutablePointer<gz_header>.allocate(capacity: 1)
        header.initialize(to: gz_header())
        defer { header.deallocate() }
        header.pointee.os = 255
        guard outreach_deflate_init_gzip(stream, level) == Z_OK else { preconditionFailure("zlib could not start") }
        defer { deflateEnd(stream) }
        guard deflateSetHeader(stream, header) == Z_OK else { preconditionFailure("zlib refused the gzip header") }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))))
        let result = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination -> Int32 in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = destination.baseAddress
                stream.pointee.avail_out = uInt(destination.count)
                return deflate(stream, Z_FINISH)
            }
        }
        // deflateBound's room is always enough for one Z_FINISH call.
        precondition(result == Z_STREAM_END, "zlib failed")
        output.removeSubrange(Int(stream.pointee.total_out)...)
        return output
    }

    /// The bytes of a gzip file, or nil when it is not a valid one (for tests and checks).
    static func decompress(_ data: [UInt8]) -> [UInt8]? {
        var input = data
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard outreach_inflate_init_gzip(stream) == Z_OK else { return nil }
        defer { inflateEnd(stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.pointee.next_in = source.baseAddress
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let result = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = uInt(buffer.count)
                    return inflate(stream, Z_NO_FLUSH)
                }
                output += chunk[..<(chunk.count - Int(stream.pointee.avail_out))]
                switch result {
                case Z_STREAM_END: return stream.pointee.avail_in == 0 ? output : nil
                case Z_OK: continue
                default: return nil
                }
            }
        }
    }
}
