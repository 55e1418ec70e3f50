// Private: the generic parse tree the X3 grammar builds. One node type for every production
// keeps the grammar's attribute handling trivial (all rules synthesize a Node through semantic
// actions); lower.cpp turns the tree into the typed public AST (ast.h), resolving IRIs and
// prefixes, decoding escapes and running the semantic checks. No X3 header here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hamlet::sparql::syntax::detail {

enum class Kind : std::uint8_t {
  kNone,
  // Terms and tokens.
  kIriRef,      // text: IRI as written between < and >
  kPName,       // text: prefixed name as written (prefix ':' local)
  kPNameNs,     // text: prefix including ':'
  kVar,         // text: name without ? or $
  kBNodeLabel,  // text: label without _:
  kAnon,        // []
  kNil,         // ()
  kString,      // text: raw body between the quotes, escapes not decoded
  kLangTag,     // text: tag without @
  kLiteral,     // kids: kString [, kLangTag | iri]
  kInteger,     // text as written (with sign)
  kDecimal,
  kDouble,
  kBoolean,  // text: "true" / "false"
  kUndef,
  kA,     // the keyword 'a'
  kFlag,  // text: DISTINCT, REDUCED, SILENT, NAMED, ...
  kStar,
  // Expressions.
  kBinary,     // text: operator; kids: lhs, rhs
  kUnary,      // text: ! + -; kids: operand
  kIn,         // text: IN / NOT IN; kids: lhs, list items...
  kBuiltin,    // text: upper-case name; kids: arguments
  kAggregate,  // text: upper-case name; kids: [kFlag DISTINCT] (kStar | expr) [kSeparator]
  kSeparator,  // kids: kString
  kFunction,   // kids: iri, kArgList
  kArgList,    // kids: [kFlag DISTINCT] exprs...
  kExists,     // text: EXISTS / NOT EXISTS; kids: group
  // Property paths.
  kPathAlt,  // kids: alternatives
  kPathSeq,  // kids: steps
  kPathInv,  // kids: path
  kPathMod,  // text: ? * +; kids: path
  kPathNeg,  // kids: kPathOne...
  kPathOne,  // text: "^" when inverse; kids: iri | kA
  // Triples.
  kTriples,        // kids: subject, [kPropertyList]
  kPropertyList,   // kids: verb, kObjectList, verb, kObjectList, ...
  kObjectList,     // kids: objects
  kCollection,     // kids: graph nodes
  kBNodePropList,  // kids: kPropertyList
  kTriplesBlock,   // kids: kTriples...
  // Graph patterns.
  kGroup,     // kids: kSubSelect | kGroupSub
  kGroupSub,  // kids: kTriplesBlock and pattern elements
  kOptional,  // kids: group
  kMinus,
  kUnion,    // kids: groups
  kGraph,    // kids: var-or-iri, group
  kService,  // kids: [kFlag SILENT] var-or-iri group
  kFilter,   // kids: expr
  kBind,     // kids: expr, var
  kValues,   // kids: kVarList, kRow...
  kVarList,
  kRow,  // kids: values (kUndef for UNDEF)
  // Queries.
  kQuery,              // kids: kPrologue, form, [kValues]
  kPrologue,           // kids: kBaseDecl | kPrefixDecl
  kBaseDecl,           // kids: kIriRef
  kPrefixDecl,         // kids: kPNameNs, kIriRef
  kSelect,             // kids: kSelectClause, kDataset..., kGroup, kSolutionModifier
  kSubSelect,          // kids: kSelectClause, kGroup, kSolutionModifier, [kValues]
  kSelectClause,       // kids: [kFlag] (kStar | (kVar | kSelectExpr)...)
  kSelectExpr,         // kids: expr, var
  kConstruct,          // kids: kConstructTemplate, kDataset..., kGroup, kSolutionModifier
  kConstructWhere,     // kids: kDataset..., kTriplesTemplate, kSolutionModifier
  kConstructTemplate,  // kids: kTriples...
  kTriplesTemplate,    // kids: kTriples...
  kDescribe,           // kids: (kStar | var-or-iri...), kDataset..., [kGroup], kSolutionModifier
  kAsk,                // kids: kDataset..., kGroup, kSolutionModifier
  kDataset,            // text: "" or NAMED; kids: iri
  kSolutionModifier,   // kids: [kGroupBy] [kHaving] [kOrderBy] [kLimit] [kOffset]
  kGroupBy,            // kids: kGroupCondition...
  kGroupCondition,     // kids: expr [var]
  kHaving,             // kids: exprs
  kOrderBy,            // kids: kOrderCondition...
  kOrderCondition,     // text: ASC / DESC / ""; kids: expr
  kLimit,              // text: digits
  kOffset,
  // Updates.
  kUpdate,     // kids: kUpdateSeg...
  kUpdateSeg,  // kids: kBaseDecl/kPrefixDecl..., [operation]
  kLoad,       // kids: [kFlag SILENT] iri [kGraphRef]
  kClear,      // kids: [kFlag] kGraphTarget
  kDrop,
  kCreate,  // kids: [kFlag] kGraphRef
  kAdd,     // kids: [kFlag] kGraphTarget kGraphTarget
  kMove,
  kCopy,
  kInsertData,    // kids: kQuads
  kDeleteData,    // kids: kQuads
  kDeleteWhere,   // kids: kQuads
  kModify,        // kids: [kWith] [kDeleteClause] [kInsertClause] kUsing... kGroup
  kWith,          // kids: iri
  kDeleteClause,  // kids: kQuads
  kInsertClause,  // kids: kQuads
  kUsing,         // text: "" or NAMED; kids: iri
  kGraphRef,      // kids: iri
  kGraphTarget,   // text: GRAPH DEFAULT NAMED ALL; kids: [iri]
  kQuads,         // kids: kTriplesTemplate | kQuadsGraph
  kQuadsGraph,    // kids: var-or-iri, [kTriplesTemplate]
};

struct Node {
  Kind kind = Kind::kNone;
  std::uint32_t pos = 0;  // byte offset of the first character (in the decoded text)
  std::uint32_t end = 0;  // byte offset just past the node
  std::string text;
  std::vector<Node> kids;
};

// Thrown for errors detected by the grammar or the lowering that are not plain expectation
// failures (nesting limit, semantic checks). offset is a byte offset in the decoded text.
struct SyntaxException {
  std::size_t offset;
  std::string message;
};

}  // namespace hamlet::sparql::syntax::detail
