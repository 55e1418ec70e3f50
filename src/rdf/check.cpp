#include "rdf/check.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace hamlet::rdf {

namespace {

bool IsAlpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsAlnum(char c) {
  return IsAlpha(c) || IsDigit(c);
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), pred);
}

std::string Quote(std::string_view s) {
  std::string q = "'";
  q.append(s.substr(0, 200));
  if (s.size() > 200) q.append("...");
  q.push_back('\'');
  return q;
}

}  // namespace

Status CheckAbsoluteIri(std::string_view iri) {
  if (iri.empty()) return Status::InvalidInput("empty IRI");
  size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Status::InvalidInput("IRI " + Quote(iri) + " has no scheme (expected e.g. 'https:')");
  }
  if (!IsAlpha(iri[0])) {
    return Status::InvalidInput("IRI " + Quote(iri) +
                                " has a scheme that does not start with a letter");
  }
  for (size_t i = 1; i < colon; ++i) {
    char c = iri[i];
    if (!IsAlnum(c) && c != '+' && c != '-' && c != '.') {
      return Status::InvalidInput("IRI " + Quote(iri) +
                                  " has an invalid character in its scheme at offset " +
                                  std::to_string(i));
    }
  }
  for (size_t i = 0; i < iri.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(iri[i]);
    const char* what = nullptr;
    if (c == ' ') {
      what = "a space";
    } else if (c < 0x20 || c == 0x7F) {
      what = "a control character";
    } else if (c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
               c == '`' || c == '\\') {
      what = "a character IRIs forbid";
    }
    if (what != nullptr) {
      return Status::InvalidInput("IRI " + Quote(iri) + " contains " + what + " at offset " +
                                  std::to_string(i));
    }
  }
  return Status::Ok();
}

namespace {

std::vector<std::string_view> SplitSubtags(std::string_view tag) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t dash = tag.find('-', start);
    out.push_back(tag.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

constexpr std::array<std::string_view, 26> kGrandfathered = {
    "en-GB-oed", "i-ami",     "i-bnn",     "i-default",  "i-enochian",  "i-hak",  "i-klingon",
    "i-lux",     "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",       "i-tay",  "i-tsu",
    "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE", "art-lojban", "cel-gaulish", "no-bok", "no-nyn",
    "zh-guoyu",  "zh-hakka",  "zh-min",    "zh-min-nan", "zh-xiang"};

bool Len(std::string_view s, size_t lo, size_t hi) {
  return s.size() >= lo && s.size() <= hi;
}

}  // namespace

Status CheckLanguageTag(std::string_view tag) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidInput("language tag " + Quote(tag) +
                                " is not well-formed BCP 47: " + why);
  };
  if (tag.empty()) return bad("it is empty");
  for (auto g : kGrandfathered) {
    if (IEquals(g, tag)) return Status::Ok();
  }
  std::vector<std::string_view> parts = SplitSubtags(tag);
  for (auto p : parts) {
    if (p.empty()) return bad("empty subtag");
    if (p.size() > 8) return bad("subtag '" + std::string(p) + "' is longer than 8 characters");
    if (!AllOf(p, IsAlnum))
      return bad("subtag '" + std::string(p) + "' has a character that is not a letter or digit");
  }
  size_t i = 0;
  auto privateuse = [&]() -> Status {
    // "x" 1*("-" (1*8alphanum))
    if (i + 1 >= parts.size()) return bad("private-use 'x' has no subtag after it");
    return Status::Ok();
  };
  if (IEquals(parts[0], "x")) return privateuse();
  // language
  if (!AllOf(parts[0], IsAlpha) || parts[0].size() < 2 || parts[0].size() == 4) {
    return bad("primary language subtag must be 2-3 or 5-8 letters");
  }
  ++i;
  if (parts[0].size() <= 3) {
    // up to three extlang subtags of 3 letters
    for (int k = 0; k < 3 && i < parts.size() && parts[i].size() == 3 && AllOf(parts[i], IsAlpha);
         ++k)
      ++i;
  }
  if (i < parts.size() && parts[i].size() == 4 && AllOf(parts[i], IsAlpha)) ++i;  // script
  if (i < parts.size() && ((parts[i].size() == 2 && AllOf(parts[i], IsAlpha)) ||
                           (parts[i].size() == 3 && AllOf(parts[i], IsDigit)))) {
    ++i;  // region
  }
  while (i < parts.size() &&
         (Len(parts[i], 5, 8) || (parts[i].size() == 4 && IsDigit(parts[i][0])))) {
    ++i;  // variants
  }
  while (i < parts.size() && parts[i].size() == 1 && !IEquals(parts[i], "x")) {
    ++i;  // extension singleton
    size_t n = 0;
    while (i < parts.size() && Len(parts[i], 2, 8)) {
      ++i;
      ++n;
    }
    if (n == 0) return bad("extension singleton has no subtag after it");
  }
  if (i < parts.size() && IEquals(parts[i], "x")) {
    ++i;
    if (i >= parts.size()) return bad("private-use 'x' has no subtag after it");
    i = parts.size();
  }
  if (i != parts.size()) return bad("unexpected subtag '" + std::string(parts[i]) + "'");
  return Status::Ok();
}

}  // namespace hamlet::rdf
