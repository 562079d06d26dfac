/// The stages and output formats a pipeline can name, looked up by name.
public struct Components: Sendable {
    public var stages: [any Stage.Type]
    public var formats: [any OutputFormat.Type]

    public init(stages: [any Stage.Type], formats: [any OutputFormat.Type]) {
        self.stages = stages
        self.formats = formats
    }

    /// Every stage FolioCore provides, in the order the default pipeline runs them.
    public static let coreStages: [any Stage.Type] = [
        NormalizeStage.self,
        LinkDebrisStage.self,
        PageFurnitureStage.self,
        FootnotesStage.self,
        ParagraphsStage.self,
        FiguresStage.self,
        ListsStage.self,
        HyphenationStage.self,
        FrontMatterStage.self,
        HeadingsStage.self,
        BibliographyStage.self,
        CitationsStage.self,
        DatesStage.self,
        EventsStage.self,
        QuotationsStage.self,
    ]

    public func stage(named name: String) -> (any Stage.Type)? {
        stages.first { $0.name == name }
    }

    public func format(named name: String) -> (any OutputFormat.Type)? {
        formats.first { $0.name == name }
    }
}
