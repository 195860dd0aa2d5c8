// SQLite, loaded the first time dcplan opens a results database (CLibraryLoader.h says why).
#include <pthread.h>
#include <stddef.h>

#include "CLibraryLoader.h"

// The functions below are dcplan's own, hidden from every library.
#pragma GCC visibility push(hidden)
#include "shim.h"
#pragma GCC visibility pop

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
#define FUNCTIONS(X)                                                                                         \
  X(sqlite3_bind_double) X(sqlite3_bind_int64) X(sqlite3_bind_null) X(sqlite3_bind_text)                     \
  X(sqlite3_busy_timeout) X(sqlite3_close) X(sqlite3_column_text) X(sqlite3_errmsg) X(sqlite3_exec)          \
  X(sqlite3_finalize) X(sqlite3_last_insert_rowid) X(sqlite3_open_v2) X(sqlite3_prepare_v2) X(sqlite3_reset) \
  X(sqlite3_step)
#define POINTER(name) static __typeof__(name) *real_##name;
FUNCTIONS(POINTER)

static void load(void) {
  static const char *const names[] = {"libsqlite3.so.0", "libsqlite3.so"};
  const char *library = "SQLite (libsqlite3.so.0)";
  void *handle = dcplan_open_library(names, 2, library, "the results database (--db)",
                                     "it (Debian: apt-get install libsqlite3-0)");
#define FIND(name) real_##name = dcplan_library_symbol(handle, #name, library);
  FUNCTIONS(FIND)
}

#define LOADED(name) (pthread_once(&loaded, load), real_##name)

int sqlite3_bind_double(sqlite3_stmt *s, int i, double v) { return LOADED(sqlite3_bind_double)(s, i, v); }
int sqlite3_bind_int64(sqlite3_stmt *s, int i, sqlite3_int64 v) { return LOADED(sqlite3_bind_int64)(s, i, v); }
int sqlite3_bind_null(sqlite3_stmt *s, int i) { return LOADED(sqlite3_bind_null)(s, i); }
int sqlite3_bind_text(sqlite3_stmt *s, int i, const char *v, int n, void (*destructor)(void *)) {
  return LOADED(sqlite3_bind_text)(s, i, v, n, destructor);
}
int sqlite3_busy_timeout(sqlite3 *db, int ms) { return LOADED(sqlite3_busy_timeout)(db, ms); }
int sqlite3_close(sqlite3 *db) { return LOADED(sqlite3_close)(db); }
const unsigned char *sqlite3_column_text(sqlite3_stmt *s, int column) { return LOADED(sqlite3_column_text)(s, column); }
const char *sqlite3_errmsg(sqlite3 *db) { return LOADED(sqlite3_errmsg)(db); }
int sqlite3_exec(sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **), void *argument,
                 char **errmsg) {
  return LOADED(sqlite3_exec)(db, sql, callback, argument, errmsg);
}
int sqlite3_finalize(sqlite3_stmt *s) { return LOADED(sqlite3_finalize)(s); }
sqlite3_int64 sqlite3_last_insert_rowid(sqlite3 *db) { return LOADED(sqlite3_last_insert_rowid)(db); }
int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs) {
  return LOADED(sqlite3_open_v2)(filename, db, flags, vfs);
}
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int bytes, sqlite3_stmt **statement, const char **tail) {
  return LOADED(sqlite3_prepare_v2)(db, sql, bytes, statement, tail);
}
int sqlite3_reset(sqlite3_stmt *s) { return LOADED(sqlite3_reset)(s); }
int sqlite3_step(sqlite3_stmt *s) { return LOADED(sqlite3_step)(s); }
