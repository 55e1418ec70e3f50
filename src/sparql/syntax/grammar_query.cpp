// Grammar TU 5/6: queries (productions 1-28, 52): QueryUnit, Prologue (BASE / PREFIX),
// SELECT (and sub-SELECT), CONSTRUCT (both forms), DESCRIBE, ASK, dataset clauses, WHERE,
// solution modifiers (GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET) and the ValuesClause.
#include "sparql/syntax/detail/grammar.h"

namespace hamlet::sparql::syntax::detail::grammar {
namespace {

// _val.text = _attr.text
struct take_text_fn {
  template <typename C>
  void operator()(C& c) const {
    x3::_val(c).text = std::move(x3::_attr(c).text);
  }
};
constexpr take_text_fn take_text{};

HAMLET_RULE(base_decl, node_id<Kind::kBaseDecl>, "'BASE'")
HAMLET_RULE(prefix_decl, node_id<Kind::kPrefixDecl>, "'PREFIX'")
HAMLET_RULE(query_form, pass_id, "'SELECT', 'CONSTRUCT', 'DESCRIBE' or 'ASK'")
HAMLET_RULE(select_query, node_id<Kind::kSelect>, "'SELECT'")
HAMLET_RULE(select_clause, node_id<Kind::kSelectClause>, "'SELECT'")
HAMLET_RULE(select_expr, node_id<Kind::kSelectExpr>, "'('")
HAMLET_RULE(construct_query, pass_id, "'CONSTRUCT'")
HAMLET_RULE(construct_full, node_id<Kind::kConstruct>, "'{'")
HAMLET_RULE(construct_where, node_id<Kind::kConstructWhere>, "'WHERE'")
HAMLET_RULE(describe_query, node_id<Kind::kDescribe>, "'DESCRIBE'")
HAMLET_RULE(ask_query, node_id<Kind::kAsk>, "'ASK'")
HAMLET_RULE(dataset_clause, node_id<Kind::kDataset>, "'FROM'")
HAMLET_RULE(where_clause, pass_id, "'WHERE' or '{'")
HAMLET_RULE(solution_modifier, node_id<Kind::kSolutionModifier>, "a solution modifier")
HAMLET_RULE(group_clause, node_id<Kind::kGroupBy>, "'GROUP'")
HAMLET_RULE(group_condition, node_id<Kind::kGroupCondition>, "a variable, '(' or a function call")
HAMLET_RULE(having_clause, node_id<Kind::kHaving>, "'HAVING'")
HAMLET_RULE(order_clause, node_id<Kind::kOrderBy>, "'ORDER'")
HAMLET_RULE(order_condition, node_id<Kind::kOrderCondition>,
            "a variable, '(', 'ASC', 'DESC' or a function call")
HAMLET_RULE(limit_clause, node_id<Kind::kLimit>, "'LIMIT'")
HAMLET_RULE(offset_clause, node_id<Kind::kOffset>, "'OFFSET'")
HAMLET_RULE(end_of_query, pass_id, "end of query")

const auto prologue_def = mark<Kind::kPrologue>[*(base_decl[push] | prefix_decl[push])];
const auto base_decl_def = mark<Kind::kBaseDecl>[kw("base") > iriref[push]];
const auto prefix_decl_def = mark<Kind::kPrefixDecl>[kw("prefix") > pname_ns[push] > iriref[push]];

const auto end_of_query_def = x3::eoi;

const auto query_unit_def = mark<Kind::kQuery>[prologue[push] > query_form[push] >
                                               -(kw("values") > data_block[push]) > end_of_query];
const auto query_form_def =
    select_query[assign] | construct_query[assign] | describe_query[assign] | ask_query[assign];

const auto select_query_def = mark<Kind::kSelect>[select_clause[push] > *dataset_clause[push] >
                                                  where_clause[push] > solution_modifier[push]];
const auto sub_select_def =
    mark<Kind::kSubSelect>[select_clause[push] > where_clause[push] > solution_modifier[push] >
                           -(kw("values") > data_block[push])];
const auto select_clause_def =
    mark<Kind::kSelectClause>[kw("select") >
                              -(kw("distinct")[flag("DISTINCT")] | kw("reduced")[flag("REDUCED")]) >
                              (+(var[push] | select_expr[push]) | x3::lit('*')[star])];
const auto select_expr_def =
    mark<Kind::kSelectExpr>['(' > expression[push] > kw("as") > var[push] > ')'];

const auto construct_query_def = kw("construct") >
                                 (construct_full[assign] | construct_where[assign]);

const auto construct_full_def =
    mark<Kind::kConstruct>[construct_template[push] > *dataset_clause[push] > where_clause[push] >
                           solution_modifier[push]];
const auto construct_where_def =
    mark<Kind::kConstructWhere>[*dataset_clause[push] >> kw("where") >
                                braced_triples_template[push] > solution_modifier[push]];
const auto describe_query_def =
    mark<Kind::kDescribe>[kw("describe") > (+var_or_iri[push] | x3::lit('*')[star]) >
                          *dataset_clause[push] > -where_clause[push] > solution_modifier[push]];
const auto ask_query_def = mark<Kind::kAsk>[kw("ask") > *dataset_clause[push] > where_clause[push] >
                                            solution_modifier[push]];

const auto dataset_clause_def =
    mark<Kind::kDataset>[kw("from") > ((kw("named")[set_text("NAMED")] > iri[push]) | iri[push])];
const auto where_clause_def =
    (kw("where") > group_graph_pattern[assign]) | group_graph_pattern[assign];

const auto solution_modifier_def =
    mark<Kind::kSolutionModifier>[-group_clause[push] >> -having_clause[push] >>
                                  -order_clause[push] >>
                                  -((limit_clause[push] >> -offset_clause[push]) |
                                    (offset_clause[push] >> -limit_clause[push]))];
const auto group_clause_def = mark<Kind::kGroupBy>[kw("group") > kw("by") > +group_condition[push]];
const auto group_condition_def =
    mark<Kind::kGroupCondition>[builtin_call[push] | function_call[push] |
                                ('(' > expression[push] > -(kw("as") > var[push]) > ')') |
                                var[push]];
const auto having_clause_def = mark<Kind::kHaving>[kw("having") > +constraint[push]];
const auto order_clause_def = mark<Kind::kOrderBy>[kw("order") > kw("by") > +order_condition[push]];
const auto order_condition_def =
    mark<Kind::kOrderCondition>[((kw("asc")[set_text("ASC")] | kw("desc")[set_text("DESC")]) >
                                 bracketted_expression[push]) |
                                constraint[push] | var[push]];
const auto limit_clause_def = mark<Kind::kLimit>[kw("limit") > integer[take_text]];
const auto offset_clause_def = mark<Kind::kOffset>[kw("offset") > integer[take_text]];

BOOST_SPIRIT_DEFINE(base_decl, prefix_decl, end_of_query, query_form, select_query, select_clause,
                    select_expr, construct_query, construct_full, construct_where, describe_query,
                    ask_query, dataset_clause, where_clause, solution_modifier, group_clause,
                    group_condition, having_clause, order_clause, order_condition, limit_clause,
                    offset_clause)

}  // namespace

BOOST_SPIRIT_DEFINE(prologue, query_unit, sub_select)

BOOST_SPIRIT_INSTANTIATE(prologue_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(sub_select_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(query_unit_type, Iterator, context_type)

}  // namespace hamlet::sparql::syntax::detail::grammar
