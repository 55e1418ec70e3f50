#include "rdf/text.h"

#include <algorithm>

#include "rdf/term.h"
#include "rdf/utf8.h"

namespace hamlet::rdf {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool IsLocalNameChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c >= 0x80;
}

}  // namespace

size_t DisplayWidth(std::string_view s) {
  return utf8::CountCodePoints(s);
}

std::string Truncate(std::string_view s, size_t max) {
  if (max == 0 || DisplayWidth(s) <= max) return std::string(s);
  return std::string(s.substr(0, utf8::PrefixBytes(s, max - 1))) + std::string(kEllipsis);
}

bool IsPlainLocalName(std::string_view local) {
  if (!std::all_of(local.begin(), local.end(),
                   [](char c) { return IsLocalNameChar(static_cast<unsigned char>(c)); })) {
    return false;
  }
  return local.empty() || (local.back() != '.' && local.front() != '-' && local.front() != '.');
}

std::string ShortIri(std::string_view iri, const PrefixList& prefixes) {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& p : prefixes) {
    if (p.second.empty() || !iri.starts_with(p.second)) continue;
    if (!IsPlainLocalName(iri.substr(p.second.size()))) continue;
    if (best == nullptr || p.second.size() > best->second.size()) best = &p;
  }
  if (best != nullptr) return best->first + ":" + std::string(iri.substr(best->second.size()));
  std::string out;
  AppendNTriples(TermView{TermKind::kIri, iri, {}, {}}, &out);
  return out;
}

}  // namespace hamlet::rdf
