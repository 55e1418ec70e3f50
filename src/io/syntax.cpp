#include "io/syntax.h"

#include <algorithm>

namespace hamlet::io {

Result<Syntax> SyntaxFromName(std::string_view name) {
  std::string n(name);
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  if (n == "nt" || n == "ntriples" || n == "n-triples") return Syntax::kNTriples;
  if (n == "nq" || n == "nquads" || n == "n-quads") return Syntax::kNQuads;
  if (n == "ttl" || n == "turtle") return Syntax::kTurtle;
  if (n == "trig") return Syntax::kTriG;
  return Status::InvalidArgument("unknown RDF format '" + std::string(name) +
                                 "' (expected nt, nq, ttl or trig)");
}

Result<Syntax> SyntaxFromPath(std::string_view path) {
  size_t dot = path.rfind('.');
  size_t slash = path.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return Status::InvalidArgument("cannot tell the RDF format of '" + std::string(path) +
                                   "' from its name: use --format");
  }
  auto r = SyntaxFromName(path.substr(dot + 1));
  if (!r.ok()) {
    return Status::InvalidArgument("cannot tell the RDF format of '" + std::string(path) +
                                   "' from its extension (.nt .nq .ttl .trig): use --format");
  }
  return r;
}

std::string_view SyntaxName(Syntax s) {
  switch (s) {
    case Syntax::kNTriples:
      return "nt";
    case Syntax::kNQuads:
      return "nq";
    case Syntax::kTurtle:
      return "ttl";
    case Syntax::kTriG:
      return "trig";
  }
  return "?";
}

}  // namespace hamlet::io
