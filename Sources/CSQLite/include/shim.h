// SQLite as Debian's libsqlite3-dev ships it: the results database (--db).
#ifndef DCPLAN_CSQLITE_SHIM_H
#define DCPLAN_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
