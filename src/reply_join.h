/* reply_join - a multi-line SMTP reply as one continuous text, for matching
 *
 * An SMTP reply of several lines repeats its code on each line (RFC 5321
 * 4.2.1: "550-" on every line but the last, "550 " on the last; RFC 2034
 * servers repeat the enhanced code after it). Mail logs keep those
 * prefixes inside the text: Postfix joins the lines with one space
 * ("risk to the 550-5.7.26 sender"), Exim writes the line break as a
 * literal backslash-n ("risk to the\n550-5.7.26 sender"), other sources
 * hand over a real newline or CRLF. OpenSMTPD removes the prefixes itself
 * and appends each line to the previous one without a separator: an
 * enhanced code it does not recognise (one with a part of two digits,
 * "5.7.26") stays glued to the last word ("risk to the5.7.26 sender").
 * Sendmail logs the first line only. reply_join writes the text with every
 * later line's prefix replaced by one space, so that a phrase a line break
 * split reads as one: "risk to the sender".
 *
 * THE FIRST LINE. The text must open with a reply code C: three digits,
 * the first 2 to 5, then '-', ' ' or the end. Otherwise the text is copied
 * unchanged. The first line's code, separator and enhanced code E (D.S.D
 * with D the code's first digit, 1 to 3 digits per part, then a space or
 * the end) stay. The reply is multi-line when the separator is '-'.
 *
 * A LATER PREFIX. C again (the same three digits; another code is text),
 * at a line boundary, followed by '-', ' ' or the end of the text, then
 * optionally an enhanced code of class D (possibly cut by the end of the
 * text). It is a continuation when its boundary is
 *   hard: a real newline, CRLF, or a literal "\n" or "\r\n" (Exim) right
 *         before C: always, whatever the first line says;
 *   soft: a space or tab right before C (Postfix), only in a multi-line
 *         reply, and then
 *         - "C-" always (a middle line);
 *         - "C " (a last line) only when the first line has no enhanced
 *           code or this prefix has one ("error 550 occurred" in a Gmail
 *           reply stays text), and only for the first such prefix after
 *           the text's last "C-" prefix: a reply has one last line, and
 *           it comes after every middle line ("550-a error 550 b 550-c
 *           550 d": "550 b" is text, "550 d" the last line).
 * In a one-line reply ("550 5.1.1 ... said: 550 5.1.1 ..."), a code after
 * a space is always text: Postfix and Exim quote replies inside replies.
 * GLUED CODES (OpenSMTPD). In a multi-line reply whose E has a part of two
 * or more digits, E itself followed by a space, right after a letter (or
 * after a letter and one of . , ; : ! ? ) " ') is a continuation prefix
 * without a code: OpenSMTPD strips the codes of later lines but not such an
 * E. Words it glued without any code ("the" "sender" -> "thesender")
 * cannot be told apart and stay as they are.
 *
 * THE REPLACEMENT. A continuation prefix, the spaces and tabs before its
 * boundary, the boundary and the spaces and tabs after the prefix become
 * one space; consecutive prefixes (an empty line) one space in all; a
 * prefix at the very end of the text (a cut reply) nothing. Every other
 * byte is copied unchanged, NUL and invalid UTF-8 included.
 *
 * Pure: no state, no allocation; linear in len; any bytes. The output is
 * never longer than the input, and has the same length only when it is
 * the same text.
 */
#ifndef BW_REPLY_JOIN_H
#define BW_REPLY_JOIN_H
#include <stddef.h>

/* Writes the joined form of in[0..len) into out, which has room for
 * len + 1 bytes and does not overlap in; out is NUL-terminated. Returns
 * the length written (<= len). */
size_t reply_join(const char *in, size_t len, char *out);

/* 0 when no later line can follow, and reply_join would copy the text
 * unchanged: it does not open with a reply code and '-', nor hold a line
 * break (a newline or a backslash). Cheap: for callers that can use the
 * text as it is. */
int reply_join_needed(const char *in, size_t len);

#endif
