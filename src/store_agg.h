/* store_agg - the delivery sections of a report in one pass over a window
 * (store_agg.c). Internal to the store family: store_report.c uses it. */
#ifndef BW_STORE_AGG_H
#define BW_STORE_AGG_H
#include "store_report.h"

/* 1 for the sections store_agg_run() answers: totals .. hour. */
int store_agg_section(enum store_section sec);

/* Answers the requests whose section store_agg_section() takes (others are
 * skipped), after one pass over the window's deliveries. 0, or -1 with err. */
int store_agg_run(struct store *st, const struct store_window *w,
		  const struct store_report_req *req, int n, char *err, size_t errlen);

#endif
