#ifndef FOLIO_CLIBXML2_SHIM_H
#define FOLIO_CLIBXML2_SHIM_H

// libxml2's headers pull in the system's ICU headers when it was built with ICU, and those
// clash with the ICU that Foundation carries ("'UErrorCode' has different definitions in
// different modules") in any target that sees both. Folio never touches libxml2's ICU
// converters (the only declarations that use them), so they are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

// Swift 6 rejects xmlFree, a global function pointer, so it is called through this function.
static inline void folio_xmlFree(void *pointer) { xmlFree(pointer); }

static inline const char *folio_libxml_version(void) { return LIBXML_DOTTED_VERSION; }

#endif
