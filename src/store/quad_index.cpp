#include "store/quad_index.h"

namespace hamlet::store {

namespace {

constexpr std::array<std::array<int, 4>, kIndexCount> kOrders = {{
    {3, 0, 1, 2},  // GSPO
    {3, 1, 2, 0},  // GPOS
    {3, 2, 0, 1},  // GOSP
    {0, 1, 2, 3},  // SPOG
    {1, 2, 0, 3},  // POSG
    {2, 0, 1, 3},  // OSPG
}};
constexpr const char* kNames[kIndexCount] = {"gspo", "gpos", "gosp", "spog", "posg", "ospg"};

TermId Get(const IdQuad& q, int pos) {
  switch (pos) {
    case 0:
      return q.s;
    case 1:
      return q.p;
    case 2:
      return q.o;
    default:
      return q.g;
  }
}

void Set(IdQuad* q, int pos, TermId v) {
  switch (pos) {
    case 0:
      q->s = v;
      break;
    case 1:
      q->p = v;
      break;
    case 2:
      q->o = v;
      break;
    default:
      q->g = v;
      break;
  }
}

std::string Prefix(IndexId index, const IdQuad& q, int n) {
  std::string out(static_cast<size_t>(n) * 8, '\0');
  const auto& order = kOrders[static_cast<int>(index)];
  for (int i = 0; i < n; ++i) PutBigEndian64(out.data() + i * 8, Get(q, order[i]));
  return out;
}

// Graph fixed (default or one named graph): G-first indexes.
ScanRange GraphFixed(const QuadPattern& p, TermId g) {
  IdQuad q{p.s, p.p, p.o, g};
  bool s = p.s != 0, pr = p.p != 0, o = p.o != 0;
  IndexId index;
  int n;
  if (s && pr && o)
    index = IndexId::kGSPO, n = 4;
  else if (s && pr)
    index = IndexId::kGSPO, n = 3;
  else if (s && o)
    index = IndexId::kGOSP, n = 3;
  else if (pr && o)
    index = IndexId::kGPOS, n = 3;
  else if (s)
    index = IndexId::kGSPO, n = 2;
  else if (pr)
    index = IndexId::kGPOS, n = 2;
  else if (o)
    index = IndexId::kGOSP, n = 2;
  else
    index = IndexId::kGSPO, n = 1;
  std::string prefix = Prefix(index, q, n);
  return ScanRange{index, prefix, prefix};
}

ScanRange AnyNamed(const QuadPattern& p) {
  IdQuad q{p.s, p.p, p.o, 0};
  bool s = p.s != 0, pr = p.p != 0, o = p.o != 0;
  IndexId index;
  int n;
  if (s && pr && o)
    index = IndexId::kSPOG, n = 3;
  else if (s && pr)
    index = IndexId::kSPOG, n = 2;
  else if (s && o)
    index = IndexId::kOSPG, n = 2;
  else if (pr && o)
    index = IndexId::kPOSG, n = 2;
  else if (s)
    index = IndexId::kSPOG, n = 1;
  else if (pr)
    index = IndexId::kPOSG, n = 1;
  else if (o)
    index = IndexId::kOSPG, n = 1;
  else {
    // Nothing bound: all of GSPO after the default graph's keys (graph id 0 sorts first).
    std::string begin(8, '\0');
    PutBigEndian64(begin.data(), 1);
    return ScanRange{IndexId::kGSPO, std::string(), begin};
  }
  std::string prefix = Prefix(index, q, n);
  return ScanRange{index, prefix, prefix};
}

}  // namespace

const char* IndexName(IndexId index) {
  return kNames[static_cast<int>(index)];
}
const std::array<int, 4>& IndexOrder(IndexId index) {
  return kOrders[static_cast<int>(index)];
}

void EncodeQuadKey(IndexId index, const IdQuad& q, char out[kQuadKeyBytes]) {
  const auto& order = kOrders[static_cast<int>(index)];
  for (int i = 0; i < 4; ++i) PutBigEndian64(out + i * 8, Get(q, order[i]));
}

IdQuad DecodeQuadKey(IndexId index, const char* key) {
  const auto& order = kOrders[static_cast<int>(index)];
  IdQuad q;
  for (int i = 0; i < 4; ++i) Set(&q, order[i], GetBigEndian64(key + i * 8));
  return q;
}

std::vector<ScanRange> PlanScan(const QuadPattern& p) {
  switch (p.scope) {
    case GraphScope::kDefault:
      return {GraphFixed(p, 0)};
    case GraphScope::kGraph:
      return {GraphFixed(p, p.g)};
    case GraphScope::kAnyNamed:
      return {AnyNamed(p)};
    case GraphScope::kAll:
      if (p.s == 0 && p.p == 0 && p.o == 0) return {ScanRange{IndexId::kGSPO, "", ""}};
      return {GraphFixed(p, 0), AnyNamed(p)};
  }
  return {};
}

int SortedPosition(const QuadPattern& p) {
  if (p.scope != GraphScope::kDefault && p.scope != GraphScope::kGraph) return -1;
  ScanRange r = GraphFixed(p, p.scope == GraphScope::kDefault ? 0 : p.g);
  size_t bound = r.prefix.size() / 8;  // the graph and the bound positions
  if (bound >= 4) return -1;
  int pos = IndexOrder(r.index)[bound];
  return pos == 3 ? -1 : pos;
}

}  // namespace hamlet::store
