// The declaration in include/CFuzzer.h is all this target provides; libFuzzer defines it.
#include "CFuzzer.h"
