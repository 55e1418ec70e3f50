// Grammar TU 2/6: expressions (productions 110-135): ConditionalOrExpression down to
// PrimaryExpression, BuiltInCall (one generic rule, arity checked by the lowering), Aggregate,
// EXISTS / NOT EXISTS, iriOrFunction, ArgList, ExpressionList, FunctionCall, Constraint.
#include "sparql/syntax/detail/grammar.h"

namespace hamlet::sparql::syntax::detail::grammar {
namespace {

// _val = kUnary(op)[_attr]
struct unop_fn {
  const char* op;
  template <typename C>
  void operator()(C& c) const {
    Node n;
    n.kind = Kind::kUnary;
    n.text = op;
    n.pos = x3::_attr(c).pos > 0 ? x3::_attr(c).pos - 1 : 0;
    n.end = x3::_attr(c).end;
    n.kids.push_back(std::move(x3::_attr(c)));
    x3::_val(c) = std::move(n);
  }
};
constexpr unop_fn unop(const char* op) {
  return {op};
}

// _val = kIn(op)[_val, items of the kArgList _attr...]
struct in_fn {
  const char* op;
  template <typename C>
  void operator()(C& c) const {
    Node& v = x3::_val(c);
    Node n;
    n.kind = Kind::kIn;
    n.text = op;
    n.pos = v.pos;
    n.end = x3::_attr(c).end;
    n.kids.push_back(std::move(v));
    for (Node& k : x3::_attr(c).kids) n.kids.push_back(std::move(k));
    v = std::move(n);
  }
};
constexpr in_fn in_op(const char* op) {
  return {op};
}

// _val = kFunction[_val (the iri), _attr (the kArgList)]
struct make_function_fn {
  template <typename C>
  void operator()(C& c) const {
    Node& v = x3::_val(c);
    Node n;
    n.kind = Kind::kFunction;
    n.pos = v.pos;
    n.end = x3::_attr(c).end;
    n.kids.push_back(std::move(v));
    n.kids.push_back(std::move(x3::_attr(c)));
    v = std::move(n);
  }
};
constexpr make_function_fn make_function{};

// Appends kSeparator[_attr].
struct separator_fn {
  template <typename C>
  void operator()(C& c) const {
    Node n;
    n.kind = Kind::kSeparator;
    n.pos = x3::_attr(c).pos;
    n.kids.push_back(std::move(x3::_attr(c)));
    x3::_val(c).kids.push_back(std::move(n));
  }
};
constexpr separator_fn separator{};

HAMLET_RULE(conditional_or, pass_id, "an expression")
HAMLET_RULE(conditional_and, pass_id, "an expression")
HAMLET_RULE(relational, pass_id, "an expression")
HAMLET_RULE(additive, pass_id, "an expression")
HAMLET_RULE(multiplicative, pass_id, "an expression")
HAMLET_RULE(unary, pass_id, "an expression")
HAMLET_RULE(primary, pass_id, "an expression")
HAMLET_RULE(expression_list, node_id<Kind::kArgList>, "'('")
HAMLET_RULE(arg_list, node_id<Kind::kArgList>, "'('")
HAMLET_RULE(iri_or_function, pass_id, "an IRI or function call")
HAMLET_RULE(aggregate, node_id<Kind::kAggregate>, "an aggregate")
HAMLET_RULE(generic_builtin, node_id<Kind::kBuiltin>, "a function call")
HAMLET_RULE(exists, node_id<Kind::kExists>, "'EXISTS'")
HAMLET_RULE(less_than, pass_id, "'<'")

const auto expression_def = guarded[conditional_or[assign]];

const auto conditional_or_def = conditional_and[assign] >>
                                *("||" > conditional_and[binop(Kind::kBinary, "||")]);

const auto conditional_and_def = relational[assign] >>
                                 *("&&" > relational[binop(Kind::kBinary, "&&")]);

// '<' is an operator only where the longest-token rule does not read an IRIREF.
const auto less_than_def = !iriref >> '<';

const auto relational_def = additive[assign] >>
                            -(("=" > additive[binop(Kind::kBinary, "=")]) |
                              ("!=" > additive[binop(Kind::kBinary, "!=")]) |
                              ("<=" > additive[binop(Kind::kBinary, "<=")]) |
                              (">=" > additive[binop(Kind::kBinary, ">=")]) |
                              (less_than > additive[binop(Kind::kBinary, "<")]) |
                              (">" > additive[binop(Kind::kBinary, ">")]) |
                              (kw("in") > expression_list[in_op("IN")]) |
                              (kw("not") > kw("in") > expression_list[in_op("NOT IN")]));

const auto additive_def = multiplicative[assign] >>
                          *(('+' > multiplicative[binop(Kind::kBinary, "+")]) |
                            ('-' > multiplicative[binop(Kind::kBinary, "-")]));

const auto multiplicative_def = unary[assign] >> *(('*' > unary[binop(Kind::kBinary, "*")]) |
                                                   ('/' > unary[binop(Kind::kBinary, "/")]));

const auto unary_def = ('!' > primary[unop("!")]) | primary[assign] | ('+' > primary[unop("+")]) |
                       ('-' > primary[unop("-")]);

const auto primary_def = bracketted_expression[assign] | builtin_call[assign] |
                         iri_or_function[assign] | rdf_literal[assign] | numeric_literal[assign] |
                         boolean_literal[assign] | var[assign];

const auto bracketted_expression_def = '(' > expression[assign] > ')';

const auto expression_list_def =
    mark<Kind::kArgList>['(' >
                         (x3::lit(')') | (expression[push] >> *(',' > expression[push]) > ')'))];
const auto arg_list_def =
    mark<Kind::kArgList>['(' >>
                         (x3::lit(')') | (-kw("distinct")[flag("DISTINCT")] >> expression[push] >>
                                          *(',' > expression[push]) > ')'))];
const auto iri_or_function_def = iri[assign] >> -arg_list[make_function];

const auto function_call_def = mark<Kind::kFunction>[iri[push] >> arg_list[push]];

const auto aggregate_def =
    mark<Kind::kAggregate>[function_name_parser<true>{}[string_text] > '(' >
                           -kw("distinct")[flag("DISTINCT")] >
                           (x3::lit('*')[star] | expression[push]) >
                           -(';' > kw("separator") > '=' > string_literal[separator]) > ')'];
const auto generic_builtin_def =
    mark<Kind::kBuiltin>[function_name_parser<false>{}[string_text] > '(' >
                         (x3::lit(')') | (expression[push] >> *(',' > expression[push]) > ')'))];
const auto exists_def = mark<Kind::kExists>[(kw("exists")[set_text("EXISTS")] |
                                             (kw("not") >> kw("exists"))[set_text("NOT EXISTS")]) >
                                            group_graph_pattern[push]];
const auto builtin_call_def = aggregate[assign] | generic_builtin[assign] | exists[assign];

const auto constraint_def =
    bracketted_expression[assign] | builtin_call[assign] | function_call[assign];

BOOST_SPIRIT_DEFINE(conditional_or, conditional_and, less_than, relational, additive,
                    multiplicative, unary, primary, expression_list, arg_list, iri_or_function,
                    aggregate, generic_builtin, exists)

}  // namespace

BOOST_SPIRIT_DEFINE(expression, bracketted_expression, function_call, builtin_call, constraint)

BOOST_SPIRIT_INSTANTIATE(expression_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(bracketted_expression_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(builtin_call_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(function_call_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(constraint_type, Iterator, context_type)

}  // namespace hamlet::sparql::syntax::detail::grammar
