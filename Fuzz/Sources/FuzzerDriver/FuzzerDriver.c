// Only the declaration in include/FuzzerDriver.h matters; SwiftPM needs one source file per C target.
#include "FuzzerDriver.h"
