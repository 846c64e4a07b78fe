/* retain - retention applied by tail (see retain.h). Uses the store's
 * prune functions; knows nothing of files, the journal or alerts.
 */
#include "clock.h"
#include "retain.h"
#include "store_prune.h"

void retain_init(struct retain *r, double age)
{
	*r = (struct retain){ .age = age, .batch = RETAIN_BATCH };
}

int64_t retain_step(struct retain *r, struct store *st, double now, double mono, int *pass_done,
		    char *err, size_t errlen)
{
	int64_t n, ev = 0, free_pages;
	const char *mode;
	*pass_done = 0;
	if (r->age <= 0 || mono < r->next)
		return 0;
	if (!r->in_pass) {
		if (store_pages(st, &r->pages_before, &free_pages, &r->page_size, err, errlen) < 0)
			goto retry;
		r->in_pass = 1;
	}
	double t0 = clock_mono();
	if ((n = store_prune_batch(st, now - r->age, r->batch, &ev, err, errlen)) < 0)
		goto retry;
	if (clock_mono() - t0 > r->longest)
		r->longest = clock_mono() - t0;
	r->pass_deleted += n;
	r->deleted += n;
	if (n == r->batch || ev == r->batch)
		return n;	/* more to do: the next step is due at once */
	if (r->pass_deleted > 0 && store_reclaim(st, 0, &mode, err, errlen) < 0)
		goto retry;
	if (store_pages(st, &r->pages_after, &free_pages, &r->page_size, err, errlen) < 0)
		goto retry;
	*pass_done = r->pass_deleted > 0;
	r->pass_deleted = 0;
	r->in_pass = 0;
	r->next = mono + RETAIN_EVERY;
	return n;
retry:
	r->next = mono + 60;
	return -1;
}

int retain_wait_ms(const struct retain *r, double mono)
{
	if (r->age <= 0)
		return -1;
	if (mono >= r->next)
		return 0;
	return (r->next - mono) * 1000 > 1e9 ? 1000000000 : (int)((r->next - mono) * 1000);
}
