/// Folio's version, written into every output file and printed by `folio --version`.
public enum FolioVersion {
    public static let current = "0.1.0"
}
