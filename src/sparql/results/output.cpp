// Output sink, format names, the writer protocol and the whole-result-set helpers.
#include <cerrno>
#include <cstring>

#include "sparql/results/writer.h"
#include "sparql/results/writer_impl.h"

namespace hamlet::sparql::results {

Status Output::Write(std::string_view bytes) {
  if (str_ != nullptr) {
    str_->append(bytes);
    return Status::Ok();
  }
  if (file_ == nullptr) return Status::InvalidArgument("result writer has no output");
  if (bytes.empty()) return Status::Ok();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return Status::IoError(std::string("writing results failed: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status Output::Flush() {
  if (file_ != nullptr && std::fflush(file_) != 0) {
    return Status::IoError(std::string("flushing results failed: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Result<Format> FormatFromName(std::string_view name) {
  if (name == "json" || name == "srj") return Format::kJson;
  if (name == "xml" || name == "srx") return Format::kXml;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  if (name == "table") return Format::kTable;
  return Status::InvalidArgument("unknown results format '" + std::string(name) +
                                 "' (expected json, xml, csv, tsv or table)");
}

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kJson:
      return "json";
    case Format::kXml:
      return "xml";
    case Format::kCsv:
      return "csv";
    case Format::kTsv:
      return "tsv";
    case Format::kTable:
      return "table";
  }
  return "?";
}

std::string_view FormatMediaType(Format f) {
  switch (f) {
    case Format::kJson:
      return "application/sparql-results+json";
    case Format::kXml:
      return "application/sparql-results+xml";
    case Format::kCsv:
      return "text/csv; charset=utf-8";
    case Format::kTsv:
      return "text/tab-separated-values; charset=utf-8";
    case Format::kTable:
      return "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}

std::unique_ptr<ResultWriter> CreateWriter(Format format, Output out,
                                           const WriterOptions& options) {
  switch (format) {
    case Format::kJson:
      return internal::NewJsonWriter(out);
    case Format::kXml:
      return internal::NewXmlWriter(out);
    case Format::kCsv:
      return internal::NewCsvWriter(out);
    case Format::kTsv:
      return internal::NewTsvWriter(out);
    case Format::kTable:
      return internal::NewTableWriter(out, options);
  }
  return nullptr;
}

Status WriteResultSet(const ResultSet& rs, ResultWriter* writer) {
  if (rs.is_boolean) return writer->WriteBoolean(rs.boolean);
  HAMLET_RETURN_IF_ERROR(writer->Start(rs.variables));
  for (const auto& row : rs.rows) HAMLET_RETURN_IF_ERROR(writer->Row(row));
  return writer->Finish();
}

Result<std::string> WriteToString(Format format, const ResultSet& rs,
                                  const WriterOptions& options) {
  std::string text;
  auto writer = CreateWriter(format, Output(&text), options);
  HAMLET_RETURN_IF_ERROR(WriteResultSet(rs, writer.get()));
  return text;
}

namespace internal {

Status BaseWriter::Start(const std::vector<std::string>& variables) {
  if (state_ != State::kInit) return Status::InvalidArgument("ResultWriter::Start called twice");
  state_ = State::kRows;
  width_ = variables.size();
  return DoStart(variables);
}

Status BaseWriter::Row(const std::vector<std::optional<rdf::Term>>& row) {
  if (state_ != State::kRows) {
    return Status::InvalidArgument("ResultWriter::Row called outside Start/Finish");
  }
  if (row.size() != width_) {
    return Status::InvalidArgument("result row has " + std::to_string(row.size()) +
                                   " cells, expected " + std::to_string(width_));
  }
  return DoRow(row);
}

Status BaseWriter::Finish() {
  if (state_ != State::kRows) {
    return Status::InvalidArgument("ResultWriter::Finish called without Start");
  }
  state_ = State::kDone;
  HAMLET_RETURN_IF_ERROR(DoFinish());
  return out_.Flush();
}

Status BaseWriter::WriteBoolean(bool value) {
  if (state_ != State::kInit) {
    return Status::InvalidArgument("ResultWriter::WriteBoolean called after Start");
  }
  state_ = State::kDone;
  HAMLET_RETURN_IF_ERROR(DoBoolean(value));
  return out_.Flush();
}

}  // namespace internal
}  // namespace hamlet::sparql::results
