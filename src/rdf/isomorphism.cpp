#include "rdf/isomorphism.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace hamlet::rdf {

namespace {

using BlankHashes = std::map<std::string, size_t>;

size_t Mix(size_t h, size_t v) {
  return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

size_t TermHash(const Term& t, const BlankHashes& bh) {
  if (t.is_blank()) {
    auto it = bh.find(t.value());
    return Mix(7, it == bh.end() ? 0 : it->second);
  }
  return std::hash<std::string>{}(t.ToNTriples());
}

const Term& At(const Quad& q, int i) {
  switch (i) {
    case 0:
      return q.subject;
    case 1:
      return q.predicate;
    case 2:
      return q.object;
    default:
      return q.graph;
  }
}

bool HasBlank(const Quad& q) {
  for (int i = 0; i < 4; ++i) {
    if (At(q, i).is_blank()) return true;
  }
  return false;
}

// Weisfeiler-Lehman style refinement of blank-node colours.
BlankHashes Refine(const std::vector<Quad>& quads) {
  BlankHashes h;
  for (const auto& q : quads) {
    for (int i = 0; i < 4; ++i) {
      if (At(q, i).is_blank()) h[At(q, i).value()] = 1;
    }
  }
  for (int round = 0; round < 4; ++round) {
    std::map<std::string, std::vector<size_t>> sigs;
    for (const auto& q : quads) {
      for (int i = 0; i < 4; ++i) {
        if (!At(q, i).is_blank()) continue;
        size_t s = Mix(0, static_cast<size_t>(i));
        for (int j = 0; j < 4; ++j) s = Mix(s, TermHash(At(q, j), h));
        sigs[At(q, i).value()].push_back(s);
      }
    }
    BlankHashes next;
    for (auto& [b, v] : sigs) {
      std::sort(v.begin(), v.end());
      size_t s = h[b];
      for (size_t x : v) s = Mix(s, x);
      next[b] = s;
    }
    h = std::move(next);
  }
  return h;
}

Term Rename(const Term& t, const std::map<std::string, std::string>& m) {
  if (!t.is_blank()) return t;
  auto it = m.find(t.value());
  return it == m.end() ? t : Term::Blank(it->second);
}

}  // namespace

bool AreIsomorphic(const std::vector<Quad>& a_in, const std::vector<Quad>& b_in, std::string* why) {
  std::set<Quad> a_set(a_in.begin(), a_in.end()), b_set(b_in.begin(), b_in.end());
  auto explain = [&](const std::string& s) {
    if (why != nullptr) *why = s;
    return false;
  };
  if (a_set.size() != b_set.size()) {
    return explain("different sizes: " + std::to_string(a_set.size()) + " vs " +
                   std::to_string(b_set.size()) + " distinct quads");
  }
  std::vector<Quad> a_blank, b_blank;
  for (const auto& q : a_set) {
    if (HasBlank(q)) {
      a_blank.push_back(q);
    } else if (b_set.count(q) == 0) {
      return explain("only in first: " + q.ToNQuads());
    }
  }
  for (const auto& q : b_set) {
    if (HasBlank(q)) {
      b_blank.push_back(q);
    } else if (a_set.count(q) == 0) {
      return explain("only in second: " + q.ToNQuads());
    }
  }
  if (a_blank.size() != b_blank.size())
    return explain("different numbers of quads with blank nodes");
  BlankHashes ha = Refine(a_blank), hb = Refine(b_blank);
  if (ha.size() != hb.size()) return explain("different numbers of blank nodes");
  std::multimap<size_t, std::string> b_by_hash;
  for (auto& [b, h] : hb) b_by_hash.emplace(h, b);
  std::vector<std::string> order;
  for (auto& [b, h] : ha) order.push_back(b);
  // Most distinctive (fewest candidates) first.
  std::sort(order.begin(), order.end(), [&](const std::string& x, const std::string& y) {
    return b_by_hash.count(ha[x]) < b_by_hash.count(ha[y]);
  });
  std::set<Quad> b_blank_set(b_blank.begin(), b_blank.end());
  std::map<std::string, std::string> mapping;
  std::set<std::string> used;
  long budget = 200000;  // backtracking steps before giving up
  std::function<bool(size_t)> search = [&](size_t k) -> bool {
    if (--budget < 0) return false;
    if (k == order.size()) {
      for (const auto& q : a_blank) {
        Quad r{Rename(q.subject, mapping), Rename(q.predicate, mapping), Rename(q.object, mapping),
               Rename(q.graph, mapping)};
        if (b_blank_set.count(r) == 0) return false;
      }
      return true;
    }
    const std::string& x = order[k];
    auto range = b_by_hash.equal_range(ha[x]);
    for (auto it = range.first; it != range.second; ++it) {
      if (used.count(it->second)) continue;
      mapping[x] = it->second;
      used.insert(it->second);
      if (search(k + 1)) return true;
      used.erase(it->second);
      mapping.erase(x);
    }
    return false;
  };
  if (!search(0)) return explain("no blank-node bijection maps one onto the other");
  return true;
}

}  // namespace hamlet::rdf
