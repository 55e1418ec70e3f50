// Internal to sparql/results: the writer base class enforcing the call protocol, and the
// factories of each format. Not part of the public API.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sparql/results/writer.h"

namespace hamlet::sparql::results::internal {

class BaseWriter : public ResultWriter {
 public:
  explicit BaseWriter(Output out) : out_(out) {}
  Status Start(const std::vector<std::string>& variables) final;
  Status Row(const std::vector<std::optional<rdf::Term>>& row) final;
  Status Finish() final;
  Status WriteBoolean(bool value) final;

 protected:
  virtual Status DoStart(const std::vector<std::string>& variables) = 0;
  virtual Status DoRow(const std::vector<std::optional<rdf::Term>>& row) = 0;
  virtual Status DoFinish() = 0;
  virtual Status DoBoolean(bool value) = 0;
  Output out_;

 private:
  enum class State { kInit, kRows, kDone };
  State state_ = State::kInit;
  size_t width_ = 0;
};

std::unique_ptr<ResultWriter> NewJsonWriter(Output out);
std::unique_ptr<ResultWriter> NewXmlWriter(Output out);
std::unique_ptr<ResultWriter> NewCsvWriter(Output out);
std::unique_ptr<ResultWriter> NewTsvWriter(Output out);
std::unique_ptr<ResultWriter> NewTableWriter(Output out, const WriterOptions& options);

// True when `lexical` of a literal with `datatype` can be written as a bare Turtle token
// (INTEGER, DECIMAL, DOUBLE, true/false) that reads back as the same term.
bool IsBareTurtleToken(const std::string& lexical, const std::string& datatype);
// The datatype a bare Turtle token (INTEGER, DECIMAL, DOUBLE, true/false) stands for; empty
// when `token` is not one.
std::string_view BareTokenDatatype(const std::string& token);

}  // namespace hamlet::sparql::results::internal
