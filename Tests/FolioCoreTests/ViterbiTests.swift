@testable import FolioCore
import Testing

@Suite struct ViterbiTests {
    /// Viterbi as it reads on paper, a label and a previous label at a time.
    static func plainBest(length: Int, count: Int, transitions: [Float], emissions: [Float], edges: [Float], hasEdges: [Bool]) -> [Int] {
        guard length > 0 else { return [] }
        var score = (0..<count).map { transitions[count * count + $0] + emissions[$0] }
        var back = [[Int]](repeating: [Int](repeating: 0, count: count), count: length)
        for position in 1..<length {
            var next = score
            for label in 0..<count {
                var best = -Float.infinity
                for previous in 0..<count {
                    var candidate = score[previous] + transitions[previous * count + label]
                    if hasEdges[position] { candidate += edges[(position * count + previous) * count + label] }
                    if candidate > best { best = candidate; back[position][label] = previous }
                }
                next[label] = best + emissions[position * count + label]
            }
            score = next
        }
        var label = score.indices.max { score[$0] < score[$1] }!
        var labels = [label]
        for position in stride(from: length - 1, to: 0, by: -1) {
            label = back[position][label]
            labels.append(label)
        }
        return labels.reversed()
    }

    @Test func eightLabelsAtATimeFindThePathOneAtATimeFinds() {
        var generator = SplitMix(seed: 31)
        for round in 0..<2_000 {
            let count = Int.random(in: 1...20, using: &generator), length = Int.random(in: 0...9, using: &generator)
            // Few distinct weights, so sums tie often and the tie rule is put to the test;
            // now and then fractions whose sums round differently by order.
            let few = round % 3 == 0
            func weight() -> Float {
                few ? Float(Int.random(in: -2...2, using: &generator)) : Float.random(in: -3...3, using: &generator)
            }
            let transitions = (0..<((count + 1) * count)).map { _ in weight() }
            let emissions = (0..<(length * count)).map { _ in weight() }
            let edges = (0..<(length * count * count)).map { _ in weight() }
            let hasEdges = (0..<length).map { _ in Bool.random(using: &generator) }
            let fast = Viterbi.best(length: length, labels: count, transitions: transitions, emissions: emissions, edges: edges, hasEdges: hasEdges)
            let plain = Self.plainBest(length: length, count: count, transitions: transitions, emissions: emissions, edges: edges, hasEdges: hasEdges)
            #expect(fast == plain, "\(count) labels, \(length) positions, round \(round)")
            if fast != plain { return }
        }
    }
}
