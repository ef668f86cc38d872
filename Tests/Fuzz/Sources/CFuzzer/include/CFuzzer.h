#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt): runs the fuzzing loop on a callback.
/// The targets' `@main` calls it, since SwiftPM renames an executable's entry
/// point (`<module>_main`) and aliases `main` to it, so libFuzzer's own `main`
/// is never linked.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
