/* config - /etc/bouncewatch/bouncewatch.conf: the configuration file
 *
 * An INI file (libinih) whose keys are the commands' own options written
 * once for every command: each key names the option it stands for
 * (`[alerts] exec` is `--alert-exec`) and the commands that take it. The
 * file's values are handed to a command as if they came first on its
 * command line (config_argv), and a key whose option the command line
 * gives is left out, so "the command line overrides the file" is the
 * commands' own option parsing, not a second copy of it. A key with an
 * environment variable (database: BOUNCEWATCH_DB) yields to that variable.
 * Precedence: command line, environment, file, built-in default.
 *
 * Every value is checked when the file is read (type and range), so a bad
 * value is an error naming file:line before any command runs; unknown
 * sections and keys are errors too. Commands layer helper: it reads the
 * process environment, never prints.
 */
#ifndef BW_CONFIG_H
#define BW_CONFIG_H
#include <stdio.h>

#ifndef BW_CONFIG_FILE
#define BW_CONFIG_FILE "/etc/bouncewatch/bouncewatch.conf"
#endif

struct config;

/* Which file to read: --config FILE (or --config=FILE) anywhere in argv
 * before a "--", else $BOUNCEWATCH_CONFIG (empty: no file), else
 * BW_CONFIG_FILE when it exists. *path is NULL when there is none; *given
 * is 1 when it was named (then a missing file is an error). Returns -1 when
 * --config has no value. */
int config_locate(int argc, char **argv, const char **path, int *given);

/* Reads and checks path (NULL: an empty configuration). NULL with err
 * ("FILE:LINE: ...") on an unknown key, a bad value or an unreadable file.
 * The configuration keeps a pointer to argv (the whole process argv), for
 * config_print's "command line" origins. */
struct config *config_load(const char *path, int argc, char **argv, char *err, size_t errlen);
void config_free(struct config *c);

/* "FILE:LINE: [section] key" when value is the very string config_argv
 * handed a command for a key of the file (pointer identity: a command that
 * rejects its option's value asks where it came from), else NULL. */
const char *config_origin(const struct config *c, const char *value, char *out, size_t outsz);

/* The file's database and rules directory, or NULL (the environment and
 * the command line come before them: main applies them only when neither
 * gave one). Borrowed from c. */
const char *config_db(const struct config *c);
const char *config_rules(const struct config *c);

/* argv of a command (argv[0] its name) with the file's options for that
 * command inserted after argv[0] (after argv[1] for the commands with a
 * verb: `snds fetch`, `dnsbl check`); keys whose option argv already has, or
 * whose environment variable is set, are left out. Returns a new array
 * (free() it; the strings are borrowed from c and argv) and sets *argc. */
char **config_argv(const struct config *c, int *argc, char **argv);

/* The [sources] of the file as `tail` options and operands (files, or
 * --journal with its --journal-dir, --identifier ...), for a tail given no
 * source; *n is 0 when the file names none. Returns a new array (free())
 * with room for one more element. */
char **config_sources(const struct config *c, int *n);

/* Every key with its effective value and where it came from (FILE:LINE,
 * env NAME, command line, default) as "section.key = value  # origin"
 * lines. extra (n strings: options given to `config` itself) count as
 * command line. */
void config_print(const struct config *c, int n, char **extra, FILE *f);

/* 1 when --NAME (without the dashes) is an option some key stands for and
 * *takes_value says whether it takes a value; 0 otherwise. */
int config_is_option(const char *name, int *takes_value);

#endif
