internal import CLibXML2

/// Attributes whose allowed combinations a schema says in one define, optional attributes in
/// choices and groups (a date's: none, `when`, `from` with or without `to`, ...), checked apart
/// for the elements that refer to the define, in trees validated as they are walked.
///
/// libxml2 cannot follow an element whose content holds attributes step by step: it validates
/// it whole, and tries each branch of a choice of attributes with a copy of its state (some
/// 4,500 instructions for each date and event of Folio's TEI, more than the rest of validating
/// them). Checked apart, libxml2 is given those elements without the define's attributes and a
/// schema whose elements do not refer to it; which combination an element carries is looked
/// up, and a value of a datatype is checked by libxml2's own check of it. A parsed document is
/// still validated by libxml2 against the whole schema.
public struct AttributeChoice: Sendable {
    /// The define, as the schema names it.
    public var define: String
    /// The names of the elements that refer to it.
    public var elements: [String]
    /// Elements of those names are other elements of the schema, which do not refer to the
    /// define, when their parent has one of these names (a bibliography's `imprint/date` beside
    /// a date in the text): libxml2 checks their attributes.
    public var notUnder: [String]

    public init(define: String, elements: [String], notUnder: [String] = []) {
        self.define = define
        self.elements = elements
        self.notUnder = notUnder
    }

    /// How the schema refers to the define: what the schema libxml2 follows step by step leaves out.
    var reference: String { #"<ref name=""# + define + #""/>"# }
}

/// Attribute choices read from a schema, for checking trees. libxml2's datatypes are only read.
final class CompiledAttributeChoices: @unchecked Sendable {
    /// One choice: its attributes numbered in the order the schema first names them.
    private struct Compiled {
        var define: String
        /// The choice's element names and the names it is not under, as bytes.
        var elements: [[UInt8]]
        var notUnder: [[UInt8]]
        var attributes: [[UInt8]]
        /// Each attribute's datatype; nil for any text.
        var datatypes: [xmlSchemaTypePtr?]
        /// The sets of attributes allowed together, one bit an attribute: a few, looked through.
        var allowed: [UInt64]
    }

    private let compiled: [Compiled]

    var isEmpty: Bool { compiled.isEmpty }

    /// Reads each choice's define from `schema` (its text with attribute patterns left out):
    /// throws when the define is missing or holds what cannot be checked apart.
    init(_ choices: [AttributeChoice], schema: String) throws {
        guard !choices.isEmpty else {
            compiled = []
            return
        }
        // A choice is one bit of a name's in `Lookup`; an element refers to one choice at most.
        let named = choices.flatMap(\.elements)
        guard choices.count <= UInt64.bitWidth, Set(named).count == named.count else {
            throw Self.failure("more than 64 attribute choices, or an element named by two")
        }
        let parsed = try ParsedXML(bytes: Array(schema.utf8), name: "schema")
        compiled = try choices.map { choice in
            guard let define = Self.define(named: choice.define, in: parsed.document) else {
                throw Self.failure("the schema has no define '\(choice.define)'")
            }
            var read = Compiled(define: choice.define, elements: choice.elements.map { Array($0.utf8) }, notUnder: choice.notUnder.map { Array($0.utf8) },
                                attributes: [], datatypes: [], allowed: [])
            read.allowed = try Self.combinations(ofContentOf: define, into: &read).sorted { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }
            return read
        }
    }

    private static func failure(_ message: String) -> XMLValidationFailure {
        XMLValidationFailure(issues: [XMLIssue(line: nil, path: nil, message: message)])
    }

    private static func define(named name: String, in document: xmlDocPtr) -> xmlNodePtr? {
        var node = xmlDocGetRootElement(document)?.pointee.children
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, Self.name(of: current) == "define", attribute("name", of: current) == name { return current }
            node = current.pointee.next
        }
        return nil
    }

    private static func name(of node: xmlNodePtr) -> String { String(cString: node.pointee.name) }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        withXMLChars(name) { consumeXMLString(xmlGetProp(node, $0)) }
    }

    private static func elementChildren(of node: xmlNodePtr) -> [xmlNodePtr] {
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(current) }
            child = current.pointee.next
        }
        return children
    }

    /// The sets of attributes the patterns under `node` allow, taken one after another (a group).
    private static func combinations(ofContentOf node: xmlNodePtr, into compiled: inout Compiled) throws -> Set<UInt64> {
        var sets: Set<UInt64> = [0]
        for child in elementChildren(of: node) {
            let next = try combinations(of: child, into: &compiled)
            sets = Set(sets.flatMap { left in next.compactMap { right in left & right == 0 ? left | right : nil } })
        }
        return sets
    }

    private static func combinations(of pattern: xmlNodePtr, into compiled: inout Compiled) throws -> Set<UInt64> {
        switch name(of: pattern) {
        case "group":
            return try combinations(ofContentOf: pattern, into: &compiled)
        case "optional":
            return try combinations(ofContentOf: pattern, into: &compiled).union([0])
        case "empty":
            return [0]
        case "choice":
            return try elementChildren(of: pattern).reduce(into: []) { $0.formUnion(try combinations(of: $1, into: &compiled)) }
        case "attribute":
            guard let attributeName = attribute("name", of: pattern), !attributeName.contains(":") else {
                throw failure("the define '\(compiled.define)' names an attribute without a name, or with a prefix")
            }
            // An attribute in two branches (`to` alone, or after `from`) is one attribute of one datatype.
            let datatype = try datatype(of: pattern, in: compiled.define)
            if let known = compiled.attributes.firstIndex(of: Array(attributeName.utf8)) {
                guard compiled.datatypes[known] == datatype else {
                    throw failure("the define '\(compiled.define)' gives '\(attributeName)' two datatypes")
                }
                return [1 << UInt64(known)]
            }
            guard compiled.attributes.count < UInt64.bitWidth else { throw failure("the define '\(compiled.define)' names too many attributes") }
            compiled.attributes.append(Array(attributeName.utf8))
            compiled.datatypes.append(datatype)
            return [1 << UInt64(compiled.attributes.count - 1)]
        default:
            throw failure("the define '\(compiled.define)' holds <\(name(of: pattern))>, which is not checked apart")
        }
    }

    /// An attribute's value: any text, or a datatype of XML Schema without parameters.
    private static func datatype(of pattern: xmlNodePtr, in define: String) throws -> xmlSchemaTypePtr? {
        let content = elementChildren(of: pattern)
        guard content.count == 1 else { throw failure("an attribute of the define '\(define)' has no single value pattern") }
        switch name(of: content[0]) {
        case "text":
            return nil
        case "data" where elementChildren(of: content[0]).isEmpty:
            guard datatypeLibrary(of: content[0]) == "http://www.w3.org/2001/XMLSchema-datatypes", let typeName = attribute("type", of: content[0]),
                  let type = withXMLChars(typeName, { name in withXMLChars("http://www.w3.org/2001/XMLSchema") { xmlSchemaGetPredefinedType(name, $0) } }) else {
                throw failure("an attribute of the define '\(define)' has a datatype libxml2 does not know")
            }
            return type
        default:
            throw failure("an attribute of the define '\(define)' has a value pattern that is not checked apart")
        }
    }

    /// The datatype library in force at `node`: its own, else its nearest ancestor's.
    private static func datatypeLibrary(of node: xmlNodePtr) -> String? {
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            if let library = attribute("datatypeLibrary", of: element) { return library }
            current = element.pointee.parent
        }
        return nil
    }

    /// What validating a tree asks of the choices, for each of the tree's names (numbered as
    /// the tree numbers them), found once a tree: most of its elements and attributes have none.
    struct Lookup {
        /// The choice an element of the name refers to; -1 for none.
        fileprivate var choiceOfElement: [Int] = []
        /// The choices, one bit each, that an element under one of the name does not refer to.
        fileprivate var excludedUnder: [UInt64] = []
        /// For each choice, the bit of each name's attribute in it; 0 for none.
        fileprivate var bits: [[UInt64]] = []

        /// The choice `element`, under `parent`, refers to.
        func choice(ofElementNamed element: Int, underElementNamed parent: Int?) -> Int? {
            let choice = choiceOfElement[element]
            guard choice >= 0 else { return nil }
            if let parent, excludedUnder[parent] & (1 << UInt64(choice)) != 0 { return nil }
            return choice
        }

        /// The bit of the attribute named `name` in `choice`; 0 for an attribute not in it.
        func bit(ofAttributeNamed name: Int, in choice: Int) -> UInt64 { bits[choice][name] }
    }

    func lookup(of tree: XMLTree.Buffers) -> Lookup {
        var lookup = Lookup()
        let names = tree.names.indices.map(tree.nameBytes)
        let named = { (name: UnsafeBufferPointer<UInt8>, among: [[UInt8]]) in among.contains { $0.elementsEqual(name) } }
        lookup.choiceOfElement = names.map { name in compiled.firstIndex { named(name, $0.elements) } ?? -1 }
        lookup.excludedUnder = names.map { name in
            compiled.indices.reduce(0) { bits, index in named(name, compiled[index].notUnder) ? bits | 1 << UInt64(index) : bits }
        }
        lookup.bits = compiled.map { choice in
            names.map { name in choice.attributes.firstIndex { $0.elementsEqual(name) }.map { 1 << UInt64($0) } ?? 0 }
        }
        return lookup
    }

    /// Whether `value` is one of the attribute's datatype (the one whose bit is `bit`).
    func valueMatches(_ value: UnsafePointer<xmlChar>, bit: UInt64, in choice: Int) -> Bool {
        guard let type = compiled[choice].datatypes[bit.trailingZeroBitCount] else { return true }
        return xmlSchemaValPredefTypeNode(type, value, nil, nil) == 0
    }

    func allows(_ carried: UInt64, in choice: Int) -> Bool { compiled[choice].allowed.contains(carried) }

    /// The issue of an element whose attributes of `choice` are not a combination it allows.
    func combinationIssue(_ carried: UInt64, in choice: Int, element: String, path: String) -> XMLIssue {
        let compiled = compiled[choice]
        let named = { (set: UInt64) in set == 0 ? "none" : compiled.attributes.indices.filter { set & 1 << UInt64($0) != 0 }.map { String(decoding: compiled.attributes[$0], as: UTF8.self) }.joined(separator: " and ") }
        let allowed = compiled.allowed.map(named)
        let carries = carried == 0 ? "none of the attributes of \(compiled.define)" : "the attributes \(named(carried))"
        return XMLIssue(line: nil, path: path, message: "element \(element) carries \(carries), not one of the combinations the schema allows: \(allowed.joined(separator: "; "))")
    }

    /// The issue of a value not of its attribute's datatype.
    func valueIssue(_ value: String, bit: UInt64, in choice: Int, path: String) -> XMLIssue {
        let attribute = String(decoding: compiled[choice].attributes[bit.trailingZeroBitCount], as: UTF8.self)
        return XMLIssue(line: nil, path: path, message: "the value '\(value)' of attribute '\(attribute)' is not of its datatype")
    }
}
