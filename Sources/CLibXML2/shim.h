/* libxml2's C API (Debian libxml2-dev): the XML reader of glossaries (TBX) and the HTML reader of pages. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
