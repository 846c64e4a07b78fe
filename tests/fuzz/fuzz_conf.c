/* fuzz_conf - libFuzzer harness for the three INI-style files read at start:
 * the first byte chooses which one the rest of the input becomes
 * (0: providers.conf, 3: blocklists.conf, each beside a fixed rules file,
 * one of its rules "scope = own", loaded by rules_load; 1: dnsbl.conf (dnsbl_conf_load, then a zone
 * selection); 2: bouncewatch.conf (config_load, then the argument vector
 * and the sources it yields)).
 * Any input must load or fail with a message; none may crash, leak or hang.
 * Built and run by `make fuzz`; the committed corpus is replayed by `make test`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"
#include "dnsbl.h"
#include "fuzz_tmp.h"
#include "rules.h"

static const char *dir;
static char prov[300], lists[300], other[300];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char rf[300];
	FILE *f;
	(void)argc;
	(void)argv;
	dir = fuzz_tmp_make("conf");
	snprintf(prov, sizeof prov, "%s/providers.conf", dir);
	snprintf(lists, sizeof lists, "%s/blocklists.conf", dir);
	snprintf(other, sizeof other, "%s/other.conf", dir);
	snprintf(rf, sizeof rf, "%s/a.rules", dir);
	if ((f = fopen(rf, "w")) == NULL)
		exit(2);
	fputs("[ms-block]\nprovider = microsoft\ncategory = blocklist\nblock = yes\n"
	      "match = S3140\nexample = 550 5.7.1 S3140 blocked\n"
	      /* its examples are read from a relay made of the provider's relays */
	      "[ms-own]\nprovider = microsoft\ncategory = other\nscope = own\n"
	      "match = S3150\nexample = 550 5.7.1 S3150 blocked\n", f);
	fclose(f);
	return 0;
}

static int put(const char *path, const uint8_t *p, size_t n)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fwrite(p, 1, n, f);
	return fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[2048];
	if (size < 1)
		return 0;
	switch (data[0] % 4) {
	case 0:
	case 3: {
		struct rules *r;
		const char *name, *advice, *path = data[0] % 4 == 0 ? prov : lists;
		if (put(path, data + 1, size - 1) != 0)
			return 0;
		if ((r = rules_load(dir, err, sizeof err)) != NULL) {
			struct delivery d;
			struct verdict v;
			(void)rules_provider_for(r, "hotmail.com", str_make("mx.outlook.com", 14));
			/* many labels, an empty one: for relays with '*' labels */
			(void)rules_provider_for(r, NULL, str_make("a.b..c.d.e.outlook.com", 22));
			(void)rules_pool_for(r, "example.org", str_make("", 0));
			(void)rules_blocklist_info(r, "spamhaus", &name, &advice);
			delivery_reset(&d);	/* a relay named like a gateway's appliance */
			d.status = DS_BOUNCED;
			d.reply = str_make("550 5.7.1 S3140 blocked", 23);
			d.relay_host = str_make("ironport1.mx.example.org", 24);
			rules_classify(r, &d, &v);
			rules_free(r);
		}
		unlink(path);
		break;
	}
	case 1: {
		struct dnsbl_conf *c;
		if (put(other, data + 1, size - 1) != 0)
			return 0;
		if ((c = dnsbl_conf_load(other, err, sizeof err)) != NULL) {
			if (c->n > 0)
				(void)dnsbl_conf_select(c, c->z[0].id, err, sizeof err);
			dnsbl_conf_free(c);
		}
		break;
	}
	default: {
		struct config *c;
		char a0[] = "bouncewatch", a1[] = "tail", a2[] = "-v", *av[] = { a0, a1, a2, NULL };
		if (put(other, data + 1, size - 1) != 0)
			return 0;
		if ((c = config_load(other, 3, av, err, sizeof err)) != NULL) {
			int n = 2, ns = 0;
			free(config_argv(c, &n, av + 1));
			(void)config_db(c);
			(void)config_rules(c);
			free(config_sources(c, &ns));
			config_free(c);
		}
		break;
	}
	}
	return 0;
}
