// XPath regular expressions (XPath and XQuery Functions and Operators 3.1, section 5.6.1,
// built on XML Schema 1.0 Appendix F) rewritten in PCRE2 syntax, for REGEX and REPLACE.
// Internal to sparql/expr.
#pragma once

#include <string>
#include <string_view>

#include "rdf/status.h"

namespace hamlet::sparql::expr::detail {

// Rewrites `pattern` so that PCRE2, compiled with PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY
// (and PCRE2_CASELESS / PCRE2_MULTILINE for the i / m flags), matches exactly what the XPath
// pattern matches:
//   * `.` excludes only \n and \r (any character with `dot_all`, the s flag);
//   * \s is [ \t\n\r], \w is [^\p{P}\p{Z}\p{C}], \i and \c are XML name characters;
//   * \p{IsBlock} names a Unicode block (ranges from ICU's data), \p{Lu} etc. categories;
//   * [a-z-[aeiou]] class subtraction becomes a lookahead;
//   * with `strip_whitespace` (the x flag) white space outside classes is removed.
// Syntax XPath does not allow (unknown escapes, (?= lookaround, unescaped ] or {, an empty
// class, a back-reference to a group not yet closed) is InvalidInput with the reason.
Result<std::string> TranslateXPathRegex(std::string_view pattern, bool dot_all,
                                        bool strip_whitespace);

// `pattern` as a PCRE2 pattern matching it literally (the q flag).
std::string QuotePcre2(std::string_view pattern);

}  // namespace hamlet::sparql::expr::detail
