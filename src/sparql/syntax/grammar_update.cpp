// Grammar TU 6/6: SPARQL 1.1 Update (productions 3-4, 29-52): UpdateUnit with ';'-separated
// operations each with its own prologue, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY,
// INSERT DATA, DELETE DATA, DELETE WHERE, DELETE/INSERT ... WHERE (Modify), USING, WITH,
// GraphRef(All), GraphOrDefault, QuadPattern / QuadData.
#include "sparql/syntax/detail/grammar.h"

namespace hamlet::sparql::syntax::detail::grammar {
namespace {

HAMLET_RULE(update_seg, node_id<Kind::kUpdateSeg>, "an update operation")
HAMLET_RULE(update_tail_seg, node_id<Kind::kUpdateSeg>, "an update operation")
HAMLET_RULE(update_after_semicolon, pass_id, "an update operation")
HAMLET_RULE(update1, pass_id,
            "'INSERT', 'DELETE', 'WITH', 'LOAD', 'CLEAR', 'DROP', 'CREATE', 'ADD', 'MOVE' or "
            "'COPY'")
HAMLET_RULE(load, node_id<Kind::kLoad>, "'LOAD'")
HAMLET_RULE(clear, node_id<Kind::kClear>, "'CLEAR'")
HAMLET_RULE(drop, node_id<Kind::kDrop>, "'DROP'")
HAMLET_RULE(create, node_id<Kind::kCreate>, "'CREATE'")
HAMLET_RULE(add, node_id<Kind::kAdd>, "'ADD'")
HAMLET_RULE(move, node_id<Kind::kMove>, "'MOVE'")
HAMLET_RULE(copy, node_id<Kind::kCopy>, "'COPY'")
HAMLET_RULE(insert_data, node_id<Kind::kInsertData>, "'INSERT DATA'")
HAMLET_RULE(delete_data, node_id<Kind::kDeleteData>, "'DELETE DATA'")
HAMLET_RULE(delete_where, node_id<Kind::kDeleteWhere>, "'DELETE WHERE'")
HAMLET_RULE(modify, node_id<Kind::kModify>, "'DELETE', 'INSERT' or 'WITH'")
HAMLET_RULE(modify_ops, node_id<Kind::kModify>, "'DELETE' or 'INSERT'")
HAMLET_RULE(with_clause, node_id<Kind::kWith>, "'WITH'")
HAMLET_RULE(delete_clause, node_id<Kind::kDeleteClause>, "'DELETE'")
HAMLET_RULE(insert_clause, node_id<Kind::kInsertClause>, "'INSERT'")
HAMLET_RULE(using_clause, node_id<Kind::kUsing>, "'USING'")
HAMLET_RULE(graph_ref, node_id<Kind::kGraphRef>, "'GRAPH'")
HAMLET_RULE(graph_ref_all, node_id<Kind::kGraphTarget>, "'GRAPH', 'DEFAULT', 'NAMED' or 'ALL'")
HAMLET_RULE(graph_or_default, node_id<Kind::kGraphTarget>, "'DEFAULT', 'GRAPH' or an IRI")
HAMLET_RULE(quads, brace_id<Kind::kQuads>, "'{'")
HAMLET_RULE(quads_not_triples, node_id<Kind::kQuadsGraph>, "'GRAPH'")
HAMLET_RULE(end_of_update, pass_id, "';' or end of update")

const auto silent = -kw("silent")[flag("SILENT")];

const auto end_of_update_def = x3::eoi;

const auto update_unit_def =
    mark<Kind::kUpdate>[((update_seg[push] >> *(';' > update_after_semicolon[push])) |
                         update_tail_seg[push]) > end_of_update];
// After ';' comes another operation, or only a prologue at the very end.
const auto update_after_semicolon_def = update_seg[assign] | (update_tail_seg[assign] >> &x3::eoi);
const auto update_seg_def = mark<Kind::kUpdateSeg>[prologue[append_kids] >> update1[push]];
const auto update_tail_seg_def = mark<Kind::kUpdateSeg>[prologue[append_kids]];
const auto update1_def = load[assign] | clear[assign] | drop[assign] | add[assign] | move[assign] |
                         copy[assign] | create[assign] | insert_data[assign] | delete_data[assign] |
                         delete_where[assign] | modify[assign];

const auto load_def =
    mark<Kind::kLoad>[kw("load") > silent > iri[push] > -(kw("into") > graph_ref[push])];
const auto clear_def = mark<Kind::kClear>[kw("clear") > silent > graph_ref_all[push]];
const auto drop_def = mark<Kind::kDrop>[kw("drop") > silent > graph_ref_all[push]];
const auto create_def = mark<Kind::kCreate>[kw("create") > silent > graph_ref[push]];
const auto add_def = mark<Kind::kAdd>[kw("add") > silent > graph_or_default[push] > kw("to") >
                                      graph_or_default[push]];
const auto move_def = mark<Kind::kMove>[kw("move") > silent > graph_or_default[push] > kw("to") >
                                        graph_or_default[push]];
const auto copy_def = mark<Kind::kCopy>[kw("copy") > silent > graph_or_default[push] > kw("to") >
                                        graph_or_default[push]];

const auto insert_data_def = mark<Kind::kInsertData>[kw("insert") >> kw("data") > quads[push]];
const auto delete_data_def = mark<Kind::kDeleteData>[kw("delete") >> kw("data") > quads[push]];
const auto delete_where_def = mark<Kind::kDeleteWhere>[kw("delete") >> kw("where") > quads[push]];
const auto modify_def =
    mark<Kind::kModify>[(with_clause[push] > modify_ops[append_kids]) | modify_ops[append_kids]];
const auto modify_ops_def =
    mark<Kind::kModify>[((delete_clause[push] >> -insert_clause[push]) | insert_clause[push]) >
                        *using_clause[push] > kw("where") > group_graph_pattern[push]];
const auto with_clause_def = mark<Kind::kWith>[kw("with") > iri[push]];
const auto delete_clause_def = mark<Kind::kDeleteClause>[kw("delete") > quads[push]];
const auto insert_clause_def = mark<Kind::kInsertClause>[kw("insert") > quads[push]];
const auto using_clause_def =
    mark<Kind::kUsing>[kw("using") > ((kw("named")[set_text("NAMED")] > iri[push]) | iri[push])];

const auto graph_ref_def = mark<Kind::kGraphRef>[kw("graph") > iri[push]];
const auto graph_ref_all_def =
    mark<Kind::kGraphTarget>[(kw("graph")[set_text("GRAPH")] > iri[push]) |
                             kw("default")[set_text("DEFAULT")] | kw("named")[set_text("NAMED")] |
                             kw("all")[set_text("ALL")]];
const auto graph_or_default_def =
    mark<Kind::kGraphTarget>[kw("default")[set_text("DEFAULT")] |
                             (-kw("graph") >> iri[push])[set_text("GRAPH")]];

const auto quads_def = mark<Kind::kQuads>['{' >> -triples_template[push] >>
                                          *(quads_not_triples[push] >> -x3::lit('.') >>
                                            -triples_template[push]) > '}'];
const auto quads_not_triples_def =
    mark<Kind::kQuadsGraph>[kw("graph") > var_or_iri[push] > braced_triples_template[push]];

BOOST_SPIRIT_DEFINE(end_of_update, update_after_semicolon, update_seg, update_tail_seg, update1,
                    load, clear, drop, create, add, move, copy, insert_data, delete_data,
                    delete_where, modify, modify_ops, with_clause, delete_clause, insert_clause,
                    using_clause, graph_ref, graph_ref_all, graph_or_default, quads,
                    quads_not_triples)

}  // namespace

BOOST_SPIRIT_DEFINE(update_unit)

BOOST_SPIRIT_INSTANTIATE(update_unit_type, Iterator, context_type)

}  // namespace hamlet::sparql::syntax::detail::grammar
