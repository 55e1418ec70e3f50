// Grammar TU 3/6: triples (productions 55-56, 73-109): TriplesBlock, TriplesTemplate,
// ConstructTemplate, TriplesSameSubject(Path), property lists (plain and path), object lists,
// collections, blank-node property lists and the property path operators.
#include "sparql/syntax/detail/grammar.h"

namespace hamlet::sparql::syntax::detail::grammar {
namespace {

HAMLET_RULE(triples_same_subject, node_id<Kind::kTriples>, "a triple pattern")
HAMLET_RULE(triples_same_subject_path, node_id<Kind::kTriples>, "a triple pattern")
HAMLET_RULE(property_list_not_empty, node_id<Kind::kPropertyList>, "a predicate")
HAMLET_RULE(property_list_path_not_empty, node_id<Kind::kPropertyList>, "a predicate")
HAMLET_RULE(verb, pass_id, "a predicate")
HAMLET_RULE(verb_path_or_simple, pass_id, "a predicate")
HAMLET_RULE(object_list, node_id<Kind::kObjectList>, "an object")
HAMLET_RULE(object_list_path, node_id<Kind::kObjectList>, "an object")
HAMLET_RULE(graph_node, pass_id, "an object")
HAMLET_RULE(graph_node_path, pass_id, "an object")
HAMLET_RULE(triples_node, pass_id, "'(' or '['")
HAMLET_RULE(triples_node_path, pass_id, "'(' or '['")
HAMLET_RULE(collection, node_id<Kind::kCollection>, "'('")
HAMLET_RULE(collection_path, node_id<Kind::kCollection>, "'('")
HAMLET_RULE(bnode_prop_list, node_id<Kind::kBNodePropList>, "'['")
HAMLET_RULE(bnode_prop_list_path, node_id<Kind::kBNodePropList>, "'['")
HAMLET_RULE(kw_a, node_id<Kind::kA>, "'a'")
HAMLET_RULE(path, pass_id, "a property path")
HAMLET_RULE(path_sequence, pass_id, "a property path")
HAMLET_RULE(path_elt_or_inverse, pass_id, "a property path")
HAMLET_RULE(path_inverse, node_id<Kind::kPathInv>, "'^'")
HAMLET_RULE(path_elt, pass_id, "a property path")
HAMLET_RULE(path_primary, pass_id, "a property path")
HAMLET_RULE(path_negated, node_id<Kind::kPathNeg>, "an IRI, 'a', '^' or '('")
HAMLET_RULE(path_one, node_id<Kind::kPathOne>, "an IRI, 'a' or '^'")

const auto triples_block_def =
    mark<Kind::kTriplesBlock>[triples_same_subject_path[push] >>
                              *('.' >> triples_same_subject_path[push]) >> -x3::lit('.')];
const auto triples_template_def =
    mark<Kind::kTriplesTemplate>[triples_same_subject[push] >>
                                 *('.' >> triples_same_subject[push]) >> -x3::lit('.')];
const auto braced_triples_template_def =
    mark<Kind::kTriplesTemplate>['{' >> -triples_template[assign] > '}'];
const auto construct_template_def =
    mark<Kind::kConstructTemplate>['{' >> -triples_template[assign] > '}'];

const auto triples_same_subject_def =
    mark<Kind::kTriples>[(var_or_term[push] > property_list_not_empty[push]) |
                         (triples_node[push] >> -property_list_not_empty[push])];
const auto triples_same_subject_path_def =
    mark<Kind::kTriples>[(var_or_term[push] > property_list_path_not_empty[push]) |
                         (triples_node_path[push] >> -property_list_path_not_empty[push])];

const auto kw_a_def = mark<Kind::kA>[kw("a")];
const auto verb_def = var_or_iri[assign] | kw_a[assign];

const auto verb_path_or_simple_def = var[assign] | path[assign];

const auto property_list_not_empty_def =
    mark<Kind::kPropertyList>[verb[push] > object_list[push] >>
                              *(';' >> -(verb[push] > object_list[push]))];
const auto property_list_path_not_empty_def =
    mark<Kind::kPropertyList>[verb_path_or_simple[push] > object_list_path[push] >>
                              *(';' >> -(verb_path_or_simple[push] > object_list[push]))];
const auto object_list_def = mark<Kind::kObjectList>[graph_node[push] >> *(',' > graph_node[push])];
const auto object_list_path_def =
    mark<Kind::kObjectList>[graph_node_path[push] >> *(',' > graph_node_path[push])];

const auto graph_node_def = var_or_term[assign] | triples_node[assign];

const auto graph_node_path_def = var_or_term[assign] | triples_node_path[assign];

const auto triples_node_def = guarded[collection[assign] | bnode_prop_list[assign]];

const auto triples_node_path_def = guarded[collection_path[assign] | bnode_prop_list_path[assign]];

const auto collection_def = mark<Kind::kCollection>['(' >> +graph_node[push] > ')'];
const auto collection_path_def = mark<Kind::kCollection>['(' >> +graph_node_path[push] > ')'];
const auto bnode_prop_list_def =
    mark<Kind::kBNodePropList>['[' >> property_list_not_empty[push] > ']'];
const auto bnode_prop_list_path_def =
    mark<Kind::kBNodePropList>['[' >> property_list_path_not_empty[push] > ']'];

// Property paths. A '?' directly followed by a name character starts a variable, not a
// path modifier (longest-token rule).
const auto path_mod =
    x3::raw[x3::lit('*') | '+' |
            (x3::lit('?') >>
             !x3::no_skip[name_char_parser<CharClass::kU>{} | x3::char_('0', '9')])];
const auto path_def =
    guarded[path_sequence[assign] >> *('|' > path_sequence[chain(Kind::kPathAlt)])];

const auto path_sequence_def = path_elt_or_inverse[assign] >>
                               *('/' > path_elt_or_inverse[chain(Kind::kPathSeq)]);

const auto path_elt_or_inverse_def = path_inverse[assign] | path_elt[assign];

const auto path_inverse_def = mark<Kind::kPathInv>['^' > path_elt[push]];
const auto path_elt_def = path_primary[assign] >> -path_mod[wrap(Kind::kPathMod)];

const auto path_primary_def =
    iri[assign] | kw_a[assign] | ('!' > path_negated[assign]) | ('(' > path[assign] > ')');

const auto path_negated_def =
    mark<Kind::kPathNeg>[path_one[push] |
                         ('(' >> -(path_one[push] >> *('|' > path_one[push])) > ')')];
const auto path_one_def =
    mark<Kind::kPathOne>[iri[push] | kw_a[push] | ('^' > (iri[push] | kw_a[push]))[set_text("^")]];

BOOST_SPIRIT_DEFINE(triples_same_subject, triples_same_subject_path, kw_a, verb,
                    verb_path_or_simple, property_list_not_empty, property_list_path_not_empty,
                    object_list, object_list_path, graph_node, graph_node_path, triples_node,
                    triples_node_path, collection, collection_path, bnode_prop_list,
                    bnode_prop_list_path, path, path_sequence, path_elt_or_inverse, path_inverse,
                    path_elt, path_primary, path_negated, path_one)

}  // namespace

BOOST_SPIRIT_DEFINE(triples_block, triples_template, braced_triples_template, construct_template)

BOOST_SPIRIT_INSTANTIATE(triples_block_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(triples_template_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(braced_triples_template_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(construct_template_type, Iterator, context_type)

}  // namespace hamlet::sparql::syntax::detail::grammar
