// A small result set used by the writer and round-trip tests.
#pragma once

#include "rdf/vocab.h"
#include "sparql/results/result_set.h"

namespace hamlet::sparql::results::testing {

inline ResultSet Sample() {
  ResultSet rs;
  rs.variables = {"s", "o", "n"};
  rs.rows.push_back({rdf::Term::Iri("http://ex.org/a"),
                     rdf::Term::LangLiteral("hello, \"world\"", "en"),
                     rdf::Term::Literal("42", std::string(rdf::vocab::kXsdInteger))});
  rs.rows.push_back({rdf::Term::Blank("b1"), std::nullopt, rdf::Term::Literal("line1\nline2")});
  rs.rows.push_back({rdf::Term::Iri("http://ex.org/b"),
                     rdf::Term::Literal("1.0e6", std::string(rdf::vocab::kXsdDouble)),
                     rdf::Term::Literal("a<b&c", "http://ex.org/dt")});
  return rs;
}

}  // namespace hamlet::sparql::results::testing
