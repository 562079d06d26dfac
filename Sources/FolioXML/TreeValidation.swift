internal import CLibXML2

/// One validation of an `XMLTree` by libxml2's RELAX NG validation as a stream: each element
/// is pushed as it is walked, with its attributes, and its text as text, without a libxml2
/// tree. An element whose pattern libxml2 cannot follow a step at a time (its content is not a
/// regular expression of names: attributes whose values choose its content, typed values) is
/// validated whole.
///
/// libxml2 only reads the nodes it is given, and keeps nothing of them: nodes of its kind,
/// made once and filled again, stand in for the tree's (one a level for the elements pushed,
/// and what an element validated whole holds). The attributes the schema checks apart
/// (`AttributePattern`, `AttributeChoice`) are checked as each element's stand-in is filled;
/// a choice's attributes are left out of it. Property tests hold the verdicts to libxml2's own
/// over the same tree made of its nodes, validated against the whole schema.
struct TreeValidation: ~Copyable {
    private let context: xmlRelaxNGValidCtxtPtr
    private let collector = XMLIssueCollector(readsNodes: false)
    /// The node standing for the element pushed at each level.
    private var levels: [UnsafeMutablePointer<xmlNode>] = []
    /// Attributes and the texts holding their values, filled in for each element pushed.
    private var attributes: [(attribute: UnsafeMutablePointer<xmlAttr>, value: UnsafeMutablePointer<xmlNode>)] = []
    private let namespace: UnsafeMutablePointer<xmlNs>?
    private let xmlNamespace: UnsafeMutablePointer<xmlNs>
    /// The element being validated and its ancestors, for messages.
    private var ancestors: [Int] = []
    /// Stand-ins for the elements and text of an element validated whole, and the element
    /// they stand under, as libxml2 wants one; texts as C strings, one after another.
    private var wholeNodes: [UnsafeMutablePointer<xmlNode>] = []
    private let holder: UnsafeMutablePointer<xmlNode>
    private var texts = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1024)
    private static let xmlPrefix: StaticString = "xml"
    /// What any text that is not all white space is pushed as: libxml2 only asks which it is.
    private static let someText: StaticString = "x"
    private static let textName: StaticString = "text"
    private static let holderName: StaticString = "holder"
    /// The attribute patterns and choices checked apart (libxml2 is not given a choice's
    /// attributes), what they ask of the tree's names, and what they found wrong: checked as
    /// each element is given to libxml2, not in a walk of their own.
    private let patterns: CompiledAttributePatterns
    private let choices: CompiledAttributeChoices
    private var firstPatternByName: [Int] = []
    private var lookup = CompiledAttributeChoices.Lookup()
    private var apartIssues: [XMLIssue] = []

    /// `namespace`: the tree's, ended by a zero. `schema` leaves out `patterns` and `choices`.
    init?(namespace uri: UnsafeMutablePointer<xmlChar>?, schema: xmlRelaxNGPtr, patterns: CompiledAttributePatterns, choices: CompiledAttributeChoices) {
        guard let context = xmlRelaxNGNewValidCtxt(schema) else { return nil }
        self.context = context
        self.patterns = patterns
        self.choices = choices
        namespace = uri.map { Self.namespace(href: UnsafePointer($0), prefix: nil) }
        xmlNamespace = Self.namespace(href: XMLLibrary.xmlNamespaceURI.utf8Start, prefix: Self.xmlPrefix.utf8Start)
        holder = .allocate(capacity: 1)
        holder.initialize(to: xmlNode())
        holder.pointee.type = XML_ELEMENT_NODE
        holder.pointee.name = Self.holderName.utf8Start
        xmlRelaxNGSetValidStructuredErrors(context, XMLIssueCollector.callback, collector.context)
    }

    /// A namespace declaration standing for one; `href` and `prefix` are not copied.
    private static func namespace(href: UnsafePointer<xmlChar>, prefix: UnsafePointer<xmlChar>?) -> UnsafeMutablePointer<xmlNs> {
        let namespace = UnsafeMutablePointer<xmlNs>.allocate(capacity: 1)
        namespace.initialize(to: xmlNs())
        namespace.pointee.type = XML_NAMESPACE_DECL
        namespace.pointee.href = href
        namespace.pointee.prefix = prefix
        return namespace
    }

    deinit {
        xmlRelaxNGFreeValidCtxt(context)
        for level in levels { level.deallocate() }
        for (attribute, value) in attributes {
            attribute.deallocate()
            value.deallocate()
        }
        for node in wholeNodes { node.deallocate() }
        holder.deallocate()
        texts.deallocate()
        namespace?.deallocate()
        xmlNamespace.deallocate()
    }

    /// What libxml2 found wrong, up to the first element found wrong, and the attributes
    /// checked apart found wrong up to there; empty when the tree is valid.
    mutating func issues(of tree: XMLTree.Storage) -> [XMLIssue] {
        let valid = tree.withBuffers { tree in
            if !patterns.isEmpty { firstPatternByName = patterns.firstPatternByName(of: tree) }
            if !choices.isEmpty { lookup = choices.lookup(of: tree) }
            return validate(0, level: 0, of: tree)
        }
        if !valid && collector.issues.isEmpty && apartIssues.isEmpty {
            return [XMLIssue(line: nil, path: nil, message: "the document does not match the schema")]
        }
        return apartIssues + collector.issues
    }

    /// Validates `element` and what it holds; false at the first error.
    private mutating func validate(_ element: Int, level: Int, of tree: XMLTree.Buffers) -> Bool {
        ancestors.append(element)
        defer { ancestors.removeLast() }
        let node = stand(for: element, under: parentOfCurrent, at: level, of: tree)
        switch xmlRelaxNGValidatePushElement(context, nil, node) {
        case 1:
            break
        case 0:
            // libxml2 cannot follow this element's pattern step by step: it validates it whole.
            return noted(xmlRelaxNGValidateFullElement(context, nil, standIn(whole: element, of: tree)) == 1, in: tree)
        default:
            return noted(false, in: tree)
        }
        for child in tree.children(of: element) {
            let childNode = tree.nodes[child]
            if childNode.isText {
                if !Self.isBlank(tree.text(of: childNode)) {
                    guard noted(Self.someText.withUTF8Buffer { xmlRelaxNGValidatePushCData(context, $0.baseAddress, 1) } == 1, in: tree) else { return false }
                }
            } else {
                guard validate(child, level: level + 1, of: tree) else { return false }
            }
        }
        return noted(xmlRelaxNGValidatePopElement(context, nil, levels[level]) == 1, in: tree)
    }

    /// The parent of the element being validated (the last of `ancestors`); nil for the root.
    private var parentOfCurrent: Int? { ancestors.count > 1 ? ancestors[ancestors.count - 2] : nil }

    /// The node for `element` at `level`: its name and namespace, and its attributes.
    private mutating func stand(for element: Int, under parent: Int?, at level: Int, of tree: XMLTree.Buffers) -> xmlNodePtr {
        if level == levels.count {
            levels.append(.allocate(capacity: 1))
            levels[level].initialize(to: xmlNode())
        }
        var usedAttributes = 0
        fill(levels[level], as: element, under: parent, checkingApart: true, of: tree, usedAttributes: &usedAttributes)
        return levels[level]
    }

    /// Nodes standing for `element` and all it holds, under `holder`.
    private mutating func standIn(whole element: Int, of tree: XMLTree.Buffers) -> xmlNodePtr {
        var used = (nodes: 0, attributes: 0, text: 0)
        let textBytes = textCount(in: element, of: tree)
        if texts.count < textBytes {
            texts.deallocate()
            texts = .allocate(capacity: textBytes * 2)
        }
        // The element itself was given to libxml2 to push, and its attributes checked apart then.
        let node = standIn(element, under: (holder, parentOfCurrent), checkingApart: false, of: tree, used: &used)
        holder.pointee.children = node
        holder.pointee.last = node
        return node
    }

    /// The bytes the texts `element` holds take as C strings.
    private func textCount(in element: Int, of tree: XMLTree.Buffers) -> Int {
        tree.children(of: element).reduce(0) { count, child in
            let node = tree.nodes[child]
            return count + (node.isText ? node.end - node.start + 1 : textCount(in: child, of: tree))
        }
    }

    /// `parent`: the node to stand under, and the tree's element it stands for.
    private mutating func standIn(_ element: Int, under parent: (node: xmlNodePtr, element: Int?), checkingApart: Bool = true, of tree: XMLTree.Buffers,
                                  used: inout (nodes: Int, attributes: Int, text: Int)) -> xmlNodePtr {
        let node = wholeNode(&used.nodes)
        fill(node, as: element, under: parent.element, checkingApart: checkingApart, of: tree, usedAttributes: &used.attributes)
        node.pointee.parent = parent.node
        var previous: xmlNodePtr?
        for child in tree.children(of: element) {
            let childNode = tree.nodes[child]
            let made: xmlNodePtr
            if childNode.isText {
                made = wholeNode(&used.nodes)
                made.pointee.type = XML_TEXT_NODE
                made.pointee.name = Self.textName.utf8Start
                let text = tree.text(of: childNode)
                let start = texts.baseAddress! + used.text
                start.update(from: text.baseAddress!, count: text.count)
                start[text.count] = 0
                used.text += text.count + 1
                made.pointee.content = start
                made.pointee.parent = node
            } else {
                made = standIn(child, under: (node, element), of: tree, used: &used)
            }
            made.pointee.prev = previous
            if let previous { previous.pointee.next = made } else { node.pointee.children = made }
            previous = made
        }
        node.pointee.last = previous
        return node
    }

    /// The next stand-in for an element or text validated whole, cleared.
    private mutating func wholeNode(_ used: inout Int) -> xmlNodePtr {
        if used == wholeNodes.count { wholeNodes.append(.allocate(capacity: 1)) }
        let node = wholeNodes[used]
        node.initialize(to: xmlNode())
        used += 1
        return node
    }

    /// Makes `node` an element of `element`'s name, in the tree's namespace, with its
    /// attributes (stand-ins from `usedAttributes` on) and nothing else: not those of an
    /// attribute choice it refers to. Attributes checked apart are checked here, with
    /// `checkingApart` (not again for a stand-in of an element already given to libxml2).
    private mutating func fill(_ node: xmlNodePtr, as element: Int, under parent: Int?, checkingApart: Bool, of tree: XMLTree.Buffers, usedAttributes: inout Int) {
        node.pointee.type = XML_ELEMENT_NODE
        node.pointee.name = UnsafePointer(tree.names[tree.nodes[element].name])
        node.pointee.ns = namespace
        node.pointee.properties = nil
        var previous: UnsafeMutablePointer<xmlAttr>?
        let choice = choices.isEmpty ? nil : lookup.choice(ofElementNamed: tree.nodes[element].name, underElementNamed: parent.map { tree.nodes[$0].name })
        var carried: UInt64 = 0
        for attribute in tree.attributes(of: element) {
            if checkingApart && !patterns.isEmpty {
                patterns.check(tree.value(of: attribute), patternsFrom: firstPatternByName[attribute.name], inXMLNamespace: attribute.inXMLNamespace,
                               element: tree.name(of: element), path: { tree.path(ancestors) }, into: &apartIssues)
            }
            if let choice, !attribute.inXMLNamespace, case let bit = lookup.bit(ofAttributeNamed: attribute.name, in: choice), bit != 0 {
                carried |= bit
                if checkingApart && !choices.valueMatches(tree.value(of: attribute), bit: bit, in: choice) {
                    apartIssues.append(choices.valueIssue(String(cString: tree.value(of: attribute)), bit: bit, in: choice, path: tree.path(ancestors)))
                }
                continue
            }
            if usedAttributes == attributes.count {
                let made = (UnsafeMutablePointer<xmlAttr>.allocate(capacity: 1), UnsafeMutablePointer<xmlNode>.allocate(capacity: 1))
                made.0.initialize(to: xmlAttr())
                made.1.initialize(to: xmlNode())
                attributes.append(made)
            }
            let (property, value) = attributes[usedAttributes]
            usedAttributes += 1
            value.pointee.type = XML_TEXT_NODE
            value.pointee.name = Self.textName.utf8Start
            value.pointee.content = UnsafeMutablePointer(mutating: tree.value(of: attribute))
            value.pointee.parent = UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self)
            property.pointee.type = XML_ATTRIBUTE_NODE
            property.pointee.name = UnsafePointer(tree.names[attribute.name])
            property.pointee.ns = attribute.inXMLNamespace ? xmlNamespace : nil
            property.pointee.children = value
            property.pointee.last = value
            property.pointee.parent = node
            property.pointee.next = nil
            property.pointee.prev = previous
            if let previous { previous.pointee.next = property } else { node.pointee.properties = property }
            previous = property
        }
        if checkingApart, let choice, !choices.allows(carried, in: choice) {
            apartIssues.append(choices.combinationIssue(carried, in: choice, element: tree.nameString(of: element), path: tree.path(ancestors)))
        }
    }

    /// `valid`; when not, the issues libxml2 reported without a place get the element's.
    private func noted(_ valid: Bool, in tree: XMLTree.Buffers) -> Bool {
        if !valid { collector.place(unplaced: tree.path(ancestors)) }
        return valid
    }

    /// Whether text is only white space, as libxml2 tells it (`IS_BLANK_CH`): such text is no
    /// text to a pattern.
    private static func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.allSatisfy(SchemaText.isSpace)
    }
}
