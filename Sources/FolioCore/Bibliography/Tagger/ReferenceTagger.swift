import CTextKernels
import Foundation

/// A linear-chain sequence tagger for references: an averaged structured perceptron with
/// label-transition weights, decoded with Viterbi. Trained on field-tagged references; its
/// weights ship with Folio and load once.
public struct ReferenceTagger: Sendable {
    /// Weights by feature, one per label.
    var weights: [String: [Float]]
    /// Transition weights, `[previous * count + label]` (the row past the last is the start).
    var transitions: [Float]
    /// Transition weights that hold only where a token has a feature (a full stop between an
    /// author and a title), by feature, `[previous * count + label]`.
    var edgeWeights: [String: [Float]] = [:]

    /// The weights by the hashes of their features, for tagging; nil while training changes
    /// the weights (or where two features share a hash), and the strings are looked up then.
    var tables: (emissions: FeatureTable, edges: FeatureTable)?
    /// False for a model read only to tag (`init(taggingWith:)`): its weights are in `tables`
    /// alone, and it cannot be written or trained.
    var hasFeatureStrings = true

    static let labelCount = ReferenceLabel.allCases.count

    public init() {
        weights = [:]
        transitions = Array(repeating: 0, count: (Self.labelCount + 1) * Self.labelCount)
    }

    /// Builds the hashed lookup of the weights as they now stand.
    mutating func indexWeights() {
        let count = Self.labelCount
        if let emissions = FeatureTable(weights, width: count), let edges = FeatureTable(edgeWeights, width: count * count) {
            tables = (emissions, edges)
        } else {
            tables = nil
        }
    }

    /// The best labels for `tokens`.
    public func tag(_ tokens: [ReferenceToken]) -> [ReferenceLabel] {
        guard !tokens.isEmpty else { return [] }
        let count = Self.labelCount
        guard let tables else {
            return viterbi(tokens.count, emissions: Self.sums(ReferenceFeatures.features(tokens), width: count) { weights[$0]?[...] },
                           edges: Self.sums(ReferenceFeatures.edgeFeatures(tokens), width: count * count) { edgeWeights[$0]?[...] })
        }
        let forms = ReferenceFeatures.Forms(tokens)
        let emissions = FeatureWeightSums.sums(tokens.count, in: tables.emissions) { ReferenceFeatures.features(tokens, into: &$0, forms: forms) }
        let edges = FeatureWeightSums.sums(tokens.count, in: tables.edges) { ReferenceFeatures.edgeFeatures(tokens, into: &$0, forms: forms) }
        return viterbi(tokens.count, emissions: emissions, edges: edges)
    }

    /// Each token's weights summed over its features, in their order, `width` a token in one
    /// array, and whether the token had any.
    private static func sums<Feature>(_ features: [[Feature]], width: Int, _ row: (Feature) -> ArraySlice<Float>?) -> (weights: [Float], present: [Bool]) {
        var sums = [Float](filledWith: 0, count: features.count * width)
        var present = [Bool](filledWith: false, count: features.count)
        sums.withUnsafeMutableBufferPointer { sums in
            for (token, features) in features.enumerated() {
                for feature in features {
                    guard let row = row(feature) else { continue }
                    present[token] = true
                    row.withUnsafeBufferPointer { row in Self.add(row, to: sums.baseAddress! + token * width) }
                }
            }
        }
        return (sums, present)
    }

    /// Adds `row` to the floats at `sums`, eight at a time (`folio_add_floats`, inlined where
    /// a tagged token's rows are added): an edge row holds a weight for every pair of labels,
    /// and adding them one by one was most of tagging. Each sum is still made in the order of
    /// the features, so the result is the same to the bit.
    @inline(__always)
    static func add(_ row: UnsafeBufferPointer<Float>, to sums: UnsafeMutablePointer<Float>) {
        folio_add_floats(row.baseAddress, row.count, sums)
    }

    private func viterbi(_ length: Int, emissions: (weights: [Float], present: [Bool]), edges: (weights: [Float], present: [Bool])) -> [ReferenceLabel] {
        Viterbi.best(length: length, labels: Self.labelCount, transitions: transitions, emissions: emissions.weights,
                     edges: edges.weights, hasEdges: edges.present).map { ReferenceLabel(rawValue: $0)! }
    }

    /// Trains on tagged sequences with the averaged perceptron, `epochs` passes in a fixed
    /// shuffled order so training is repeatable.
    public static func train(_ examples: [([ReferenceToken], [ReferenceLabel])], epochs: Int = 20) -> ReferenceTagger {
        var model = ReferenceTagger()
        var transitionTotals = model.transitions
        var step = 1
        let count = labelCount
        var order = Array(examples.indices)
        var random = SplitMix(seed: 7)
        let features = examples.map { ReferenceFeatures.features($0.0) }
        let edgeFeatures = examples.map { ReferenceFeatures.edgeFeatures($0.0) }
        var emissionAverager = WeightAverager(width: count)
        var edgeAverager = WeightAverager(width: count * count)
        for _ in 0..<epochs {
            order.shuffle(using: &random)
            for index in order {
                let (tokens, gold) = examples[index]
                let predicted = model.tag(tokens)
                if predicted != gold {
                    for position in tokens.indices where predicted[position] != gold[position] {
                        for feature in features[index][position] {
                            emissionAverager.add(1, at: gold[position].rawValue, of: feature, in: &model.weights, step: step)
                            emissionAverager.add(-1, at: predicted[position].rawValue, of: feature, in: &model.weights, step: step)
                        }
                    }
                    for position in tokens.indices {
                        let previousGold = position == 0 ? count : gold[position - 1].rawValue
                        let previousPredicted = position == 0 ? count : predicted[position - 1].rawValue
                        let goldPair = previousGold * count + gold[position].rawValue
                        let predictedPair = previousPredicted * count + predicted[position].rawValue
                        model.transitions[goldPair] += 1
                        model.transitions[predictedPair] -= 1
                        if position > 0, goldPair != predictedPair {
                            for feature in edgeFeatures[index][position] {
                                edgeAverager.add(1, at: goldPair, of: feature, in: &model.edgeWeights, step: step)
                                edgeAverager.add(-1, at: predictedPair, of: feature, in: &model.edgeWeights, step: step)
                            }
                        }
                    }
                }
                for index in transitionTotals.indices { transitionTotals[index] += model.transitions[index] }
                step += 1
            }
        }
        // Average: every weight's running total, brought up to the last step.
        var averaged = ReferenceTagger()
        averaged.weights = emissionAverager.averages(of: model.weights, at: step)
        averaged.edgeWeights = edgeAverager.averages(of: model.edgeWeights, at: step)
        averaged.transitions = transitionTotals.map { $0 / Float(step) }
        averaged.indexWeights()
        return averaged
    }
}

