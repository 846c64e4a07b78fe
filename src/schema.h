/* schema - the embedded migrations (generated from schema/ *.sql by tests/embed.sh).
 * Read only by the store. */
#ifndef BW_SCHEMA_H
#define BW_SCHEMA_H

struct schema_migration {
	int version;
	const char *name;
	const char *sql;
};

extern const struct schema_migration schema_migrations[];
extern const int schema_migration_count;

#endif
