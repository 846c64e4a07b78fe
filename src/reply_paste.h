/* reply_paste - a reply handed over as a web page or a word processor
 * writes it, or with its address masked, read as the server wrote it, for
 * matching
 *
 * Replies reach the rules through HTML and rich text too: an Exchange
 * NDR's HTML part, a bounce parsed from a web mail view, a log quoted on a
 * web page, a forum or a blog and copied back into a file that `rules
 * test` or `rules classify` reads. There the characters a reply's words
 * are made of come in other forms; rules_classify reads them as the ASCII
 * the server sent (before the frame, reply_frame.h, and the lines,
 * reply_join.h). The stored reply keeps every byte.
 *
 * THE STEP. Each of these becomes the ASCII text after "->" (nothing
 * where "->" is followed by nothing):
 *   "&amp;" "&lt;" "&gt;" "&quot;" "&apos;"  -> & < > " '
 *       (HTML's five XML entities, lower case as HTML spells them)
 *   "&nbsp;" and U+00A0, U+2007, U+202F (UTF-8)  -> a space
 *       (the no-break spaces a page's "&nbsp;" copies as)
 *   U+2018, U+2019, U+201B  -> '     U+201C, U+201D, U+201F  -> "
 *       (the quotes and apostrophes a word processor or a blog engine
 *       writes for ' and ")
 *   U+200B, U+200C, U+200D, U+2060, U+FEFF  ->
 *       (zero-width spaces, joiners and the byte order mark: nothing)
 *   U+2026  -> ...
 *       (the ellipsis a word processor writes for "...", as after the
 *       address of Sendmail's "<a@b>... User unknown")
 *   "&#N;" (N 1 to 7 decimal digits) and "&#xH;" / "&#XH;" (H 1 to 6
 *   hexadecimal digits): the character N or H numbers, when it is printable
 *   ASCII (U+0020 to U+007E), or one of the characters above, read as
 *   above; any other stays as written.
 *   a masked IPv4 address  -> 0.0.0.0
 *       (four parts joined by '.', each 1 to 3 digits or 1 to 3 of 'x',
 *       'X', '*', at least one part masked: "x.x.x.x", "xx.xx.xx.xx",
 *       "xxx.xxx.xxx.xxx", "192.0.2.xxx", "211.xxx.xxx.xxx", "1.2.*.*";
 *       not inside a word, a number or a dotted name: the bytes before and
 *       after it, in the text as written, are none of letters, digits,
 *       '_', '-', '*', and no '.' is before it or before a word after it.
 *       The rules read an address there, as in the reply unmasked; the
 *       unspecified address (RFC 1122 3.2.1.3) names no sender: a verdict
 *       does not name it as the sending IP unless the reply as logged
 *       writes "0.0.0.0" itself, rules.h)
 *   "[email protected]"  -> x@example.invalid
 *       (Cloudflare's Email Address Obfuscation writes it for every e-mail
 *       address of a page it serves, the gap as "&#160;"; ' ', U+00A0,
 *       "&#160;" and "&nbsp;" are read there. The rules read an address,
 *       under a reserved name (RFC 2606) that names no provider)
 * An address masked by a word ("[IP]", "<redacted>", "***") stays: the
 * word can stand for a host name or an address, and rules read words.
 * One pass from left to right: what a step writes is not read again
 * ("&amp;lt;" -> "&lt;"). Everything else, invalid UTF-8, NUL and every
 * other entity included, is copied unchanged.
 *
 * Where these shapes are seen: "550 5.7.1 &lt;user@domain&gt;: Recipient
 * address rejected" in a Postfix log quoted on a blog (blogs.nopcode.org,
 * 2007-08-27, "Ben tip d'SPAM: Greylisting i SPF", which writes its
 * quotes as "&#8216;" too); an HTML-only Exchange NDR's "Remote Server
 * returned &#39;550 5.1.1 User unknown&#39;"; blog.warmy.io's page on
 * "SMTP Error 550 5.7.1" quotes replies in U+201C / U+201D quotes and
 * writes Sendmail's "..." as U+2026; a web page's "&nbsp;" copies as
 * U+00A0; U+200B and U+FEFF are left by editors and chat clients in copied
 * text (Unicode's General Punctuation and the BOM at the start of a saved
 * file). Masked addresses:
 * "client [54.224.254.xxx] blocked using zen.spamhaus.org" (reacherhq/
 * backend issue #189), "Client host [xx.xx.xx.xx] blocked using
 * Spamhaus" (devmehq/email-validator-js issue #100), and receivers that
 * mask it in their own reply, "421 4.3.2 Your IP(211.xxx.xxx.xxx) is
 * filtered" (kbit.tistory.com, quoted in patterns/standing.rules). Hidden
 * addresses: Cloudflare's documentation of Email Address Obfuscation
 * (developers.cloudflare.com, Scrape Shield); blog.warmy.io's page quotes
 * "550 5.7.1 <[email protected]>... Relaying denied".
 *
 * Pure: no state, no allocation; linear in len; any bytes. The output is
 * never longer than the input.
 */
#ifndef BW_REPLY_PASTE_H
#define BW_REPLY_PASTE_H
#include <stddef.h>

/* The offset where the first shape of in[0..len) opens (the step changes
 * nothing before it); len if none (the text reads as it is). */
size_t reply_paste_at(const char *in, size_t len);

/* Writes in[0..len) read through the step into out (room for len + 1
 * bytes; out may be in itself), NUL-terminated; returns the length
 * written (<= len). */
size_t reply_paste(const char *in, size_t len, char *out);

/* reply_paste when reply_paste_at(in, len) said at. */
size_t reply_paste_from(const char *in, size_t len, size_t at, char *out);

#endif
