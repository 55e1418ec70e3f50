// The six quad indexes and how a quad pattern maps to one key range.
//
// Every index is a RocksDB column family whose keys are four big-endian TermIds in the
// index's order and whose values are empty:
//   GSPO, GPOS, GOSP  hold every quad, default-graph triples under graph id 0;
//   SPOG, POSG, OSPG  hold only quads of named graphs (graph id != 0).
// With graph 0 sorting first, every pattern (any combination of bound S, P, O, with the
// default graph, one named graph, or "any named graph") is a single range scan: a prefix,
// or for "any named graph" with nothing bound, GSPO from graph id 1 on.
// Default-graph triples cost three keys, named-graph quads six.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "store/ids.h"

namespace hamlet::store {

enum class IndexId : uint8_t { kGSPO = 0, kGPOS, kGOSP, kSPOG, kPOSG, kOSPG };
inline constexpr int kIndexCount = 6;
inline constexpr size_t kQuadKeyBytes = 32;

// Column family name of an index ("gspo", ...).
const char* IndexName(IndexId index);
// Positions of S=0, P=1, O=2, G=3 in the index's key, in key order.
const std::array<int, 4>& IndexOrder(IndexId index);
// True for the indexes that only hold named-graph quads.
inline bool NamedOnly(IndexId index) {
  return static_cast<int>(index) >= 3;
}

void EncodeQuadKey(IndexId index, const IdQuad& q, char out[kQuadKeyBytes]);
IdQuad DecodeQuadKey(IndexId index, const char* key);

enum class GraphScope : uint8_t {
  kDefault,   // the default graph only
  kGraph,     // one named graph (QuadPattern::g)
  kAnyNamed,  // every named graph, not the default graph
  kAll,       // the default graph and every named graph
};

// A quad pattern over ids; 0 in s/p/o means unbound.
struct QuadPattern {
  TermId s = 0, p = 0, o = 0;
  GraphScope scope = GraphScope::kDefault;
  TermId g = 0;  // with kGraph
};

// One key range of one index: keys >= `begin` that start with `prefix`.
struct ScanRange {
  IndexId index;
  std::string prefix;
  std::string begin;
};

// The ranges whose union is exactly the pattern's matches (one range, except kAll with
// something bound, which takes the default-graph range plus the named-graph range).
std::vector<ScanRange> PlanScan(const QuadPattern& pattern);

// The position (0 S, 1 P, 2 O) whose ids a scan of `pattern` yields in ascending order (its
// first unbound position in the index PlanScan picks), or -1 when the scan is not a single
// range over one graph (kDefault, kGraph) or binds every position. Merge joins rely on it.
int SortedPosition(const QuadPattern& pattern);

}  // namespace hamlet::store
