// Grammar TU 1/6: terminals (SPARQL 1.1 grammar productions 136-173): IRIREF, PNAME_NS,
// PNAME_LN, BLANK_NODE_LABEL, VAR1/VAR2, LANGTAG, numbers, the four string forms, NIL, ANON,
// and the small term productions built on them (iri, RDFLiteral, GraphTerm, VarOrTerm, ...).
#include "sparql/syntax/detail/grammar.h"

namespace hamlet::sparql::syntax::detail::grammar {
namespace {

// Character-level pieces, used inside lexeme[] only.
const name_char_parser<CharClass::kBase> pn_chars_base{};
const name_char_parser<CharClass::kU> pn_chars_u{};
const name_char_parser<CharClass::kChars> pn_chars{};
const name_char_parser<CharClass::kVarRest> varname_char{};
const iri_char_parser iri_char{};
const auto digit = x3::char_('0', '9');
const auto hex = x3::char_("0-9A-Fa-f");

// PN_PREFIX: dots allowed inside, not at the end.
const auto pn_prefix = pn_chars_base >> *(pn_chars | (+x3::lit('.') >> &pn_chars));
const auto plx = ('%' >> hex >> hex) | ('\\' >> x3::char_("_~.!$&'()*+,;=/?#@%-"));
const auto pn_local_char = pn_chars | ':' | plx;
const auto pn_local = (pn_chars_u | ':' | digit | plx) >>
                      *(pn_local_char | (+x3::lit('.') >> &pn_local_char));
const auto echar = '\\' >> x3::char_("tbnrf\\\"'");
const auto exponent = x3::char_("eE") >> -x3::char_("+-") >> +digit;

HAMLET_RULE(pname, node_id<Kind::kPName>, "a prefixed name")
HAMLET_RULE(blank_node_label, node_id<Kind::kBNodeLabel>, "a blank node")
HAMLET_RULE(anon, node_id<Kind::kAnon>, "'[]'")
HAMLET_RULE(nil, node_id<Kind::kNil>, "'()'")
HAMLET_RULE(blank_node, pass_id, "a blank node")
HAMLET_RULE(lang_tag, node_id<Kind::kLangTag>, "a language tag")
HAMLET_RULE(double_literal, node_id<Kind::kDouble>, "a number")
HAMLET_RULE(decimal_literal, node_id<Kind::kDecimal>, "a number")
HAMLET_RULE(signed_integer, node_id<Kind::kInteger>, "a number")
HAMLET_RULE(graph_term, pass_id, "an RDF term")
HAMLET_RULE(undef, node_id<Kind::kUndef>, "'UNDEF'")

const auto iri_def = iriref[assign] | pname[assign];

const auto iriref_def = mark<Kind::kIriRef>[x3::lexeme['<' >> x3::raw[*iri_char][raw_text] >> '>']];
const auto pname_ns_def = mark<Kind::kPNameNs>[x3::lexeme[x3::raw[-pn_prefix >> ':'][raw_text]]];
const auto pname_def =
    mark<Kind::kPName>[x3::lexeme[x3::raw[-pn_prefix >> ':' >> -pn_local][raw_text]]];
const auto var_def =
    mark<Kind::kVar>[x3::lexeme[(x3::lit('?') | '$') >>
                                x3::raw[(pn_chars_u | digit) >> *varname_char][raw_text]]];
const auto blank_node_label_def =
    mark<Kind::kBNodeLabel>[x3::lexeme["_:" >> x3::raw[(pn_chars_u | digit) >>
                                                       *(pn_chars | (+x3::lit('.') >> &pn_chars))]
                                                      [raw_text]]];
const auto anon_def = mark<Kind::kAnon>[x3::lit('[') >> x3::lit(']')];
const auto nil_def = mark<Kind::kNil>[x3::lit('(') >> x3::lit(')')];
const auto blank_node_def = blank_node_label[assign] | anon[assign];

const auto lang_tag_def =
    mark<Kind::kLangTag>[x3::lexeme['@' >> x3::raw[+x3::char_("a-zA-Z") >>
                                                   *('-' >> +x3::char_("a-zA-Z0-9"))][raw_text]]];

// String bodies are kept raw; escapes are decoded by the lowering.
const auto long1_body = *(echar | ~x3::char_("'\\") | (x3::lit('\'') >> !x3::lit("''")));
const auto long2_body = *(echar | ~x3::char_("\"\\") | (x3::lit('"') >> !x3::lit("\"\"")));
const auto short1_body = *(echar | ~x3::char_("'\\\n\r"));
const auto short2_body = *(echar | ~x3::char_("\"\\\n\r"));
const auto string_literal_def =
    mark<Kind::kString>[x3::lexeme[("'''" >> x3::raw[long1_body][raw_text] >> "'''") |
                                   ("\"\"\"" >> x3::raw[long2_body][raw_text] >> "\"\"\"") |
                                   ('\'' >> x3::raw[short1_body][raw_text] >> '\'') |
                                   ('"' >> x3::raw[short2_body][raw_text] >> '"')]];

const auto rdf_literal_def =
    mark<Kind::kLiteral>[string_literal[push] >> -(lang_tag[push] | (x3::lit("^^") > iri[push]))];

const auto sign = -x3::char_("+-");
const auto double_literal_def =
    mark<Kind::kDouble>[x3::lexeme[x3::raw[sign >> ((+digit >> '.' >> *digit >> exponent) |
                                                    ('.' >> +digit >> exponent) |
                                                    (+digit >> exponent))][raw_text]]];
const auto decimal_literal_def =
    mark<Kind::kDecimal>[x3::lexeme[x3::raw[sign >> *digit >> '.' >> +digit][raw_text]]];
const auto signed_integer_def = mark<Kind::kInteger>[x3::lexeme[x3::raw[sign >> +digit][raw_text]]];
const auto integer_def = mark<Kind::kInteger>[x3::lexeme[x3::raw[+digit][raw_text]]];
const auto numeric_literal_def =
    double_literal[assign] | decimal_literal[assign] | signed_integer[assign];

const auto boolean_literal_def =
    mark<Kind::kBoolean>[kw("true")[set_text("true")] | kw("false")[set_text("false")]];

const auto graph_term_def = iri[assign] | rdf_literal[assign] | numeric_literal[assign] |
                            boolean_literal[assign] | blank_node[assign] | nil[assign];

const auto var_or_term_def = var[assign] | graph_term[assign];

const auto var_or_iri_def = var[assign] | iri[assign];

const auto undef_def = mark<Kind::kUndef>[kw("undef")];
const auto data_block_value_def = iri[assign] | rdf_literal[assign] | numeric_literal[assign] |
                                  boolean_literal[assign] | undef[assign];

BOOST_SPIRIT_DEFINE(pname, blank_node_label, anon, nil, blank_node, lang_tag, double_literal,
                    decimal_literal, signed_integer, graph_term, undef)

}  // namespace

BOOST_SPIRIT_DEFINE(iri, iriref, pname_ns, var, string_literal, rdf_literal, integer,
                    numeric_literal, boolean_literal, var_or_term, var_or_iri, data_block_value)

BOOST_SPIRIT_INSTANTIATE(iri_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(iriref_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(pname_ns_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(var_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(var_or_term_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(var_or_iri_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(rdf_literal_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(numeric_literal_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(boolean_literal_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(string_literal_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(integer_type, Iterator, context_type)
BOOST_SPIRIT_INSTANTIATE(data_block_value_type, Iterator, context_type)

}  // namespace hamlet::sparql::syntax::detail::grammar
