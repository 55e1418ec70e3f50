#include "sparql/exec/external_sort.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <queue>
#include <string>

namespace hamlet::sparql::exec {

namespace {

// Records are counted against the budget in steps of this many bytes, so the budget's atomic
// counter is not touched per row.
constexpr size_t kChargeStep = size_t{1} << 20;
// Bytes of each run file's stdio buffer while merging: big enough for sequential reads, small
// enough that a hundred runs stay within a few MB.
constexpr size_t kRunBufferBytes = size_t{64} << 10;
// Runs merged at once, each an open file: far below the usual 1,024 descriptors per process.
// 256 runs of a 1 GiB budget's buffers sort over 200 GiB; a smaller budget hits this sooner
// and says so.
constexpr size_t kMaxRuns = 256;

Status WriteError(const std::string& what) {
  if (errno == ENOSPC || errno == EDQUOT) {
    return Status::ResourceExhausted("no space left for ORDER BY's sort runs in " + what);
  }
  return Status::IoError("cannot write ORDER BY's sort runs in " + what + ": " +
                         std::strerror(errno));
}

void PutU32(uint32_t v, std::string* out) {
  out->append(reinterpret_cast<const char*>(&v), 4);
}
void PutString(const std::string& s, std::string* out) {
  PutU32(static_cast<uint32_t>(s.size()), out);
  out->append(s);
}

bool GetBytes(FILE* f, void* dst, size_t n) {
  return std::fread(dst, 1, n, f) == n;
}
bool GetString(FILE* f, std::string* s) {
  uint32_t n = 0;
  if (!GetBytes(f, &n, 4)) return false;
  s->resize(n);
  return n == 0 || GetBytes(f, s->data(), n);
}

}  // namespace

// One sorted run in an unlinked temp file.
struct SortRun {
  FILE* file = nullptr;
  bool truncated = false;  // a record ended early: the file changed under us
  ~SortRun() {
    if (file != nullptr) std::fclose(file);
  }

  Status Write(const SortRecord& r, std::string* buf) {
    buf->clear();
    for (const auto& k : r.keys) {
      buf->push_back(static_cast<char>(k ? k->kind() : rdf::TermKind::kNone));
      if (!k) continue;
      PutString(k->value(), buf);
      PutString(k->datatype(), buf);
      PutString(k->lang(), buf);
    }
    buf->append(reinterpret_cast<const char*>(r.row.data()), r.row.size() * sizeof(TermId));
    if (std::fwrite(buf->data(), 1, buf->size(), file) != buf->size()) return WriteError("run");
    return Status::Ok();
  }

  // Reads the next record into *r (keys and row already sized). False at the end.
  bool Read(SortRecord* r) {
    for (auto& k : r->keys) {
      int kind = std::fgetc(file);
      if (kind == EOF) return false;
      if (static_cast<rdf::TermKind>(kind) == rdf::TermKind::kNone) {
        k.reset();
        continue;
      }
      std::string value, datatype, lang;
      if (!GetString(file, &value) || !GetString(file, &datatype) || !GetString(file, &lang)) {
        truncated = true;
        return false;
      }
      switch (static_cast<rdf::TermKind>(kind)) {
        case rdf::TermKind::kIri:
          k = rdf::Term::Iri(std::move(value));
          break;
        case rdf::TermKind::kBlank:
          k = rdf::Term::Blank(std::move(value));
          break;
        default:
          k = lang.empty() ? rdf::Term::Literal(std::move(value), std::move(datatype))
                           : rdf::Term::LangLiteral(std::move(value), std::move(lang));
      }
    }
    if (!GetBytes(file, r->row.data(), r->row.size() * sizeof(TermId))) {
      truncated = true;
      return false;
    }
    return true;
  }
};

ExternalSorter::ExternalSorter(ExecContext& ctx, SortRecordCompare compare)
    : ctx_(ctx), compare_(std::move(compare)), lease_(ctx.memory, "ORDER BY") {}

ExternalSorter::~ExternalSorter() = default;

size_t ExternalSorter::Bytes(const SortRecord& r) {
  size_t n = sizeof(SortRecord) + r.row.size() * sizeof(TermId) +
             r.keys.size() * sizeof(std::optional<rdf::Term>);
  for (const auto& k : r.keys) {
    if (k) n += k->value().capacity() + k->datatype().capacity() + k->lang().capacity();
  }
  return n;
}

Status ExternalSorter::Add(SortRecord record) {
  key_count_ = record.keys.size();
  width_ = record.row.size();
  buffer_bytes_ += Bytes(record);
  buffer_.push_back(std::move(record));
  if (buffer_bytes_ < lease_.held() + kChargeStep) return Status::Ok();
  size_t want = buffer_bytes_ + kChargeStep;
  if (lease_.Fits(want)) return lease_.Set(want);
  return Spill();
}

Status ExternalSorter::Spill() {
  if (buffer_.empty()) return Status::Ok();
  if (runs_.size() >= kMaxRuns) {
    return Status::ResourceExhausted("ORDER BY needs more than " + std::to_string(kMaxRuns) +
                                     " sort runs of " + FormatBytes(ctx_.memory->limit()) +
                                     "; raise --memory-limit");
  }
  std::string dir = ctx_.spill_dir;
  if (dir.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    dir = tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
  }
  std::string path = dir + "/hamlet-sort-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) return WriteError(dir);
  unlink(path.c_str());  // gone when closed, whatever happens to the query or the process
  auto run = std::make_unique<SortRun>();
  run->file = fdopen(fd, "w+b");
  if (run->file == nullptr) {
    close(fd);
    return WriteError(dir);
  }
  std::stable_sort(buffer_.begin(), buffer_.end(),
                   [this](const SortRecord& a, const SortRecord& b) { return compare_(a, b) < 0; });
  std::string buf;
  for (size_t i = 0; i < buffer_.size(); ++i) {
    HAMLET_RETURN_IF_ERROR(run->Write(buffer_[i], &buf));
    if ((i & 1023) == 0 && ctx_.cancel != nullptr) HAMLET_RETURN_IF_ERROR(ctx_.cancel->Check());
  }
  if (std::fflush(run->file) != 0) return WriteError(dir);
  std::rewind(run->file);
  std::setvbuf(run->file, nullptr, _IOFBF, kRunBufferBytes);
  runs_.push_back(std::move(run));
  buffer_.clear();
  buffer_.shrink_to_fit();
  buffer_bytes_ = 0;
  return lease_.Set(0);
}

namespace {

// Merges sorted runs: a heap of each run's current record; ties go to the earlier run, which
// holds earlier input, so the merge is stable. Owns the runs: destroying the cursor closes
// (and so deletes) their files.
class MergeCursor : public Cursor {
 public:
  MergeCursor(std::vector<std::unique_ptr<SortRun>> runs, SortRecordCompare compare, size_t keys,
              size_t width)
      : runs_(std::move(runs)),
        compare_(std::move(compare)),
        heads_(runs_.size()),
        heap_([this](size_t a, size_t b) {
          int c = compare_(heads_[a], heads_[b]);
          return c != 0 ? c > 0 : a > b;
        }) {
    for (size_t i = 0; i < runs_.size(); ++i) {
      heads_[i].keys.resize(keys);
      heads_[i].row.resize(width);
      if (runs_[i]->Read(&heads_[i])) heap_.push(i);
    }
  }
  bool Next(Row* out) override {
    if (heap_.empty()) return false;
    size_t i = heap_.top();
    heap_.pop();
    *out = heads_[i].row;
    if (runs_[i]->Read(&heads_[i])) heap_.push(i);
    return true;
  }
  Status status() const override {
    for (const auto& r : runs_) {
      if (r->truncated) return Status::IoError("an ORDER BY sort run was cut short on disk");
    }
    return Status::Ok();
  }

 private:
  std::vector<std::unique_ptr<SortRun>> runs_;
  SortRecordCompare compare_;
  std::vector<SortRecord> heads_;
  std::priority_queue<size_t, std::vector<size_t>, std::function<bool(size_t, size_t)>> heap_;
};

}  // namespace

std::unique_ptr<Cursor> ExternalSorter::Finish() {
  if (runs_.empty()) {
    std::stable_sort(
        buffer_.begin(), buffer_.end(),
        [this](const SortRecord& a, const SortRecord& b) { return compare_(a, b) < 0; });
    std::vector<Row> rows;
    rows.reserve(buffer_.size());
    for (auto& r : buffer_) rows.push_back(std::move(r.row));
    buffer_.clear();
    return std::make_unique<VectorCursor>(std::move(rows));
  }
  if (Status s = Spill(); !s.ok()) return std::make_unique<ErrorCursor>(s);
  return std::make_unique<MergeCursor>(std::move(runs_), compare_, key_count_, width_);
}

}  // namespace hamlet::sparql::exec
