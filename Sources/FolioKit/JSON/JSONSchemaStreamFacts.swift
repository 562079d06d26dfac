import FolioCore

extension JSONSchemaValidator {
    /// What `StreamCheck` reads of each node at every event, held in arrays of plain values:
    /// a `Node` is a class, and reading one from its array retained and released it at every
    /// key, value and end of a document's JSON (some 4,000 atomic counts a paper).
    struct StreamFacts: Sendable {
        struct Facts: Sendable {
            /// Where the node's properties are among `propertyNodes` and `names`.
            var firstProperty: Int
            var propertyCount: Int
            /// `additionalProperties`, or `StreamCheck.anything`.
            var additionalProperties: Int
            var requiredMask: UInt64
            var requiredElsewhereMask: UInt64
            var minItems: Double?
            /// Where the node's `prefixItems` are among `prefixItems`.
            var firstPrefixItem: Int
            var prefixItemCount: Int
            /// `items`, or `StreamCheck.anything`.
            var items: Int
            /// What a scalar must meet: the node's own keywords but `enum` and `const`.
            var allows: Bool?
            var isBroken: Bool
            var typeMask: UInt8?
            var minimum: Double?, maximum: Double?, minLength: Double?
            /// Whether the node has an `enum` or a `const`, which compare the value itself.
            var comparesValue: Bool

            /// Whether a string passes by its kind alone: no `enum`, `const` or `minLength`.
            var stringsPassByKind: Bool { !comparesValue && minLength == nil }

            /// The kinds, as bits of `typeBit(_:allowed: false)`, that `keywordsAdmit` admits:
            /// worked out once, for `mayPass` is asked at every container and string.
            fileprivate var kindsAdmitted: UInt8 = 0

            /// Whether a value of `kind` may meet the node's own keywords, before anything else
            /// of it is seen: a container before its members, a string where no keyword reads it.
            func mayPass(_ kind: JSONValue.Kind) -> Bool { kindsAdmitted & typeBit(kind, allowed: false) != 0 }

            /// `mayPass(_:)` from the keywords. `Plan.compile` refused an `enum` or `const` with
            /// a container, so none equals one.
            fileprivate func keywordsAdmit(_ kind: JSONValue.Kind) -> Bool {
                if let allows { return allows }
                if isBroken || comparesValue { return false }
                if let typeMask, typeMask & typeBit(kind, allowed: false) == 0 { return false }
                return true
            }
        }

        let facts: [Facts]
        let propertyNodes: [Int]
        /// Every property's name: property `p` of node `n` is `names[facts[n].firstProperty + p]`.
        let names: [String]
        let prefixItems: [Int]

        init(_ nodes: [Node]) {
            var facts: [Facts] = []
            var propertyNodes: [Int] = [], names: [String] = [], prefixItems: [Int] = []
            let kinds: [JSONValue.Kind] = [.null, .boolean, .integer, .number, .string, .array, .object]
            for node in nodes {
                var fact = Facts(
                    firstProperty: propertyNodes.count, propertyCount: node.properties.count,
                    additionalProperties: node.additionalProperties ?? StreamCheck.anything,
                    requiredMask: node.requiredMask, requiredElsewhereMask: node.requiredElsewhereMask, minItems: node.minItems,
                    firstPrefixItem: prefixItems.count, prefixItemCount: node.prefixItems.count, items: node.items ?? StreamCheck.anything,
                    allows: node.allows, isBroken: node.brokenReference != nil, typeMask: node.typeMask,
                    minimum: node.minimum, maximum: node.maximum, minLength: node.minLength, comparesValue: node.choices != nil || node.constant != nil)
                fact.kindsAdmitted = kinds.reduce(0) { fact.keywordsAdmit($1) ? $0 | typeBit($1, allowed: false) : $0 }
                facts.append(fact)
                for property in node.properties {
                    propertyNodes.append(property.node)
                    names.append(property.name)
                }
                prefixItems += node.prefixItems
            }
            self.facts = facts
            self.propertyNodes = propertyNodes
            self.names = names
            self.prefixItems = prefixItems
        }

        /// Where the property named `name` is among node `node`'s, looked for first after
        /// `last`: a writer writes an object's keys in the order its schema lists them, and
        /// equal names (short ones are held in the string itself) compare at once. Compared as
        /// text, as the full check compares them (`é` composed or not is one name).
        func position(of name: String, in node: Int, after last: Int) -> Int? {
            let node = facts[node]
            if last + 1 < node.propertyCount && names[node.firstProperty + last + 1] == name { return last + 1 }
            return (0..<node.propertyCount).first { names[node.firstProperty + $0] == name }
        }
    }
}
