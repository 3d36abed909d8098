import Foundation
import Testing
@testable import OutreachKit

@Suite struct CompressionTests {
    /// Thai and Chinese text, markup and repetition, as on a page.
    let sample = Array(String(repeating: "<p lang=\"th\">สายด่วน 1955 ให้บริการฟรี ตลอด 24 ชั่วโมง</p>\n<p>撥打1955</p>\n", count: 200).utf8)

    @Test func gzipRoundTripsAndIsSmaller() {
        let compressed = Gzip.compress(sample)
        #expect(compressed.count < sample.count / 10)
        #expect(Gzip.decompress(compressed) == sample)
    }

    @Test func brotliRoundTripsAndIsSmaller() {
        let compressed = Brotli.compress(sample)
        #expect(compressed.count < sample.count / 10)
        #expect(Brotli.decompress(compressed) == sample)
    }

    @Test func bothEffortsRoundTrip() {
        let page = Brotli.compress(sample, effort: .page)
        let shared = Brotli.compress(sample, effort: .shared)
        #expect(Brotli.decompress(page) == sample)
        #expect(Brotli.decompress(shared) == sample)
        #expect(shared.count <= page.count)
    }

    /// The window is the smallest that holds the input (2^bits - 16 bytes), from 10 to 24 bits;
    /// an input larger than the largest window still round-trips.
    @Test func windowFitsTheInput() {
        #expect(Brotli.windowBits(for: 0) == 10)
        #expect(Brotli.windowBits(for: 1008) == 10)
        #expect(Brotli.windowBits(for: 1009) == 11)
        #expect(Brotli.windowBits(for: 12_000) == 14)
        #expect(Brotli.windowBits(for: 1 << 30) == 24)
        let large = Array((0..<(1 << 17)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) })
        #expect(Brotli.windowBits(for: large.count) == 18)
        #expect(Brotli.decompress(Brotli.compress(large)) == large)
    }

    @Test func emptyInputRoundTrips() {
        #expect(Gzip.decompress(Gzip.compress([])) == [])
        #expect(Brotli.decompress(Brotli.compress([])) == [])
    }

    /// RFC 1952: magic, deflate, no flags (no name, no comment), a zero time, XFL 2 (best
    /// compression), OS 255 (unknown): nothing about the machine or the moment of the build.
    @Test func gzipHeaderIsFixed() {
        let compressed = Gzip.compress(sample)
        #expect(Array(compressed.prefix(10)) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255])
    }

    @Test func sameInputGivesSameBytes() {
        #expect(Gzip.compress(sample) == Gzip.compress(sample))
        #expect(Brotli.compress(sample) == Brotli.compress(sample))
    }

    @Test func invalidInputIsRejected() {
        #expect(Gzip.decompress(Array("not gzip".utf8)) == nil)
        #expect(Brotli.decompress(Array("not brotli at all".utf8)) == nil)
        #expect(Gzip.decompress(Array(Gzip.compress(sample).dropLast(4))) == nil)
    }
}
