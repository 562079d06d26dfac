import FolioCore

extension JSONSchemaValidator {
    /// What a value must meet to conform to one schema node, with `$ref`, `allOf`, `anyOf` and
    /// `oneOf` taken apart: the nodes whose own keywords (type, properties, items, …) it is
    /// checked against, and how their verdicts combine. A value is checked against each such
    /// node once, as its events pass, and the verdicts are combined when it ends.
    struct Plan: Sendable {
        /// A step of the combination, in postfix: a node's verdict (by its place in `atoms`),
        /// or all, any or exactly one of the last so many results.
        enum Step: Sendable, Equatable {
            case atom(Int), all(Int), any(Int), one(Int)
        }

        /// The nodes whose own keywords apply, in order.
        var atoms: [Int] = []
        /// How their verdicts combine; nil when every one must pass (most nodes).
        var steps: [Step]?

        private indirect enum Formula {
            case atom(Int), all([Formula]), any([Formula]), one([Formula])
        }

        /// The plan of every node. Refuses a schema that `StreamCheck` cannot check as events
        /// pass: one whose `$ref`s or combinations lead back to themselves before reaching a
        /// value, an object of more than 64 properties or required names, or an `enum` or
        /// `const` holding an array or an object (which would need the whole value).
        static func compile(_ nodes: [Node]) throws -> [Plan] {
            for node in nodes {
                if node.properties.count > 64 || node.requiredElsewhere.count > 64 {
                    throw FolioError("the schema has an object of more than 64 properties or required names, more than Folio's validator checks")
                }
                if ((node.choices ?? []) + [node.constant].compactMap { $0 }).contains(where: { $0.arrayValue != nil || $0.objectValue != nil }) {
                    throw FolioError("the schema's 'enum' or 'const' holds an array or an object, which Folio's validator does not compare")
                }
            }
            var visiting = Set<Int>()
            func formula(_ index: Int) throws -> Formula {
                guard visiting.insert(index).inserted else {
                    throw FolioError("the schema's $ref or combination at node \(index) leads back to itself without reaching a value")
                }
                defer { visiting.remove(index) }
                let node = nodes[index]
                var parts: [Formula] = node.hasOwnKeywords ? [.atom(index)] : []
                if let reference = node.reference { parts.append(try formula(reference)) }
                for sub in node.allOf { parts.append(try formula(sub)) }
                if !node.anyOf.isEmpty { parts.append(.any(try node.anyOf.map(formula))) }
                if !node.oneOf.isEmpty { parts.append(.one(try node.oneOf.map(formula))) }
                // An `all` within an `all` is one `all`.
                return .all(parts.flatMap { part -> [Formula] in
                    if case .all(let inner) = part { return inner }
                    return [part]
                })
            }
            return try nodes.indices.map { Plan(try formula($0)) }
        }

        private init(_ formula: Formula) {
            var steps: [Step] = []
            func layOut(_ formula: Formula) {
                switch formula {
                case .atom(let node):
                    steps.append(.atom(atoms.count))
                    atoms.append(node)
                case .all(let parts): parts.forEach(layOut); steps.append(.all(parts.count))
                case .any(let parts): parts.forEach(layOut); steps.append(.any(parts.count))
                case .one(let parts): parts.forEach(layOut); steps.append(.one(parts.count))
                }
            }
            layOut(formula)
            let isConjunction = if case .all(let parts) = formula { parts.allSatisfy { if case .atom = $0 { true } else { false } } } else { false }
            self.steps = isConjunction ? nil : steps
        }

        /// Whether a value conforms, given each atom's verdict; `results` is scratch space.
        func verdict(_ passed: (Int) -> Bool, results: inout [Bool]) -> Bool {
            guard let steps else { return atoms.indices.allSatisfy(passed) }
            results.removeAll(keepingCapacity: true)
            for step in steps {
                switch step {
                case .atom(let atom): results.append(passed(atom))
                case .all(let count), .any(let count), .one(let count):
                    let passing = results[(results.count - count)...].count(where: { $0 })
                    results.removeLast(count)
                    switch step {
                    case .all: results.append(passing == count)
                    case .any: results.append(passing > 0)
                    default: results.append(passing == 1)
                    }
                }
            }
            return results[0]
        }
    }
}

extension JSONSchemaValidator.Node {
    /// Whether the node has keywords of its own that a value must meet, beyond combining others.
    var hasOwnKeywords: Bool {
        allows != nil || brokenReference != nil || typeMask != nil || choices != nil || constant != nil || minimum != nil
            || maximum != nil || minLength != nil || minItems != nil || !properties.isEmpty || !required.isEmpty
            || additionalProperties != nil || !prefixItems.isEmpty || items != nil
    }
}
