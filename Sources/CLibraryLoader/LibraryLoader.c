#include "CLibraryLoader.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *dcplan_open_library(const char *const *names, int count, const char *library, const char *purpose,
                          const char *hint) {
  char reason[512] = "not found";
  for (int i = 0; i < count; i++) {
    void *handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (handle) return handle;
    const char *error = dlerror();
    if (i == 0 && error) snprintf(reason, sizeof reason, "%s", error);
  }
  fflush(stdout);
  fprintf(stderr, "dcplan: error: %s needs %s, which cannot be loaded (%s); install %s\n", purpose, library, reason, hint);
  exit(1);
}

void *dcplan_library_symbol(void *handle, const char *symbol, const char *library) {
  void *address = dlsym(handle, symbol);
  if (address) return address;
  fflush(stdout);
  fprintf(stderr, "dcplan: error: %s lacks '%s' (a version too old?); install a newer one\n", library, symbol);
  exit(1);
}
