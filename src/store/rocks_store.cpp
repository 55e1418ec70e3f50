#include "store/rocks_store.h"

#include <filesystem>

#include "store/distinct_sketch.h"
#include "store/inline_literal.h"
#include "store/term_codec.h"

namespace hamlet::store {

namespace fs = std::filesystem;

namespace {

std::string Successor(const std::string& prefix) {
  std::string s = prefix;
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c != 0xFF) {
      s.back() = static_cast<char>(c + 1);
      return s;
    }
    s.pop_back();
  }
  return s;  // empty: no upper bound
}

class RocksCursor : public QuadCursor {
 public:
  RocksCursor(const RocksStore* store, const rocksdb::Snapshot* snap, std::vector<ScanRange> ranges,
              const CancellationToken* cancel)
      : store_(store), snap_(snap), cancel_(cancel) {
    Start(std::move(ranges));
  }
  bool Valid() const override { return valid_; }
  const IdQuad& quad() const override { return quad_; }
  void Next() override {
    it_->Next();
    Settle();
  }
  Status status() const override { return status_; }
  void Reset(const QuadPattern& pattern) override { Start(PlanScan(pattern)); }

 private:
  // How many keys a cursor reads between two checks of the cancellation token: checking
  // costs a clock read, scanning a key ~50 ns, so 256 keys keep the check under 1%.
  static constexpr int kCancelCheckInterval = 256;

  // One RocksDB iterator per index, created on first use and re-seeked afterwards: creating
  // an iterator costs microseconds, a seek on a warm one a fraction of that.
  struct IndexIterator {
    std::unique_ptr<rocksdb::Iterator> it;
    std::string upper;
    rocksdb::Slice upper_slice;  // the iterator reads the bound through this (stable) address
  };

  void Start(std::vector<ScanRange> ranges) {
    ranges_ = std::move(ranges);
    range_ = 0;
    status_ = Status::Ok();
    OpenRange();
  }

  void OpenRange() {
    valid_ = false;
    while (range_ < ranges_.size()) {
      const ScanRange& r = ranges_[range_];
      auto& slot = iterators_[static_cast<int>(r.index)];
      if (!slot) {
        slot = std::make_unique<IndexIterator>();
        rocksdb::ReadOptions ro;
        ro.snapshot = snap_;
        ro.iterate_upper_bound = &slot->upper_slice;
        // A scan of a whole index reads every block once: keeping them would evict the
        // dictionary and index blocks that lookups need, and grow the process by the cache
        // size for nothing.
        ro.fill_cache = !r.prefix.empty();
        slot->upper = std::string(kQuadKeyBytes + 1, '\xFF');
        slot->upper_slice = rocksdb::Slice(slot->upper);
        slot->it.reset(store_->db()->NewIterator(ro, store_->cf(IndexCf(r.index))));
      }
      // No prefix (a whole index): a bound above every key.
      slot->upper = r.prefix.empty() ? std::string(kQuadKeyBytes + 1, '\xFF') : Successor(r.prefix);
      if (slot->upper.empty()) slot->upper = std::string(kQuadKeyBytes + 1, '\xFF');
      slot->upper_slice = rocksdb::Slice(slot->upper);
      it_ = slot->it.get();
      it_->Seek(r.begin);
      Settle();
      if (valid_ || !status_.ok()) return;
      ++range_;
    }
  }
  void Settle() {
    valid_ = false;
    if (++since_check_ >= kCancelCheckInterval && cancel_ != nullptr) {
      since_check_ = 0;
      status_ = cancel_->Check();
      if (!status_.ok()) return;
    }
    const ScanRange& r = ranges_[range_];
    if (it_->Valid()) {
      rocksdb::Slice k = it_->key();
      if (k.size() == kQuadKeyBytes && k.starts_with(r.prefix)) {
        quad_ = DecodeQuadKey(r.index, k.data());
        valid_ = true;
        return;
      }
    }
    if (!it_->status().ok()) {
      status_ = FromRocks(it_->status(), "scan");
      return;
    }
    if (range_ + 1 < ranges_.size()) {
      ++range_;
      OpenRange();
    }
  }

  const RocksStore* store_;
  const rocksdb::Snapshot* snap_;
  std::vector<ScanRange> ranges_;
  const CancellationToken* cancel_;
  size_t range_ = 0;
  std::array<std::unique_ptr<IndexIterator>, kIndexCount> iterators_;
  rocksdb::Iterator* it_ = nullptr;
  IdQuad quad_;
  bool valid_ = false;
  int since_check_ = 0;
  Status status_;
};

class RocksSnapshot : public Snapshot {
 public:
  explicit RocksSnapshot(const RocksStore* store)
      : store_(store), snap_(store->db()->GetSnapshot()) {
    ro_.snapshot = snap_;
  }
  ~RocksSnapshot() override { store_->db()->ReleaseSnapshot(snap_); }

  Result<TermId> Lookup(const rdf::TermView& term) const override {
    if (TermId inl = InlineTermId(term); inl != kNoTerm) return inl;
    std::string key;
    EncodeTerm(term, &key);
    std::string value;
    rocksdb::Status s = store_->db()->Get(ro_, store_->cf(kCfTerm2Id), key, &value);
    if (s.IsNotFound()) return kNoTerm;
    if (!s.ok()) return FromRocks(s, "dictionary look-up");
    if (value.size() != 8) return Status::Corruption("bad id in dictionary");
    return GetBigEndian64(value.data());
  }

  Result<rdf::Term> Decode(TermId id) const override {
    if (IsInline(id)) return DecodeInlineLiteral(id);
    char key[8];
    PutBigEndian64(key, id);
    std::string value;
    rocksdb::Status s =
        store_->db()->Get(ro_, store_->cf(kCfId2Term), rocksdb::Slice(key, 8), &value);
    if (s.IsNotFound()) return Status::NotFound("no term with id " + std::to_string(id));
    if (!s.ok()) return FromRocks(s, "dictionary read");
    auto v = DecodeTermView(value);
    if (!v.ok()) return v.status();
    return rdf::Term::FromView(*v);
  }

  std::unique_ptr<QuadCursor> Scan(const QuadPattern& pattern,
                                   const CancellationToken* cancel) const override {
    return std::make_unique<RocksCursor>(store_, snap_, PlanScan(pattern), cancel);
  }

  Result<Statistics> GetStatistics() const override {
    Statistics st;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(kCfStats)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string k = it->key().ToString();
      if (k.size() == 10 && k[0] == 'd') {  // a distinct-values sketch (bulk_loader.cpp)
        TermId p = GetBigEndian64(k.data() + 1);
        if (st.distinct.empty() || st.distinct.back().predicate != p)
          st.distinct.push_back({p, 0, 0});
        DistinctSketch sketch;
        sketch.Merge(std::string_view(it->value().data(), it->value().size()));
        (k[9] == 's' ? st.distinct.back().subjects : st.distinct.back().objects) =
            sketch.Estimate();
        continue;
      }
      uint64_t count = DecodeLe64(it->value().ToString());
      if (k == kStatsTotal) {
        st.quads = count;
      } else if (k.size() == 9) {
        CountEntry e{GetBigEndian64(k.data() + 1), count};
        if (count == 0) continue;
        if (k[0] == 'p') st.predicates.push_back(e);
        if (k[0] == 'c') st.classes.push_back(e);
        if (k[0] == 'g') st.graphs.push_back(e);
      }
    }
    if (!it->status().ok()) return FromRocks(it->status(), "statistics");
    std::string next;
    rocksdb::Status s = store_->db()->Get(ro_, store_->cf(kCfMeta), kMetaNextSequence, &next);
    if (s.ok()) st.terms = DecodeLe64(next) - 1;
    return st;
  }

  Result<io::PrefixList> Prefixes() const override {
    io::PrefixList out;
    std::unique_ptr<rocksdb::Iterator> it(store_->db()->NewIterator(ro_, store_->cf(kCfMeta)));
    const std::string prefix = kMetaPrefix;
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
      out.emplace_back(it->key().ToString().substr(prefix.size()), it->value().ToString());
    }
    if (!it->status().ok()) return FromRocks(it->status(), "prefixes");
    return out;
  }

 private:
  const RocksStore* store_;
  const rocksdb::Snapshot* snap_;
  rocksdb::ReadOptions ro_;
};

}  // namespace

uint64_t DecodeLe64(const std::string& v) {
  uint64_t x = 0;
  for (size_t i = 0; i < 8 && i < v.size(); ++i)
    x |= uint64_t{static_cast<unsigned char>(v[i])} << (8 * i);
  return x;
}

std::string EncodeLe64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  return s;
}

std::unique_ptr<Snapshot> RocksStore::GetSnapshot() const {
  return std::make_unique<RocksSnapshot>(this);
}

uint64_t RocksStore::DiskBytes() const {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir_, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const OpenOptions& options) {
  return RocksStore::Open(dir, options);
}

Result<std::vector<rdf::Quad>> ReadQuads(const Snapshot& snapshot, const QuadPattern& pattern) {
  std::vector<rdf::Quad> out;
  auto cursor = snapshot.Scan(pattern);
  for (; cursor->Valid(); cursor->Next()) {
    const IdQuad& q = cursor->quad();
    rdf::Quad r;
    TermId ids[4] = {q.s, q.p, q.o, q.g};
    rdf::Term* terms[4] = {&r.subject, &r.predicate, &r.object, &r.graph};
    for (int i = 0; i < 4; ++i) {
      if (ids[i] == kNoTerm) continue;
      auto t = snapshot.Decode(ids[i]);
      if (!t.ok()) return t.status();
      *terms[i] = std::move(*t);
    }
    out.push_back(std::move(r));
  }
  HAMLET_RETURN_IF_ERROR(cursor->status());
  return out;
}

}  // namespace hamlet::store
