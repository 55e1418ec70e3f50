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

#include "io/locate.h"
#include "rdf/check.h"
#include "rdf/vocab.h"
#include "store/distinct_sketch.h"
#include "store/inline_literal.h"
#include "store/load_pipeline.h"
#include "store/quad_sort.h"
#include "store/rocks_store.h"
#include "store/string_sort.h"
#include "store/term_codec.h"
#include "store/term_map.h"

namespace hamlet::store {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// How often (in quads) the reading loop looks at the clock for progress reports.
constexpr uint64_t kProgressCheckQuads = 1 << 16;
constexpr double kProgressIntervalSeconds = 0.5;
// Quads per batch handed from the parsing thread to the encoding thread, and batches in
// flight: big enough that hand-off costs vanish, small enough to keep memory flat (a batch
// holds its terms' bytes, ~200 bytes per quad).
constexpr size_t kBatchQuads = 1 << 14;
constexpr size_t kBatchesInFlight = 4;

bool IsNew(TermId id, uint64_t first_seq) {
  return id != kNoTerm && !IsInline(id) && SequenceOf(id) >= first_seq;
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

  // Parses on a second thread (Serd + term encoding + hashing) while this thread maps the
  // encoded terms to ids.
  Status ReadSource(const LoadSource& src, size_t index) {
    io::ReadOptions ro;
    ro.syntax = src.syntax;
    ro.base_iri = src.base_iri;
    if (ro.base_iri.empty() && src.path != "-") ro.base_iri = io::FileIri(src.path);
    // Blank nodes of different loads and files must never meet.
    ro.blank_prefix = "l" + std::to_string(load_no_) + "f" + std::to_string(index) + "_";
    ro.bytes_read = &bytes_in_source_;
    ro.validate_terms = false;  // each distinct term is validated once, in EncodeBytes
    ro.on_prefix = [this](std::string_view name, std::string_view iri) {
      std::lock_guard<std::mutex> lock(prefix_mutex_);
      prefixes_[std::string(kMetaPrefix) + std::string(name)] = std::string(iri);
    };
    std::string graph_override;
    if (!src.graph_iri.empty()) {
      EncodeTerm(rdf::TermView{rdf::TermKind::kIri, src.graph_iri, {}, {}}, &graph_override);
    }

    BatchQueue queue(kBatchesInFlight);
    Status read_status;
    std::thread parser([&] {
      auto batch = std::make_unique<QuadBatch>();
      auto add = [&](const rdf::TermView& t, std::string_view pre_encoded) {
        EncodedTerm e;
        e.offset = static_cast<uint32_t>(batch->bytes.size());
        if (!pre_encoded.empty()) {
          batch->bytes.append(pre_encoded);
        } else if (!t.is_none()) {
          EncodeTerm(t, &batch->bytes);
        }
        e.size = static_cast<uint32_t>(batch->bytes.size() - e.offset);
        if (e.size > 0) e.hash = std::hash<std::string_view>{}(batch->Bytes(e));
        batch->terms.push_back(e);
      };
      read_status = io::ReadFile(src.path, ro, [&](const rdf::QuadView& q) -> Status {
        add(q.subject, {});
        add(q.predicate, {});
        add(q.object, {});
        add(q.graph, q.graph.is_none() ? std::string_view(graph_override) : std::string_view());
        if (batch->quads() >= kBatchQuads) {
          if (!queue.Push(std::move(batch))) return Status::Cancelled("load aborted");
          batch = std::make_unique<QuadBatch>();
        }
        return Status::Ok();
      });
      if (read_status.ok() && batch->quads() > 0) queue.Push(std::move(batch));
      queue.Close();
    });

    Status encode_status;
    while (auto batch = queue.Pop()) {
      encode_status = EncodeBatch(*batch);
      if (!encode_status.ok()) {
        queue.Abort();
        break;
      }
      MaybeReport("reading", false);
    }
    parser.join();
    bytes_done_ += bytes_in_source_.load();
    bytes_in_source_ = 0;
    if (!encode_status.ok()) {
      // The parser has moved on: find the offending text in the file for its position.
      std::string where = src.path == "-" ? "<stdin>" : src.path;
      if (src.path != "-" && bad_term_locator_) {
        if (auto pos = io::FindInFile(src.path, bad_term_locator_)) {
          where += ":" + std::to_string(pos->line) + ":" + std::to_string(pos->column);
        }
      }
      return encode_status.WithContext(where);
    }
    return read_status;
  }

  Status EncodeBatch(const QuadBatch& batch) {
    for (size_t i = 0; i < batch.terms.size(); i += 4) {
      TermId ids[4] = {kNoTerm, kNoTerm, kNoTerm, kNoTerm};
      for (int k = 0; k < 4; ++k) {
        const EncodedTerm& e = batch.terms[i + k];
        if (e.size == 0) continue;
        auto id = EncodeBytes(batch.Bytes(e), e.hash);
        if (!id.ok()) return id.status();
        ids[k] = *id;
      }
      quads_.push_back(IdQuad{ids[0], ids[1], ids[2], ids[3]});
    }
    return Status::Ok();
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
    // Both cores: each sorts half, then one merge.
    auto gspo_less = [](const IdQuad& a, const IdQuad& b) {
      return ToOrderedKey(IndexId::kGSPO, a) < ToOrderedKey(IndexId::kGSPO, b);
    };
    auto mid = quads_.begin() + static_cast<std::ptrdiff_t>(quads_.size() / 2);
    std::thread half([&] { std::sort(mid, quads_.end(), gspo_less); });
    std::sort(quads_.begin(), mid, gspo_less);
    half.join();
    std::inplace_merge(quads_.begin(), mid, quads_.end(), gspo_less);
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
    return EncodeBytes(buf_, std::hash<std::string_view>{}(buf_));
  }

  // The id of a term given in dictionary form: from this load, from the store, or new.
  Result<TermId> EncodeBytes(std::string_view bytes, uint64_t h) {
    // Typed literals ('T' datatype NUL lexical) may be small values kept in their ids.
    if (!bytes.empty() && bytes[0] == 'T') {
      size_t nul = bytes.find('\0');
      if (nul != std::string_view::npos) {
        TermId inl = InlineLiteralId(bytes.substr(1, nul - 1), bytes.substr(nul + 1));
        if (inl != kNoTerm) return inl;
      }
    }
    TermId id = map_.Find(bytes, h);
    if (id != kNoTerm) return id;
    auto view = DecodeTermView(bytes);
    if (!view.ok()) return view.status();
    if (Status c = io::ValidateTerm(*view, &bad_term_locator_); !c.ok()) return c;
    if (!dict_empty_ && view->kind != rdf::TermKind::kBlank) {
      std::string v;
      auto s = store_->db()->Get(ro_, store_->cf(kCfTerm2Id),
                                 rocksdb::Slice(bytes.data(), bytes.size()), &v);
      if (s.ok() && v.size() == 8) {
        id = GetBigEndian64(v.data());
        map_.Insert(bytes, h, id);
        return id;
      }
      if (!s.IsNotFound()) return FromRocks(s, "dictionary look-up");
    }
    id = MakeId(view->kind, next_seq_++);
    new_terms_.push_back(static_cast<uint32_t>(map_.Insert(bytes, h, id)));
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
    std::unordered_map<TermId, std::pair<DistinctSketch, DistinctSketch>> distinct;
    for (const auto& q : quads_) {
      ++preds[q.p];
      ++graphs[q.g];
      if (q.p == type && type != kNoTerm) ++classes[q.o];
      auto& [subjects, objects] = distinct[q.p];
      subjects.Add(q.s);
      objects.Add(q.o);
    }
    for (auto& [p, sketches] : distinct) {
      for (char position : {'s', 'o'}) {
        DistinctSketch& sketch = position == 's' ? sketches.first : sketches.second;
        std::string k = DistinctKey(p, position);
        if (!dict_empty_) {
          std::string v;
          if (store_->db()->Get(ro_, store_->cf(kCfStats), k, &v).ok()) sketch.Merge(v);
        }
        sketches_[k] = sketch.Bytes();
      }
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

  // Statistics keys of a predicate's distinct-subject ('s') or -object ('o') sketch: ten
  // bytes, so that readers of the nine-byte count keys pass them by.
  static std::string DistinctKey(TermId predicate, char position) {
    std::string k(10, '\0');
    k[0] = 'd';
    PutBigEndian64(k.data() + 1, predicate);
    k[9] = position;
    return k;
  }

  // Every statistics entry of this load, in key order: counts and sketches.
  std::map<std::string, std::string> StatsEntries() const {
    std::map<std::string, std::string> out(sketches_.begin(), sketches_.end());
    for (const auto& [k, n] : stats_) out[k] = EncodeLe64(n);
    return out;
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
    for (const auto& [k, v] : StatsEntries()) batch.Put(store_->cf(kCfStats), k, v);
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
    std::vector<OrderedKey> keys;
    if (index == IndexId::kGSPO) {
      // quads_ is already in GSPO order (sorted for deduplication).
      keys.reserve(quads_.size());
      for (const auto& q : quads_) keys.push_back(ToOrderedKey(index, q));
    } else {
      keys = SortedKeys(index, quads_);
    }
    if (keys.empty()) return Status::Ok();
    return WriteSst(IndexCf(index), path, [&](rocksdb::SstFileWriter* w) {
      char key[kQuadKeyBytes];
      for (const auto& k : keys) {
        EncodeOrderedKey(k, key);
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
    // Longest tasks first, so that the two workers finish together.
    bool any_named =
        std::any_of(quads_.begin(), quads_.end(), [](const IdQuad& q) { return q.g != kNoTerm; });
    if (!new_terms_.empty()) {
      tasks.push_back({kCfTerm2Id, path_of("term2id"), [this, p = path_of("term2id")] {
                         std::vector<uint32_t> order = new_terms_;
                         SortByBytes(&order, [&](uint32_t e) { return map_.entry(e).bytes(); });
                         return WriteSst(kCfTerm2Id, p, [&](rocksdb::SstFileWriter* w) {
                           for (uint32_t e : order) {
                             auto s = w->Put(map_.entry(e).bytes(), IdKey(map_.entry(e).id));
                             if (!s.ok()) return FromRocks(s, "write term2id");
                           }
                           return Status::Ok();
                         });
                       }});
    }
    for (int i = kIndexCount - 1; i >= 0; --i) {
      IndexId index = static_cast<IndexId>(i);
      if (quads_.empty() || (NamedOnly(index) && !any_named)) continue;
      std::string p = path_of(IndexName(index));
      tasks.push_back({IndexCf(index), p, [this, index, p] { return WriteIndexSst(index, p); }});
    }
    if (!new_terms_.empty()) {
      tasks.push_back({kCfId2Term, path_of("id2term"), [this, p = path_of("id2term")] {
                         // Ids sort by kind (top byte), then sequence: new terms are in
                         // sequence order, so grouping them by kind sorts them.
                         std::vector<uint32_t> order;
                         order.reserve(new_terms_.size());
                         for (auto kind : {rdf::TermKind::kIri, rdf::TermKind::kBlank,
                                           rdf::TermKind::kLiteral}) {
                           for (uint32_t e : new_terms_) {
                             if (KindOf(map_.entry(e).id) == kind) order.push_back(e);
                           }
                         }
                         return WriteSst(kCfId2Term, p, [&](rocksdb::SstFileWriter* w) {
                           for (uint32_t e : order) {
                             auto s = w->Put(IdKey(map_.entry(e).id), map_.entry(e).bytes());
                             if (!s.ok()) return FromRocks(s, "write id2term");
                           }
                           return Status::Ok();
                         });
                       }});
    }
    tasks.push_back({kCfStats, path_of("stats"), [this, p = path_of("stats")] {
                       return WriteSst(kCfStats, p, [&](rocksdb::SstFileWriter* w) {
                         for (const auto& [k, v] : StatsEntries()) {
                           auto s = w->Put(k, v);
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
  std::map<std::string, std::string> sketches_;
  std::map<std::string, std::string> prefixes_;  // meta key -> namespace IRI
  std::mutex prefix_mutex_;                      // prefixes_ is filled by the parsing thread
  std::string buf_;
  io::LineMatcher bad_term_locator_;  // finds an invalid term's text, for the error's position
  std::atomic<uint64_t> bytes_in_source_{0};
  uint64_t bytes_done_ = 0, total_bytes_ = 0;
  double last_report_ = -1;
};

}  // namespace

Result<LoadResult> RocksStore::Load(const std::vector<LoadSource>& sources,
                                    const LoadOptions& options) {
  if (read_only_) return Status::InvalidArgument(dir_ + ": the store was opened read-only");
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
  if (read_only_) return Status::InvalidArgument(dir_ + ": the store was opened read-only");
  std::lock_guard<std::mutex> lock(write_mutex_);
  LoadOptions options;
  LoadJob job(this, options);
  HAMLET_RETURN_IF_ERROR(job.Begin());
  HAMLET_RETURN_IF_ERROR(job.AddQuads(quads));
  return job.Commit();
}

}  // namespace hamlet::store
