#include "rdf/iri.h"

#include <cctype>

namespace hamlet::rdf {
namespace {

struct Parts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

Parts Split(std::string_view s) {
  Parts p;
  std::size_t i = 0;
  // scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(s[0]))) {
    bool ok = true;
    for (std::size_t k = 1; k < colon; ++k) {
      char c = s[k];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
        ok = false;
        break;
      }
    }
    if (ok) {
      p.scheme = s.substr(0, colon);
      p.has_scheme = true;
      i = colon + 1;
    }
  }
  if (s.substr(i, 2) == "//") {
    std::size_t end = s.find_first_of("/?#", i + 2);
    if (end == std::string_view::npos) end = s.size();
    p.authority = s.substr(i + 2, end - i - 2);
    p.has_authority = true;
    i = end;
  }
  std::size_t end = s.find_first_of("?#", i);
  if (end == std::string_view::npos) end = s.size();
  p.path = s.substr(i, end - i);
  i = end;
  if (i < s.size() && s[i] == '?') {
    end = s.find('#', i);
    if (end == std::string_view::npos) end = s.size();
    p.query = s.substr(i + 1, end - i - 1);
    p.has_query = true;
    i = end;
  }
  if (i < s.size() && s[i] == '#') {
    p.fragment = s.substr(i + 1);
    p.has_fragment = true;
  }
  return p;
}

std::string RemoveDotSegments(std::string_view in) {
  std::string input(in), out;
  while (!input.empty()) {
    if (input.rfind("../", 0) == 0) {
      input.erase(0, 3);
    } else if (input.rfind("./", 0) == 0) {
      input.erase(0, 2);
    } else if (input.rfind("/./", 0) == 0) {
      input.replace(0, 3, "/");
    } else if (input == "/.") {
      input = "/";
    } else if (input.rfind("/../", 0) == 0 || input == "/..") {
      input = input.size() == 3 ? std::string("/") : input.substr(3);
      std::size_t slash = out.rfind('/');
      out.erase(slash == std::string::npos ? 0 : slash);
    } else if (input == "." || input == "..") {
      input.clear();
    } else {
      std::size_t start = input[0] == '/' ? 1 : 0;
      std::size_t next = input.find('/', start);
      if (next == std::string::npos) next = input.size();
      out.append(input, 0, next);
      input.erase(0, next);
    }
  }
  return out;
}

std::string Merge(const Parts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
  std::size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

}  // namespace

std::string ResolveIri(std::string_view base, std::string_view reference) {
  if (base.empty()) return std::string(reference);
  Parts r = Split(reference);
  if (r.has_scheme) return std::string(reference);  // already absolute (no dot removal)
  Parts b = Split(base);
  std::string authority, path, query;
  bool has_authority, has_query;
  if (r.has_authority) {
    authority = r.authority;
    has_authority = true;
    path = RemoveDotSegments(r.path);
    query = r.query;
    has_query = r.has_query;
  } else {
    authority = b.authority;
    has_authority = b.has_authority;
    if (r.path.empty()) {
      path = b.path;
      query = r.has_query ? r.query : b.query;
      has_query = r.has_query || b.has_query;
    } else {
      path = r.path[0] == '/' ? RemoveDotSegments(r.path) : RemoveDotSegments(Merge(b, r.path));
      query = r.query;
      has_query = r.has_query;
    }
  }
  std::string out;
  if (b.has_scheme) {
    out += b.scheme;
    out += ':';
  }
  if (has_authority) {
    out += "//";
    out += authority;
  }
  out += path;
  if (has_query) {
    out += '?';
    out += query;
  }
  if (r.has_fragment) {
    out += '#';
    out += r.fragment;
  }
  return out;
}

bool HasScheme(std::string_view iri) {
  return Split(iri).has_scheme;
}

}  // namespace hamlet::rdf
