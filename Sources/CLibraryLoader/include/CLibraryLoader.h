// Loading a system library when it is first needed (dlopen), not when dcplan starts.
//
// OpenBLAS, SQLite and libxlsxwriter (with zlib, minizip and OpenSSL's libcrypto behind it)
// took about 4 ms of every start, a third of `dcplan --version`, and OpenBLAS started a pool
// of threads that polled beside the work; most runs use none of them (docs/benchmarks.md,
// "Session 12"). Each library's C target defines the functions dcplan calls, with the
// prototypes of the library's own header (so the compiler checks them), hidden from other
// libraries; each forwards to the library's function, found once with dlsym.
#ifndef DCPLAN_CLIBRARYLOADER_H
#define DCPLAN_CLIBRARYLOADER_H

/// Opens the first of `names` (sonames first, then the development package's name) that
/// loads, privately (RTLD_LOCAL). If none loads, prints
/// "dcplan: error: <purpose> needs <library>, which cannot be loaded: <reason>; install <hint>"
/// and ends the process with status 1.
void *dcplan_open_library(const char *const *names, int count, const char *library, const char *purpose,
                          const char *hint);

/// The address of `symbol` in `handle`; ends the process like ``dcplan_open_library`` if the
/// library lacks it (a version too old).
void *dcplan_library_symbol(void *handle, const char *symbol, const char *library);

#endif
