#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs that have their own main (compiler-rt FuzzerInterface.h).
/// Parses libFuzzer flags from argc/argv and runs `callback` on every input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

/// libFuzzer's own mutation of data[0..<size] in place (at most max_size bytes); returns the new
/// size. Callable from LLVMFuzzerCustomMutator, so that byte-level mutations (and -dict) still run.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

#endif
