// Grammar TU 4/6: graph patterns (productions 53-72): GroupGraphPattern,
// GroupGraphPatternSub, OPTIONAL, MINUS, GRAPH, SERVICE, FILTER, BIND, UNION, VALUES
// (InlineData / DataBlock in both forms).
#include "sparql/syntax/detail/grammar.h"

namespace hamlet::sparql::syntax::detail::grammar {
namespace {

// Pushes kind[_attr] (a one-child wrapper).
struct push_wrapped_fn {
  Kind kind;
  template <typename C>
  void operator()(C& c) const {
    Node n;
    n.kind = kind;
    n.pos = x3::_attr(c).pos;
    n.end = x3::_attr(c).end;
    n.kids.push_back(std::move(x3::_attr(c)));
    x3::_val(c).kids.push_back(std::move(n));
  }
};
constexpr push_wrapped_fn push_wrapped(Kind k) {
  return {k};
}

HAMLET_RULE(group_graph_pattern_sub, node_id<Kind::kGroupSub>, "a graph pattern")
HAMLET_RULE(graph_pattern_not_triples, pass_id, "a graph pattern")
HAMLET_RULE(group_or_union, pass_id, "'{'")
HAMLET_RULE(optional_pattern, node_id<Kind::kOptional>, "'OPTIONAL'")
HAMLET_RULE(minus_pattern, node_id<Kind::kMinus>, "'MINUS'")
HAMLET_RULE(graph_pattern, node_id<Kind::kGraph>, "'GRAPH'")
HAMLET_RULE(service_pattern, node_id<Kind::kService>, "'SERVICE'")
HAMLET_RULE(filter, node_id<Kind::kFilter>, "'FILTER'")
HAMLET_RULE(bind, node_id<Kind::kBind>, "'BIND'")
HAMLET_RULE(inline_data, pass_id, "'VALUES'")
HAMLET_RULE(var_list, node_id<Kind::kVarList>, "'('")
HAMLET_RULE(values_row, node_id<Kind::kRow>, "'('")
HAMLET_RULE(values_rows, brace_id<Kind::kValues>, "'{'")
HAMLET_RULE(values_rows_one, brace_id<Kind::kValues>, "'{'")

const auto group_graph_pattern_def =
    mark<Kind::kGroup>[guarded['{' >> (sub_select[push] | group_graph_pattern_sub[push]) > '}']];
const auto group_graph_pattern_sub_def =
    mark<Kind::kGroupSub>[-triples_block[push] >> *(graph_pattern_not_triples[push] >>
                                                    -x3::lit('.') >> -triples_block[push])];
const auto graph_pattern_not_triples_def = group_or_union[assign] | optional_pattern[assign] |
                                           minus_pattern[assign] | graph_pattern[assign] |
                                           service_pattern[assign] | filter[assign] | bind[assign] |
                                           inline_data[assign];

const auto group_or_union_def = group_graph_pattern[assign] >>
                                *(kw("union") > group_graph_pattern[chain(Kind::kUnion)]);

const auto optional_pattern_def = mark<Kind::kOptional>[kw("optional") > group_graph_pattern[push]];
const auto minus_pattern_def = mark<Kind::kMinus>[kw("minus") > group_graph_pattern[push]];
const auto graph_pattern_def =
    mark<Kind::kGraph>[kw("graph") > var_or_iri[push] > group_graph_pattern[push]];
const auto service_pattern_def =
    mark<Kind::kService>[kw("service") > -kw("silent")[flag("SILENT")] > var_or_iri[push] >
                         group_graph_pattern[push]];
const auto filter_def = mark<Kind::kFilter>[kw("filter") > constraint[push]];
const auto bind_def =
    mark<Kind::kBind>[kw("bind") > '(' > expression[push] > kw("as") > var[push] > ')'];

const auto inline_data_def = kw("values") > data_block[assign];

const auto var_list_def = mark<Kind::kVarList>['(' >> *var[push] > ')'];
const auto values_row_def = mark<Kind::kRow>['(' >> *data_block_value[push] > ')'];
const auto values_rows_def = mark<Kind::kValues>['{' >> *values_row[push] > '}'];
const auto values_rows_one_def =
    mark<Kind::kValues>['{' >> *data_block_value[push_wrapped(Kind::kRow)] > '}'];
const auto data_block_def =
    mark<Kind::kValues>[(var[push_wrapped(Kind::kVarList)] > values_rows_one[append_kids]) |
                        (var_list[push] > values_rows[append_kids])];

BOOST_SPIRIT_DEFINE(group_graph_pattern_sub, graph_pattern_not_triples, group_or_union,
                    optional_pattern, minus_pattern, graph_pattern, service_pattern, filter, bind,
                    inline_data, var_list, values_row, values_rows, values_rows_one)

}  // namespace

BOOST_SPIRIT_DEFINE(group_graph_pattern, data_block)

BOOST_SPIRIT_INSTANTIATE(group_graph_pattern_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(data_block_type, Iterator, context_type)

}  // namespace hamlet::sparql::syntax::detail::grammar
