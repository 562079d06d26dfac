import FolioXML

/// Folio's own RELAX NG schema (XML syntax) for its TEI output: a strict subset of TEI P5 that
/// fixes exactly what `shared/OUTPUT-PROFILE.md` promises. libxml2 validates every file against
/// it before writing; `folio schema tei` prints it.
public enum TEISchema {
    /// A date of the ISO 8601 forms Folio writes: a year, year and month, or a full date.
    static let isoDatePattern = #"-?[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"#
    /// A pointer to an element of the same document.
    static let pointerPattern = #"#\i\c*"#
    /// A link with a host: stricter than anyURI, as tei_all's validators are.
    static let linkPattern = #"([A-Za-z][A-Za-z0-9+.\-]*://[^/?#\s]+|www\.\S+)\S*"#

    /// The schema's pattern facets on attributes, and its NCNames, which validation checks apart
    /// (compiled once, not once a value: see `AttributePattern`). Every pattern of the schema is here.
    public static let attributePatterns: [AttributePattern] =
        ["when", "from", "to", "notBefore", "notAfter"].map { AttributePattern(attribute: $0, pattern: isoDatePattern) } + [
            AttributePattern(attribute: "corresp", pattern: pointerPattern),
            AttributePattern(element: "ref", attribute: "target", pattern: pointerPattern),
            AttributePattern(element: "ptr", attribute: "target", pattern: linkPattern),
            AttributePattern(ncName: "xml:id"),
        ]

    /// The date attributes of a date in the text and of an event, which validation checks apart
    /// (see `AttributeChoice`); a bibliography's and the header's `imprint/date` are others.
    public static let attributeChoices = [AttributeChoice(define: "dateAttributes", elements: ["date", "event"], notUnder: ["imprint"])]

    public static let text = #"""
<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"
         ns="http://www.tei-c.org/ns/1.0">
  <start>
    <element name="TEI">
      <ref name="teiHeader"/>
      <element name="text">
        <ref name="body"/>
        <optional><ref name="back"/></optional>
      </element>
      <optional><ref name="standOff"/></optional>
    </element>
  </start>

  <!-- Shared attributes and values -->
  <define name="id"><attribute name="xml:id"><data type="NCName"/></attribute></define>
  <define name="isoDate">
    <data type="string"><param name="pattern">\#(isoDatePattern)</param></data>
  </define>
  <!-- A day, month or year; a range, open at either end; a span such as a decade; a length.
       One choice, not six optional attributes, each of which libxml2 tries both ways. Optional
       attributes stand after an element's content throughout: libxml2 reads a pattern in order,
       and carries both ways of an optional through everything after it. -->
  <define name="dateAttributes">
    <optional>
      <choice>
        <attribute name="when"><ref name="isoDate"/></attribute>
        <group>
          <attribute name="from"><ref name="isoDate"/></attribute>
          <optional><attribute name="to"><ref name="isoDate"/></attribute></optional>
        </group>
        <attribute name="to"><ref name="isoDate"/></attribute>
        <group>
          <attribute name="notBefore"><ref name="isoDate"/></attribute>
          <attribute name="notAfter"><ref name="isoDate"/></attribute>
        </group>
        <attribute name="dur"><data type="duration"/></attribute>
      </choice>
    </optional>
  </define>
  <define name="pointer"><data type="string"><param name="pattern">\#(pointerPattern)</param></data></define>

  <!-- Header -->
  <define name="teiHeader">
    <element name="teiHeader">
      <element name="fileDesc">
        <element name="titleStmt">
          <element name="title">
            <attribute name="level"><value>a</value></attribute>
            <attribute name="type"><value>main</value></attribute>
            <text/>
          </element>
        </element>
        <element name="publicationStmt"><element name="p"><text/></element></element>
        <element name="sourceDesc">
          <element name="biblStruct">
            <optional>
              <element name="analytic">
                <optional>
                  <element name="title">
                    <attribute name="level"><value>a</value></attribute>
                    <attribute name="type"><value>main</value></attribute>
                    <text/>
                  </element>
                </optional>
                <zeroOrMore><ref name="headerAuthor"/></zeroOrMore>
              </element>
            </optional>
            <element name="monogr">
              <element name="title">
                <optional><attribute name="level"><value>j</value></attribute></optional>
                <text/>
              </element>
              <element name="imprint"><element name="date"><empty/></element></element>
            </element>
          </element>
        </element>
      </element>
      <element name="encodingDesc">
        <element name="appInfo">
          <element name="application">
            <attribute name="ident"><value>folio</value></attribute>
            <attribute name="version"><data type="string"><param name="minLength">1</param></data></attribute>
            <element name="label"><text/></element>
          </element>
        </element>
      </element>
      <optional>
        <element name="profileDesc">
          <optional><element name="abstract"><oneOrMore><ref name="p"/></oneOrMore></element></optional>
          <optional>
            <element name="textClass">
              <element name="keywords"><oneOrMore><element name="term"><text/></element></oneOrMore></element>
            </element>
          </optional>
        </element>
      </optional>
    </element>
  </define>

  <define name="headerAuthor">
    <element name="author">
      <element name="persName">
        <mixed>
          <optional><element name="forename"><attribute name="type"><value>first</value></attribute><text/></element></optional>
          <optional><element name="surname"><text/></element></optional>
        </mixed>
      </element>
      <zeroOrMore><element name="email"><text/></element></zeroOrMore>
      <zeroOrMore><element name="affiliation"><text/></element></zeroOrMore>
    </element>
  </define>

  <!-- Body -->
  <define name="body">
    <element name="body">
      <choice>
        <group>
          <oneOrMore><ref name="block"/></oneOrMore>
          <zeroOrMore><ref name="div"/></zeroOrMore>
        </group>
        <oneOrMore><ref name="div"/></oneOrMore>
      </choice>
      <zeroOrMore><ref name="footnote"/></zeroOrMore>
    </element>
  </define>

  <define name="div">
    <element name="div">
      <ref name="id"/>
      <element name="head">
        <ref name="id"/>
        <ref name="inline"/>
        <optional><attribute name="n"><text/></attribute></optional>
      </element>
      <zeroOrMore><ref name="block"/></zeroOrMore>
      <zeroOrMore><ref name="div"/></zeroOrMore>
    </element>
  </define>

  <define name="block">
    <choice>
      <ref name="p"/>
      <element name="list">
        <attribute name="rend"><choice><value>bulleted</value><value>numbered</value></choice></attribute>
        <ref name="id"/>
        <oneOrMore>
          <element name="item">
            <ref name="id"/>
            <ref name="inline"/>
            <optional><attribute name="n"><text/></attribute></optional>
          </element>
        </oneOrMore>
      </element>
      <ref name="blockQuote"/>
      <element name="cit">
        <ref name="blockQuote"/>
        <ref name="bibl"/>
      </element>
      <element name="figure">
        <ref name="id"/>
        <optional><attribute name="type"><value>table</value></attribute></optional>
        <optional><element name="head"><text/></element></optional>
        <optional><element name="label"><text/></element></optional>
        <optional><element name="figDesc"><text/></element></optional>
        <optional><element name="note"><attribute name="type"><value>source</value></attribute><text/></element></optional>
      </element>
    </choice>
  </define>

  <define name="p">
    <element name="p"><ref name="id"/><ref name="inline"/></element>
  </define>

  <define name="blockQuote">
    <element name="quote">
      <attribute name="rend"><value>block</value></attribute>
      <ref name="id"/>
      <ref name="inline"/>
    </element>
  </define>

  <define name="footnote">
    <element name="note">
      <attribute name="place"><value>foot</value></attribute>
      <attribute name="n"><data type="string"><param name="minLength">1</param></data></attribute>
      <ref name="id"/>
      <ref name="inline"/>
    </element>
  </define>

  <!-- Inline content: text with markers, citations, dates and quotations -->
  <define name="inline">
    <!-- Text and elements as a choice, not `mixed` (an interleave, which libxml2 validates more
         slowly); one alternative an element name, so that libxml2 picks it by the name. -->
    <zeroOrMore>
      <choice>
        <text/>
        <element name="ref">
          <choice>
            <ref name="footnoteRefContent"/>
            <ref name="citationRefContent"/>
          </choice>
        </element>
        <ref name="date"/>
        <ref name="inlineQuote"/>
        <!-- In running text a quotation's source is Folio's note, not printed words. -->
        <element name="cit">
          <ref name="inlineQuote"/>
          <ref name="attribution"/>
        </element>
        <element name="q">
          <attribute name="type"><value>soCalled</value></attribute>
          <ref name="id"/>
          <ref name="inline"/>
        </element>
      </choice>
    </zeroOrMore>
  </define>

  <!-- A quotation in running text, or a block quotation that completes the sentence of the
       paragraph introducing it. -->
  <define name="inlineQuote">
    <element name="quote">
      <ref name="id"/>
      <ref name="inline"/>
      <optional><attribute name="rend"><value>block</value></attribute></optional>
    </element>
  </define>

  <define name="attribution">
    <element name="note">
      <attribute name="type"><value>attribution</value></attribute>
      <ref name="bibl"/>
    </element>
  </define>

  <define name="footnoteRef">
    <element name="ref"><ref name="footnoteRefContent"/></element>
  </define>

  <define name="footnoteRefContent">
    <attribute name="type"><value>foot</value></attribute>
    <attribute name="target"><ref name="pointer"/></attribute>
    <text/>
  </define>

  <define name="citationRefContent">
    <attribute name="type"><value>bibr</value></attribute>
    <mixed><zeroOrMore><choice><ref name="date"/><ref name="footnoteRef"/></choice></zeroOrMore></mixed>
    <optional><attribute name="target"><ref name="pointer"/></attribute></optional>
  </define>

  <define name="date">
    <element name="date">
      <ref name="id"/>
      <ref name="dateAttributes"/>
      <text/>
    </element>
  </define>

  <define name="bibl">
    <element name="bibl">
      <optional><element name="author"><text/></element></optional>
      <zeroOrMore>
        <element name="ref">
          <choice>
            <group>
              <attribute name="type"><value>bibr</value></attribute>
              <optional><attribute name="target"><ref name="pointer"/></attribute></optional>
              <text/>
            </group>
            <ref name="footnoteRefContent"/>
          </choice>
        </element>
      </zeroOrMore>
    </element>
  </define>

  <!-- Back matter: the bibliography -->
  <define name="back">
    <element name="back">
      <element name="div">
        <attribute name="type"><value>references</value></attribute>
        <element name="listBibl"><oneOrMore><ref name="biblStruct"/></oneOrMore></element>
      </element>
    </element>
  </define>

  <define name="name">
    <choice>
      <element name="persName">
        <optional><element name="forename"><attribute name="type"><value>first</value></attribute><text/></element></optional>
        <optional><element name="surname"><text/></element></optional>
      </element>
      <element name="orgName"><text/></element>
    </choice>
  </define>

  <define name="biblStruct">
    <element name="biblStruct">
      <ref name="id"/>
      <optional>
        <element name="analytic">
          <optional>
            <element name="title">
              <attribute name="level"><value>a</value></attribute>
              <attribute name="type"><value>main</value></attribute>
              <text/>
            </element>
          </optional>
          <zeroOrMore><element name="author"><ref name="name"/></element></zeroOrMore>
          <optional><element name="idno"><attribute name="type"><value>DOI</value></attribute><text/></element></optional>
        </element>
      </optional>
      <element name="monogr">
        <zeroOrMore><element name="author"><ref name="name"/></element></zeroOrMore>
        <element name="title">
          <attribute name="level"><choice><value>j</value><value>m</value></choice></attribute>
          <text/>
        </element>
        <zeroOrMore>
          <element name="idno"><attribute name="type"><choice><value>DOI</value><value>ISBN</value></choice></attribute><text/></element>
        </zeroOrMore>
        <zeroOrMore><element name="editor"><ref name="name"/></element></zeroOrMore>
        <optional><element name="edition"><text/></element></optional>
        <element name="imprint">
          <optional><element name="publisher"><text/></element></optional>
          <optional><element name="pubPlace"><text/></element></optional>
          <zeroOrMore>
            <element name="biblScope">
              <attribute name="unit"><choice><value>volume</value><value>issue</value><value>page</value></choice></attribute>
              <text/>
            </element>
          </zeroOrMore>
          <element name="date">
            <optional><attribute name="when"><ref name="isoDate"/></attribute></optional>
            <text/>
          </element>
        </element>
      </element>
      <optional>
        <element name="series">
          <element name="title"><attribute name="level"><value>s</value></attribute><text/></element>
        </element>
      </optional>
      <optional>
        <element name="ptr">
          <!-- A link with a host: stricter than anyURI, as tei_all's validators are. -->
          <attribute name="target">
            <data type="anyURI"><param name="pattern">\#(linkPattern)</param></data>
          </attribute>
        </element>
      </optional>
      <element name="note"><attribute name="type"><value>raw_reference</value></attribute><text/></element>
    </element>
  </define>

  <!-- Stand-off: dated events -->
  <define name="standOff">
    <element name="standOff">
      <element name="listEvent">
        <oneOrMore>
          <element name="event">
            <ref name="id"/>
            <attribute name="corresp"><ref name="pointer"/></attribute>
            <element name="desc"><text/></element>
            <ref name="dateAttributes"/>
          </element>
        </oneOrMore>
      </element>
    </element>
  </define>
</grammar>
"""#
}
