#include "sparql/exec/group.h"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "sparql/exec/functions.h"

namespace hamlet::sparql::exec {

std::unique_ptr<Cursor> GroupOp::Open(ExecContext& ctx, const Row& seed) const {
  auto in = children[0]->Open(ctx, seed);
  auto rows = Drain(in.get(), ctx);
  if (!rows.ok()) return std::make_unique<ErrorCursor>(rows.status());

  // Groups in order of first appearance, keyed by the ids of their key values.
  std::unordered_map<std::vector<TermId>, size_t, RowHash> index;
  std::vector<std::pair<std::vector<TermId>, std::vector<const Row*>>> groups;
  for (const Row& r : *rows) {
    std::vector<TermId> key;
    for (const auto& k : keys_) {
      if (k.expr.kind == CompiledExpr::Kind::kVariable) {  // ids are canonical: no decoding
        key.push_back(r[k.expr.slot]);
        continue;
      }
      auto v = Evaluate(k.expr, r, ctx);
      TermId id = store::kNoTerm;
      if (v) {
        auto interned = ctx.terms->Intern(*v);
        if (!interned.ok()) return std::make_unique<ErrorCursor>(interned.status());
        id = *interned;
      }
      key.push_back(id);
    }
    auto [it, fresh] = index.emplace(key, groups.size());
    if (fresh) groups.emplace_back(key, std::vector<const Row*>{});
    groups[it->second].second.push_back(&r);
  }
  // Without GROUP BY, an empty input is still one (empty) group.
  if (keys_.empty() && groups.empty())
    groups.emplace_back(std::vector<TermId>{}, std::vector<const Row*>{});

  const rdf::Term one = rdf::Term::Literal("1", "http://www.w3.org/2001/XMLSchema#integer");
  std::vector<Row> out;
  for (const auto& [key, members] : groups) {
    Row r = seed;
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i].slot) r[*keys_[i].slot] = key[i];
    }
    for (const auto& a : aggregates_) {
      auto agg = MakeAggregator(a.name, a.separator);
      if (!agg)
        return std::make_unique<ErrorCursor>(Status::InvalidInput("unknown aggregate " + a.name));
      std::unordered_set<TermId> seen_values;
      std::set<Row> seen_rows;
      for (const Row* m : members) {
        if (a.star || a.args.empty()) {
          if (a.distinct && !seen_rows.insert(*m).second) continue;
          agg->Add(one);
          continue;
        }
        const CompiledExpr& arg = a.args[0];
        if (arg.kind == CompiledExpr::Kind::kVariable) {
          // A plain variable: DISTINCT on ids, and COUNT needs no value at all.
          TermId id = (*m)[arg.slot];
          if (a.distinct && id != store::kNoTerm && !seen_values.insert(id).second) continue;
          if (a.name == "COUNT") {
            if (id != store::kNoTerm) agg->Add(one);
            continue;
          }
        }
        auto v = Evaluate(arg, *m, ctx);
        if (a.distinct && v && arg.kind != CompiledExpr::Kind::kVariable) {
          auto id = ctx.terms->Intern(*v);
          if (id.ok() && !seen_values.insert(*id).second) continue;
        }
        agg->Add(v);
      }
      auto value = agg->Result();
      if (value) {
        auto id = ctx.terms->Intern(*value);
        if (!id.ok()) return std::make_unique<ErrorCursor>(id.status());
        r[a.slot] = *id;
      }
    }
    out.push_back(std::move(r));
  }
  return Counted(*this, std::make_unique<VectorCursor>(std::move(out)));
}

std::string GroupOp::Describe(const ExplainNames& names) const {
  std::string s = "HashAggregate";
  if (!keys_.empty()) {
    s += " by";
    for (const auto& k : keys_) s += " " + exec::Describe(k.expr, names);
  }
  for (const auto& a : aggregates_) {
    s += " " + names.Var(a.slot) + "=" + a.name + (a.distinct ? "(distinct " : "(");
    s += a.star ? "*" : (a.args.empty() ? "" : exec::Describe(a.args[0], names));
    s += ")";
  }
  return s;
}

}  // namespace hamlet::sparql::exec
