/// Runs a configuration's stages over documents.
public struct Pipeline: Sendable {
    public let stages: [any Stage]
    public let context: StageContext

    public init(stages: [any Stage], context: StageContext = StageContext()) {
        self.stages = stages
        self.context = context
    }

    public init(configuration: PipelineConfiguration) {
        self.init(stages: configuration.stages, context: StageContext(referenceDate: configuration.referenceDate))
    }

    /// Runs every stage in order, then numbers the nodes; errors name the paper.
    public func process(_ source: SourceText) throws -> Document {
        var document = Document(source: source)
        for stage in stages {
            do {
                try stage.run(&document, context: context)
            } catch let error as FolioError {
                throw error.inFile(source.name)
            }
        }
        document.assignIdentifiers()
        return document
    }
}
