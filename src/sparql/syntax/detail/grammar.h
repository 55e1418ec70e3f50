// Private: declarations of the grammar rules shared between translation units. Each rule is
// defined (BOOST_SPIRIT_DEFINE) and instantiated for detail::context_type
// (BOOST_SPIRIT_INSTANTIATE) in exactly one grammar_*.cpp:
//   grammar_terms.cpp     terminals: IRIs, prefixed names, variables, literals, blank nodes
//   grammar_expr.cpp      expressions, built-in calls, aggregates, function calls
//   grammar_triples.cpp   triples, property lists, collections, property paths, templates
//   grammar_patterns.cpp  group graph patterns, OPTIONAL/MINUS/UNION/GRAPH/SERVICE, VALUES
//   grammar_query.cpp     prologue, SELECT/CONSTRUCT/DESCRIBE/ASK, solution modifiers
//   grammar_update.cpp    SPARQL 1.1 Update operations
// Rules may be called from another TU only outside lexeme[] (the context must match).
#pragma once

#include "sparql/syntax/detail/x3_support.h"

namespace hamlet::sparql::syntax::detail::grammar {

// grammar_terms.cpp
HAMLET_RULE(iri, pass_id, "an IRI")
HAMLET_RULE(iriref, node_id<Kind::kIriRef>, "an IRI in <...>")
HAMLET_RULE(pname_ns, node_id<Kind::kPNameNs>, "a prefix name")
HAMLET_RULE(var, node_id<Kind::kVar>, "a variable")
HAMLET_RULE(var_or_term, pass_id, "an RDF term or variable")
HAMLET_RULE(var_or_iri, pass_id, "an IRI or variable")
HAMLET_RULE(rdf_literal, node_id<Kind::kLiteral>, "a literal")
HAMLET_RULE(numeric_literal, pass_id, "a number")
HAMLET_RULE(boolean_literal, node_id<Kind::kBoolean>, "a boolean")
HAMLET_RULE(string_literal, node_id<Kind::kString>, "a string")
HAMLET_RULE(integer, node_id<Kind::kInteger>, "an integer")
HAMLET_RULE(data_block_value, pass_id, "a value")
BOOST_SPIRIT_DECLARE(iri_type, iriref_type, pname_ns_type, var_type, var_or_term_type,
                     var_or_iri_type, rdf_literal_type, numeric_literal_type, boolean_literal_type,
                     string_literal_type, integer_type, data_block_value_type)

// grammar_expr.cpp
HAMLET_RULE(expression, pass_id, "an expression")
HAMLET_RULE(bracketted_expression, pass_id, "'('")
HAMLET_RULE(builtin_call, pass_id, "a function call")
HAMLET_RULE(function_call, node_id<Kind::kFunction>, "a function call")
HAMLET_RULE(constraint, pass_id, "'(' or a function call")
BOOST_SPIRIT_DECLARE(expression_type, bracketted_expression_type, builtin_call_type,
                     function_call_type, constraint_type)

// grammar_triples.cpp
HAMLET_RULE(triples_block, node_id<Kind::kTriplesBlock>, "triple patterns")
HAMLET_RULE(triples_template, node_id<Kind::kTriplesTemplate>, "triple patterns")
HAMLET_RULE(braced_triples_template, brace_id<Kind::kTriplesTemplate>, "'{'")
HAMLET_RULE(construct_template, brace_id<Kind::kConstructTemplate>, "'{'")
BOOST_SPIRIT_DECLARE(triples_block_type, triples_template_type, braced_triples_template_type,
                     construct_template_type)

// grammar_patterns.cpp
HAMLET_RULE(group_graph_pattern, brace_id<Kind::kGroup>, "'{'")
HAMLET_RULE(data_block, node_id<Kind::kValues>, "a VALUES block")
BOOST_SPIRIT_DECLARE(group_graph_pattern_type, data_block_type)

// grammar_query.cpp
HAMLET_RULE(prologue, node_id<Kind::kPrologue>, "a prologue")
HAMLET_RULE(sub_select, node_id<Kind::kSubSelect>, "'SELECT'")
HAMLET_RULE(query_unit, node_id<Kind::kQuery>, "a query")
BOOST_SPIRIT_DECLARE(prologue_type, sub_select_type, query_unit_type)

// grammar_update.cpp
HAMLET_RULE(update_unit, node_id<Kind::kUpdate>, "an update")
BOOST_SPIRIT_DECLARE(update_unit_type)

// Moves the children of _attr to the end of _val's children.
struct append_kids_fn {
  template <typename C>
  void operator()(C& c) const {
    for (Node& k : x3::_attr(c).kids) x3::_val(c).kids.push_back(std::move(k));
  }
};
constexpr append_kids_fn append_kids{};

}  // namespace hamlet::sparql::syntax::detail::grammar
