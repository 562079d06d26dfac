import FolioCore

extension Components {
    /// Everything Folio ships: the core stages and the JSON and TEI formats.
    public static let standard = Components(stages: Components.coreStages, formats: [JSONFormat.self, TEIFormat.self])
}
