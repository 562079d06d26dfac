/// Folio's published JSON Schema for its JSON output (draft 2020-12).
///
/// It lives in code, not in a resource file, so a copied `folio` binary can always print and
/// apply it. `folio schema json` prints it.
public enum DocumentJSONSchema {
    public static let identifier = "https://folio.dev/schema/folio-document-1.json"

    public static let text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://folio.dev/schema/folio-document-1.json",
  "title": "Folio document",
  "description": "One scholarly paper as Folio reads it. Every item from the text has start and end: code-point offsets into the input file as decoded, end exclusive.",
  "type": "object",
  "required": ["folio", "source", "frontMatter", "body", "footnotes", "references", "citations", "dates", "events", "quotations", "pageFurniture", "repairs", "diagnostics"],
  "additionalProperties": false,
  "properties": {
    "folio": {
      "type": "object",
      "required": ["version", "schema"],
      "additionalProperties": false,
      "properties": {
        "version": {"type": "string", "minLength": 1},
        "schema": {"const": "https://folio.dev/schema/folio-document-1.json"}
      }
    },
    "source": {
      "type": "object",
      "required": ["file", "format", "length"],
      "additionalProperties": false,
      "properties": {
        "file": {"type": "string", "description": "The input file's name."},
        "format": {"enum": ["text", "markdown"]},
        "length": {"type": "integer", "minimum": 0, "description": "Code points in the input."}
      }
    },
    "frontMatter": {
      "type": "object",
      "required": ["authors", "abstract", "keywords"],
      "additionalProperties": false,
      "properties": {
        "title": {"$ref": "#/$defs/span"},
        "authors": {"type": "array", "items": {"$ref": "#/$defs/author"}},
        "journal": {"$ref": "#/$defs/span"},
        "abstract": {"type": "array", "items": {"$ref": "#/$defs/paragraph"}},
        "keywords": {"type": "array", "items": {"$ref": "#/$defs/span"}}
      }
    },
    "body": {"$ref": "#/$defs/section"},
    "footnotes": {"type": "array", "items": {"$ref": "#/$defs/footnote"}},
    "references": {"type": "array", "items": {"$ref": "#/$defs/reference"}},
    "citations": {"type": "array", "items": {"$ref": "#/$defs/citation"}},
    "dates": {"type": "array", "items": {"$ref": "#/$defs/date"}},
    "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
    "quotations": {"type": "array", "items": {"$ref": "#/$defs/quotation"}},
    "pageFurniture": {"type": "array", "items": {"$ref": "#/$defs/pageFurniture"}},
    "repairs": {"type": "array", "items": {"$ref": "#/$defs/repair"}},
    "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}}
  },
  "$defs": {
    "offset": {"type": "integer", "minimum": 0},
    "id": {"type": "string", "minLength": 1, "description": "Also the xml:id of the same node in the TEI file."},
    "span": {
      "type": "object",
      "required": ["start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"}
      }
    },
    "author": {
      "type": "object",
      "required": ["start", "end", "text", "emails", "affiliations"],
      "additionalProperties": false,
      "properties": {
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"},
        "forename": {"type": "string"},
        "surname": {"type": "string"},
        "emails": {"type": "array", "items": {"$ref": "#/$defs/span"}},
        "affiliations": {"type": "array", "items": {"$ref": "#/$defs/span"}}
      }
    },
    "paragraph": {
      "type": "object",
      "required": ["type", "id", "start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "type": {"const": "paragraph"},
        "id": {"$ref": "#/$defs/id"},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"}
      }
    },
    "list": {
      "type": "object",
      "required": ["type", "id", "style", "start", "end", "items"],
      "additionalProperties": false,
      "properties": {
        "type": {"const": "list"},
        "id": {"$ref": "#/$defs/id"},
        "style": {"enum": ["bulleted", "numbered"]},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "items": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "object",
            "required": ["id", "start", "end", "text"],
            "additionalProperties": false,
            "properties": {
              "id": {"$ref": "#/$defs/id"},
              "label": {"type": "string"},
              "start": {"$ref": "#/$defs/offset"},
              "end": {"$ref": "#/$defs/offset"},
              "text": {"type": "string"}
            }
          }
        }
      }
    },
    "blockQuote": {
      "type": "object",
      "required": ["type", "id", "start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "type": {"const": "blockQuote"},
        "id": {"$ref": "#/$defs/id"},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"}
      }
    },
    "figure": {
      "type": "object",
      "required": ["type", "id", "kind", "start", "end"],
      "additionalProperties": false,
      "properties": {
        "type": {"const": "figure"},
        "id": {"$ref": "#/$defs/id"},
        "kind": {"enum": ["figure", "table"]},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "head": {"$ref": "#/$defs/span"},
        "label": {"type": "string"},
        "caption": {"$ref": "#/$defs/span"},
        "source": {"$ref": "#/$defs/span"}
      }
    },
    "block": {
      "oneOf": [
        {"$ref": "#/$defs/paragraph"},
        {"$ref": "#/$defs/list"},
        {"$ref": "#/$defs/blockQuote"},
        {"$ref": "#/$defs/figure"}
      ]
    },
    "heading": {
      "type": "object",
      "required": ["id", "level", "start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "level": {"type": "integer", "minimum": 1},
        "number": {"type": "string"},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string", "description": "The heading without its number."}
      }
    },
    "section": {
      "type": "object",
      "required": ["blocks", "sections"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "heading": {"$ref": "#/$defs/heading"},
        "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}}
      }
    },
    "pieces": {
      "type": "array",
      "minItems": 2,
      "description": "Where the text was printed in parts (run on to the next page): each part's offsets, in reading order.",
      "items": {
        "type": "object",
        "required": ["start", "end"],
        "additionalProperties": false,
        "properties": {"start": {"$ref": "#/$defs/offset"}, "end": {"$ref": "#/$defs/offset"}}
      }
    },
    "footnote": {
      "type": "object",
      "required": ["id", "number", "start", "end", "text", "markers"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "number": {"type": "string", "minLength": 1},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"},
        "pieces": {"$ref": "#/$defs/pieces"},
        "markers": {"type": "array", "items": {"$ref": "#/$defs/span"}}
      }
    },
    "name": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "family": {"type": "string"},
        "given": {"type": "string"},
        "literal": {"type": "string"}
      }
    },
    "dateParts": {
      "type": "object",
      "required": ["date-parts"],
      "additionalProperties": false,
      "properties": {
        "date-parts": {
          "type": "array",
          "minItems": 1,
          "items": {"type": "array", "minItems": 1, "items": {"type": "integer"}}
        }
      }
    },
    "reference": {
      "type": "object",
      "description": "A CSL-JSON item, with Folio's id, the printed entry as raw and its offsets.",
      "required": ["id", "type", "raw", "start", "end"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "type": {"type": "string", "minLength": 1},
        "raw": {"type": "string"},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "author": {"type": "array", "items": {"$ref": "#/$defs/name"}},
        "editor": {"type": "array", "items": {"$ref": "#/$defs/name"}},
        "issued": {"$ref": "#/$defs/dateParts"},
        "title": {"type": "string"},
        "container-title": {"type": "string"},
        "collection-title": {"type": "string"},
        "publisher": {"type": "string"},
        "publisher-place": {"type": "string"},
        "volume": {"type": "string"},
        "issue": {"type": "string"},
        "page": {"type": "string"},
        "edition": {"type": "string"},
        "URL": {"type": "string"},
        "DOI": {"type": "string"},
        "ISBN": {"type": "string"}
      }
    },
    "citation": {
      "type": "object",
      "required": ["id", "start", "end", "text", "references", "parts"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"},
        "references": {"type": "array", "items": {"$ref": "#/$defs/id"}, "description": "Ids of the references cited; empty when none matched."},
        "parts": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["start", "end", "text", "authors"],
            "additionalProperties": false,
            "properties": {
              "start": {"$ref": "#/$defs/offset"},
              "end": {"$ref": "#/$defs/offset"},
              "text": {"type": "string"},
              "authors": {"type": "array", "items": {"type": "string"}},
              "year": {"type": "string"},
              "locator": {"type": "string"},
              "reference": {"$ref": "#/$defs/id"}
            }
          }
        }
      }
    },
    "date": {
      "type": "object",
      "required": ["id", "start", "end", "text", "type", "value"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"},
        "type": {"enum": ["DATE", "TIME", "DURATION", "SET"]},
        "value": {"type": "string", "minLength": 1, "description": "The TIMEX3 value."},
        "edtf": {"type": "string", "minLength": 1, "description": "The Extended Date/Time Format form, where one exists."},
        "reaches": {"type": "string", "minLength": 1, "description": "For an offset from a date the text gave ('one year after'), typed DURATION as TimeML does, the date it reaches, as EDTF."}
      }
    },
    "event": {
      "type": "object",
      "required": ["id", "date", "start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "date": {"$ref": "#/$defs/id", "description": "The id of the event's entry in dates."},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string", "description": "The sentence that tells the event."},
        "pieces": {"$ref": "#/$defs/pieces"}
      }
    },
    "quotation": {
      "type": "object",
      "required": ["id", "kind", "start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/id"},
        "kind": {"enum": ["inline", "block", "soCalled"]},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"},
        "pieces": {"$ref": "#/$defs/pieces"},
        "speaker": {"$ref": "#/$defs/span"},
        "citation": {"$ref": "#/$defs/id"},
        "references": {"type": "array", "items": {"$ref": "#/$defs/id"}},
        "footnote": {"$ref": "#/$defs/id"}
      }
    },
    "pageFurniture": {
      "type": "object",
      "required": ["kind", "start", "end", "text"],
      "additionalProperties": false,
      "properties": {
        "kind": {"enum": ["running-head", "page-number", "other"]},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "text": {"type": "string"}
      }
    },
    "repair": {
      "type": "object",
      "required": ["rule", "start", "end", "before", "after"],
      "additionalProperties": false,
      "properties": {
        "rule": {"type": "string", "minLength": 1},
        "start": {"$ref": "#/$defs/offset"},
        "end": {"$ref": "#/$defs/offset"},
        "before": {"type": "string"},
        "after": {"type": "string"}
      }
    },
    "diagnostic": {
      "type": "object",
      "required": ["severity", "message"],
      "additionalProperties": false,
      "properties": {
        "severity": {"enum": ["error", "warning", "note"]},
        "message": {"type": "string"},
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1},
        "start": {"$ref": "#/$defs/offset"}
      }
    }
  }
}
"""#
}
