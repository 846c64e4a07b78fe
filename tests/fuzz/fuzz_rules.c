/* fuzz_rules - libFuzzer harness for the rule-file reader: the input is
 * written as one .rules file next to a fixed providers.conf (with signs:
 * the input is also the reply classified, read for them, and again from
 * the provider's relay at the end of DATA) and loaded.
 * Any input must load or fail with a message; none may crash, leak or hang;
 * a verdict of a rule that says "sending_ip = none" names no sending IP.
 * Built and run by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz_tmp.h"
#include "rules.h"

static const char *dir;

/* A verdict of a "sending_ip = none" rule with an IP is a bug. */
static void check_ip(const struct rules *r, const struct verdict *v)
{
	for (size_t i = 0; v->rule_id && i < rules_count(r); i++)
		if (strcmp(rules_info(r, i)->id, v->rule_id) == 0 && rules_info(r, i)->no_sending_ip &&
		    v->sending_ip[0])
			abort();
}
static char file[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char conf[300];
	FILE *f;
	(void)argc;
	(void)argv;
	dir = fuzz_tmp_make("rules");
	snprintf(conf, sizeof conf, "%s/providers.conf", dir);
	snprintf(file, sizeof file, "%s/a.rules", dir);
	if ((f = fopen(conf, "w")) == NULL)
		exit(2);
	fputs("[microsoft]\ndomains = hotmail.com\nrelays = .outlook.com\nsigns = as# sl+e# throttling+failure\n"
	      "[spamhaus]\nname = Spamhaus\n", f);
	fclose(f);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[2048];
	struct rules *r;
	FILE *f = fopen(file, "w");
	if (f == NULL)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	if ((r = rules_load(dir, err, sizeof err)) != NULL) {
		struct delivery d;
		struct verdict v;
		delivery_reset(&d);
		d.status = DS_BOUNCED;
		d.reply = str_make((const char *)data, size);
		rules_classify(r, &d, &v);
		check_ip(r, &v);
		d.relay_host = str_make("mx.outlook.com", 14);	/* the provider's own relay, */
		d.relay_ip = str_make("192.0.2.1", 9);
		d.stage = STAGE_EOD;				/* after the message */
		rules_classify(r, &d, &v);
		check_ip(r, &v);
		rules_free(r);
	}
	return 0;
}
