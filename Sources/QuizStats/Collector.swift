import CampaignModel
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The quiz statistics collector: `POST /api/v1/answers` counts one finished quiz set,
/// `GET /healthz` answers load balancers. It keeps aggregate counters only: no submission, address,
/// cookie, user agent or identifier is stored or logged.
public struct Collector: Sendable {
    /// Largest body accepted, in bytes: a set of a dozen questions is well under 1 KB.
    public static let maximumBodySize = 4096

    public var checker: SubmissionChecker
    public var store: any CounterStore
    /// The site's origin (`https://outreach.example.org`), the only one CORS lets in.
    public var allowedOrigin: String?
    /// Submissions per client address: at once, and per minute after that (0 turns the limit off).
    public var burst: Int
    public var perMinute: Int
    /// Today in Taiwan, the day counters are kept under.
    public var today: @Sendable () -> CalendarDay

    public init(checker: SubmissionChecker, store: any CounterStore, allowedOrigin: String?, burst: Int = 60,
                perMinute: Int = 120, today: @escaping @Sendable () -> CalendarDay = Collector.todayInTaiwan) {
        self.checker = checker
        self.store = store
        self.allowedOrigin = allowedOrigin
        self.burst = burst
        self.perMinute = perMinute
        self.today = today
    }

    /// The day in Asia/Taipei (UTC+8, no daylight saving) by the system clock.
    public static let todayInTaiwan: @Sendable () -> CalendarDay = {
        CalendarDay(taiwanDayAt: Int(Date().timeIntervalSince1970))
    }

    /// The routes, for the application or for tests.
    public func makeRouter() -> Router<CollectorContext> {
        let writer = CounterWriter(store: store)
        let limiter = RateLimiter(burst: burst, perMinute: perMinute)
        let router = Router(context: CollectorContext.self)
        let collector = self
        router.post("api/v1/answers") { request, context in
            try await collector.count(request, context: context, writer: writer, limiter: limiter)
        }
        router.on("api/v1/answers", method: .options) { request, _ in
            var headers = collector.corsHeaders(for: request)
            guard !headers.isEmpty else { return Response(status: .forbidden) }
            headers[.accessControlAllowMethods] = "POST"
            headers[.accessControlAllowHeaders] = "Content-Type"
            headers[.accessControlMaxAge] = "86400"
            return Response(status: .noContent, headers: headers)
        }
        for method in [HTTPRequest.Method.get, .put, .delete, .patch, .head] {
            router.on("api/v1/answers", method: method) { _, _ in
                Response(status: .methodNotAllowed, headers: [.allow: "POST, OPTIONS"])
            }
        }
        router.get("healthz") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        return router
    }

    /// An application listening on `host`:`port`, logging nothing about requests.
    public func makeApplication(host: String, port: Int, logger: Logger? = nil) -> some ApplicationProtocol {
        var quiet = logger ?? Logger(label: "outreach.stats")
        if logger == nil { quiet.logLevel = .notice }
        return Application(router: makeRouter(), configuration: .init(address: .hostname(host, port: port),
                                                                     serverName: nil), logger: quiet)
    }

    private func count(_ request: Request, context: CollectorContext, writer: CounterWriter,
                       limiter: RateLimiter) async throws -> Response {
        let cors = corsHeaders(for: request)
        func refuse(_ status: HTTPResponse.Status, _ reason: String) -> Response {
            var headers = cors
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: reason + "\n")))
        }
        if let origin = request.headers[.origin], origin != allowedOrigin {
            return refuse(.forbidden, "submissions are accepted from the site's own pages only")
        }
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "text/plain" else {
            return refuse(.unsupportedMediaType, "send the answers as text/plain")
        }
        guard await limiter.allows(context.clientAddress) else {
            var response = refuse(.tooManyRequests, "too many submissions; try again later")
            response.headers[.retryAfter] = "60"
            return response
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: Self.maximumBodySize)
        } catch {
            return refuse(.contentTooLarge, "the body is larger than \(Self.maximumBodySize) bytes")
        }
        let tally: Tally
        do throws(Rejection) {
            let submission = try SubmissionChecker.parse(Array(body.readableBytesView))
            tally = try checker.tally(submission, on: today())
        } catch {
            return refuse(error == .malformedJSON || error == .noAnswers ? .badRequest : .unprocessableContent, error.description)
        }
        do {
            try await writer.record(tally)
        } catch {
            context.logger.error("cannot store counters: \(String(describing: error))")
            return refuse(.serviceUnavailable, "the answers could not be counted; nothing was stored")
        }
        return Response(status: .noContent, headers: cors)
    }

    /// `Access-Control-Allow-Origin` for the site's own origin, empty for any other.
    func corsHeaders(for request: Request) -> HTTPFields {
        guard let origin = request.headers[.origin], let allowedOrigin, origin == allowedOrigin else { return [:] }
        return [.accessControlAllowOrigin: origin, .vary: "Origin"]
    }
}

/// A request's context: the client's address, for the in-memory rate limit only.
public struct CollectorContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address without its port; nil in tests without a socket.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { Collector.maximumBodySize }
}
