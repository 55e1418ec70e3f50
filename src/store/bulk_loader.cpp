// Loading: parse -> encode terms to ids -> dedupe -> commit atomically.
//
// Small loads commit as one RocksDB WriteBatch (with the WAL, synced). Big loads sort their
// id quads once per index and write one SST file per column family, then ingest all of them
// with a single IngestExternalFiles call, which RocksDB records atomically in its MANIFEST:
// after a crash either every file is in the store or none is.
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <thread>
#include <unordered_map>

#include "rdf/vocab.h"
#include "store/rocks_store.h"
#include "store/term_codec.h"
#include "store/term_map.h"

namespace hamlet::store {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// How often (in quads) the reading loop looks at the clock for progress reports.
constexpr uint64_t kProgressCheckQuads = 1 << 16;
constexpr double kProgressIntervalSeconds = 0.5;

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  return Status::IoError(what + ": " + s.ToString());
}

bool IsNew(TermId id, uint64_t first_seq) {
  return id != kNoTerm && SequenceOf(id) >= first_seq;
}

template <typename Order>
void SortBy(std::vector<IdQuad>* v, Order order) {
  std::sort(v->begin(), v->end(), [&](const IdQuad& a, const IdQuad& b) {
    for (int pos : order) {
      TermId x = pos == 0 ? a.s : pos == 1 ? a.p : pos == 2 ? a.o : a.g;
      TermId y = pos == 0 ? b.s : pos == 1 ? b.p : pos == 2 ? b.o : b.g;
      if (x != y) return x < y;
    }
    return false;
  });
}

class LoadJob {
 public:
  LoadJob(RocksStore* store, const LoadOptions& options)
      : store_(store), options_(options), start_(Clock::now()) {}

  ~LoadJob() {
    if (snap_ != nullptr) store_->db()->ReleaseSnapshot(snap_);
  }

  Status Begin() {
    snap_ = store_->db()->GetSnapshot();
    ro_.snapshot = snap_;
    std::string v;
    auto s = store_->db()->Get(ro_, store_->cf(kCfMeta), kMetaNextSequence, &v);
    if (!s.ok()) return FromRocks(s, "read id sequence");
    first_seq_ = next_seq_ = DecodeLe64(v);
    s = store_->db()->Get(ro_, store_->cf(kCfMeta), kMetaLoadCounter, &v);
    if (!s.ok()) return FromRocks(s, "read load counter");
    load_no_ = DecodeLe64(v) + 1;
    dict_empty_ = first_seq_ == 1;
    return Status::Ok();
  }

  Status ReadSource(const LoadSource& src, size_t index) {
    io::ReadOptions ro;
    ro.syntax = src.syntax;
    ro.base_iri = src.base_iri;
    if (ro.base_iri.empty() && src.path != "-") ro.base_iri = io::FileIri(src.path);
    // Blank nodes of different loads and files must never meet.
    ro.blank_prefix = "l" + std::to_string(load_no_) + "f" + std::to_string(index) + "_";
    ro.bytes_read = &bytes_in_source_;
    ro.on_prefix = [this](std::string_view name, std::string_view iri) {
      prefixes_[std::string(kMetaPrefix) + std::string(name)] = std::string(iri);
    };
    TermId graph_override = kNoTerm;
    if (!src.graph_iri.empty()) {
      rdf::TermView g{rdf::TermKind::kIri, src.graph_iri, {}, {}};
      auto id = Encode(g);
      if (!id.ok()) return id.status();
      graph_override = *id;
    }
    Status s = io::ReadFile(src.path, ro, [&](const rdf::QuadView& q) -> Status {
      IdQuad iq;
      auto s1 = Encode(q.subject);
      if (!s1.ok()) return s1.status();
      auto p1 = Encode(q.predicate);
      if (!p1.ok()) return p1.status();
      auto o1 = Encode(q.object);
      if (!o1.ok()) return o1.status();
      iq.s = *s1, iq.p = *p1, iq.o = *o1;
      if (!q.graph.is_none()) {
        auto g1 = Encode(q.graph);
        if (!g1.ok()) return g1.status();
        iq.g = *g1;
      } else {
        iq.g = graph_override;
      }
      quads_.push_back(iq);
      if ((quads_.size() & (kProgressCheckQuads - 1)) == 0) MaybeReport("reading", false);
      return Status::Ok();
    });
    bytes_done_ += bytes_in_source_.load();
    bytes_in_source_ = 0;
    return s;
  }

  Status AddQuads(const std::vector<rdf::Quad>& quads) {
    for (const auto& q : quads) {
      IdQuad iq;
      const rdf::Term* terms[4] = {&q.subject, &q.predicate, &q.object, &q.graph};
      TermId* ids[4] = {&iq.s, &iq.p, &iq.o, &iq.g};
      for (int i = 0; i < 4; ++i) {
        if (terms[i]->is_none()) continue;
        rdf::TermView v = terms[i]->view();
        std::string label;
        if (v.kind == rdf::TermKind::kBlank) {
          // Fresh per insert, as blank nodes of different loads must never meet.
          label = "l" + std::to_string(load_no_) + "m_" + std::string(v.value);
          v.value = label;
        }
        auto id = Encode(v);
        if (!id.ok()) return id.status();
        *ids[i] = *id;
      }
      quads_.push_back(iq);
    }
    return Status::Ok();
  }

  Result<LoadResult> Commit() {
    LoadResult result;
    result.quads_read = quads_.size();
    MaybeReport("sorting", true);
    SortBy(&quads_, IndexOrder(IndexId::kGSPO));
    quads_.erase(std::unique(quads_.begin(), quads_.end()), quads_.end());
    if (!dict_empty_) HAMLET_RETURN_IF_ERROR(DropExisting());
    map_.DropIndex();
    result.quads_added = quads_.size();
    result.terms_added = new_terms_.size();
    ComputeStats();
    uint64_t entries = 2 * new_terms_.size();
    for (const auto& q : quads_) entries += q.g == kNoTerm ? 3 : 6;
    MaybeReport("writing", true);
    if (entries <= options_.write_batch_max_entries) {
      HAMLET_RETURN_IF_ERROR(CommitBatch());
    } else {
      result.bulk = true;
      HAMLET_RETURN_IF_ERROR(CommitIngest());
    }
    result.seconds = Seconds();
    MaybeReport("done", true);
    return result;
  }

  void set_total_bytes(uint64_t n) { total_bytes_ = n; }

 private:
  Result<TermId> Encode(const rdf::TermView& t) {
    buf_.clear();
    EncodeTerm(t, &buf_);
    uint64_t h = std::hash<std::string_view>{}(buf_);
    TermId id = map_.Find(buf_, h);
    if (id != kNoTerm) return id;
    if (!dict_empty_ && t.kind != rdf::TermKind::kBlank) {
      std::string v;
      auto s = store_->db()->Get(ro_, store_->cf(kCfTerm2Id), buf_, &v);
      if (s.ok() && v.size() == 8) {
        id = GetBigEndian64(v.data());
        map_.Insert(buf_, h, id);
        return id;
      }
      if (!s.IsNotFound()) return FromRocks(s, "dictionary look-up");
    }
    id = MakeId(t.kind, next_seq_++);
    new_terms_.push_back(static_cast<uint32_t>(map_.Insert(buf_, h, id)));
    return id;
  }

  // Removes quads the store already has, so that statistics count each quad once.
  Status DropExisting() {
    std::vector<IdQuad> kept;
    kept.reserve(quads_.size());
    char key[kQuadKeyBytes];
    std::string value;
    for (const auto& q : quads_) {
      bool may_exist = !IsNew(q.s, first_seq_) && !IsNew(q.p, first_seq_) &&
                       !IsNew(q.o, first_seq_) && !IsNew(q.g, first_seq_);
      if (may_exist) {
        EncodeQuadKey(IndexId::kGSPO, q, key);
        auto s = store_->db()->Get(ro_, store_->cf(IndexCf(IndexId::kGSPO)),
                                   rocksdb::Slice(key, kQuadKeyBytes), &value);
        if (s.ok()) continue;
        if (!s.IsNotFound()) return FromRocks(s, "existence check");
      }
      kept.push_back(q);
    }
    quads_.swap(kept);
    return Status::Ok();
  }

  void ComputeStats() {
    TermId type = kNoTerm;
    // The map's index is gone by now; find rdf:type among the entries instead.
    std::string enc;
    EncodeTerm(rdf::TermView{rdf::TermKind::kIri, rdf::vocab::kRdfType, {}, {}}, &enc);
    for (size_t i = 0; i < map_.size(); ++i) {
      if (map_.entry(i).bytes() == enc) {
        type = map_.entry(i).id;
        break;
      }
    }
    if (type == kNoTerm && !dict_empty_) {
      std::string v;
      if (store_->db()->Get(ro_, store_->cf(kCfTerm2Id), enc, &v).ok() && v.size() == 8) {
        type = GetBigEndian64(v.data());
      }
    }
    std::unordered_map<TermId, uint64_t> preds, classes, graphs;
    for (const auto& q : quads_) {
      ++preds[q.p];
      ++graphs[q.g];
      if (q.p == type && type != kNoTerm) ++classes[q.o];
    }
    auto add = [&](char tag, const std::unordered_map<TermId, uint64_t>& m) {
      for (auto [id, n] : m) {
        std::string k(9, '\0');
        k[0] = tag;
        PutBigEndian64(k.data() + 1, id);
        stats_[k] = n;
      }
    };
    add('p', preds);
    add('c', classes);
    add('g', graphs);
    stats_[kStatsTotal] = quads_.size();
    // Turn deltas into new totals.
    if (!dict_empty_) {
      for (auto& [k, n] : stats_) {
        std::string v;
        if (store_->db()->Get(ro_, store_->cf(kCfStats), k, &v).ok()) n += DecodeLe64(v);
      }
    }
  }

  std::string IdKey(TermId id) const {
    std::string k(8, '\0');
    PutBigEndian64(k.data(), id);
    return k;
  }

  Status CommitBatch() {
    rocksdb::WriteBatch batch;
    for (uint32_t e : new_terms_) {
      const auto& entry = map_.entry(e);
      std::string id = IdKey(entry.id);
      batch.Put(store_->cf(kCfId2Term), id, entry.bytes());
      batch.Put(store_->cf(kCfTerm2Id), entry.bytes(), id);
    }
    char key[kQuadKeyBytes];
    for (const auto& q : quads_) {
      for (int i = 0; i < kIndexCount; ++i) {
        IndexId index = static_cast<IndexId>(i);
        if (NamedOnly(index) && q.g == kNoTerm) continue;
        EncodeQuadKey(index, q, key);
        batch.Put(store_->cf(IndexCf(index)), rocksdb::Slice(key, kQuadKeyBytes), rocksdb::Slice());
      }
    }
    for (const auto& [k, n] : stats_) batch.Put(store_->cf(kCfStats), k, EncodeLe64(n));
    batch.Put(store_->cf(kCfMeta), kMetaNextSequence, EncodeLe64(next_seq_));
    batch.Put(store_->cf(kCfMeta), kMetaLoadCounter, EncodeLe64(load_no_));
    for (const auto& [k, iri] : prefixes_) batch.Put(store_->cf(kCfMeta), k, iri);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocks(store_->db()->Write(wo, &batch), "commit");
  }

  // One SST file for one column family, written from keys produced in ascending order.
  Status WriteSst(int cf, const std::string& path,
                  const std::function<Status(rocksdb::SstFileWriter*)>& produce) {
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), store_->cf_options(cf), store_->cf(cf));
    HAMLET_RETURN_IF_ERROR(FromRocks(writer.Open(path), "create " + path));
    HAMLET_RETURN_IF_ERROR(produce(&writer));
    return FromRocks(writer.Finish(), "finish " + path);
  }

  Status WriteIndexSst(IndexId index, const std::string& path) {
    const std::vector<IdQuad>* src = &quads_;
    std::vector<IdQuad> copy;
    if (index != IndexId::kGSPO) {
      for (const auto& q : quads_) {
        if (!NamedOnly(index) || q.g != kNoTerm) copy.push_back(q);
      }
      SortBy(&copy, IndexOrder(index));
      src = &copy;
    }
    if (src->empty()) return Status::Ok();
    return WriteSst(IndexCf(index), path, [&](rocksdb::SstFileWriter* w) {
      char key[kQuadKeyBytes];
      for (const auto& q : *src) {
        EncodeQuadKey(index, q, key);
        auto s = w->Put(rocksdb::Slice(key, kQuadKeyBytes), rocksdb::Slice());
        if (!s.ok()) return FromRocks(s, "write index");
      }
      return Status::Ok();
    });
  }

  Status CommitIngest() {
    std::string tmp = store_->dir() + "/tmp-load-" + std::to_string(load_no_);
    std::error_code ec;
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec) return Status::IoError(tmp + ": " + ec.message());

    struct Task {
      int cf;
      std::string path;
      std::function<Status()> run;
    };
    std::vector<Task> tasks;
    auto path_of = [&](const char* name) { return tmp + "/" + name + ".sst"; };
    if (!new_terms_.empty()) {
      tasks.push_back({kCfId2Term, path_of("id2term"), [this, p = path_of("id2term")] {
                         // Ids sort by kind first (top byte), then by sequence: a stable
                         // partition by kind keeps each kind's ids ascending.
                         std::vector<uint32_t> order = new_terms_;
                         std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
                           return map_.entry(a).id < map_.entry(b).id;
                         });
                         return WriteSst(kCfId2Term, p, [&](rocksdb::SstFileWriter* w) {
                           for (uint32_t e : order) {
                             auto s = w->Put(IdKey(map_.entry(e).id), map_.entry(e).bytes());
                             if (!s.ok()) return FromRocks(s, "write id2term");
                           }
                           return Status::Ok();
                         });
                       }});
      tasks.push_back({kCfTerm2Id, path_of("term2id"), [this, p = path_of("term2id")] {
                         std::vector<uint32_t> order = new_terms_;
                         std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
                           return map_.entry(a).bytes() < map_.entry(b).bytes();
                         });
                         return WriteSst(kCfTerm2Id, p, [&](rocksdb::SstFileWriter* w) {
                           for (uint32_t e : order) {
                             auto s = w->Put(map_.entry(e).bytes(), IdKey(map_.entry(e).id));
                             if (!s.ok()) return FromRocks(s, "write term2id");
                           }
                           return Status::Ok();
                         });
                       }});
    }
    bool any_named =
        std::any_of(quads_.begin(), quads_.end(), [](const IdQuad& q) { return q.g != kNoTerm; });
    for (int i = 0; i < kIndexCount; ++i) {
      IndexId index = static_cast<IndexId>(i);
      if (quads_.empty() || (NamedOnly(index) && !any_named)) continue;
      std::string p = path_of(IndexName(index));
      tasks.push_back({IndexCf(index), p, [this, index, p] { return WriteIndexSst(index, p); }});
    }
    tasks.push_back({kCfStats, path_of("stats"), [this, p = path_of("stats")] {
                       return WriteSst(kCfStats, p, [&](rocksdb::SstFileWriter* w) {
                         for (const auto& [k, n] : stats_) {
                           auto s = w->Put(k, EncodeLe64(n));
                           if (!s.ok()) return FromRocks(s, "write stats");
                         }
                         return Status::Ok();
                       });
                     }});
    tasks.push_back({kCfMeta, path_of("meta"), [this, p = path_of("meta")] {
                       return WriteSst(kCfMeta, p, [&](rocksdb::SstFileWriter* w) {
                         // Keys in ascending order.
                         auto s = w->Put(kMetaLoadCounter, EncodeLe64(load_no_));
                         if (s.ok()) s = w->Put(kMetaNextSequence, EncodeLe64(next_seq_));
                         for (const auto& [k, iri] : prefixes_) {
                           if (s.ok()) s = w->Put(k, iri);
                         }
                         return FromRocks(s, "write meta");
                       });
                     }});

    // The machine has two cores: two writers keep both busy (sorting and compression).
    std::atomic<size_t> next{0};
    std::vector<Status> results(tasks.size());
    auto worker = [&] {
      for (size_t i; (i = next.fetch_add(1)) < tasks.size();) results[i] = tasks[i].run();
    };
    std::thread helper(worker);
    worker();
    helper.join();
    for (const auto& s : results) {
      if (!s.ok()) {
        fs::remove_all(tmp, ec);
        return s;
      }
    }
    MaybeReport("committing", true);
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (const auto& t : tasks) {
      if (!fs::exists(t.path, ec)) continue;  // a task with no keys wrote nothing
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_->cf(t.cf);
      arg.external_files = {t.path};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
    Status s = FromRocks(store_->db()->IngestExternalFiles(args), "ingest");
    fs::remove_all(tmp, ec);
    return s;
  }

  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  void MaybeReport(const char* phase, bool force) {
    if (!options_.progress) return;
    double now = Seconds();
    if (!force && now - last_report_ < kProgressIntervalSeconds) return;
    last_report_ = now;
    LoadProgress p;
    p.quads = quads_.size();
    p.bytes = bytes_done_ + bytes_in_source_.load();
    p.total_bytes = total_bytes_;
    p.seconds = now;
    p.phase = phase;
    options_.progress(p);
  }

  RocksStore* store_;
  const LoadOptions& options_;
  Clock::time_point start_;
  const rocksdb::Snapshot* snap_ = nullptr;
  rocksdb::ReadOptions ro_;
  uint64_t first_seq_ = 1, next_seq_ = 1, load_no_ = 1;
  bool dict_empty_ = true;
  TermMap map_;
  std::vector<uint32_t> new_terms_;
  std::vector<IdQuad> quads_;
  std::map<std::string, uint64_t> stats_;
  std::map<std::string, std::string> prefixes_;  // meta key -> namespace IRI
  std::string buf_;
  std::atomic<uint64_t> bytes_in_source_{0};
  uint64_t bytes_done_ = 0, total_bytes_ = 0;
  double last_report_ = -1;
};

}  // namespace

Result<LoadResult> RocksStore::Load(const std::vector<LoadSource>& sources,
                                    const LoadOptions& options) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  LoadJob job(this, options);
  HAMLET_RETURN_IF_ERROR(job.Begin());
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& src : sources) {
    if (src.path != "-" && fs::is_regular_file(src.path, ec)) total += fs::file_size(src.path, ec);
  }
  job.set_total_bytes(total);
  for (size_t i = 0; i < sources.size(); ++i) {
    HAMLET_RETURN_IF_ERROR(job.ReadSource(sources[i], i));
  }
  return job.Commit();
}

Result<LoadResult> RocksStore::Insert(const std::vector<rdf::Quad>& quads) {
  std::lock_guard<std::mutex> lock(write_mutex_);
  LoadOptions options;
  LoadJob job(this, options);
  HAMLET_RETURN_IF_ERROR(job.Begin());
  HAMLET_RETURN_IF_ERROR(job.AddQuads(quads));
  return job.Commit();
}

}  // namespace hamlet::store
