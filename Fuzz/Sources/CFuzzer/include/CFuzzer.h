// libFuzzer's driver, for entries whose `main` SwiftPM renames (see the entries' main.swift).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
