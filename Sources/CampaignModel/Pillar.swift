/// One of the "4 Ps" of Taiwan's anti-trafficking framework.
public enum Pillar: String, CaseIterable, Hashable, Codable, Sendable {
    case prevention
    case protection
    case prosecution
    case partnership
}
