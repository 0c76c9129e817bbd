/* Hunspell's C API (Debian libhunspell-dev). */
#include <hunspell.h>
