/* The only header Swift sees: ICU's C API under its un-suffixed names. */
#include "icu_wrappers.h"
