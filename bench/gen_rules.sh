# gen_rules.sh - sourced by bench/run.sh and bench/classify_ab.sh (no #! line)
#
# gen_rules N: N rules in four shapes real libraries have, each with its
# own reference (an id, a URL, a policy number).
gen_rules() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++) {
			printf "[gen-%d]\nprovider = generic\ncategory = reputation\nblock    = yes\npriority = 500\n", i
			k = i % 4
			if (k == 0) {
				printf "match    = ^5\\d\\d[ -]5\\.7\\.1 \\[XP%d\\] Messages from \\S+ temporarily rejected\n", i
				printf "example  = 550 5.7.1 [XP%d] Messages from 192.0.2.1 temporarily rejected\n\n", i
			} else if (k == 1) {
				printf "match    = (?i)blocked by policy engine pe%d(?: \\(\\d+\\))?\n", i
				printf "example  = 554 blocked by policy engine pe%d (12)\n\n", i
			} else if (k == 2) {
				printf "match    = ^4\\d\\d[ -]4\\.7\\.\\d+ .*?see https?://help\\.mail%d\\.example/\n", i
				printf "example  = 421 4.7.0 deferred, see https://help.mail%d.example/\n\n", i
			} else {
				printf "match    = AUP#R%d-\\d+\n", i
				printf "example  = 550 5.7.1 Rejected, AUP#R%d-77\n\n", i
			}
		}
	}'
}
