import FolioBytes
import FolioCore

extension JSONSchemaValidator {
    /// Checks a value against the schema as its events pass (`JSONEventSink`), holding no tree:
    /// what a document's JSON is checked with while it is written. Finds exactly what
    /// `conforms` finds, which runs it; the messages of a failure come from `violations(in:)`.
    ///
    /// Each value is checked against the plans (`Plan`) of its targets: the root's node, then
    /// the node each of its parent's atoms names for it (a property, `additionalProperties`, an
    /// item). Scalars are decided at once; a container's atoms collect what its members say,
    /// and its verdicts are combined when it ends and passed to its parent's atoms.
    public struct StreamCheck: JSONEventSink {
        /// One node's own keywords being checked against the open container.
        private struct Atom {
            var node: Int
            var passes: Bool
            /// The positions among its `properties`, and its `requiredElsewhere`, of the keys seen.
            var seen: UInt64 = 0
            var seenElsewhere: UInt64 = 0
            /// The position of the last key among `properties`: the next is most often the one after.
            var lastProperty = -1
            /// The node the next member must conform to for this atom to pass; `anything` when
            /// nothing is asked of it.
            var child = anything
        }

        /// A plan being checked against the open container: its atoms, and the atom of the
        /// parent it answers to (`root` for the outermost value).
        private struct Target {
            var node: Int
            var parent: Int
            var atoms: Range<Int>
        }

        private struct Frame {
            var targets: Range<Int>
            var atoms: Range<Int>
            var isArray: Bool
            var items = 0
        }

        static let anything = -1
        private static let root = -1

        private let nodes: [Node]
        private let facts: StreamFacts
        private let plans: [Plan]
        /// For each node whose plan is one node's own keywords (most), that node; else `anything`:
        /// a value checked against it needs no plan read, and no combination. Made once for the
        /// schema (`JSONSchemaValidator.singleAtoms`), not at every document's check.
        private let singleAtoms: [Int]
        private let rootNode: Int
        private var atoms: [Atom] = []
        private var targets: [Target] = []
        private var frames: [Frame] = []
        private var scratch: [Bool] = []
        /// Where a literal's bytes are: the same place and length is the same text.
        private struct Literal: Equatable {
            var start: UnsafePointer<UInt8>?
            var count = 0

            init() {}

            init(_ bytes: UnsafeBufferPointer<UInt8>) {
                start = bytes.baseAddress
                count = bytes.count
            }

            var text: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }
        }

        /// For each property (numbered as `StreamFacts.names`), the last literal key found to
        /// be its name (none, at first).
        private var literals: [Literal]
        /// Whether everything written so far conforms.
        public private(set) var conforms = true

        init(_ validator: JSONSchemaValidator, root: Int) {
            nodes = validator.nodes
            facts = validator.streamFacts
            plans = validator.plans
            singleAtoms = validator.singleAtoms
            rootNode = root
            literals = Array(repeating: Literal(), count: validator.streamFacts.names.count)
            atoms.reserveCapacity(64)
            targets.reserveCapacity(32)
            frames.reserveCapacity(16)
        }

        /// Calls `body` with each node the next value must conform to, and the atom it answers to.
        /// Inlined: called apart, with its closure, it cost a third of checking a scalar.
        @inline(__always)
        private mutating func forEachTarget(_ body: (inout Self, _ node: Int, _ parent: Int) -> Void) {
            guard let top = frames.indices.last else { return body(&self, rootNode, Self.root) }
            let frame = frames[top]
            if frame.isArray {
                frames[top].items += 1
                for index in frame.atoms where atoms[index].passes {
                    let node = facts.facts[atoms[index].node]
                    atoms[index].child = frame.items < node.prefixItemCount ? facts.prefixItems[node.firstPrefixItem + frame.items] : node.items
                }
            }
            for index in frame.atoms where atoms[index].passes && atoms[index].child != Self.anything {
                body(&self, atoms[index].child, index)
            }
        }

        private mutating func fail(_ parent: Int) {
            if parent == Self.root { conforms = false } else { atoms[parent].passes = false }
        }

        private mutating func scalar(_ value: JSONValue) {
            forEachTarget { check, node, parent in check.checkScalar(value, against: node, parent: parent) }
        }

        /// A scalar against one target: its single node's keywords, or its plan's combination.
        private mutating func checkScalar(_ value: JSONValue, against node: Int, parent: Int) {
            let single = singleAtoms[node]
            let passes: Bool
            if single != Self.anything {
                passes = Self.scalarPasses(value, single, facts, nodes)
            } else {
                let (plan, facts, nodes) = (plans[node], facts, nodes)
                passes = plan.verdict({ Self.scalarPasses(value, plan.atoms[$0], facts, nodes) }, results: &scratch)
            }
            if !passes { fail(parent) }
        }

        /// Whether a scalar meets node `index`'s own keywords.
        private static func scalarPasses(_ value: JSONValue, _ index: Int, _ facts: StreamFacts, _ nodes: [Node]) -> Bool {
            let node = facts.facts[index]
            if let allowed = node.allows { return allowed }
            if node.isBroken { return false }
            if let allowed = node.typeMask, allowed & JSONSchemaValidator.typeBit(value.kind, allowed: false) == 0 { return false }
            if let number = value.doubleValue {
                if let minimum = node.minimum, number < minimum { return false }
                if let maximum = node.maximum, number > maximum { return false }
            }
            if let string = value.stringValue, let minimum = node.minLength, JSONSchemaValidator.isShorter(string, than: minimum) { return false }
            // Few nodes compare the value itself (`enum`, `const`): only those are read.
            if node.comparesValue {
                let node = nodes[index]
                if let choices = node.choices, !choices.contains(value) { return false }
                if let constant = node.constant, constant != value { return false }
            }
            return true
        }

        private mutating func begin(_ kind: JSONValue.Kind) {
            let firstTarget = targets.count, firstAtom = atoms.count
            forEachTarget { check, node, parent in
                let start = check.atoms.count
                let single = check.singleAtoms[node]
                if single != Self.anything {
                    check.atoms.append(Atom(node: single, passes: check.facts.facts[single].mayPass(kind)))
                    check.targets.append(Target(node: node, parent: parent, atoms: start..<check.atoms.count))
                    return
                }
                for atom in check.plans[node].atoms {
                    check.atoms.append(Atom(node: atom, passes: check.facts.facts[atom].mayPass(kind)))
                }
                check.targets.append(Target(node: node, parent: parent, atoms: start..<check.atoms.count))
            }
            frames.append(Frame(targets: firstTarget..<targets.count, atoms: firstAtom..<atoms.count, isArray: kind == .array))
        }

        private mutating func end() {
            let frame = frames.removeLast()
            for index in frame.atoms where atoms[index].passes {
                let node = facts.facts[atoms[index].node]
                if frame.isArray {
                    if let minimum = node.minItems, Double(frame.items) < minimum { atoms[index].passes = false }
                } else if atoms[index].seen & node.requiredMask != node.requiredMask
                            || atoms[index].seenElsewhere & node.requiredElsewhereMask != node.requiredElsewhereMask {
                    atoms[index].passes = false
                }
            }
            // By index: a slice of `targets` would retain its storage at every end.
            for position in frame.targets {
                let target = targets[position]
                if singleAtoms[target.node] != Self.anything {
                    if !atoms[target.atoms.lowerBound].passes { fail(target.parent) }
                    continue
                }
                let atoms = self.atoms
                if !plans[target.node].verdict({ atoms[target.atoms.lowerBound + $0].passes }, results: &scratch) { fail(target.parent) }
            }
            targets.removeSubrange(frame.targets)
            atoms.removeSubrange(frame.atoms)
        }

        public mutating func beginObject() { begin(.object) }
        public mutating func endObject() { end() }
        public mutating func beginArray() { begin(.array) }
        public mutating func endArray() { end() }

        public mutating func key(_ name: StaticString) {
            key(name.pointedUTF8.map { .literal(Literal($0)) } ?? .text(name.description))
        }

        public mutating func key(named name: String) { key(.text(name)) }

        /// A key as written: a literal, whose bytes stay where they are while the program runs,
        /// or text made at run time.
        private enum Key {
            case literal(Literal)
            case text(String)

            var text: String {
                switch self {
                case .literal(let literal): literal.text
                case .text(let text): text
                }
            }
        }

        private mutating func key(_ name: Key) {
            guard let frame = frames.last else { return }
            for index in frame.atoms where atoms[index].passes {
                let node = atoms[index].node, last = atoms[index].lastProperty
                if let position = position(of: name, in: node, after: last) {
                    atoms[index].lastProperty = position
                    let bit: UInt64 = 1 << UInt64(position)
                    // A key written twice: the object means nothing certain.
                    if atoms[index].seen & bit != 0 { atoms[index].passes = false }
                    atoms[index].seen |= bit
                    atoms[index].child = facts.propertyNodes[facts.facts[node].firstProperty + position]
                } else {
                    // Rare: a key not among the properties (a schema's `required` names it
                    // or another object may hold it).
                    if let position = nodes[node].requiredElsewhere.firstIndex(of: name.text) { atoms[index].seenElsewhere |= 1 << UInt64(position) }
                    atoms[index].child = facts.facts[node].additionalProperties
                }
            }
        }

        /// `StreamFacts.position(of:in:after:)`, asked first whether a literal key is the
        /// literal last found to name a property, the next one first: Folio writes its keys as
        /// literals, in the order its schema lists them, and making a string of each to
        /// compare cost more than the rest of checking a key. A literal stands for a name
        /// only once the names compared as text. Inlined: called apart, at every key, it cost
        /// a tenth more.
        @inline(__always)
        private mutating func position(of name: Key, in node: Int, after last: Int) -> Int? {
            guard case .literal(let literal) = name else { return facts.position(of: name.text, in: node, after: last) }
            let first = facts.facts[node].firstProperty, count = facts.facts[node].propertyCount
            if last + 1 < count && literals[first + last + 1] == literal { return last + 1 }
            return position(of: literal, first: first, count: count, in: node, after: last)
        }

        /// `position(of:in:after:)` of a literal that is not the next property's: apart, for
        /// it may remember the literal; inlined, the write made every key ask whether the
        /// literals' storage was its own, and end the change.
        @inline(never)
        private mutating func position(of literal: Literal, first: Int, count: Int, in node: Int, after last: Int) -> Int? {
            if let position = (0..<count).first(where: { literals[first + $0] == literal }) { return position }
            let position = facts.position(of: literal.text, in: node, after: last)
            if let position { literals[first + position] = literal }
            return position
        }

        public mutating func null() { scalar(.null) }
        public mutating func bool(_ value: Bool) { scalar(.bool(value)) }
        public mutating func integer(_ value: Int) { scalar(.integer(value)) }
        public mutating func number(_ value: Double) { scalar(.number(value)) }
        public mutating func string(_ value: String) { scalar(.string(value)) }

        /// Most strings are checked for their type alone, and need not be made: only where a
        /// keyword reads the value (`enum`, `const`, `minLength`) is it made, once.
        public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
            var made: JSONValue?
            forEachTarget { check, node, parent in
                let single = check.singleAtoms[node]
                if single != Self.anything {
                    let atom = check.facts.facts[single]
                    if atom.stringsPassByKind {
                        if !atom.mayPass(.string) { check.fail(parent) }
                        return
                    }
                }
                let string = made ?? .string(String(decoding: value, as: UTF8.self))
                made = string
                check.checkScalar(string, against: node, parent: parent)
            }
        }
    }

    /// A check of a value's events against node `index` (the whole schema by default).
    public func streamCheck(against index: Int = 0) -> StreamCheck {
        StreamCheck(self, root: index)
    }
}
