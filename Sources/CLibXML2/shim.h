#ifndef FOLIO_CLIBXML2_SHIM_H
#define FOLIO_CLIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

// Swift 6 rejects xmlFree, a global function pointer, so it is called through this function.
static inline void folio_xmlFree(void *pointer) { xmlFree(pointer); }

static inline const char *folio_libxml_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
