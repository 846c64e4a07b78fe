#!/bin/sh
# Turns schema/NNN_name.sql files into a C table of migrations (version, sql).
# The version is the file's leading number; files are applied in that order.
echo '/* generated from the schema/ directory by tests/embed.sh; do not edit */'
echo '#include "schema.h"'
echo 'const struct schema_migration schema_migrations[] = {'
for f in "$@"; do
	v=$(basename "$f" | sed 's/^0*\([0-9][0-9]*\)_.*/\1/')
	printf '\t{ %s, "%s",\n' "$v" "$(basename "$f")"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t  "/' -e 's/$/\\n"/' "$f"
	printf '\t},\n'
done
echo '};'
echo "const int schema_migration_count = $#;"
