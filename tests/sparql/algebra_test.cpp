// Algebra translation (SPARQL 1.1 section 18.2) of queries modelled on the specification's
// examples, compared with hand-written S-expressions.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/parse_command.h"
#include "sparql/algebra/algebra.h"
#include "sparql/syntax/parser.h"

namespace {

using hamlet::sparql::algebra::ToSse;
using hamlet::sparql::algebra::Translate;

const std::string kPrefix = "PREFIX : <http://example/>\n";

// The algebra without the (prefix ...) wrapper: prefix lines are dropped and the body is
// de-indented by two spaces.
std::string Algebra(const std::string& query) {
  auto r = hamlet::sparql::syntax::ParseQuery(kPrefix + query);
  if (!r.ok()) return "ERROR " + r.error->ToString();
  std::string s = ToSse(Translate(*r.value));
  const std::string head = "(prefix ((: <http://example/>))\n";
  if (s.rfind(head, 0) != 0) return s;
  s = s.substr(head.size(), s.size() - head.size() - 1);  // drop the last ')'
  std::string out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    out += (out.empty() ? "" : "\n") + line.substr(2);
  }
  return out;
}

TEST(SparqlAlgebra, BasicGraphPattern) {
  EXPECT_EQ(Algebra("SELECT * { ?s :p1 ?v1 ; :p2 ?v2 }"),
            "(bgp\n"
            "  (triple ?s :p1 ?v1)\n"
            "  (triple ?s :p2 ?v2))");
}

TEST(SparqlAlgebra, Union) {
  EXPECT_EQ(Algebra("SELECT * { { ?s :p1 ?v1 } UNION { ?s :p2 ?v2 } UNION { ?s :p3 ?v3 } }"),
            "(union\n"
            "  (union\n"
            "    (bgp\n"
            "      (triple ?s :p1 ?v1))\n"
            "    (bgp\n"
            "      (triple ?s :p2 ?v2)))\n"
            "  (bgp\n"
            "    (triple ?s :p3 ?v3)))");
}

TEST(SparqlAlgebra, OptionalWithFilterBecomesLeftJoinExpression) {
  EXPECT_EQ(Algebra("SELECT * { ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 FILTER(?v1 < 3) } }"),
            "(leftjoin\n"
            "  (bgp\n"
            "    (triple ?s :p1 ?v1))\n"
            "  (bgp\n"
            "    (triple ?s :p2 ?v2))\n"
            "  (< ?v1 3))");
}

// W3C optional-filter#dawg-optional-filter-005-not-simplified: a FILTER of a nested group
// stays a Filter inside the OPTIONAL, not the left join's condition.
TEST(SparqlAlgebra, NestedGroupFilterInOptionalStaysInside) {
  EXPECT_EQ(Algebra("SELECT * { ?s :p1 ?v1 OPTIONAL { { ?s :p2 ?v2 FILTER(?v1 < 3) } } }"),
            "(leftjoin\n"
            "  (bgp\n"
            "    (triple ?s :p1 ?v1))\n"
            "  (filter (< ?v1 3)\n"
            "    (bgp\n"
            "      (triple ?s :p2 ?v2))))");
}

TEST(SparqlAlgebra, TwoOptionals) {
  EXPECT_EQ(Algebra("SELECT * { ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 } OPTIONAL { ?s :p3 ?v3 } }"),
            "(leftjoin\n"
            "  (leftjoin\n"
            "    (bgp\n"
            "      (triple ?s :p1 ?v1))\n"
            "    (bgp\n"
            "      (triple ?s :p2 ?v2)))\n"
            "  (bgp\n"
            "    (triple ?s :p3 ?v3)))");
}

TEST(SparqlAlgebra, FilterScopesOverTheWholeGroup) {
  EXPECT_EQ(Algebra("SELECT * { ?s :p1 ?v1 FILTER (?v1 < 3) OPTIONAL { ?s :p2 ?v2 } }"),
            "(filter (< ?v1 3)\n"
            "  (leftjoin\n"
            "    (bgp\n"
            "      (triple ?s :p1 ?v1))\n"
            "    (bgp\n"
            "      (triple ?s :p2 ?v2))))");
}

TEST(SparqlAlgebra, FiltersDoNotSplitTheBasicGraphPattern) {
  EXPECT_EQ(Algebra("ASK { ?s :p ?o FILTER(?o) ?s :q ?r FILTER(isIRI(?r)) }"),
            "(ask\n"
            "  (filter (exprlist ?o (isiri ?r))\n"
            "    (bgp\n"
            "      (triple ?s :p ?o)\n"
            "      (triple ?s :q ?r))))");
}

TEST(SparqlAlgebra, NestedGroupsJoin) {
  EXPECT_EQ(Algebra("SELECT * { ?x :p ?v { ?x :q ?w } }"),
            "(join\n"
            "  (bgp\n"
            "    (triple ?x :p ?v))\n"
            "  (bgp\n"
            "    (triple ?x :q ?w)))");
}

TEST(SparqlAlgebra, EmptyGroupIsTheUnitTable) {
  EXPECT_EQ(Algebra("SELECT * {}"), "(table unit)");
}

TEST(SparqlAlgebra, BindExtendsWhatPrecedesIt) {
  EXPECT_EQ(Algebra("SELECT * { ?s :p ?o BIND(?o + 1 AS ?z) ?s :q ?w }"),
            "(join\n"
            "  (extend ((?z (+ ?o 1)))\n"
            "    (bgp\n"
            "      (triple ?s :p ?o)))\n"
            "  (bgp\n"
            "    (triple ?s :q ?w)))");
}

TEST(SparqlAlgebra, Minus) {
  EXPECT_EQ(Algebra("SELECT * { ?s ?p ?o MINUS { ?s :q ?v } }"),
            "(minus\n"
            "  (bgp\n"
            "    (triple ?s ?p ?o))\n"
            "  (bgp\n"
            "    (triple ?s :q ?v)))");
}

TEST(SparqlAlgebra, PropertyPaths) {
  EXPECT_EQ(Algebra("SELECT * { ?s :a/^:b ?o . ?o :c+ ?z . ?z !(:d|^:e) ?w }"),
            "(join\n"
            "  (join\n"
            "    (bgp\n"
            "      (triple ?s :a ??p0)\n"
            "      (triple ?o :b ??p0))\n"
            "    (path ?o (path+ :c) ?z))\n"
            "  (path ?z (alt (notoneof :d) (reverse (notoneof :e))) ?w))");
}

TEST(SparqlAlgebra, GraphAndService) {
  EXPECT_EQ(Algebra("SELECT * { GRAPH ?g { ?s ?p ?o } SERVICE SILENT <http://s/> { ?s :q ?r } }"),
            "(join\n"
            "  (graph ?g\n"
            "    (bgp\n"
            "      (triple ?s ?p ?o)))\n"
            "  (service silent <http://s/>\n"
            "    (bgp\n"
            "      (triple ?s :q ?r))))");
}

TEST(SparqlAlgebra, GroupAggregateHaving) {
  // Spec 18.2.4.1 example shape: aggregates replaced by ?.N, then Extend for each AS.
  EXPECT_EQ(Algebra("SELECT (SUM(?val) AS ?sum) (COUNT(?a) AS ?count)\n"
                    "WHERE { ?a :value ?val } GROUP BY ?a HAVING (SUM(?val) > 10)"),
            "(project (?sum ?count)\n"
            "  (extend ((?count ?.1))\n"
            "    (extend ((?sum ?.0))\n"
            "      (filter (> ?.0 10)\n"
            "        (group (?a) ((?.0 (sum ?val)) (?.1 (count ?a)))\n"
            "          (bgp\n"
            "            (triple ?a :value ?val)))))))");
}

TEST(SparqlAlgebra, ImplicitGroupCountStarAndGroupConcat) {
  EXPECT_EQ(Algebra("SELECT (COUNT(*) AS ?n) (GROUP_CONCAT(DISTINCT ?o ; SEPARATOR=\"|\") AS ?l) "
                    "{ ?s ?p ?o }"),
            "(project (?n ?l)\n"
            "  (extend ((?l ?.1))\n"
            "    (extend ((?n ?.0))\n"
            "      (group () ((?.0 (count)) (?.1 (group_concat distinct (separator \"|\") ?o)))\n"
            "        (bgp\n"
            "          (triple ?s ?p ?o))))))");
}

TEST(SparqlAlgebra, SolutionModifiers) {
  EXPECT_EQ(Algebra("SELECT DISTINCT ?s { ?s ?p ?o } ORDER BY ?s DESC(?o) LIMIT 5 OFFSET 2"),
            "(slice 2 5\n"
            "  (distinct\n"
            "    (project (?s)\n"
            "      (order (?s (desc ?o))\n"
            "        (bgp\n"
            "          (triple ?s ?p ?o))))))");
}

TEST(SparqlAlgebra, SubQueryAndValues) {
  EXPECT_EQ(Algebra("SELECT ?x { { SELECT ?x { ?x :p ?y } LIMIT 1 } VALUES ?x { :a UNDEF } }"),
            "(project (?x)\n"
            "  (join\n"
            "    (slice _ 1\n"
            "      (project (?x)\n"
            "        (bgp\n"
            "          (triple ?x :p ?y))))\n"
            "    (table (vars ?x)\n"
            "      (row [?x :a])\n"
            "      (row))))");
}

TEST(SparqlAlgebra, ExistsAndFunctions) {
  EXPECT_EQ(Algebra("SELECT * { ?s ?p ?o FILTER(NOT EXISTS { ?s :q ?o } && "
                    "<http://f/g>(?o, \"x\"@en) IN (1, 2.5, \"01\"^^:t)) }"),
            "(filter (&& (notexists (bgp (triple ?s :q ?o))) (in (<http://f/g> ?o \"x\"@en) 1 "
            "2.5 \"01\"^^:t))\n"
            "  (bgp\n"
            "    (triple ?s ?p ?o)))");
}

TEST(SparqlAlgebra, ConstructTemplate) {
  EXPECT_EQ(Algebra("CONSTRUCT { ?s :q [ :r ?o ] } WHERE { ?s :p ?o }"),
            "(construct\n"
            "  (template\n"
            "    (triple _:b0 :r ?o)\n"
            "    (triple ?s :q _:b0))\n"
            "  (bgp\n"
            "    (triple ?s :p ?o)))");
}

TEST(SparqlAlgebra, UpdatePrinting) {
  auto r = hamlet::sparql::syntax::ParseUpdate(
      "INSERT DATA { <http://e/a> <http://e/b> 1 } ; "
      "DELETE { ?s <http://e/p> ?o } WHERE { ?s <http://e/p> ?o } ; DROP SILENT ALL");
  ASSERT_TRUE(r.ok()) << r.error->ToString();
  EXPECT_EQ(ToSse(*r.value),
            "(update\n"
            "  (insertdata\n"
            "    (triple <http://e/a> <http://e/b> 1))\n"
            "  (modify\n"
            "    (delete\n"
            "      (triple ?s <http://e/p> ?o))\n"
            "    (bgp\n"
            "      (triple ?s <http://e/p> ?o)))\n"
            "  (drop silent all))");
}

TEST(SparqlParseCommand, PrintsAlgebraOrError) {
  std::ostringstream out, err;
  // stdin is not used: a missing file is an error too.
  EXPECT_EQ(hamlet::cli::RunParse("/nonexistent/q.rq", false, out, err), 1);
  EXPECT_EQ(err.str(), "/nonexistent/q.rq: cannot read file\n");
}

}  // namespace
