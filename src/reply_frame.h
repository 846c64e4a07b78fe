/* reply_frame - a remote reply without the frame around it, for matching
 *
 * The same refusal reaches the rules in several frames: as the receiver
 * wrote it ("550 5.7.1 text"), or quoted by the software that reported it,
 * with padding that carries no meaning. The rules match the receiver's own
 * words, anchored on its reply code; rules_classify hands them the reply
 * with the frame taken off (reply_unframe) and its blanks squeezed
 * (reply_squeeze), after the lines of a multi-line reply are joined
 * (reply_join.h). The stored reply keeps every byte.
 *
 * THE FRAME. When the text opens with one of these, and right after it
 * comes a reply code (three digits, the first 2 to 5, then ' ', '-' or the
 * end of the text), the reply starts at that code:
 *   "host H[A] said: "            Postfix's bounce text (H a host name,
 *   "host H[A] refused to talk to me: "   A its address in brackets)
 *   "host H [A]: "                Exim's bounce text
 *   "SMTP error from remote mail server after C: "  Exim's (C the command,
 *                                 up to the first ": " before a code)
 *   "smtp;" and blanks            a DSN's Diagnostic-Code (RFC 3464's
 *                                 diagnostic type "smtp", as Sisimai reads it)
 *   "Remote Server returned '"    an Exchange NDR; the closing "'" at the
 *                                 end of the text (before Postfix's tail,
 *                                 if one follows) goes with it, and a bare
 *                                 code may end at that quote ("'550'")
 * matched without regard to case; frames one inside another are taken off
 * in turn (at most REPLY_FRAMES_MAX). Blanks (spaces, tabs) before a frame
 * and after one go with it, and blanks before a bare reply code go too
 * (" 550 5.7.1 ..." starts at "550"): padding a quoting program or a
 * hand-made log put there; blanks no frame or code follows stay.
 * Outside every frame, two marks of a pasted reply go the same way, when a
 * frame, a reply code or an enhanced status code (RFC 3463: "5.7.1 ..."
 * as some servers' replies and some reports begin) follows them (after
 * blanks):
 *   quote marks          '>' with the blanks after it, once or repeated
 *                        ("> ", ">> ", "> > "): a mail client's quote of a
 *                        bounce, a mailing list's or a forum's quote
 *   a code span          one to three backticks ("`550 ...`"): Markdown's
 *                        inline code in issue threads and forums; as many
 *                        backticks (or fewer) at the end of the text, and
 *                        blanks after them, go with it
 * (quote marks first, then the backticks: "> `550 ...`"). A quote mark
 * inside the text (a wrapped quote's next line, joined) stays text. At the
 * end of the text, Postfix's
 * " (in reply to WORDS command)" (WORDS: letters, blanks, '/' and '-'; any
 * case), and blanks after it, go, once or repeated, whether or not a frame opened the
 * text. Anything else stays: a text that does not fit is its own reply
 * (the relay's reply that quotes another server after its own code, as
 * "550 5.1.1 <a@b>: ... host H[A] said: 550 ...", is the relay's).
 *
 * Where the marks come from: docker-mailserver/docker-mailserver issue
 * #1640 quotes a report of refusals with "> " marks; simple-login/app issue
 * #2675 gives its log line with its "554 5.7.1 Service unavailable; Client
 * host [redacted] blocked using zen.spamhaus.org" reply between backticks.
 * Where the frames come from: Postfix's bounce text quotes "host H[A] said:
 * REPLY (in reply to RCPT TO command)" (its smtp client; quoted in the
 * carlohamalainen/carlohamalainen.github.io post of 2014-05-26 on an Office
 * 365 bounce); RFC 3464 section 2.3.6 gives the Diagnostic-Code field as
 * "smtp; REPLY"; Microsoft's NDR documentation shows "Remote Server
 * returned '550 5.1.8 Access denied, bad outbound sender'"; Exim writes
 * "host H [A]: SMTP error from remote mail server after CMD: REPLY" in its
 * bounces as in its log lines (src/fmt_exim.c reads the latter).
 *
 * THE BLANKS. A run of spaces and tabs of two bytes or more, and a lone
 * tab, become one space; blanks at the end of the text go. Text, codes and
 * every other byte (newlines, NUL, invalid UTF-8) stay.
 *
 * Pure: no state, no allocation; linear in len; any bytes.
 */
#ifndef BW_REPLY_FRAME_H
#define BW_REPLY_FRAME_H
#include <stddef.h>

#define REPLY_FRAMES_MAX 4

/* The reply inside its frame: sets *off to where it starts in in[0..len)
 * and returns its length (off + length <= len). Without a frame: *off is
 * past the leading blanks (and quote marks and backticks) when a reply
 * code follows them, else 0; the length is the rest, less any closing
 * backticks and "(in reply to ... command)" tail. */
size_t reply_unframe(const char *in, size_t len, size_t *off);

/* The offset of the first byte reply_squeeze would change in in[0..len):
 * a tab, a space before a blank or at the end; len if none. */
size_t reply_squeeze_at(const char *in, size_t len);

/* Writes in[0..len) with its blanks squeezed into out (room for len + 1
 * bytes; out may be in itself), NUL-terminated; returns the length
 * written (<= len; shorter unless reply_squeeze_at found nothing or the
 * blanks were lone tabs). */
size_t reply_squeeze(const char *in, size_t len, char *out);

/* reply_squeeze when reply_squeeze_at(in, len) said at. */
size_t reply_squeeze_from(const char *in, size_t len, size_t at, char *out);

#endif
