// The RDF syntaxes Hamlet reads and writes, and how they are named on the command line.
#pragma once

#include <string>
#include <string_view>

#include "rdf/status.h"

namespace hamlet::io {

enum class Syntax { kNTriples, kNQuads, kTurtle, kTriG };

// "nt"/"ntriples", "nq"/"nquads", "ttl"/"turtle", "trig". InvalidArgument otherwise.
Result<Syntax> SyntaxFromName(std::string_view name);
// From a file name's extension (.nt .nq .ttl .trig). InvalidArgument when unknown.
Result<Syntax> SyntaxFromPath(std::string_view path);
// Short name ("nt", "nq", "ttl", "trig").
std::string_view SyntaxName(Syntax s);
// True for syntaxes that carry named graphs.
inline bool HasGraphs(Syntax s) {
  return s == Syntax::kNQuads || s == Syntax::kTriG;
}

}  // namespace hamlet::io
