// Lowering of terms, triples and property paths (see detail/lower.h).
#include <utility>

#include "rdf/iri.h"
#include "sparql/syntax/detail/lower.h"
#include "sparql/syntax/parser.h"

namespace hamlet::sparql::syntax::detail {

void Lowerer::Fail(const Node& at, std::string message) {
  Fail(at.pos, std::move(message));
}

void Lowerer::Fail(std::size_t offset, std::string message) {
  throw SyntaxException{offset, std::move(message)};
}

void Lowerer::Prologue(const Node& decl, ast::Prologue& out) {
  if (decl.kind == Kind::kBaseDecl) {
    base_ = rdf::ResolveIri(base_, decl.kids[0].text);
    out.base = base_;
    return;
  }
  // kPrefixDecl: kids pname_ns, iriref.
  std::string prefix = decl.kids[0].text;
  prefix.pop_back();  // ':'
  std::string iri = rdf::ResolveIri(base_, decl.kids[1].text);
  prefixes_[prefix] = iri;
  for (auto& p : out.prefixes) {
    if (p.first == prefix) {
      p.second = iri;
      return;
    }
  }
  out.prefixes.emplace_back(prefix, iri);
}

ast::Term Lowerer::Iri(const Node& n) {
  if (n.kind == Kind::kIriRef) return ast::Term::Iri(rdf::ResolveIri(base_, n.text));
  if (n.kind == Kind::kA) return ast::Term::Iri(ast::kRdfType);
  // kPName: prefix ':' local, local escapes (\x) removed, %XX kept.
  std::size_t colon = n.text.find(':');
  std::string prefix = n.text.substr(0, colon);
  auto it = prefixes_.find(prefix);
  if (it == prefixes_.end()) Fail(n, "undeclared prefix '" + prefix + ":'");
  std::string iri = it->second;
  for (std::size_t i = colon + 1; i < n.text.size(); ++i) {
    if (n.text[i] == '\\' && i + 1 < n.text.size()) ++i;
    iri += n.text[i];
  }
  return ast::Term::Iri(std::move(iri));
}

std::string Lowerer::DecodeString(const Node& n) {
  const std::string& s = n.text;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    switch (s[++i]) {
      case 't':
        out += '\t';
        break;
      case 'b':
        out += '\b';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'f':
        out += '\f';
        break;
      default:
        out += s[i];
        break;  // \\ \" \'
    }
  }
  return out;
}

ast::Term Lowerer::Literal(const Node& n) {
  switch (n.kind) {
    case Kind::kInteger:
      return ast::Term::Literal(n.text, ast::kXsdInteger);
    case Kind::kDecimal:
      return ast::Term::Literal(n.text, ast::kXsdDecimal);
    case Kind::kDouble:
      return ast::Term::Literal(n.text, ast::kXsdDouble);
    case Kind::kBoolean:
      return ast::Term::Literal(n.text, ast::kXsdBoolean);
    default:
      break;
  }
  // kLiteral: kString [kLangTag | iri]
  std::string lexical = DecodeString(n.kids[0]);
  if (n.kids.size() == 1) return ast::Term::Literal(std::move(lexical), ast::kXsdString);
  const Node& extra = n.kids[1];
  if (extra.kind == Kind::kLangTag) {
    return ast::Term::Literal(std::move(lexical), ast::kRdfLangString, extra.text);
  }
  return ast::Term::Literal(std::move(lexical), Iri(extra).value);
}

ast::Term Lowerer::FreshBlank() {
  return ast::Term::Blank("b" + std::to_string(anon_counter_++), /*anonymous=*/true);
}

ast::Term Lowerer::Term(const Node& n, const TripleCtx& ctx) {
  switch (n.kind) {
    case Kind::kVar:
      if (!ctx.allow_vars) {
        Fail(n,
             std::string("variables are not allowed in ") + ctx.where + " (found ?" + n.text + ")");
      }
      return ast::Term::Variable(n.text);
    case Kind::kIriRef:
    case Kind::kPName:
    case Kind::kA:
      return Iri(n);
    case Kind::kNil:
      return ast::Term::Iri(ast::kRdfNil);
    case Kind::kAnon:
      if (ctx.mode == BNodeMode::kNoBlank) {
        Fail(n, std::string("blank nodes are not allowed in ") + ctx.where);
      }
      return FreshBlank();
    case Kind::kBNodeLabel: {
      switch (ctx.mode) {
        case BNodeMode::kNoBlank:
          Fail(n, std::string("blank nodes are not allowed in ") + ctx.where +
                      " (found _:" + n.text + ")");
        case BNodeMode::kPattern: {
          auto [it, inserted] = bgp_of_label_.emplace(n.text, current_bgp_);
          if (!inserted && it->second != current_bgp_) {
            Fail(n, "blank node label _:" + n.text +
                        " is already used in another basic graph pattern");
          }
          break;
        }
        case BNodeMode::kInsertData: {
          auto [it, inserted] = insert_data_labels_.emplace(n.text, current_operation_);
          if (!inserted && it->second != current_operation_) {
            Fail(n, "blank node label _:" + n.text +
                        " is already used by another INSERT DATA operation of this request");
          }
          break;
        }
        case BNodeMode::kTemplate:
          break;
      }
      return ast::Term::Blank(n.text);
    }
    default:
      return Literal(n);
  }
}

ast::Path Lowerer::PathOf(const Node& n) {
  ast::Path p;
  switch (n.kind) {
    case Kind::kPathAlt:
    case Kind::kPathSeq:
      p.kind =
          n.kind == Kind::kPathAlt ? ast::Path::Kind::kAlternative : ast::Path::Kind::kSequence;
      for (const Node& k : n.kids) p.args.push_back(PathOf(k));
      return p;
    case Kind::kPathInv:
      p.kind = ast::Path::Kind::kInverse;
      p.args.push_back(PathOf(n.kids[0]));
      return p;
    case Kind::kPathMod:
      p.kind = n.text == "*"   ? ast::Path::Kind::kZeroOrMore
               : n.text == "+" ? ast::Path::Kind::kOneOrMore
                               : ast::Path::Kind::kZeroOrOne;
      p.args.push_back(PathOf(n.kids[0]));
      return p;
    case Kind::kPathNeg:
      p.kind = ast::Path::Kind::kNegated;
      for (const Node& one : n.kids) {
        p.negated.push_back({Iri(one.kids[0]), one.text == "^"});
      }
      return p;
    default:
      p.kind = ast::Path::Kind::kLink;
      p.iri = Iri(n);
      return p;
  }
}

void Lowerer::Emit(ast::Term s, const Node& verb, ast::Term o, std::vector<ast::TriplePattern>& out,
                   const TripleCtx& ctx) {
  ast::TriplePattern t;
  t.subject = std::move(s);
  t.object = std::move(o);
  switch (verb.kind) {
    case Kind::kVar:
    case Kind::kIriRef:
    case Kind::kPName:
    case Kind::kA:
      t.predicate = Term(verb, ctx);
      break;
    default:
      t.path = PathOf(verb);
      break;
  }
  out.push_back(std::move(t));
}

ast::Term Lowerer::GraphNode(const Node& n, std::vector<ast::TriplePattern>& out,
                             const TripleCtx& ctx) {
  if (n.kind == Kind::kBNodePropList) {
    if (ctx.mode == BNodeMode::kNoBlank) {
      Fail(n, std::string("blank nodes are not allowed in ") + ctx.where);
    }
    ast::Term b = FreshBlank();
    PropertyList(b, n.kids[0], out, ctx);
    return b;
  }
  if (n.kind == Kind::kCollection) {
    if (ctx.mode == BNodeMode::kNoBlank) {
      Fail(n, std::string("collections (blank nodes) are not allowed in ") + ctx.where);
    }
    // Elements first (their own triples), then the list cells.
    std::vector<ast::Term> items;
    for (const Node& k : n.kids) items.push_back(GraphNode(k, out, ctx));
    ast::Term head = FreshBlank();
    ast::Term cell = head;
    for (std::size_t i = 0; i < items.size(); ++i) {
      out.push_back({cell, ast::Term::Iri(ast::kRdfFirst), std::nullopt, items[i]});
      ast::Term next = i + 1 < items.size() ? FreshBlank() : ast::Term::Iri(ast::kRdfNil);
      out.push_back({cell, ast::Term::Iri(ast::kRdfRest), std::nullopt, next});
      cell = next;
    }
    return head;
  }
  return Term(n, ctx);
}

void Lowerer::PropertyList(const ast::Term& subject, const Node& list,
                           std::vector<ast::TriplePattern>& out, const TripleCtx& ctx) {
  for (std::size_t i = 0; i + 1 < list.kids.size(); i += 2) {
    const Node& verb = list.kids[i];
    for (const Node& obj : list.kids[i + 1].kids) {
      ast::Term o = GraphNode(obj, out, ctx);
      Emit(subject, verb, std::move(o), out, ctx);
    }
  }
}

void Lowerer::Triples(const Node& n, std::vector<ast::TriplePattern>& out, const TripleCtx& ctx) {
  // kTriples: subject [kPropertyList]
  ast::Term subject = GraphNode(n.kids[0], out, ctx);
  if (n.kids.size() > 1) PropertyList(subject, n.kids[1], out, ctx);
}

}  // namespace hamlet::sparql::syntax::detail
