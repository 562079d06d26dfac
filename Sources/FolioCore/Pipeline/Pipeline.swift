import Dispatch

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
        try process(source, timing: nil)
    }

    /// `process`, telling `timing` how long each stage took (the benchmark's per-stage table).
    public func process(_ source: SourceText, timing: ((_ stage: String, _ seconds: Double) -> Void)?) throws -> Document {
        var document = Document(source: source)
        for stage in stages {
            let start = timing == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            do {
                try stage.run(&document, context: context)
            } catch let error as FolioError {
                throw error.inFile(source.name)
            }
            timing?(type(of: stage).name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        document.assignIdentifiers()
        return document
    }
}
