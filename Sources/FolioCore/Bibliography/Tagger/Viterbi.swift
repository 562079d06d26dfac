/// The best path through a linear chain: for each position, the label whose score (the best
/// score of a previous label, plus the transition, plus the position's edge weight of the pair
/// where it has edges, plus its emission) is highest. Ties go to the first previous label and,
/// at the end, to the first label.
enum Viterbi {
    /// The best labels for `length` positions of `count` labels each. `transitions` holds
    /// `[previous * count + label]` and, in the row past the last, the start; `emissions`
    /// `[position * count + label]`; `edges` `[(position * count + previous) * count + label]`,
    /// read only where `hasEdges[position]`.
    static func best(length: Int, labels count: Int, transitions: [Float], emissions: [Float], edges: [Float], hasEdges: [Bool]) -> [Int] {
        guard length > 0 else { return [] }
        precondition(transitions.count == (count + 1) * count && emissions.count >= length * count, "weights of the wrong size")
        var back = [Int32](filledWith: 0, count: length * count)
        let score: [Float] = withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * count) { scratch in
            var score = UnsafeMutableBufferPointer(rebasing: scratch[..<count])
            var next = UnsafeMutableBufferPointer(rebasing: scratch[count...])
            for label in 0..<count { score[label] = transitions[count * count + label] + emissions[label] }
            transitions.withUnsafeBufferPointer { transitions in
                edges.withUnsafeBufferPointer { edges in
                    emissions.withUnsafeBufferPointer { emissions in
                        back.withUnsafeMutableBufferPointer { back in
                            for position in 1..<length {
                                let edge = hasEdges[position] ? edges.baseAddress! + position * count * count : nil
                                step(count, score: UnsafeBufferPointer(score), transitions: transitions.baseAddress!, edge: edge,
                                     emissions: emissions.baseAddress! + position * count,
                                     next: next.baseAddress!, back: back.baseAddress! + position * count)
                                swap(&score, &next)
                            }
                        }
                    }
                }
            }
            return Array(score)
        }
        var label = score.indices.max { score[$0] < score[$1] }!
        var labels = [label]
        for position in stride(from: length - 1, to: 0, by: -1) {
            label = Int(back[position * count + label])
            labels.append(label)
        }
        return labels.reversed()
    }

    /// One position: eight labels at a time, each lane the sum and comparison the label alone
    /// would make, in the same order (`score + transition`, then `+ edge`), so the path is the
    /// same to the bit; the labels past the last eight one at a time. This loop runs labels²
    /// times a token.
    ///
    /// Its offsets are made without checks for overflow (`count` is a few dozen labels), and
    /// the loop is made twice, with edges and without, not asked at every pair.
    private static func step(_ count: Int, score: UnsafeBufferPointer<Float>, transitions: UnsafePointer<Float>, edge: UnsafePointer<Float>?,
                             emissions: UnsafePointer<Float>, next: UnsafeMutablePointer<Float>, back: UnsafeMutablePointer<Int32>) {
        if let edge {
            step(count, score: score, transitions: transitions, edge: edge, hasEdge: true, emissions: emissions, next: next, back: back)
        } else {
            // `edge` is not read without edges.
            step(count, score: score, transitions: transitions, edge: transitions, hasEdge: false, emissions: emissions, next: next, back: back)
        }
    }

    @inline(__always)
    private static func step(_ count: Int, score: UnsafeBufferPointer<Float>, transitions: UnsafePointer<Float>, edge: UnsafePointer<Float>,
                             hasEdge: Bool, emissions: UnsafePointer<Float>, next: UnsafeMutablePointer<Float>, back: UnsafeMutablePointer<Int32>) {
        var first = 0
        while first &+ 8 <= count {
            var best = SIMD8<Float>(repeating: -.infinity), pointer = SIMD8<Int32>(repeating: 0)
            for previous in 0..<count {
                let row = previous &* count &+ first
                var candidate = SIMD8(repeating: score[previous]) + load(transitions + row)
                if hasEdge { candidate += load(edge + row) }
                let better = candidate .> best
                best.replace(with: candidate, where: better)
                pointer.replace(with: Int32(truncatingIfNeeded: previous), where: better)
            }
            let total = best + load(emissions + first)
            for lane in 0..<8 {
                next[first + lane] = total[lane]
                back[first + lane] = pointer[lane]
            }
            first &+= 8
        }
        for label in first..<count {
            var best = -Float.infinity, pointer: Int32 = 0
            for previous in 0..<count {
                let pair = previous &* count &+ label
                var candidate = score[previous] + transitions[pair]
                if hasEdge { candidate += edge[pair] }
                if candidate > best { best = candidate; pointer = Int32(truncatingIfNeeded: previous) }
            }
            next[label] = best + emissions[label]
            back[label] = pointer
        }
    }

    private static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }
}
