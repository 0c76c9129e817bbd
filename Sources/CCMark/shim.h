/* cmark's C API (Debian libcmark-dev): CommonMark parsing with source positions, for Markdown articles. */
#include <cmark.h>
