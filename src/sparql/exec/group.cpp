#include "sparql/exec/group.h"

#include "sparql/exec/functions.h"
#include "sparql/exec/row_table.h"

namespace hamlet::sparql::exec {

std::unique_ptr<Cursor> GroupOp::Open(ExecContext& ctx, const Row& seed) const {
  auto in = children[0]->Open(ctx, seed);
  // Input rows in one arena; each group lists its members through `next` (in input order),
  // so no row or group needs an allocation of its own.
  RowArena rows(seed.size());
  RowSet groups(keys_.size());
  std::vector<uint32_t> first, last, next;
  std::vector<TermId> key(keys_.size());
  MemoryLease lease(ctx.memory, "GROUP BY");
  Row r;
  while (in->Next(&r)) {
    if (r.size() != rows.width()) {
      return std::make_unique<ErrorCursor>(Status::Internal("GROUP BY input row of another width"));
    }
    uint32_t row = rows.Append(r.data());
    if ((row & 1023) == 0) {
      if (ctx.cancel != nullptr) {
        if (Status c = ctx.cancel->Check(); !c.ok()) return std::make_unique<ErrorCursor>(c);
      }
      size_t held = rows.bytes() + groups.bytes() +
                    (first.capacity() + last.capacity() + next.capacity()) * sizeof(uint32_t);
      if (Status m = lease.Set(held); !m.ok()) return std::make_unique<ErrorCursor>(m);
    }
    for (size_t i = 0; i < keys_.size(); ++i) {
      const CompiledExpr& k = keys_[i].expr;
      if (k.kind == CompiledExpr::Kind::kVariable) {  // ids are canonical: no decoding
        key[i] = r[k.slot];
        continue;
      }
      auto v = Evaluate(k, r, ctx);
      key[i] = store::kNoTerm;
      if (v) {
        auto interned = ctx.terms->Intern(*v);
        if (!interned.ok()) return std::make_unique<ErrorCursor>(interned.status());
        key[i] = *interned;
      }
    }
    bool fresh = false;
    uint32_t g = groups.FindOrInsert(key.data(), &fresh);
    if (fresh) {
      first.push_back(row);
      last.push_back(row);
    } else {
      next[last[g]] = row;
      last[g] = row;
    }
    next.push_back(RowSet::kEmpty);
  }
  if (!in->status().ok()) return std::make_unique<ErrorCursor>(in->status());
  // Without GROUP BY, an empty input is still one (empty) group.
  bool empty_group = keys_.empty() && groups.size() == 0;

  const rdf::Term one = rdf::Term::Literal("1", "http://www.w3.org/2001/XMLSchema#integer");
  std::vector<Row> out;
  Row member;
  for (size_t g = 0; g < groups.size() || (empty_group && g == 0); ++g) {
    Row result = seed;
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i].slot) result[*keys_[i].slot] = groups.Key(static_cast<uint32_t>(g))[i];
    }
    for (const auto& a : aggregates_) {
      auto agg = MakeAggregator(a.name, a.separator);
      if (!agg)
        return std::make_unique<ErrorCursor>(Status::InvalidInput("unknown aggregate " + a.name));
      RowSet seen_values(1);
      RowSet seen_rows(rows.width());
      uint32_t m = empty_group ? RowSet::kEmpty : first[g];
      for (; m != RowSet::kEmpty; m = next[m]) {
        const TermId* ids = rows.At(m);
        if (a.star || a.args.empty()) {
          if (a.distinct && !seen_rows.Insert(ids)) continue;
          agg->Add(one);
          continue;
        }
        const CompiledExpr& arg = a.args[0];
        if (arg.kind == CompiledExpr::Kind::kVariable) {
          // A plain variable: DISTINCT on ids, and COUNT needs no value at all.
          TermId id = ids[arg.slot];
          if (a.distinct && id != store::kNoTerm && !seen_values.Insert(&id)) continue;
          if (a.name == "COUNT") {
            if (id != store::kNoTerm) agg->Add(one);
            continue;
          }
        }
        member.assign(ids, ids + rows.width());
        auto v = Evaluate(arg, member, ctx);
        if (a.distinct && v && arg.kind != CompiledExpr::Kind::kVariable) {
          auto id = ctx.terms->Intern(*v);
          if (id.ok() && !seen_values.Insert(&*id)) continue;
        }
        agg->Add(v);
      }
      auto value = agg->Result();
      if (value) {
        auto id = ctx.terms->Intern(*value);
        if (!id.ok()) return std::make_unique<ErrorCursor>(id.status());
        result[a.slot] = *id;
      }
    }
    out.push_back(std::move(result));
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
