// libFuzzer's entry point for programs that keep their own main (SwiftPM replaces main).
#ifndef DCPLAN_CFUZZERDRIVER_H
#define DCPLAN_CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

typedef int (*DCPlanFuzzCallback)(const uint8_t *data, size_t size);

/// Runs libFuzzer with the command line and the callback (from libFuzzer's FuzzerInterface.h).
int LLVMFuzzerRunDriver(int *argc, char ***argv, DCPlanFuzzCallback callback);
#endif
