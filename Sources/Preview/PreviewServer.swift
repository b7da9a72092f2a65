import Compendium
import Hummingbird
import HummingbirdCore
import Logging

/// The preview web server: serves a site folder over HTTP on a loopback
/// address by default, with live reload. Requests are bounded: at most
/// `headerFieldLimit` bytes in one header line, `headerListLimit` in all
/// headers together, `headerCountLimit` headers; larger requests are refused
/// before they reach the site. Bodies are never read.
public struct PreviewServer: Sendable {
    /// The most bytes in one header line (the request line included).
    public static let headerFieldLimit = 8 * 1024
    /// The most bytes of all header lines together.
    public static let headerListLimit = 16 * 1024
    /// The most header lines.
    public static let headerCountLimit = 64

    /// The site folder served.
    public let root: String
    /// The address listened on: `127.0.0.1` unless told otherwise.
    public let host: String
    /// The port; 0 picks a free one.
    public let port: Int
    /// Where rebuilds are announced to open pages.
    public let reload: LiveReload

    /// Creates a server for `root`.
    public init(root: String, host: String = "127.0.0.1", port: Int = 8000, reload: LiveReload) {
        self.root = root
        self.host = host
        self.port = port
        self.reload = reload
    }

    /// Serves until the task running it is cancelled; `listening` is called
    /// with the port once connections are accepted.
    public func run(listening: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: "compendium.serve")
        logger.logLevel = .critical
        let limits = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: Self.headerFieldLimit, maxHeaderListSize: Self.headerListLimit,
            maxHeaderFieldCount: Self.headerCountLimit)
        let application = Application(
            responder: PreviewResponder(root: root, reload: reload),
            server: .http1(configuration: .init(idleTimeout: .seconds(30), httpDecoderConfiguration: limits)),
            configuration: .init(address: .hostname(host, port: port), serverName: "Compendium preview"),
            onServerRunning: { channel in await listening(channel.localAddress?.port ?? port) },
            logger: logger
        )
        try await application.run()
    }
}
