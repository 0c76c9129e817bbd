/* libxml2's C API (Debian libxml2-dev): the XML reader of glossaries (TBX). */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
