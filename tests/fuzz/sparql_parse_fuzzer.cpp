// libFuzzer target: any input is parsed as a SPARQL query and as an update; successful parses
// go through the algebra translation and the printer. Crashes, hangs and sanitizer reports
// are bugs; add the input to tests/fuzz/regressions/ once fixed.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sparql/algebra/algebra.h"
#include "sparql/syntax/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace syntax = hamlet::sparql::syntax;
  namespace algebra = hamlet::sparql::algebra;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  syntax::ParseOptions options;
  options.base_iri = "http://example.org/base/";
  auto q = syntax::ParseQuery(text, options);
  if (q.ok()) {
    (void)algebra::ToSse(algebra::Translate(*q.value));
  } else {
    (void)q.error->ToString();
  }
  auto u = syntax::ParseUpdate(text, options);
  if (u.ok()) {
    (void)algebra::ToSse(*u.value);
  } else {
    (void)u.error->ToString();
  }
  return 0;
}
