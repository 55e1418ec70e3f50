// S-expression printer of the SPARQL algebra (see algebra.h). Layout: an operator opens with
// "(name header", each child operator follows on its own line indented by two spaces, and
// the closing parentheses end the last line. Expressions print on one line.
#include <cctype>
#include <string>
#include <utility>

#include "rdf/term.h"
#include "sparql/algebra/algebra.h"

#include "rdf/text.h"

namespace hamlet::sparql::algebra {
namespace {

using PK = ast::Path::Kind;

bool MatchesNumber(const std::string& s, int kind) {  // 0 integer, 1 decimal, 2 double
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0, frac = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (kind == 0) return digits > 0 && i == s.size();
  bool dot = i < s.size() && s[i] == '.';
  if (dot) {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++frac;
  }
  if (kind == 1) return dot && frac > 0 && i == s.size();
  if (digits + frac == 0 || i >= s.size() || (s[i] != 'e' && s[i] != 'E')) return false;
  ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t exp = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
  return exp > 0 && i == s.size();
}

class Printer {
 public:
  explicit Printer(const PrintOptions& o) : options_(o) {}

  std::string Term(const ast::Term& t) const {
    switch (t.kind) {
      case ast::Term::Kind::kIri:
        return Iri(t.value);
      case ast::Term::Kind::kBlank:
        return "_:" + t.value;
      case ast::Term::Kind::kVariable:
        return "?" + t.value;
      case ast::Term::Kind::kLiteral:
        break;
    }
    const std::string& dt = t.datatype;
    if ((dt == ast::kXsdInteger && MatchesNumber(t.value, 0)) ||
        (dt == ast::kXsdDecimal && MatchesNumber(t.value, 1)) ||
        (dt == ast::kXsdDouble && MatchesNumber(t.value, 2)) ||
        (dt == ast::kXsdBoolean && (t.value == "true" || t.value == "false"))) {
      return t.value;
    }
    std::string out = "\"";
    rdf::AppendEscapedString(t.value, &out);
    out += '"';
    if (!t.lang.empty()) return out + "@" + t.lang;
    if (dt.empty() || dt == ast::kXsdString) return out;
    return out + "^^" + Iri(dt);
  }

  std::string Iri(const std::string& iri) const { return rdf::ShortIri(iri, options_.prefixes); }

  std::string Path(const ast::Path& p) const {
    switch (p.kind) {
      case PK::kLink:
        return Term(p.iri);
      case PK::kInverse:
        return "(reverse " + Path(p.args[0]) + ")";
      case PK::kSequence:
      case PK::kAlternative: {
        std::string out = p.kind == PK::kSequence ? "(seq" : "(alt";
        for (const ast::Path& a : p.args) out += " " + Path(a);
        return out + ")";
      }
      case PK::kZeroOrMore:
        return "(path* " + Path(p.args[0]) + ")";
      case PK::kOneOrMore:
        return "(path+ " + Path(p.args[0]) + ")";
      case PK::kZeroOrOne:
        return "(path? " + Path(p.args[0]) + ")";
      case PK::kNegated: {
        std::string fwd, inv;
        for (const auto& n : p.negated) (n.inverse ? inv : fwd) += " " + Term(n.iri);
        std::string f = "(notoneof" + fwd + ")";
        std::string r = "(reverse (notoneof" + inv + "))";
        if (inv.empty()) return f;
        if (fwd.empty()) return r;
        return "(alt " + f + " " + r + ")";
      }
    }
    return {};
  }

  std::string Triple(const ast::TriplePattern& t) const {
    if (t.path)
      return "(path " + Term(t.subject) + " " + Path(*t.path) + " " + Term(t.object) + ")";
    return "(triple " + Term(t.subject) + " " + Term(t.predicate) + " " + Term(t.object) + ")";
  }

  std::string Expr(const ast::Expr& e) const {
    using K = ast::Expr::Kind;
    std::string out;
    switch (e.kind) {
      case K::kTerm:
        return Term(e.term);
      case K::kBinary:
      case K::kUnary:
        out = "(" + e.op;
        break;
      case K::kIn:
        out = "(in";
        break;
      case K::kNotIn:
        out = "(notin";
        break;
      case K::kBuiltin:
        out = "(" + Lower(e.op);
        break;
      case K::kFunction:
        out = "(" + Term(e.term) + (e.distinct ? " distinct" : "");
        break;
      case K::kAggregate:
        out = "(" + Lower(e.op) + (e.distinct ? " distinct" : "");
        if (e.separator) {
          out += " (separator " + Term(ast::Term::Literal(*e.separator, ast::kXsdString)) + ")";
        }
        break;
      case K::kExists:
      case K::kNotExists:
        return std::string(e.kind == K::kExists ? "(exists " : "(notexists ") +
               Compact(TranslatePattern(*e.pattern)) + ")";
    }
    for (const ast::Expr& a : e.args) out += " " + Expr(a);
    return out + ")";
  }

  std::string Exprs(const std::vector<ast::Expr>& es) const {
    if (es.size() == 1) return Expr(es[0]);
    std::string out = "(exprlist";
    for (const ast::Expr& e : es) out += " " + Expr(e);
    return out + ")";
  }

  // Op in one line (inside expressions).
  std::string Compact(const Op& op) const {
    std::string s = Print(op, 0);
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == '\n') {
        space = true;
        continue;
      }
      if (space && c == ' ') continue;
      if (space) out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  std::string Print(const Op& op, int indent) const {
    const std::string nl = "\n" + std::string(static_cast<std::size_t>(indent + 2), ' ');
    auto child = [&](std::size_t i) { return nl + Print(op.children[i], indent + 2); };
    using K = Op::Kind;
    switch (op.kind) {
      case K::kBgp: {
        if (op.triples.empty()) return "(bgp)";
        std::string out = "(bgp";
        for (const ast::TriplePattern& t : op.triples) out += nl + Triple(t);
        return out + ")";
      }
      case K::kPath:
        return "(path " + Term(op.subject) + " " + Path(op.path) + " " + Term(op.object) + ")";
      case K::kJoin:
        return "(join" + child(0) + child(1) + ")";
      case K::kUnion:
        return "(union" + child(0) + child(1) + ")";
      case K::kMinus:
        return "(minus" + child(0) + child(1) + ")";
      case K::kLeftJoin:
        return "(leftjoin" + child(0) + child(1) + (op.exprs.empty() ? "" : nl + Exprs(op.exprs)) +
               ")";
      case K::kFilter:
        return "(filter " + Exprs(op.exprs) + child(0) + ")";
      case K::kGraph:
        return "(graph " + Term(op.name) + child(0) + ")";
      case K::kService:
        return std::string("(service ") + (op.silent ? "silent " : "") + Term(op.name) + child(0) +
               ")";
      case K::kExtend:
        return "(extend ((" + Term(op.var) + " " + Expr(op.expr) + "))" + child(0) + ")";
      case K::kTable: {
        if (op.IsUnit()) return "(table unit)";
        std::string out = "(table (vars";
        for (const ast::Term& v : op.table.variables) out += " " + Term(v);
        out += ")";
        for (const auto& row : op.table.rows) {
          out += nl + "(row";
          for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i]) out += " [" + Term(op.table.variables[i]) + " " + Term(*row[i]) + "]";
          }
          out += ")";
        }
        return out + ")";
      }
      case K::kGroup: {
        std::string out = "(group (";
        for (std::size_t i = 0; i < op.group_keys.size(); ++i) {
          const ast::GroupCondition& g = op.group_keys[i];
          if (i > 0) out += " ";
          out += g.var ? "(" + Term(*g.var) + " " + Expr(g.expr) + ")" : Expr(g.expr);
        }
        out += ")";
        if (!op.aggregates.empty()) {
          out += " (";
          for (std::size_t i = 0; i < op.aggregates.size(); ++i) {
            if (i > 0) out += " ";
            out += "(" + Term(op.aggregates[i].first) + " " + Expr(op.aggregates[i].second) + ")";
          }
          out += ")";
        }
        return out + child(0) + ")";
      }
      case K::kOrderBy: {
        std::string out = "(order (";
        for (std::size_t i = 0; i < op.order.size(); ++i) {
          if (i > 0) out += " ";
          const ast::OrderCondition& o = op.order[i];
          out += o.descending ? "(desc " + Expr(o.expr) + ")" : Expr(o.expr);
        }
        return out + ")" + child(0) + ")";
      }
      case K::kProject: {
        std::string out = "(project (";
        for (std::size_t i = 0; i < op.vars.size(); ++i) out += (i ? " " : "") + Term(op.vars[i]);
        return out + ")" + child(0) + ")";
      }
      case K::kDistinct:
        return "(distinct" + child(0) + ")";
      case K::kReduced:
        return "(reduced" + child(0) + ")";
      case K::kSlice:
        return "(slice " + (op.offset ? std::to_string(*op.offset) : std::string("_")) + " " +
               (op.limit ? std::to_string(*op.limit) : std::string("_")) + child(0) + ")";
    }
    return {};
  }

  static std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

 private:
  const PrintOptions& options_;
};

std::string Indent(const std::string& s, int by) {
  std::string pad(static_cast<std::size_t>(by), ' ');
  std::string out = pad;
  for (char c : s) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

// (prefix ((p: <iri>) ...) body) when there are prefixes.
std::string WithPrefixes(const PrintOptions& o, const std::string& body) {
  if (o.prefixes.empty()) return body;
  std::string out = "(prefix (";
  for (std::size_t i = 0; i < o.prefixes.size(); ++i) {
    out += (i ? " (" : "(") + o.prefixes[i].first + ": <" + o.prefixes[i].second + ">)";
  }
  return out + ")\n" + Indent(body, 2) + ")";
}

std::string Quads(const Printer& p, const char* name, const std::vector<ast::QuadBlock>& quads,
                  int indent) {
  const std::string nl = "\n" + std::string(static_cast<std::size_t>(indent + 2), ' ');
  std::string out = std::string("(") + name;
  for (const ast::QuadBlock& b : quads) {
    for (const ast::TriplePattern& t : b.triples) {
      if (b.graph) {
        out += nl + "(quad " + p.Term(*b.graph) + " " + p.Term(t.subject) + " " +
               p.Term(t.predicate) + " " + p.Term(t.object) + ")";
      } else {
        out += nl + p.Triple(t);
      }
    }
  }
  return out + ")";
}

std::string Target(const Printer& p, const ast::GraphTarget& t) {
  switch (t.kind) {
    case ast::GraphTarget::Kind::kDefault:
      return "default";
    case ast::GraphTarget::Kind::kNamed:
      return "named";
    case ast::GraphTarget::Kind::kAll:
      return "all";
    default:
      return p.Term(t.iri);
  }
}

}  // namespace

std::string ToSse(const Op& op, const PrintOptions& options) {
  return WithPrefixes(options, Printer(options).Print(op, 0));
}

std::string ToSse(const ast::Expr& expr, const PrintOptions& options) {
  return Printer(options).Expr(expr);
}

std::string ToSse(const QueryAlgebra& q) {
  PrintOptions o;
  o.prefixes = q.prefixes;
  Printer p(o);
  std::string body = p.Print(q.op, 0);
  if (!q.dataset.empty()) {
    std::string ds = "(dataset (";
    for (std::size_t i = 0; i < q.dataset.size(); ++i) {
      ds += (i ? " " : "") + (q.dataset[i].named ? "(named " + p.Term(q.dataset[i].iri) + ")"
                                                 : p.Term(q.dataset[i].iri));
    }
    body = ds + ")\n" + Indent(body, 2) + ")";
  }
  switch (q.form) {
    case ast::Query::Form::kAsk:
      body = "(ask\n" + Indent(body, 2) + ")";
      break;
    case ast::Query::Form::kConstruct: {
      std::string t = "(template";
      for (const ast::TriplePattern& tp : q.construct_template) t += "\n  " + p.Triple(tp);
      body = "(construct\n" + Indent(t + ")", 2) + "\n" + Indent(body, 2) + ")";
      break;
    }
    case ast::Query::Form::kDescribe: {
      std::string d = "(describe ";
      if (q.describe_all) {
        d += "*";
      } else {
        d += "(";
        for (std::size_t i = 0; i < q.describe.size(); ++i)
          d += (i ? " " : "") + p.Term(q.describe[i]);
        d += ")";
      }
      body = d + "\n" + Indent(body, 2) + ")";
      break;
    }
    default:
      break;
  }
  return WithPrefixes(o, body);
}

std::string ToSse(const ast::Update& update) {
  PrintOptions o;
  if (!update.operations.empty()) o.prefixes = update.operations.back().prologue.prefixes;
  Printer p(o);
  std::string out = "(update";
  using K = ast::UpdateOperation::Kind;
  for (const ast::UpdateOperation& op : update.operations) {
    std::string s;
    const std::string silent = op.silent ? " silent" : "";
    switch (op.kind) {
      case K::kLoad:
        s = "(load" + silent + " " + p.Term(op.source) + (op.into ? " " + p.Term(*op.into) : "") +
            ")";
        break;
      case K::kClear:
      case K::kDrop:
      case K::kCreate:
        s = std::string(op.kind == K::kClear  ? "(clear"
                        : op.kind == K::kDrop ? "(drop"
                                              : "(create") +
            silent + " " + Target(p, op.target) + ")";
        break;
      case K::kAdd:
      case K::kMove:
      case K::kCopy:
        s = std::string(op.kind == K::kAdd    ? "(add"
                        : op.kind == K::kMove ? "(move"
                                              : "(copy") +
            silent + " " + Target(p, op.target) + " " + Target(p, op.destination) + ")";
        break;
      case K::kInsertData:
        s = Quads(p, "insertdata", op.insert_quads, 0);
        break;
      case K::kDeleteData:
        s = Quads(p, "deletedata", op.delete_quads, 0);
        break;
      case K::kDeleteWhere:
        s = Quads(p, "deletewhere", op.delete_quads, 0);
        break;
      case K::kModify: {
        s = "(modify";
        if (op.with) s += " (with " + p.Term(*op.with) + ")";
        for (const ast::DatasetClause& u : op.using_clauses) {
          s += u.named ? " (using named " + p.Term(u.iri) + ")" : " (using " + p.Term(u.iri) + ")";
        }
        if (op.has_delete_clause) s += "\n" + Indent(Quads(p, "delete", op.delete_quads, 0), 2);
        if (op.has_insert_clause) s += "\n" + Indent(Quads(p, "insert", op.insert_quads, 0), 2);
        s += "\n" + Indent(p.Print(TranslatePattern(*op.where), 0), 2) + ")";
        break;
      }
    }
    out += "\n" + Indent(s, 2);
  }
  return WithPrefixes(o, out + ")");
}

}  // namespace hamlet::sparql::algebra
